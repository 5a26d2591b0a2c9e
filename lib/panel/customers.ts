/**
 * The buyer card's controller: follows the panel controller's open conversation (buyer + page kind)
 * and fetches that buyer's notes on every switch and whenever another tab changes the notes. It
 * keeps the cards of the conversations the page lists (setListed) and of those opened, so a switch
 * draws at once from what it holds and refreshes from the background right after; any change to
 * the notes anywhere (onDataChanged) empties that cache before anything else is drawn from it. It
 * also owns the quick-note draft (kept per buyer, and kept when a save fails; until saved or
 * emptied also per tab and in the session storage, so a reload of the page brings the tab's own
 * back: tab-note-drafts.ts), the
 * page selection the agent can save to a field, and Alt+N. Runs in the card frame (an extension
 * page, entrypoints/card/).
 */
import { cleanSelection, readChatSelection } from './selection';
import { Store } from './store';
import { isAltKey } from '../../components/ime-key';
import { call as realCall, onDataChanged as realOnDataChanged } from '../messaging/client';
import type { Req, Res, Verb, DataArea } from '../messaging/protocol';
import type { AppendField } from '../messaging/protocol-customers';
import type { Customer, CustomerPatch, Segment, Sizes } from '../domain/customers/types';
import { ownSizes } from '../domain/customers/sizes';
import { LIMITS } from '../domain/customers/customer';
import type { PageKind, Platform } from '../sites/types';
import { registerMessages, t } from '../i18n';
import { outdatedPanel } from '../i18n/messages/outdated';
import { reasonText } from '../messaging/reason';
import { sessionNoteDrafts } from './note-drafts';
import { sessionTabArea, tabNoteDrafts, type CardNoteDrafts } from './tab-note-drafts';
import { browser, listen } from '../browser';
import { RUN_KEY, WAIT_KEY, type WholeRun } from '../storage/whole-run';

// A background older than this page (kept from before an update): the card says what to do.
registerMessages(outdatedPanel);

export type SelectionField = 'sizes' | AppendField;

export interface PendingSelection {
  field: SelectionField;
  text: string;
  /** The buyer's own sizes ownSizes read (field 'sizes'): not a child's or a partner's the text gives. */
  sizes: Partial<Sizes>;
  /** Whom the sizes left out are about (孩子), or null: the preview says so, as the card does after Alt+N. */
  others: string | null;
}

export interface CardState {
  /** The buyer of the open conversation, or null (not a chat page / no conversation). */
  buyer: string | null;
  /** The console's id of that buyer, where the page shows one (two buyers may share `buyer`). */
  buyerId: string | null;
  /** No id, and the page shows another conversation under this nickname: the notes may be a namesake's. */
  namesakes: boolean;
  /** The notes of `buyer`; null when the buyer has none yet (or while loading). */
  customer: Customer | null;
  /**
   * An old record under the same name the card may offer to attach (getBuyerCard; buyers with an id
   * only): undefined until the background has answered for this buyer, null when there is none.
   */
  old: Customer | null | undefined;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** Quick-note draft for `buyer`. */
  noteDraft: string;
  saving: boolean;
  saveError: string | null;
  /** Bumped after a successful save (for a short "saved" hint). */
  savedTick: number;
  /** Whose record that save was: a form's save may answer after a switch to another buyer. */
  savedFor: { nickname: string; buyerId: string | null } | null;
  /**
   * The note just saved gave sizes of someone else (给孩子买，身高120): whom (孩子). They stay in the
   * note, not in the buyer's sizes; the card says so until the next note is typed or another buyer shown.
   */
  sizesOthers: string | null;
  /** Text selected on the page (outside the panel), trimmed, or ''. */
  selection: string;
  pendingSelection: PendingSelection | null;
  /** Bumped by Alt+N: the note input takes focus. */
  focusNoteTick: number;
  /** A whole-data verb (删除/导入/恢复全部数据) under way in the worker, from its mark; null: none. */
  wholeRun: WholeVerb | null;
  /** The quick note the worker refused behind that verb: saved by itself once it ends (not after a deletion). */
  afterRun: boolean;
}

export type WholeVerb = WholeRun['verb'];

