/**
 * Messages from an extension page (side panel, popup, options) to the content script of one tab:
 * ping (what can you do here?), startTeach, insertText, useReply, remindedHere. Separate from the background protocol: the
 * content script answers only messages from our own extension pages.
 */
import { answerWith, browser, listen, type Runtime } from '../browser';
import type { TabStatus } from './flow';

export interface TabProtocol {
  ping: [void, TabStatus];
  startTeach: [void, boolean];
  /**
   * Inserts at the caret of the page's chat input, never sends: through the in-page panel's own
   * insertion (its checks — the compliance guard holds a reply there with its words and why —, the
   * repeat count, what an insertion tells its listeners), as a click on a reply of the panel.
   */
  insertText: [{ text: string }, SideInsert];
  /**
   * A reply of the library, by id, inserted as the in-page panel's own click on it inserts it
   * (lib/teach/tab-messages-reply.ts): rendered there for the buyer the chat shows at that moment
   * ({买家} from the page, never the side panel's last look), `fills` the fill-ins the side panel
   * asked (what is still missing is asked in the page's panel), then the same checks as insertText.
   */
  useReply: [{ templateId: string; fills?: Record<string, string> }, SideInsert];
  /**
   * A reply the side panel just copied (`copied`) or inserted here: a 催付 reply marks the buyer the
   * chat shows now reminded, as the panel's own copy does (components/panel/FollowupActions.tsx
   * `remindedFromSide`, which checks the payload). `buyer` null: no buyer's chat here, nothing marked;
   * null: no panel in this tab (not a console page), nothing marked.
   */
  remindedHere: [{ templateId: string; copied: boolean }, RemindedHere | null];
}

/**
 * What became of a reply sent to the tab: `ok` and nothing else, in the chat box; `held`, held in the
 * page's panel until the agent decides (the compliance guard: the words and why are shown there);
 * `asked`, the page's panel asks for fill-ins first. Not `ok`: not there (`reason`: no-input where the
 * page shows no chat box, composing, unknown-reply…), for the side panel to copy it instead.
 */
export interface SideInsert {
  ok: boolean;
  held?: boolean;
  asked?: boolean;
  reason?: string;
}

/** What `remindedHere` did: for whom (as the panel names them), and whether they were marked (`error`: why not). */
export interface RemindedHere {
  buyer: string | null;
  marked?: boolean;
  error?: string;
}
export type TabVerb = keyof TabProtocol;

interface TabEnvelope {
  kfTab: TabVerb;
  payload?: unknown;
}

export function isTabEnvelope(msg: unknown): msg is TabEnvelope {
  return !!msg && typeof msg === 'object' && typeof (msg as { kfTab?: unknown }).kfTab === 'string';
}

/** Extension page side. Rejects when no content script of ours answers in that tab. */
export async function sendToTab<V extends TabVerb>(tabId: number, verb: V, payload?: TabProtocol[V][0]): Promise<TabProtocol[V][1]> {
  const reply = (await browser.tabs.sendMessage(tabId, { kfTab: verb, payload } satisfies TabEnvelope)) as TabProtocol[V][1] | TabFailure | undefined;
  if (reply === undefined) throw new Error('no content script answered');
  if (isTabFailure(reply)) throw new Error(reply.kfTabError);
  return reply;
}

/** What the content script sends back when its handler failed (otherwise the handler's value). */
interface TabFailure {
  kfTabError: string;
}
const isTabFailure = (r: unknown): r is TabFailure => !!r && typeof r === 'object' && typeof (r as TabFailure).kfTabError === 'string';

export type TabHandlers = { [V in TabVerb]: (payload: TabProtocol[V][0]) => Promise<TabProtocol[V][1]> | TabProtocol[V][1] };

/** Only our extension pages (not web pages, not other content scripts) may drive the content script. */
export function isFromExtensionPage(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && !sender.tab && !!sender.url?.startsWith(extensionOrigin);
}

/** Content script side. Stops listening when `signal` aborts. */
export function listenTabMessages(handlers: TabHandlers, signal: AbortSignal): void {
  const origin = browser.runtime.getURL('');
  const listener = answerWith((msg: unknown, sender: Runtime.MessageSender) => {
    if (!isTabEnvelope(msg) || !Object.hasOwn(handlers, msg.kfTab)) return undefined;
    if (!isFromExtensionPage(sender, browser.runtime.id, origin)) return undefined;
    const handler = handlers[msg.kfTab] as (p: unknown) => unknown;
    return Promise.resolve()
      .then(() => handler(msg.payload))
      .catch((err: unknown): TabFailure => ({ kfTabError: err instanceof Error ? err.message : String(err) }));
  });
  signal.addEventListener('abort', listen(() => browser.runtime?.onMessage, listener), { once: true });
}
