import type { ComponentChildren } from 'preact';
import { buyerLabel } from '@/lib/domain/customers/buyer-tag';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { usePanel, usePanelState } from '../PanelContext';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { call, onDataChanged } from '@/lib/messaging/client';
import { ORDER_ID, PROMISE_DRAFT_MAX, type AddFollowupRequest, type PanelKind, type PromiseDraft } from '@/lib/messaging/protocol-followups';
import type { Res } from '@/lib/messaging/protocol';
import type { ScenarioId } from '@/lib/domain/scenarios';
import { registerMessages, t } from '@/lib/i18n';
import { followupsPanel, followupsPanelForm } from '@/lib/i18n/messages/followups-panel';
import { outdatedPanel } from '@/lib/i18n/messages/outdated';
import type { HandoverTargets } from '@/lib/messaging/protocol-followups';
import { HandoverPicker, decodeTarget, targetName } from '../HandoverPicker';
import { reasonText } from '@/lib/messaging/reason';
import { FollowupButtons } from './FollowupButtons';
import { OrderNoteForm } from './OrderNoteForm';
import { TooLong, invalidIf, overBy, tooLongText } from '../TooLong';
import { pageSentence } from '../PageText';
import { NOTE_MAX, NOTES_MAX, notesFullRoom } from '@/lib/domain/followups/notes';
import { futureShopTime } from '@/lib/domain/followups/snooze';
import { isPaymentReminder } from '@/lib/domain/followups/payment-reply';
import type { Template } from '@/lib/domain/templates';
import { formatWall } from '@/lib/domain/time';
import { followupSettingsOf, shopZone } from '@/lib/storage/settings';
import { promiseDue } from '@/lib/domain/followups/due-words';
import { shopZoneLabel } from '../popup/format';
import { roveKeys } from '@/lib/panel/rove-keys';

registerMessages(followupsPanel);
registerMessages(followupsPanelForm);
registerMessages(outdatedPanel);

/**
 * Drawn with the section in the panel's shadow root, from the follow-ups feature script: not in PANEL_CSS, which every seller page loads.
 * 交给… has a line of its own: inline after the buttons, it wrapped or not by the width of its longest
 * choice, so its arrival (HandoverPicker holds its place meanwhile) could still move the forms below.
 */
export const FOLLOWUP_CSS = `
.kf-fu-promise { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; margin-top: 4px; }
.kf-fu-promise label { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
/* The time's label stays whole: beside 时间均为北京时间 and the picker it was squeezed to "Answ|er by", "截止（可|选）". */
.kf-fu-label { white-space: nowrap; }
/* A typed field takes the rest of its line: a 19-digit order number or the reason's hint was cut off. */
.kf-fu-promise > input:not([type]) { flex: 1 1 9em; min-width: 9em; }
.kf-fu-promise > input.kf-fu-order { flex-basis: 13em; min-width: 13em; }
.kf-handover { display: flex; width: fit-content; align-items: center; gap: 4px; font-size: 12px; color: #646a73; margin: 2px 0; }
.kf-handover select { font: inherit; font-size: 12px; padding: 0 2px; border: 1px solid #c9cdd4; border-radius: 4px; }
.kf-fu-rows { display: flex; flex-direction: column; gap: 1px; max-height: 12em; overflow-y: auto; margin: 2px 0 6px; }
.kf-fu-row { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; text-align: left; font: inherit; font-size: 12px; color: inherit; padding: 2px 6px; border: 1px solid transparent; border-radius: 4px; background: none; cursor: pointer; }
.kf-fu-row:hover { background: #f2f3f5; }
.kf-fu-row[aria-pressed="true"] { border-color: #3370ff; background: #f0f4ff; }
.kf-fu-row:focus-visible { outline: 2px solid #3370ff; outline-offset: -2px; }
.kf-fu-row-no { font-variant-numeric: tabular-nums; }
`;
/** A button of the section, as the content script's buttons name it (followup-buttons.tsx) before this loads. */
export type FollowupAct = 'inquiry' | 'promised' | 'bad-review';

/**
 * The after-sales items the 售后 form adds, named as the list names their kinds; 'exchange' is a
 * 待收退货 for an exchange parcel (its reason: send the new item once it is in).
 */
const AFTER = ['return-pending', 'exchange', 'refund-to-pay', 'call-back'] as const;
type After = (typeof AFTER)[number];
type Add = (req: AddFollowupRequest) => Promise<Res<'addFollowup'>>;

const defaultAdd: Add = (req) => call('addFollowup', req);
const defaultTargets = () => call('handoverTargets');


/**
 * One buyer's part of the form. Kept per buyer in this panel's memory (like the card's quick note):
 * an agent who switches away mid-sentence (another buyer wrote) finds the note waiting when they
 * come back, and it never follows them to the next buyer. A 承诺答复 with a note is also kept by the
 * worker for this tab (keepPromiseDraft), so a reload of the page brings it back.
 */
