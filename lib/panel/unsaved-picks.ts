/**
 * What an insertion teaches — the reply's usage count, the agent's pick for the buyer's message (the
 * learned picks that rank suggestions), the buyer's "replies used" line — when the worker could not
 * store it. The reply is in the chat box either way: the agent is never held up for bookkeeping.
 * Before, a full disk dropped these without a word; now the panel says so in its notice line (a
 * status, never a dialog, never taking the caret from the chat box), keeps them in the page's memory
 * and sends them again, oldest first, with the next insertion and whenever another write gets
 * through (a note saved on the card, a follow-up: there is room again), then says they were saved.
 *
 * Memory, not storage: storage is what failed. Bounded (MAX_KEPT records, about 20 insertions; each
 * is a buyer message of at most 2,000 characters and a few ids): past it the oldest goes, and the
 * notice says that part was given up. What the worker refuses, or what fails otherwise MAX_TRIES
 * times, is given up too (worthRetrying, lib/messaging/retry.ts). Lives in the suggest feature
 * script (every insertion renders with it, so it is in before the first record), not in content.js.
 */
import { call, onDataChanged } from '../messaging/client';
import type { Req } from '../messaging/protocol';
import { reasonText } from '../messaging/reason';
import { worthRetrying } from '../messaging/retry';
import { registerMessages, setLocale, t } from '../i18n';
import { suggestPanelMessages } from '../i18n/messages/suggest-panel';
import { outdatedPanel } from '../i18n/messages/outdated';
import type { Notice, PanelController } from './controller';
import type { FeatureHost } from './features';
import type { Template } from '../domain/templates/types';
import type { ScenarioId } from '../domain/scenarios';
import { wordedTurns } from '../sites/dom';

// This script's own copy of the lookup (the content script's is another module instance).
registerMessages(suggestPanelMessages);
registerMessages(outdatedPanel);

export type KeptVerb = 'recordUsage' | 'learnPick' | 'addCustomerEvent';

interface Kept {
  verb: KeptVerb;
  req: Req<KeptVerb>;
  tries: number;
}

export const MAX_KEPT = 60;

/** For the page's life, across panels (navigation inside the console mounts a new one). */
const kept: Kept[] = [];
let sending = false;
/** Some were given up (over the bound, or not worth another try) since the notice last said so. */
let gaveUp = false;
/** The notice says some are kept: once they are all in, it says so. */
let warned = false;
let panel: PanelController | null = null;
let listening = false;

/**
 * What an insertion of `template` (or the agent's `chip`, a corrected situation) teaches, read from
 * the panel as it is now: the reply's usage count, a labelled example for the learned picks, the
 * buyer's replies-used line (once per reply and day, the worker's rule).
 */
export function learn({ controller, adapter }: FeatureHost, template: Template | null, chip?: ScenarioId): void {
  const s = controller.store.get();
  const scenario = chip ?? s.scenarioOverride ?? s.classification?.top[0] ?? null;
  if (template) keep(controller, 'recordUsage', { templateId: template.id, scenario });
  // A picture teaches nothing: the words it came with do.
  const message = wordedTurns(s.buyerMessages).at(-1);
  // A follow-up (然后呢) took its need from the conversation: its words alone teach nothing.
  if (message && scenario && scenario !== 'other' && !s.classification?.followUp)
    keep(controller, 'learnPick', { message, buyer: s.buyer, scenario, templateId: template?.id ?? null, source: template ? 'insert' : 'chip' });
  if (template && s.buyer && adapter)
    keep(controller, 'addCustomerEvent', { platform: adapter.platform, nickname: s.buyer, buyerId: s.buyerId, kind: 'template-used', text: template.title, ref: template.id });
}

/** Sends `req` now; if the worker cannot store it, keeps it to send again. */
function keep<V extends KeptVerb>(ctl: PanelController, verb: V, req: Req<V>): void {
  panel = ctl;
  kept.push({ verb, req, tries: 0 });
  if (kept.length > MAX_KEPT) {
    kept.shift();
    gaveUp = true;
  }
  void flush();
}

/** Sends what is kept, oldest first, until one fails (the disk is still full: the rest would too). */
export async function flush(): Promise<void> {
  if (sending || !kept.length) return;
  sending = true;
  if (panel) setLocale(panel.store.get().settings.shop.locale);
  let reason = '';
  try {
    while (kept.length) {
      const item = kept[0]!;
      try {
        await call(item.verb, item.req as never);
        kept.shift();
      } catch (err) {
        console.warn(`[kf] ${item.verb} failed`, (err as Error).message);
        reason = reasonText(err);
        if (worthRetrying(err, ++item.tries)) break;
        kept.shift();
        gaveUp = true;
      }
    }
  } finally {
    sending = false;
  }
  if (kept.length && !listening) {
    listening = true;
    // Another write got through (this tab or another): there may be room again.
    onDataChanged(['customers', 'followups', 'usage', 'learned', 'settings', 'library'], () => void flush());
  }
  say(reason);
}

/** The text of the notice this file last showed: replaced by the next, where another notice is kept. */
let shown = '';

function say(reason: string): void {
  if (!panel) return;
  const lost = gaveUp ? t('panel.unsavedGivenUp') : '';
  gaveUp = false;
  let text: string;
  let kind: Notice['kind'] = 'warn';
  if (kept.length) {
    text = t('panel.unsaved', { reason }) + lost;
    warned = true;
  } else if (warned || lost) {
    text = (warned ? t('panel.unsavedSaved') : '') + lost;
    if (!lost) kind = 'info';
    warned = false;
  } else return;
  const now = panel.store.get().notice;
  // A warning the insertion itself gave (today's cut-off is past) stays, this after it.
  const other = now && now.kind !== 'info' && now.text !== shown ? now : null;
  shown = other ? `${other.text} ${text}` : text;
  panel.store.set({ notice: { kind: other?.kind === 'error' ? 'error' : kind, text: shown } });
}