/** What the card needs from the panel controller (PanelController fits). */
export interface PanelLike {
  store: {
    get(): { buyer: string | null; buyerId?: string | null; namesakes?: boolean; pageKind: PageKind; collapsed: boolean };
    subscribe(listener: (s: { buyer: string | null; buyerId?: string | null; pageKind: PageKind; collapsed: boolean }) => void): () => void;
  };
  setCollapsed(collapsed: boolean): void;
  /** Lets the suggestions know who the buyer is, when the panel controller offers it. */
  setBuyerSegment?(segment: Segment | null): void;
  /** Puts the focus back in the page's chat box, at its caret (the card frame asks the panel). */
  backToChat?(): void;
}

export interface CardApi {
  call<V extends Verb>(verb: V, payload: Req<V>): Promise<Res<V>>;
  onDataChanged(areas: DataArea[], listener: () => void): () => void;
  /** Where unsaved notes outlive the frame (a reload of the page); none: memory only. */
  noteDrafts?: CardNoteDrafts;
  /**
   * The worker's whole-data mark (lib/storage/whole-run.ts): the verb under way now, and its
   * changes; none: the card never knows (it then says only that the worker is not answering).
   */
  wholeRun?(listener: (verb: WholeVerb | null) => void): () => void;
}

/**
 * The marks, read once and followed (the card frame is an extension page): the running verb's in
 * storage.local, else the wait mark in storage.session — a deletion still waiting behind other work
 * is under way for the agent too (their note waits behind it).
 */
function watchWholeRun(listener: (verb: WholeVerb | null) => void): () => void {
  const st = browser.storage;
  if (!st?.local) return () => {};
  const now: Record<string, unknown> = {};
  const heard = new Set<string>();
  const tell = () => listener((now.local as WholeRun | undefined)?.verb ?? ((now.session as WholeVerb | null | undefined) || null));
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const key = area === 'local' ? RUN_KEY : area === 'session' ? WAIT_KEY : '';
    if (!key || !(key in changes)) return;
    heard.add(area);
    now[area] = changes[key]!.newValue;
    tell();
  };
  const off = listen(() => browser.storage?.onChanged, onChanged);
  for (const [area, key] of [['local', RUN_KEY], ['session', WAIT_KEY]] as const)
    void st[area]?.get(key).then((got) => {
      if (heard.has(area)) return;
      now[area] = got[key];
      tell();
    }, () => {});
  return off;
}

let sessionDrafts: CardNoteDrafts | undefined | null = null;
const defaultApi: CardApi = {
  call: (verb, payload) => (realCall as (v: Verb, p: unknown) => Promise<never>)(verb, payload),
  onDataChanged: (areas, listener) => realOnDataChanged(areas, listener),
  wholeRun: watchWholeRun,
  // Asked when first used (not at import: lib/ modules call browser.* only when they run).
  get noteDrafts() {
    if (sessionDrafts === null) {
      const latest = sessionNoteDrafts();
      const tab = sessionTabArea();
      sessionDrafts = latest && tab && tabNoteDrafts(latest, tab);
    }
    return sessionDrafts;
  },
};

const draftKey = (nickname: string, buyerId: string | null): string => (buyerId ? `#${buyerId}` : `:${nickname}`);

/** A buyer as the page lists them (the conversation list): the shown name and the console's id. */
export interface ListedBuyer {
  nickname: string;
  buyerId: string | null;
}

/** A card as kept: the buyer's record, and the old record to offer where known (see CardState.old). */
interface Kept {
  customer: Customer | null;
  old?: Customer | null;
}

/** Cards kept, at most (the oldest read goes first). */
export const CARD_CACHE_MAX = 300;
/** Listed buyers read ahead, at most (the first ones in the page's list). */
export const LISTED_MAX = 100;

/** The longest quick note: it is saved as one line of the buyer's history. */
export const NOTE_MAX = LIMITS.pageEvent;

/** By how many characters a quick note is over NOTE_MAX (0: it may be saved). */
export const noteOverBy = (draft: string): number => Math.max(0, draft.trim().length - NOTE_MAX);

/**
 * The worker's refusal of an append that would take a field past its limit (patchCustomer answers
 * `invalid` with the reason code `long.<field> <over>`) in the agent's words; null for any other failure.
 */
