/**
 * The tab's side of a reply the browser's side panel inserts (TabProtocol `insertText`, `useReply`):
 * never written straight into the chat box — a shop that turns the compliance guard on has no side
 * door around it. It goes the in-page panel's own way (PanelController.useTemplate, insertReply): rendered for the
 * buyer the chat shows at that moment, fill-ins still missing asked in the page's panel, the features'
 * checks (the guard holds a reply with a WeChat id there, with its words and why, until the agent
 * decides; the repeat count; a held reply dropped at a buyer switch) and what an insertion tells (a
 * 催付 marks the buyer; usage is learned). Part of the suggest feature script, not of content.js.
 */
import type { PanelController } from '../panel/controller';
import type { SideInsert } from './tab-messages';

/**
 * Never an answer: the renderer's script did not come (the panel says so in the page), or the page's
 * checks never got their rules.
 */
const GIVE_UP_MS = 10_000;
/** A fill-in longer than this is no fill-in (a reply box takes a few hundred characters). */
const FILL_MAX = 500;

/** Checks what an extension page sent (`{ text }` or `{ templateId, fills }`) and inserts it as the panel would. */
export function replyFromSide(panel: PanelController, payload: unknown): Promise<SideInsert> {
  const p = payload as { text?: unknown; templateId?: unknown; fills?: unknown } | null;
  let go: (told: (r: SideInsert) => void) => void;
  if (typeof p?.templateId === 'string') {
    const fills: Record<string, string> = {};
    if (p.fills !== undefined) {
      if (!p.fills || typeof p.fills !== 'object' || Array.isArray(p.fills)) throw new Error('useReply: fills must be names with their text');
      for (const [k, v] of Object.entries(p.fills)) {
        if (typeof v !== 'string' || v.length > FILL_MAX) throw new Error(`useReply: the fill-in ${k} must be a text of at most ${FILL_MAX} characters`);
        fills[k] = v;
      }
    }
    const template = panel.store.get().library?.templates.find((x) => x.id === p.templateId);
    // The page's library not (yet) read, or changed since: nothing goes in unrendered.
    if (!template) return Promise.resolve({ ok: false, reason: 'unknown-reply' });
    // As the panel's own click on the reply (fill-ins, checks, listeners).
    go = (told) => panel.useTemplate(template, 'insert', undefined, { fills, told });
  } else if (typeof p?.text === 'string') {
    const text = p.text;
    // As a rewrite the panel puts in: no reply of the library, the same checks.
    go = (told) => panel.insertReply(null, text, { via: 'panel' }, told);
  } else throw new Error('insertText: a text, or useReply: a reply id');
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => resolve({ ok: false, reason: 'no-engine' }), GIVE_UP_MS);
    // Told once the page knows: in (or not), asked, or held for the agent — at once, as the guard shows
    // it to her. A page's first reply waits while the guard loads its rules, and nothing is told meanwhile.
    go((r) => {
      clearTimeout(giveUp);
      resolve(r);
    });
  });
}
