import { browser, listen } from '../browser';
import type { DataArea, Envelope, Reply, Req, Res, Verb } from './protocol';

/** A call the background refused or failed; `code` is e.g. 'quota', 'invalid', 'forbidden', 'outdated'. */
export class CallError extends Error {
  override name = 'CallError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls a verb in the background. Throws CallError with the background's reason.
 *
 * A worker being stopped (idle, an update) cuts off a message in one of three ways, all seen in
 * Chromium (test/e2e/worker-stop.e2e.test.ts): rejected "Receiving end does not exist" (no worker
 * to take it), rejected "message channel closed" (the worker took it and stopped before answering),
 * or resolved with no reply at all (it reached the stopping worker before our listener, which
 * always answers, could run). The message is sent once more in each case, which starts a fresh
 * worker; only when that fails too is the background called unavailable. A worker that took the
 * message may have written before it stopped: both sends carry one `rid`, by which a handler that
 * creates a record (a note, a follow-up) names it, so the second send finds it made.
 */
export async function call<V extends Verb>(verb: V, ...args: Req<V> extends void ? [] : [Req<V>]): Promise<Res<V>> {
  // The extension was reloaded or updated under this page: sendMessage would throw "Extension
  // context invalidated" into it. No answer ever comes (the content script says why, in its panel).
  if (!browser.runtime?.id) return new Promise(() => {});
  const envelope: Envelope<V> = { kf: verb, payload: args[0] as Req<V>, rid: Math.random().toString(36).slice(2) };
  // A reply, or why there was none (rejected, or resolved with nothing).
  const send = () =>
    browser.runtime.sendMessage(envelope).then(
      (r) => (r as Reply<Res<V>> | undefined) ?? 'no reply',
      (err: Error | undefined) => err?.message ?? 'no reply',
    );
  let reply = await send();
  if (typeof reply === 'string') reply = await send();
  if (typeof reply === 'string') throw new CallError('unavailable', reply);
  // A worker that does not know the verb is older than this page: kept from before an update
  // (Chrome keeps the worker across a restart when the version is the same) — not the agent's input.
  if (!reply.ok) throw new CallError(reply.error.message == 'unknown message' ? 'outdated' : reply.error.code, reply.error.message);
  return reply.value;
}

const revKey = (area: DataArea) => `kf:rev:${area}`;

/** Runs `listener` whenever another context changes `area`. Returns an unsubscribe function. */
export function onDataChanged(areas: DataArea[], listener: (area: DataArea) => void): () => void {
  const keys = new Map(areas.map((a) => [revKey(a), a] as const));
  const handler = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local') return;
    for (const k of Object.keys(changes)) {
      const area = keys.get(k);
      if (area) listener(area);
    }
  };
  return listen(() => browser.storage?.onChanged, handler);
}

/** Background side: announce a change (a counter, never user data). */
export async function announceChange(area: DataArea): Promise<void> {
  await browser.storage.local.set({ [revKey(area)]: Date.now() + Math.random() });
}