export function appendRefused(err: unknown): string | null {
  const m = /^long\.(note|preferences|addressNote) (\d+)$/.exec((err as Error | null)?.message ?? '');
  return m ? t(`customers.card.appendLong.${m[1]}`, { over: Number(m[2]), max: LIMITS[m[1] as AppendField] }) : null;
}

export class CustomerCardController {
  readonly store = new Store<CardState>({
    buyer: null,
    buyerId: null,
    namesakes: false,
    customer: null,
    old: undefined,
    status: 'idle',
    loadError: null,
    noteDraft: '',
    saving: false,
    saveError: null,
    savedTick: 0,
    savedFor: null,
    sizesOthers: null,
    selection: '',
    pendingSelection: null,
    focusNoteTick: 0,
    wholeRun: null,
    afterRun: false,
  });

  /** The note refused behind a whole-data verb, as typed, for whom, and the last verb seen then. */
  private refused: { who: { nickname: string; buyerId: string | null }; text: string; verb: WholeVerb | null } | null = null;
  /** The next save is that note's own, once: refused again, it fails in words like any save. */
  private auto = false;

  /** Increases on every fetch: an answer for an older fetch (a previous buyer) is dropped. */
  private seq = 0;
  /** Unsaved quick notes per buyer (by id where there is one), so switching conversations never loses or misfiles one. */
  private drafts = new Map<string, string>();
  /** Cards as the background last answered, by buyer (draftKey); customer null = no notes yet. */
  private readonly cache = new Map<string, Kept>();
  /** Bumped when the notes changed anywhere: an answer asked for before that is not kept. */
  private gen = 0;
  private listed: ListedBuyer[] = [];
  /** Keys being read ahead in this generation (a new generation starts an empty set). */
  private reading = new Set<string>();

  /** Who the card shows: the page's buyer, as the protocol names them. */
  private who(): { nickname: string; buyerId: string | null } | null {
    const { buyer, buyerId } = this.store.get();
    return buyer ? { nickname: buyer, buyerId } : null;
  }

  /** Still the same buyer on the card (after an await: the agent may have switched). */
  private isShowing(who: { nickname: string; buyerId: string | null }): boolean {
    const s = this.store.get();
    return s.buyer === who.nickname && s.buyerId === who.buyerId;
  }

  constructor(
    private readonly panel: PanelLike,
    readonly platform: Platform | null,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    readonly api: CardApi = defaultApi,
    /**
     * pageSelection false: the card runs in its own frame and gets the page selection from the panel
     * (setSelection). afterPaint: runs the refresh of a card drawn from the cache once that card is
     * on screen (the frame passes requestAnimationFrame + a task), so the switch's frame is not
     * shared with a round trip to the background; by default at once.
     */
    private readonly opts: { pageSelection?: boolean; afterPaint?: (fn: () => void) => void } = {},
  ) {}

  start(): void {
    const off = this.panel.store.subscribe(() => this.follow());
    const offData = this.api.onDataChanged(['customers'], () => void this.refresh());
    const offRun = this.api.wholeRun?.((verb) => this.onWholeRun(verb)) ?? (() => {});
    const offGone = this.api.noteDrafts?.onForgotten?.((key) => this.forgetDraft(key)) ?? (() => {});
    this.signal.addEventListener(
      'abort',
      () => {
        off();
        offData();
        offRun();
        offGone();
      },
      { once: true },
    );
    const opts = { capture: true, signal: this.signal } as const;
    if (this.opts.pageSelection !== false) this.doc.addEventListener('selectionchange', () => this.readSelection(), { signal: this.signal });
    this.doc.addEventListener('keydown', (e) => this.onKeyDown(e), opts);
    this.follow();
  }