interface Draft {
  promising?: boolean;
  /** The 售后 form is open, with what it adds, and for which order. */
  after?: boolean;
  afterKind?: After;
  order?: string;
  /** The 售后 form's own time and note: a promise half typed must not turn up in it, nor the reverse. */
  afterDue?: string;
  afterNote?: string;
  due?: string;
  note?: string;
  /** The 中差评 form is open, with its order number and note. */
  reviewing?: boolean;
  reviewOrder?: string;
  reviewNote?: string;
  /** The 咨询未拍 just added takes its reason (why the buyer did not order), typed here. */
  asking?: boolean;
  reason?: string;
  handTo?: string;
  status?: { ok: boolean; text: ComponentChildren };
  /** A 催付 reply inserted (or `copied`) for this buyer marked these orders reminded at `at` (the line with 撤销). */
  reminded?: { at: number; orders: string[]; templateId: string; copied?: boolean };
  /** Whose draft it is, and the situation shown when the note was typed: added from another buyer's panel, it goes to them. On an order page, the order too. */
  who?: { buyer: string; buyerId: string | null; scenarios?: ScenarioId[]; orderId?: string };
}

/**
 * The one order an order page's panel acts for: on a list, the row the agent picked (`picked`, see
 * listPick), else the order whose remark box is open, else the page's only order (a detail or memo
 * page, a list read to one row). Its buyer as the row shows them ('' where the page shows none:
 * Taobao's memo page). A list of several orders with none picked and no box open has none.
 */
export function pageOrder(s: Pick<PanelState, 'orders' | 'remarkEditor'>, picked: string | null = null): { orderId: string; buyer: string; buyerId: string | null } | null {
  const orderId = picked ?? s.remarkEditor?.orderId ?? (s.orders.length === 1 ? s.orders[0]!.orderId : null);
  if (!orderId) return null;
  const row = s.orders.find((o) => o.orderId === orderId);
  return { orderId, buyer: row?.buyer.trim() ?? '', buyerId: row?.buyerId ?? null };
}

/** Per panel, on a list of several orders: the order picked for the follow-ups, and the remark box seen last. */
const picks = new WeakMap<PanelController, { orderId: string | null; box: string | null }>();

/**
 * A list's order for the follow-ups: the row the agent picked in the panel's list of the rows read,
 * or the order whose remark box opened since (opening a box on the page is a pick too); a box that
 * closes leaves the pick. A picked order the list no longer shows (another page, a filter) is let go.
 */
function listPick(panel: PanelController, s: Pick<PanelState, 'orders' | 'remarkEditor'>): string | null {
  const box = s.remarkEditor?.orderId ?? null;
  const had = picks.get(panel) ?? { orderId: null, box: null };
  let orderId = box && box !== had.box ? box : had.orderId;
  if (orderId && orderId !== box && !s.orders.some((o) => o.orderId === orderId)) orderId = null;
  picks.set(panel, { orderId, box });
  return orderId;
}

/** Per panel, once: a 催付 reply inserted (or copied) marks the buyer's 拍下未付 reminded; the value redraws the section. */
const reminding = new WeakMap<PanelController, () => void>();

/**
 * A reply whose main situation is 付款 went into this buyer's chat: the worker marks their open unpaid
 * orders reminded (lib/domain/followups/reminded.ts) and the buyer's line says which, with 撤销. Told by
 * the panel after the insertion (onInserted), for the buyer the chat box was for then. A copy on the
 * chat page counts too (onCopied: no chat box found, or the 复制 button): the agent pastes and sends
 * that reminder by hand, and the list must not ask for it again. The line says it was copied, and
 * 撤销 takes it back for an agent who did not send it.
 */
function watchReminders(panel: PanelController, drafts: Map<string, Draft>): void {
  if (reminding.has(panel)) return;
  reminding.set(panel, () => {});
  panel.onInserted?.((_text, _req, template) => void remind(panel, drafts, template, false)?.catch(() => {}));
  panel.onCopied?.((_text, template) => void remind(panel, drafts, template, true)?.catch(() => {}));
}

/**
 * The worker told of a 催付 reply for the buyer the panel shows now (see watchReminders), and their line
 * with 撤销 set; null where it is no such thing (no buyer, not a chat page, not a 催付 reply).
 */
