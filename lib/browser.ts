/**
 * The one place that names the WebExtension API. Chrome MV3 and Firefox both offer it with
 * promises natively (`chrome.*` / `browser.*`), so no polyfill is shipped: webextension-polyfill
 * cost every seller page ~10 KB of content script and every worker wake ~10 KB of parsing. Its
 * types stay. The one thing the polyfill added that browsers do not share — answering a message by
 * returning a promise from an onMessage listener — is done by `answerWith` below instead.
 * Import this from lib/ modules made for the runtime, never at the top of pure domain code.
 */
import type { Browser, Runtime } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

/** Firefox's `browser`, else Chrome's `chrome` (Chrome may also define a partial `browser`). */
export const browser: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';

/**
 * An onMessage listener that answers with a promise, in the form both Chrome and Firefox accept
 * (sendResponse + `return true`): `answer` returns undefined for messages that are not its own
 * (other listeners may answer), or a promise whose value is sent back. It must not reject (a
 * rejection is answered as an `internal` error Reply, so the sender is never left waiting).
 */
export function answerWith(
  answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined,
): Runtime.OnMessageListener {
  // Returning true (keep the channel open) or nothing (not ours) is what both browsers expect.
  return ((message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    const reply = answer(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } }));
    return true; // keeps the channel open until sendResponse
  }) as Runtime.OnMessageListener;
}

interface ExtensionEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/**
 * Adds `listener` to `event` (read at call time, e.g. `() => browser.storage.onChanged`) and
 * returns the way to take it off. In a content script the extension's runtime can go at any
 * moment (an update, a reload): Chrome then tears the API down piece by piece — `storage` may
 * already be gone while `runtime` is not — and the listeners go with it. So nothing here may
 * throw into the page: an API already gone adds nothing, and taking a listener off a dead event
 * (the clean-up that runs when the content script learns its runtime is gone) does nothing.
 */
export function listen<L>(event: () => ExtensionEvent<L> | undefined, listener: L): () => void {
  let target: ExtensionEvent<L> | undefined;
  try {
    target = event();
    target?.addListener(listener);
  } catch {
    target = undefined; // the runtime is already gone: there is nothing to listen to
  }
  return () => {
    try {
      target?.removeListener(listener);
    } catch {
      // gone with the runtime, and its listeners with it
    }
    target = undefined;
  };
}