  /** Re-targets the card when the panel's conversation changed. */
  private follow(): void {
    const s = this.panel.store.get();
    const buyer = s.pageKind === 'chat' && s.buyer ? s.buyer : null;
    const buyerId = buyer ? (s.buyerId ?? null) : null;
    const namesakes = !!buyer && !buyerId && s.namesakes === true;
    const prev = this.store.get();
    if (buyer === prev.buyer && buyerId === prev.buyerId) {
      // Another card of the name appeared in the list, or left it: the same record, the hint follows.
      if (namesakes !== prev.namesakes) this.store.set({ namesakes });
      return;
    }
    if (prev.buyer) this.drafts.set(draftKey(prev.buyer, prev.buyerId), prev.noteDraft);
    // The card kept for this buyer is drawn now; the background's answer follows (fetch below).
    const key = buyer && this.platform ? draftKey(buyer, buyerId) : null;
    const kept = key !== null ? (this.cache.get(key) ?? null) : null;
    this.store.set({
      buyer,
      buyerId,
      namesakes,
      customer: kept?.customer ?? null,
      old: kept?.old,
      status: key === null ? 'idle' : kept ? 'ready' : 'loading',
      loadError: null,
      noteDraft: buyer ? (this.drafts.get(draftKey(buyer, buyerId)) ?? '') : '',
      saveError: null,
      pendingSelection: null,
      afterRun: false,
      sizesOthers: null,
    });
    this.panel.setBuyerSegment?.(kept?.customer ? kept.customer.segment : null);
    if (buyer && key && !this.drafts.has(key)) void this.restoreDraft({ nickname: buyer, buyerId });
    if (!kept || !this.opts.afterPaint) void this.fetch(true);
    else {
      const who = { nickname: buyer!, buyerId };
      // Still this buyer once the kept card is drawn (else the next switch asked for its own).
      this.opts.afterPaint(() => this.isShowing(who) && void this.fetch(true));
    }
  }

  /**
   * Another tab (or the background) changed the notes: every kept card may be stale, so all are
   * dropped before the next switch can draw one; the open buyer and the listed ones are read again.
   */
  refresh(): Promise<void> {
    this.gen++;
    this.cache.clear();
    this.reading = new Set();
    void this.readAhead();
    return this.fetch(false);
  }

  /** The buyers of the conversations the page lists: their cards are read ahead (one call). */
  setListed(buyers: ListedBuyer[]): void {
    this.listed = buyers.slice(0, LISTED_MAX);
    void this.readAhead();
  }