function remind(panel: PanelController, drafts: Map<string, Draft>, template: Template | null, copied: boolean): Promise<Res<'remindedUnpaid'>> | null {
  const { buyer, buyerId, pageKind } = panel.store.get();
  if (!buyer || !template || !isPaymentReminder(template) || (pageKind && pageKind !== 'chat')) return null;
  const key = `${buyerId}\n${buyer}`;
  // Copied, the item's line and close say so (催过（已复制）): a lead tells it from a reminder that went into the chat box.
  return call('remindedUnpaid', { buyer, buyerId, platform: panel.platform() ?? undefined, templateId: template.id, ...(copied ? { copied } : {}) }).then((r) => {
    // Kept with no item to mark (the order is younger than the list's wait): still said, with 撤销.
    if (!r.ids.length && !r.kept) return r;
    drafts.set(key, { ...drafts.get(key), status: undefined, reminded: { at: r.at, orders: r.orders, templateId: template.id, ...(copied ? { copied } : {}) } });
    // (The section not drawn yet — a folded panel: its line is there when it is.)
    reminding.get(panel)?.();
    return r;
  });
}

/**
 * A reply the browser's side panel copied (or inserted) while serving this tab (lib/teach/tab-messages.ts
 * `remindedHere`): a 催付 reply marks the buyer this chat shows now, as the panel's own copy does — the
 * same line with 撤销 here, the popup's list and the order list no longer asking to remind them. The side
 * panel knows the tab only by the nickname of its last look, stale after a switch inside the chat and
 * shared by namesakes; so the tab decides whom, when the message comes (after a switch's waiting read),
 * with the console's buyer id. `buyer` (labelled as the panel shows them) null: no buyer's chat here, nothing marked. `marked` false: the buyer was
 * not marked (`error`: the worker's refusal; none: this tab's library has no such 催付 reply).
 */
export async function remindedFromSide(panel: PanelController, payload: unknown): Promise<{ buyer: string | null; marked?: boolean; error?: string }> {
  const p = payload as { templateId?: unknown; copied?: unknown } | null;
  if (typeof p?.templateId !== 'string' || typeof p.copied !== 'boolean') throw new Error('remindedHere: a reply id and whether it was copied');
  panel.flushRead();
  const { buyer, buyerId, pageKind, library } = panel.store.get();
  if (!buyer || pageKind !== 'chat') return { buyer: null };
  // As the panel names them: a masked name with its tag, which a namesake's does not share.
  const who = buyerLabel(buyer, buyerId);
  const template = library?.templates.find((x) => x.id === p.templateId) ?? null;
  const drafts = panels.get(panel) ?? panels.set(panel, new Map()).get(panel)!;
  try {
    const r = await remind(panel, drafts, template, p.copied);
    // Not marked without a refusal: this tab's library does not have it as a 催付 reply (the side panel words it).
    return { buyer: who, marked: !!r && (!!r.ids.length || !!r.kept) };
  } catch (err) {
    return { buyer: who, marked: false, error: reasonText(err) };
  }
}

/** A 承诺答复 typed for a buyer and not added: said on the other buyers' panels until it is added or dropped. */

/** The orders a reminder marked, as the buyer's line names them (订单 4012…、订单 4013…). */
const ordersText = (orders: readonly string[]) => orders.filter(Boolean).map((order) => t('followups.panel.orderNo', { order })).join(t('followups.panel.orderSep'));

/** Whom a draft is for, as the line about it names them: the buyer (with the tag of a masked name), else the order of an order page that shows no buyer. */
const whoLabel = (w: NonNullable<Draft['who']>) => (w.buyer ? buyerLabel(w.buyer, w.buyerId) : t('followups.panel.orderNo', { order: w.orderId ?? '' }));

const unsaved = (d: Draft | undefined): d is Draft & { who: NonNullable<Draft['who']> } => !!(d?.promising && d.note?.trim() && d.who);
const panels = new WeakMap<PanelController, Map<string, Draft>>();
/** Per panel: the drafts this tab kept before a reload, once they are read back into its map. */
const restored = new WeakMap<PanelController, Promise<unknown>>();

/** Drafts whose item is being added (a save may answer after a switch): not offered again meanwhile. */
const saving = new Set<string>();

/** What the worker holds for each buyer key (JSON; absent: nothing; '': not known), and the keys still to send. */
const kept = new Map<string, string>();
const toKeep = new Map<string, Map<string, Draft>>();
let keeping: Promise<unknown> = Promise.resolve();

/** What the worker is to keep for a draft (JSON of a PromiseDraft): null where there is no 承诺答复 to keep. */
function keptDraft(d: Draft | undefined): string | null {
  if (!unsaved(d)) return null;
  const v: PromiseDraft = { buyer: d.who.buyer, buyerId: d.who.buyerId, note: d.note!, due: d.due, handTo: d.handTo, scenarios: d.who.scenarios, orderId: d.who.orderId };
  const json = JSON.stringify(v);
  return json.length <= PROMISE_DRAFT_MAX ? json : null;
}

/**
 * Has the worker keep (or drop) `k`'s 承诺答复 for a reload of this tab. One call at a time, with the
 * draft as it is when the call goes: keystrokes never overtake each other, a burst of them is one
 * call, and nothing is sent before the kept drafts are read back (a click then cannot drop one).
 */
function keep(drafts: Map<string, Draft>, k: string): void {
  if (toKeep.has(k)) return;
  toKeep.set(k, drafts);
  keeping = keeping.then(() => {
    toKeep.delete(k);
    const v = keptDraft(drafts.get(k));
    if ((kept.get(k) ?? null) === v) return;
    if (v) kept.set(k, v);
    else kept.delete(k);
    return call('keepPromiseDraft', { key: k, draft: v }).catch(() => void kept.set(k, '')); // unknown: the next change is sent
  });
}

/** A kept draft as this panel wrote it (anything else is skipped). */
function readDraft(json: string): PromiseDraft | null {
  try {
    const d = JSON.parse(json) as PromiseDraft;
    return typeof d.buyer === 'string' && typeof d.note === 'string' && (d.buyerId === null || typeof d.buyerId === 'string') ? d : null;
  } catch {
    return null;
  }
}

/**
 * Reads this tab's kept drafts back (after a reload) into `drafts`. A buyer whose form got a note
 * since keeps what was typed; one whose form is empty gets the kept note.
 */
function restore(drafts: Map<string, Draft>): Promise<unknown> {
  keeping = keeping.then(() =>
    call('promiseDrafts').then(
      (list) => {
        for (const [k, json] of list) {
          const d = readDraft(json);
          if (!d) continue;
          kept.set(k, json);
          const now = drafts.get(k);
          if (!now?.note?.trim()) drafts.set(k, { ...now, promising: true, note: d.note, due: d.due, handTo: d.handTo, who: { buyer: d.buyer, buyerId: d.buyerId, scenarios: d.scenarios, orderId: d.orderId } });
        }
      },
      () => {},
    ),
  );
  return keeping;
}

/**
 * After a change of the buyer notes: a buyer's draft the worker held for this tab and holds no more
 * was taken with the buyer (客户档案 → 删除, 删除全部数据: lib/storage/forget-drafts.ts), and leaves
 * this panel's memory too — it used to stay until a reload, and one Enter added it back for a buyer
 * the agent had deleted. Asked after the keeps sent before (`keeping`), so only a draft the worker
 * had confirmed counts; a tab without one asks nothing. Resolves true when one went.
 */
function dropForgotten(drafts: Map<string, Draft>): Promise<boolean> {
  let dropped = false;
  keeping = keeping.then(() => {
    const held = [...kept].filter(([, json]) => json);
    if (held.length)
      return call('promiseDrafts').then((list) => {
        const still = new Set(list.map(([k]) => k));
        for (const [k] of held) if (!still.has(k) && kept.get(k)) kept.delete(k), drafts.delete(k), (dropped = true);
      }, () => {});
  });
  return keeping.then(() => dropped);
}

/**
 * Chat-page buttons that put the buyer in front of the agent on the follow-up list: 咨询未拍
 * (asked, not ordered), 承诺答复 (promised answer, with a time), 中差评 (bad review).
 * The background links the item to this page and marks it a handover item at night. 交给… hands
 * the item to the next shift or (team mode) a colleague as it is made.
 */