  /** `old` undefined: keeps what was known of the old record (a save does not change it). */
  private keep(key: string, customer: Customer | null, old?: Customer | null): void {
    const known = this.cache.get(key)?.old;
    this.cache.delete(key);
    this.cache.set(key, { customer, old: old === undefined ? known : old });
    if (this.cache.size > CARD_CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
  }

  private async readAhead(): Promise<void> {
    const platform = this.platform;
    if (!platform) return;
    const gen = this.gen;
    const reading = this.reading;
    const wanted = this.listed.filter((b) => {
      const key = draftKey(b.nickname, b.buyerId);
      return !this.cache.has(key) && !reading.has(key);
    });
    if (!wanted.length) return;
    for (const b of wanted) reading.add(draftKey(b.nickname, b.buyerId));
    try {
      const got = await this.api.call('getCustomers', { platform, buyers: wanted });
      if (gen !== this.gen) return;
      wanted.forEach((b, i) => {
        const key = draftKey(b.nickname, b.buyerId);
        // A fresher answer (the open buyer's fetch, a save) may have arrived meanwhile.
        if (!this.cache.has(key)) this.keep(key, got[i] ?? null);
      });
    } catch {
      // Reading ahead is only a head start: a switch to one of these reads the card itself.
    } finally {
      for (const b of wanted) reading.delete(draftKey(b.nickname, b.buyerId));
    }
  }

  private async fetch(seen: boolean): Promise<void> {
    const seq = ++this.seq;
    const gen = this.gen;
    const who = this.who();
    if (!who || !this.platform) return;
    try {
      // One read: the buyer's card and (for a buyer with an id) an old record to offer.
      const { customer, old } = await this.api.call('getBuyerCard', { platform: this.platform, ...who, seen });
      if (gen === this.gen) this.keep(draftKey(who.nickname, who.buyerId), customer, old);
      if (seq !== this.seq || !this.isShowing(who)) return;
      // Their record went while the card showed it (deleted here or in another page): the note typed
      // for them goes too (the worker took it out of the session area), so one Enter cannot record
      // them again. A note refused behind 删除全部数据 stays, with its own words (onWholeRun).
      const s = this.store.get();
      if (!seen && !customer && s.customer && !this.refused && !s.afterRun) {
        this.drafts.delete(draftKey(who.nickname, who.buyerId));
        this.store.set({ noteDraft: '', saveError: null });
      }
      this.show(customer, old);
    } catch (err) {
      if (seq !== this.seq || !this.isShowing(who)) return;
      this.store.set({ status: 'error', loadError: t('customers.card.loadFailed', { reason: reasonText(err) }) });
    }
  }

  private show(customer: Customer | null, old = this.store.get().old): void {
    const s = this.store.get();
    // The background's answer after a card drawn from the cache: nothing to redraw when it is the
    // same (an offer not known yet is not the same as none: JSON would write both as null).
    if (s.status === 'ready' && !s.loadError && s.old !== undefined && JSON.stringify([s.customer, s.old]) === JSON.stringify([customer, old])) return;
    this.store.set({ customer, old, status: 'ready', loadError: null });
    this.panel.setBuyerSegment?.(customer ? customer.segment : null);
  }

  /** The agent answered the old-record offer (merged, or not the same buyer): nothing to offer now. */
  forgetOld(): void {
    const who = this.who();
    if (!who) return;
    const key = draftKey(who.nickname, who.buyerId);
    const kept = this.cache.get(key);
    if (kept) kept.old = null;
    this.seq++; // a read in flight from before the answer must not bring the offer back
    this.store.set({ old: null });
  }

  /** A saved record is shown if it is still the open buyer's (the agent may have switched). */
  private accept(who: { nickname: string; buyerId: string | null }, customer: Customer): boolean {
    this.keep(draftKey(who.nickname, who.buyerId), customer);
    if (!this.isShowing(who)) return false;
    this.seq++; // an older fetch in flight must not overwrite the fresher record
    this.show(customer);
    return true;
  }

  // ---- quick note ---------------------------------------------------------------------------

  /** The session key of a buyer's draft: the console and the buyer (by id where there is one). */
  private sessionKey(who: { nickname: string; buyerId: string | null }): string {
    return `${this.platform}${draftKey(who.nickname, who.buyerId)}`;
  }

  /**
   * A draft typed for this buyer before the page was reloaded (this frame's memory has none; this
   * tab's own, else the latest another tab left): shown if the card still shows them and the agent
   * has not started another meanwhile.
   */
  private async restoreDraft(who: { nickname: string; buyerId: string | null }): Promise<void> {
    const text = await this.api.noteDrafts?.restore(this.sessionKey(who));
    if (!text || !this.isShowing(who) || this.store.get().noteDraft || this.drafts.has(draftKey(who.nickname, who.buyerId))) return;
    this.store.set({ noteDraft: text });
  }

  /**
   * The worker took this tab's draft for session key `key` (its buyer was deleted, 客户档案 → 删除 or
   * 删除全部数据): the copy in this frame's memory goes too, shown or kept for a switch back. It used
   * to stay until a reload, and one Enter saved the deleted buyer's note again. Except a note the
   * agent was saving as the deletion came (its save waiting or refused behind 删除全部数据): that is
   * new text, typed during the deletion, and the card keeps it and says it was not saved
   * (onWholeRun) — the agent decides whether to save it again.
   */
  private forgetDraft(key: string): void {
    const p = this.platform;
    if (!p || !key.startsWith(p)) return;
    const own = key.slice(p.length);
    this.drafts.delete(own);
    const who = this.who();
    if (!who || draftKey(who.nickname, who.buyerId) !== own) return;
    const s = this.store.get();
    if (s.saving || s.afterRun || (this.refused && draftKey(this.refused.who.nickname, this.refused.who.buyerId) === own)) return;
    this.store.set({ noteDraft: '', saveError: null, afterRun: false });
  }

  setNoteDraft(text: string): void {
    // Edited or emptied while a refused note waited for a whole-data verb: the agent's text now, not saved by itself.
    if (this.refused && text !== this.store.get().noteDraft) this.refused = null;
    this.store.set({ noteDraft: text, saveError: null, afterRun: false, sizesOthers: null });
    const who = this.who();
    if (who) this.api.noteDrafts?.keep(this.sessionKey(who), text.trim() ? text : '');
  }

  /** Saves the draft as a dated note in the buyer's history. On failure the draft stays. Resolves true once saved. */
  async saveNote(): Promise<boolean> {
    const s = this.store.get();
    const text = s.noteDraft.trim();
    const who = this.who();
    // Too long: never cut, never sent; the card says by how much (the whole text stays in the input).
    if (!text || !who || !this.platform || s.saving || noteOverBy(text)) return false;
    const auto = this.auto;
    this.auto = false;
    this.refused = null;
    this.store.set({ saving: true, saveError: null, afterRun: false });
    // The verb seen while this save waits: the worker's refusal may come just after the mark went.
    let seen = s.wholeRun;
    const offSeen = this.store.subscribe((x) => (seen = x.wholeRun ?? seen));
    try {
      let customer = await this.api.call('addCustomerEvent', { platform: this.platform, ...who, kind: 'note', text });
      // Sizes typed as a note (身高165 体重110 平时穿M: Alt+N is the agent's one key for notes) are
      // the buyer's sizes too, as if saved from a selection: the card's 尺码 line shows what was read.
      // Not those of someone else the note names (给孩子买，身高120): a child's height as the buyer's
      // made the next size fill-in wrong. They stay in the note, and the card says whose they are.
      const { sizes, others } = ownSizes(text);
      if (customer && Object.keys(sizes).length)
        customer = (await this.api.call('patchCustomer', { platform: this.platform, ...who, patch: { sizes } }).catch(() => null)) ?? customer;
      this.drafts.delete(draftKey(who.nickname, who.buyerId));
      // Only what was saved goes: another tab's different draft for this buyer stays.
      this.api.noteDrafts?.saved(this.sessionKey(who), text);
      if (this.accept(who, customer)) this.store.set((x) => ({ noteDraft: '', saving: false, savedTick: x.savedTick + 1, savedFor: who, sizesOthers: others }));
      else this.store.set({ saving: false });
      return true;
    } catch (err) {
      // Refused after a minute behind 删除/导入/恢复全部数据 (lib/messaging/turn.ts): not a failure
      // to retry by hand — the card saves it by itself once that verb ends (onWholeRun).
      if ((err as { code?: string } | null)?.code === 'waiting' && !auto && this.isShowing(who)) {
        this.refused = { who, text, verb: seen };
        this.store.set({ saving: false, afterRun: true });
        if (!this.store.get().wholeRun) this.onWholeRun(null);
        return false;
      }
      // The text is kept (in the input, or in the drafts of the buyer it was typed for). Refused
      // because 删除全部数据 ran while it waited (turn.ts): not a failure, what the agent asked for.
      if (this.isShowing(who))
        this.store.set({
          saving: false,
          saveError: (err as { code?: string } | null)?.code === 'deleted' ? t('customers.card.deletedUnsaved') : t('customers.card.saveFailed', { reason: reasonText(err) }),
        });
      else {
        this.drafts.set(draftKey(who.nickname, who.buyerId), text);
        this.store.set({ saving: false });
      }
      return false;
    } finally {
      offSeen();
    }
  }

  /**
   * The whole-data mark changed. Gone, with a note refused behind it: saved once by itself, if the
   * card still shows that buyer with the same text; after 删除全部数据 it is not (the agent asked
   * for everything gone), the card says so and the text stays.
   */
  private onWholeRun(verb: WholeVerb | null): void {
    this.store.set({ wholeRun: verb });
    const r = this.refused;
    if (verb) {
      if (r) r.verb = verb;
      return;
    }
    if (!r) return;
    this.refused = null;
    const s = this.store.get();
    if (!this.isShowing(r.who) || s.noteDraft.trim() !== r.text) return void this.store.set({ afterRun: false });
    if (r.verb === 'delete') return void this.store.set({ afterRun: false, saveError: t('customers.card.deletedUnsaved') });
    this.store.set({ afterRun: false });
    this.auto = true;
    void this.saveNote();
  }

  /**
   * The agent is done with the note input (Enter saved it, or Escape): what they type next is for
   * the buyer, so the focus goes back to the chat box at its caret, never left in the note (where a
   * second Enter would save the reply as a note). An unsaved draft stays.
   */
  leaveNote(): void {
    this.panel.backToChat?.();
  }

  /**
   * The buyer's record as stored now, read without side effects (not marked seen): the edit form's
   * check just before it saves, for a save elsewhere whose change notice has not arrived yet. The
   * card shows it too, so the form is never taken back to the older record the card still held.
   */
  async storedNow(who: { nickname: string; buyerId: string | null }): Promise<Customer | null> {
    if (!this.platform) return null;
    const [now] = await this.api.call('getCustomers', { platform: this.platform, buyers: [who] });
    if (now) this.accept(who, now);
    return now ?? null;
  }

  /**
   * Saves edited fields (only what changed is sent) of `who` (by default the buyer shown; a form that
   * awaited something first names its own). `existing`: the form edits a record it was opened on, so
   * it saves with editCustomer, which never brings back a buyer deleted meanwhile (the options page,
   * another tab): then 'gone', nothing saved; patchCustomer would have recorded them again. Resolves
   * true on success.
   */
  async saveFields(patch: CustomerPatch, who = this.who(), existing = false): Promise<boolean | 'gone'> {
    if (!who || !this.platform) return false;
    if (!Object.keys(patch).length) return true;
    this.store.set({ saving: true, saveError: null });
    try {
      const req = { platform: this.platform, ...who, patch };
      const customer = existing ? await this.api.call('editCustomer', req) : await this.api.call('patchCustomer', req);
      if (!customer) {
        this.store.set({ saving: false });
        return 'gone';
      }
      this.accept(who, customer);
      this.store.set((x) => ({ saving: false, savedTick: x.savedTick + 1, savedFor: who }));
      return true;
    } catch (err) {
      // Said on the card of the buyer it was for (their form stays open with what was typed).
      if (this.isShowing(who)) this.store.set({ saving: false, saveError: t('customers.card.saveFailed', { reason: reasonText(err) }) });
      else this.store.set({ saving: false });
      return false;
    }
  }

  // ---- selected chat text -------------------------------------------------------------------

  readSelection(): void {
    const text = readChatSelection(this.doc);
    if (text !== this.store.get().selection) this.store.set({ selection: text });
  }

  /** The page selection as the panel read it (the card in its own frame cannot see the page). */
  setSelection(text: string): void {
    const clean = cleanSelection(text);
    if (clean !== this.store.get().selection) this.store.set({ selection: clean });
  }

  /** Alt+N: the note input takes focus. */
  focusNote(): void {
    if (this.store.get().buyer) this.store.set((s) => ({ focusNoteTick: s.focusNoteTick + 1 }));
  }

  /** First step: show what will be saved (for sizes, what was read) before saving. */
  chooseSelectionField(field: SelectionField, text = this.store.get().selection): void {
    if (!text.trim()) return;
    // As for an Alt+N note: 给孩子买的 身高120 selected is not the buyer's height (the preview says whose it is).
    const { sizes, others } = field === 'sizes' ? ownSizes(text) : { sizes: {}, others: null };
    this.store.set({ pendingSelection: { field, text: text.trim(), sizes, others }, saveError: null, sizesOthers: null });
  }

  cancelSelection(): void {
    this.store.set({ pendingSelection: null, saveError: null });
  }

  async confirmSelection(): Promise<void> {
    const p = this.store.get().pendingSelection;
    const who = this.who();
    if (!p || !who || !this.platform) return;
    if (p.field === 'sizes' && !Object.keys(p.sizes).length) return;
    this.store.set({ saving: true, saveError: null });
    try {
      const customer = await this.api.call(
        'patchCustomer',
        p.field === 'sizes'
          ? { platform: this.platform, ...who, patch: { sizes: p.sizes } }
          : { platform: this.platform, ...who, append: { [p.field]: p.text } },
      );
      if (this.accept(who, customer)) this.store.set((x) => ({ pendingSelection: null, saving: false, savedTick: x.savedTick + 1, savedFor: who }));
      else this.store.set({ saving: false });
    } catch (err) {
      if (this.isShowing(who)) this.store.set({ saving: false, saveError: appendRefused(err) ?? t('customers.card.saveFailed', { reason: reasonText(err) }) });
      else this.store.set({ saving: false });
    }
  }

  // ---- keyboard -----------------------------------------------------------------------------

  onKeyDown(e: KeyboardEvent): void {
    if (isAltKey(e, 'KeyN') && this.store.get().buyer) {
      e.preventDefault();
      e.stopPropagation();
      if (this.panel.store.get().collapsed) this.panel.setCollapsed(false);
      this.store.set((s) => ({ focusNoteTick: s.focusNoteTick + 1 }));
    }
  }
}