export function FollowupActions(props: { add?: Add; targets?: () => Promise<HandoverTargets>; first?: readonly FollowupAct[] }) {
  const panel = usePanel();
  const s = usePanelState();
  const add = props.add ?? defaultAdd;
  const [, redraw] = useState(0);
  const drafts = panels.get(panel) ?? panels.set(panel, new Map()).get(panel)!;
  watchReminders(panel, drafts);
  reminding.set(panel, () => redraw((n) => n + 1));
  if (!restored.has(panel)) restored.set(panel, restore(drafts));
  useEffect(() => void restored.get(panel)!.then(() => redraw((n) => n + 1)), []);
  useEffect(() => onDataChanged(['customers'], () => void dropForgotten(drafts).then((gone) => gone && redraw((n) => n + 1))), []);
  /**
   * The field a form the agent just opened takes the keys in (after its render): with them left on
   * the button, what was typed next went nowhere and Enter closed the form again. In the render's own
   * task: after a paint it took the keys from a field the agent had already clicked into and typed in.
   */
  const section = useRef<HTMLElement>(null);
  const focusTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    const to = focusTo.current;
    focusTo.current = null;
    if (to) section.current?.querySelector<HTMLElement>(to)?.focus();
  });
  /** undefined until the worker answers (the picker holds its row meanwhile); null: none to offer. */
  const [targets, setTargets] = useState<HandoverTargets | null | undefined>(undefined);
  useEffect(() => {
    (props.targets ?? defaultTargets)().then(setTargets, () => setTargets(null));
  }, []);
  // On an order page: its one order, and that order's buyer (see pageOrder). On a list of several
  // orders, the rows read (once each), to pick the one the actions are for.
  const orderPage = !!s.pageKind && s.pageKind !== 'chat';
  const rows = orderPage && s.orders.length > 1 ? [...new Map(s.orders.map((o) => [o.orderId, o])).values()] : null;
  const forOrder = orderPage ? pageOrder(s, rows ? listPick(panel, s) : null) : null;
  const { buyer, buyerId } = forOrder ?? s;
  const orderId = forOrder?.orderId;
  // Clicks (or Enter/Space) on the content script's buttons while this script was loading: done now, in order.
  useEffect(() => void (buyer && props.first?.forEach(act)), []);
  // Someone or some order to act for (a list with none picked shows only its rows).
  const acting = !!(buyer || orderId);
  if (!acting && !rows) return null;
  // By name and id: two buyers may share a masked nickname. An order page's by its order.
  const key = orderId ? `#${orderId}` : `${buyerId}\n${buyer}`;
  const { promising, due = '', note = '', handTo = '', status, reminded } = drafts.get(key) ?? {};
  /** Changes this buyer's draft (the buyer the agent acted for: a save may return after a switch). */
  const set = (d: Draft) => {
    drafts.set(key, { ...drafts.get(key), ...d });
    keep(drafts, key);
    redraw((n) => n + 1);
  };

  // The situation chips shown: opening the item later offers replies for what was asked.
  const scenarios = s.scenarioOverride ? [s.scenarioOverride] : s.classification?.top;
  /**
   * Adds an item. `forKey`: another buyer's unsaved 承诺答复 (the line below the buttons), added for
   * that buyer with their note, due time and 交给…; the line saying so is this buyer's. `form`: the
   * form the item comes from, whose note it takes and which it clears once added: 中差评 from its own
   * ('review'), the reason typed after a 咨询未拍 from 'reason'; the 咨询未拍 click from none. A 承诺答复
   * or 售后 being typed is left as it was (the others used to take its note and clear it).
   */
  const submit = async (
    kind: PanelKind,
    dueAt?: number,
    forKey = key,
    more: { orderId?: string; exchange?: boolean } = {},
    form: 'promise' | 'after' | 'review' | 'reason' | null = 'promise',
  ) => {
    const platform = panel.platform() ?? undefined;
    const d = drafts.get(forKey) ?? {};
    const who = forKey === key ? { buyer: buyer ?? '', buyerId, scenarios, orderId } : d.who!;
    // Too long: nothing added and nothing cut; the note stays whole and this buyer's line says by how much.
    const noteText = (form === 'after' ? d.afterNote : form === 'promise' ? d.note : form === 'review' ? d.reviewNote : form === 'reason' ? d.reason : undefined)?.trim() ?? '';
    if (overBy(noteText, NOTE_MAX)) return set({ status: { ok: false, text: tooLongText(noteText, NOTE_MAX) } });
    // Added from a form the agent typed in (Enter): the form goes, and the keys go back to the chat box at its caret —
    // only from the field they were in: a slow save (a worker starting again, stuck work) left the agent time to
    // click elsewhere and type on, and the keys jumped into the chat box mid-word (until 2026-12-07).
    const root = section.current?.getRootNode() as ShadowRoot | Document | undefined;
    const field = form && root?.activeElement && section.current?.contains(root.activeElement) ? root.activeElement : null;
    saving.add(forKey);
    try {
      const to = decodeTarget(d.handTo ?? '');
      const item = await add({
        // On an order page the item is that order's (a form's own order number, typed, goes first).
        kind, buyer: who.buyer, buyerId: who.buyerId, platform, note: noteText || undefined, dueAt, ...(who.orderId && { orderId: who.orderId }), ...more,
        scenarios: who.scenarios,
        ...(to ? ('person' in to ? { toPerson: to.person } : { toShift: to.shift }) : {}),
      });
      // The title as the worker renders it in the interface's language (the stored one is Chinese).
      const added = pageSentence(form === 'reason' ? 'followups.panel.reasonSaved' : 'followups.panel.added', { title: item.shownTitle });
      // Each form's add leaves the other form as it was; 交给… was for this item only.
      if (form === 'after') drafts.set(forKey, { ...drafts.get(forKey), after: false, afterDue: undefined, afterNote: undefined, order: undefined });
      else if (form === 'promise') drafts.set(forKey, { ...drafts.get(forKey), promising: false, due: undefined, note: undefined, handTo: undefined });
      else if (form === 'review') drafts.set(forKey, { ...drafts.get(forKey), reviewing: false, reviewOrder: undefined, reviewNote: undefined, handTo: undefined });
      // The reason goes under the 咨询未拍 just added (the worker adds a note line to the open item).
      else if (form === 'reason') drafts.set(forKey, { ...drafts.get(forKey), asking: false, reason: undefined });
      // A 咨询未拍 is added with one click; its reason, when the agent has one, is typed after.
      else drafts.set(forKey, { ...drafts.get(forKey), handTo: undefined, ...(kind === 'inquiry' && { asking: true, reason: undefined }) });
      keep(drafts, forKey);
      set({ status: { ok: true, text: to ? <>{added} · {t('handover.done', { to: targetName(to) })}</> : added } });
      if (field && root?.activeElement === field) panel.backToChat?.();
    } catch (err) {
      // The buyer's open item of this kind takes the note (an inquiry registered again) and its notes
      // are full: refused whole (lib/domain/followups/notes.ts), the draft kept, the earlier notes too.
      const room = notesFullRoom(err);
      const text = room === null ? t('followups.panel.failed', { reason: reasonText(err) }) : t(room ? 'followups.panel.notesRoom' : 'followups.panel.notesFull', { room, max: NOTES_MAX });
      set({ status: { ok: false, text } });
    } finally {
      saving.delete(forKey);
    }
  };
  // Other buyers' 承诺答复 typed and not added (the agent switched away mid-way: another buyer wrote).
  // Kept for them, and said here, so a promise is never lost without a word: added for that buyer
  // (never this one) or dropped with a click; on that buyer's panel it is the open form, as left.
  const others = [...drafts].filter(([k, d]) => k !== key && unsaved(d) && !saving.has(k)) as [string, Draft & { who: NonNullable<Draft['who']> }][];

  function act(a: FollowupAct) {
    if (a === 'promised') {
      // The due time may stay empty (24 hours): the keys go to the note, what was promised.
      if (!drafts.get(key)?.promising) focusTo.current = '[data-kf="fu-note"]';
      set({ promising: !drafts.get(key)?.promising, after: false, reviewing: false });
    }
    // A bad review is about an order: its form takes the order number and a note (one item per order).
    else if (a === 'bad-review') {
      if (!drafts.get(key)?.reviewing) focusTo.current = '[data-kf="fu-review-order"]';
      set({ reviewing: !drafts.get(key)?.reviewing, promising: false, after: false });
    }
    else void submit(a, undefined, key, {}, null);
  }
  const zone = shopZone(s.settings);
  /**
   * A 承诺答复's add (this buyer's form, or another buyer's from the line below the buttons): a time
   * not later than now is refused as 售后 and the popup's 添加 refuse it, the draft kept whole.
   */
  const addPromise = (forKey: string) => {
    const dueAt = futureShopTime(drafts.get(forKey)?.due ?? '', zone, Date.now());
    if (dueAt === null) return set({ status: { ok: false, text: t('followups.panel.dueBad') } });
    void submit('promised-answer', dueAt, forKey);
  };
  // The fields are read as shop time: said beside them when the computer's clock is in another zone, as the popup says it.
  const zoneHint = shopZoneLabel(zone, Date.now(), 'followups.panel');
  // Before the settings are read there is no shift to read 明天上午 by: nothing said (the worker reads it anyway).
  const readDue = promising && note.trim() && s.settings ? promiseDue(note, Date.now(), followupSettingsOf(s.settings)) : null;
  const defaultHours = promising && s.settings ? followupSettingsOf(s.settings).promisedAnswerHours : 0;
  // On an order page both order fields start with its order (the agent may type another of the buyer's).
  const { after, afterKind = 'return-pending', order = orderId ?? '', afterDue = '', afterNote = '' } = drafts.get(key) ?? {};
  const { reviewing, reviewOrder = orderId ?? '', reviewNote = '', asking, reason = '' } = drafts.get(key) ?? {};
  /** The 中差评 form's add: the order number checked as 售后 checks it; without one, the buyer's one item. */
  const addReview = () => {
    const orderId = reviewOrder.trim();
    if (orderId && !ORDER_ID.test(orderId)) return set({ status: { ok: false, text: t('followups.panel.orderBad') } });
    void submit('bad-review', undefined, key, orderId ? { orderId } : {}, 'review');
  };
  /**
   * The 售后 form's add: a call-back needs its time; the others are due as the list's own rules say
   * (empty time). A time not later than now is refused, as the popup's 添加 refuses it: a mistyped
   * day would file an item already 已逾期.
   */
  const addAfter = () => {
    const dueAt = futureShopTime(afterDue, zone, Date.now());
    const orderId = order.trim();
    if (afterKind === 'call-back' && dueAt === undefined) return set({ status: { ok: false, text: t('followups.panel.callBackDue') } });
    if (dueAt === null) return set({ status: { ok: false, text: t('followups.panel.dueBad') } });
    if (orderId && !ORDER_ID.test(orderId)) return set({ status: { ok: false, text: t('followups.panel.orderBad') } });
    void submit(afterKind === 'exchange' ? 'return-pending' : afterKind, dueAt, key, { ...(orderId && { orderId }), ...(afterKind === 'exchange' && { exchange: true }) }, 'after');
  };

  /** A row picked in the list (click, Enter or Space): the actions below are for its order. */
  const pickRow = (id: string) => {
    picks.set(panel, { orderId: id, box: s.remarkEditor?.orderId ?? null });
    redraw((n) => n + 1);
  };
  // The list's one Tab stop (the arrow keys move it): the picked row, else the first.
  const stop = rows?.some((o) => o.orderId === orderId) ? orderId : rows?.[0]?.orderId;

  return (
    <section class="kf-followup" data-kf="followup-actions" ref={section}>
      <style>{FOLLOWUP_CSS}</style>
      {rows && (
        <>
          <p class="kf-label" id="kf-fu-rows-label" data-kf="fu-rows-hint">{t(orderId ? 'followups.panel.rowsPicked' : 'followups.panel.rowsPick', { count: rows.length })}</p>
          {/* Drawn in the panel, never in the console's rows: the rows as read, page text shown as text. */}
          <div class="kf-fu-rows" role="group" aria-labelledby="kf-fu-rows-label" data-kf="fu-rows" onKeyDown={roveKeys}>
            {rows.map((o) => (
              <button type="button" class="kf-fu-row" data-kf="fu-row" data-order-id={o.orderId} aria-pressed={o.orderId === orderId} tabIndex={o.orderId === stop ? 0 : -1} onClick={() => pickRow(o.orderId)}>
                <span class="kf-fu-row-no">{o.orderId}</span>
                <span>{o.buyer.trim() ? buyerLabel(o.buyer.trim(), o.buyerId ?? null) : t('followups.panel.rowNoBuyer')}</span>
                <span class="kf-muted">{t(`followups.panel.status.${o.status}`)}</span>
              </button>
            ))}
          </div>
        </>
      )}
      {/* Which order (and whose) the buttons below act for (above them all: 以下 names each): on a list, the row picked (or whose remark box opened). */}
      {orderId && <p class="kf-muted" data-kf="fu-for-order">{pageSentence(buyer ? 'followups.panel.forOrderOf' : 'followups.panel.forOrder', { order: orderId, buyer: buyer ? buyerLabel(buyer, buyerId) : '' })}</p>}
      {acting && <FollowupButtons onAct={act} promising={!!promising} reviewing={!!reviewing} order={!!orderId} />}
      {/* Drawn by this script only: the content script's first paint stays as small as it was. */}
      {acting && (
        <button
          class="kf-chip"
          data-kf="fu-after"
          aria-expanded={!!after}
          onClick={() => {
            if (!after) focusTo.current = '[data-kf="fu-after-kind"]';
            set({ after: !after, promising: false, reviewing: false });
          }}
        >
          {t('followups.panel.after')}
        </button>
      )}
      {/* The choice applies to the next item added: said at once, in place of an older line. */}
      {acting && (
        <HandoverPicker
          targets={targets}
          value={handTo}
          onChange={(v) => {
            const to = decodeTarget(v);
            set({ handTo: v, status: to ? { ok: true, text: t('followups.panel.handNext', { to: targetName(to) }) } : undefined });
          }}
          kf="fu-handover"
        />
      )}
      {promising && (
        <form
          class="kf-fu-promise"
          onSubmit={(e) => {
            e.preventDefault();
            addPromise(key);
          }}
        >
          <label>
            <span class="kf-fu-label">{t('followups.panel.promisedDue')}</span>
            {zoneHint && <span class="kf-muted" data-kf="fu-due-zone">{zoneHint}</span>}
            <input type="datetime-local" data-kf="fu-due" value={due} onInput={(e) => set({ due: e.currentTarget.value })} />
          </label>
          <input
            data-kf="fu-note"
            aria-invalid={invalidIf(note.trim(), NOTE_MAX)}
            placeholder={t('followups.panel.notePlaceholder')}
            value={note}
            onInput={(e) => set({ note: e.currentTarget.value, who: { buyer: buyer ?? '', buyerId, scenarios, orderId } })}
          />
          <button type="submit" class="kf-link" data-kf="fu-add" disabled={overBy(note.trim(), NOTE_MAX) > 0}>{t('followups.panel.add')}</button>
          <TooLong text={note.trim()} max={NOTE_MAX} kf="fu-note-too-long" />
          {/* No time typed: the note's own words (明天上午, 周五前) set when it is due, as the worker will read them — said before 添加. */}
          {!due && readDue && <span class="kf-muted" data-kf="fu-due-read">{t('followups.panel.dueRead', { words: readDue.words, due: formatWall(readDue.dueAt, zone) })}</span>}
          {/* Neither: the shop's promisedAnswerHours from now, as the worker sets it — said, or the item lands folded under 以后 unannounced. */}
          {!due && !readDue && defaultHours && (
            <span class="kf-muted" data-kf="fu-due-default">{t('followups.panel.dueDefault', { hours: defaultHours, due: formatWall(Date.now() + defaultHours * 3_600_000, zone) })}</span>
          )}
        </form>
      )}
      {reviewing && (
        <OrderNoteForm
          name="review"
          orderKf="fu-review-order"
          order={reviewOrder}
          note={reviewNote}
          onOrder={(v) => set({ reviewOrder: v })}
          onNote={(v) => set({ reviewNote: v })}
          onAdd={addReview}
        />
      )}
      {asking && (
        <form
          class="kf-fu-promise"
          data-kf="fu-reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void submit('inquiry', undefined, key, {}, 'reason');
          }}
        >
          <input data-kf="fu-reason" aria-invalid={invalidIf(reason.trim(), NOTE_MAX)} placeholder={t('followups.panel.reasonPlaceholder')} aria-label={t('followups.panel.reasonPlaceholder')} value={reason} onInput={(e) => set({ reason: e.currentTarget.value })} />
          <button type="submit" class="kf-link" data-kf="fu-reason-add" disabled={!reason.trim() || overBy(reason.trim(), NOTE_MAX) > 0}>{t('followups.panel.reasonAdd')}</button>
          <TooLong text={reason.trim()} max={NOTE_MAX} kf="fu-reason-too-long" />
        </form>
      )}
      {after && (
        <OrderNoteForm
          name="after"
          orderKf="fu-order"
          order={order}
          note={afterNote}
          onOrder={(v) => set({ order: v })}
          onNote={(v) => set({ afterNote: v })}
          onAdd={addAfter}
          lead={
            <select
              data-kf="fu-after-kind"
              aria-label={t('followups.panel.after')}
              value={afterKind}
              onChange={(e) => set({ afterKind: e.currentTarget.value as After })}
              // The keys open the form here; a select does not submit its form on Enter, as the fields do: 售后, ↓, Enter adds.
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.isComposing && !e.altKey) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            >
              {AFTER.map((k) => <option value={k}>{t(`followups.panel.after.${k}`)}</option>)}
            </select>
          }
          due={
            <label>
              <span class="kf-fu-label">{t(afterKind === 'call-back' ? 'followups.panel.callBackAt' : 'followups.panel.afterDue')}</span>
              {zoneHint && <span class="kf-muted" data-kf="fu-after-due-zone">{zoneHint}</span>}
              <input type="datetime-local" data-kf="fu-after-due" value={afterDue} onInput={(e) => set({ afterDue: e.currentTarget.value })} />
            </label>
          }
        />
      )}
      {others.map(([k, d]) => (
        <p class="kf-muted" data-kf="fu-unsaved" data-buyer={d.who.buyer}>
          {/* The nickname and the note are page and agent text: PageText inside the sentence. */}
          {/* With the tag of a masked name: the other S*******n must not take it for their own. */}
          {pageSentence('followups.panel.unsaved', { buyer: whoLabel(d.who), note: d.note!.trim() })}{' '}
          <button class="kf-link" data-kf="fu-unsaved-add" onClick={() => addPromise(k)}>
            {pageSentence('followups.panel.addFor', { buyer: whoLabel(d.who) })}
          </button>{' '}
          <button
            class="kf-link"
            data-kf="fu-unsaved-drop"
            onClick={() => {
              drafts.delete(k);
              keep(drafts, k);
              redraw((n) => n + 1);
            }}
          >
            {t('followups.panel.drop')}
          </button>
        </p>
      ))}
      {reminded && (
        <p class="kf-muted" role="status" data-kf="fu-reminded">
          {reminded.orders.length
            ? t(reminded.copied ? 'followups.panel.remindedCopied' : 'followups.panel.reminded', { time: formatWall(reminded.at, zone).slice(11), orders: ordersText(reminded.orders) })
            : t(reminded.copied ? 'followups.panel.remindedAheadCopied' : 'followups.panel.remindedAhead', { time: formatWall(reminded.at, zone).slice(11) })}{' '}
          <button
            class="kf-link"
            data-kf="fu-reminded-undo"
            onClick={() =>
              call('remindedUnpaid', { buyer: buyer ?? '', buyerId, platform: panel.platform() ?? undefined, templateId: reminded.templateId, undo: reminded.at }).then(
                (r) =>
                  set({
                    reminded: undefined,
                    status: { ok: true, text: r.orders.length ? t('followups.panel.remindUndone', { orders: ordersText(r.orders) }) : t('followups.panel.remindUndoneAhead') },
                  }),
                (err: unknown) => set({ status: { ok: false, text: t('followups.panel.failed', { reason: reasonText(err) }) } }),
              )
            }
          >
            {t('followups.panel.remindUndo')}
          </button>
        </p>
      )}
      {status && (
        <p class={status.ok ? 'kf-muted' : 'kf-error'} role="status" data-kf="fu-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
