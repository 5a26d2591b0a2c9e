/**
 * The order-page part of the panel: remark rules enforced where the agent writes the remark.
 *
 * - Follows the main controller's store (state.remarkEditor, state.orders); knows no console DOM,
 *   only the elements the adapter handed over (textarea, save button, dialog root, row element).
 * - Checks the remark box live on the page's own `input` events.
 * - Holds the page's save while the remark breaks the rules and no reason was given: one
 *   capture-phase listener on the window stops the click (or a form submit) before the page sees
 *   it. Nothing of the page is disabled or removed; a valid or overridden save goes through
 *   untouched and is then reported with `recordRemark`.
 * - Marks broken remarks on the order list with a `kf-` element inside the row (the site observer
 *   ignores kf- nodes, so marking does not re-trigger a read).
 */
import { Store } from './store';
import type { PanelState } from './controller';
import { call, onDataChanged } from '../messaging/client';
import type { DataArea } from '../messaging/protocol';
import type { RecordRemarkRequest } from '../messaging/protocol-rules';
import { reasonText } from '../messaging/reason';
import { worthRetrying } from '../messaging/retry';
import { replaceRange } from '../insert';
import {
  checkRemark, flagStatusWarning, isoDate, listedRemarkFlag, remarkLength, type FlagColor, type Platform, type Problem, type RemarkLength, type RuleSet,
} from '../domain/remarks';
import type { OrderRow, OrderStatus, RemarkEditor } from '../sites/types';
import { shopZone } from '../storage/settings';
import type { Zone } from '../domain/time';
import type { NoShipDays } from '../domain/ship-days';
import { getLocale, registerMessages, t } from '../i18n';
import { remarksPanel } from '../i18n/messages/remarks-panel';
import { outdatedPanel } from '../i18n/messages/outdated';
import { onLeftRemark, takeLeftRemark, type LeftRemark } from './left-remark';

registerMessages(remarksPanel);
registerMessages(outdatedPanel);

export interface RemarkLintEntry {
  orderId: string;
  buyer: string;
  flag: FlagColor;
  problems: Problem[];
}

export interface RemarkOverrideDraft {
  reason: string;
  /** The override holds for exactly this text and flag; editing either asks again. */
  text: string;
  flag: FlagColor | null;
}

export interface OpenRemark {
  orderId: string;
  buyer: string;
  /** The console's id of the buyer, where the order row shows one. */
  buyerId?: string;
  /**
   * The flag the page's editor shows; null where it could not be read (the console changed): the
   * form then asks the agent for the flag, and the box is held to the kind its own text names.
   */
  flag: FlagColor | null;
  /**
   * The order's status as its row on the page shows it (a "ready to ship" flag on an unpaid order is
   * warned of); absent where the box has no row (an order sidebar beside a chat): nothing is claimed.
   */
  status?: OrderStatus | 'unknown';
  text: string;
  /**
   * The remark as it was when the box opened: the saved lines, whose signers are colleagues. The
   * form builds on `text`, the box as it is now, never on this.
   */
  original: string;
  /** What the form last wrote into the box: the box differs from it (or from `original`) once someone else changed it. */
  written: string | null;
  problems: Problem[];
  length: RemarkLength;
  /** The box's own maxlength, where the page sets one: the limit on consoles with no known one. */
  boxMax?: number;
  override: RemarkOverrideDraft | null;
  /** The last save attempt was held (cleared by the next edit). */
  held: boolean;
  /**
   * What the agent had typed into this order's form in the panel an extension update replaced: the
   * form opens with it (left-remark.ts), as the agent left it.
   */
  left?: LeftRemark;
}

export interface RemarkState {
  ruleSet: RuleSet | null;
  /** The rule set could not be read: nothing is checked or held. */
  error: string | null;
  platform: Platform;
  agent: string;
  /** Shop time: remarks are signed, and "today" is checked, on the shop's date (shopZone). */
  zone: Zone;
  /** Days the shop does not ship (options → 店铺设置): the form warns of a ship date on one. */
  noShip?: NoShipDays;
  editor: OpenRemark | null;
  lint: RemarkLintEntry[];
  /**
   * Order rows on this page whose flag or remark could not be read (the console changed), by part,
   * and `orders`: orders the page shows (by their order-id labels) that were not read at all. The
   * panel says so, and makes no claim about what it did not read.
   */
  unread: { flag: number; remark: number; orders: number };
  /** Orders whose remark was checked: the rows read, less those whose remark could not be read. */
  checked: number;
  /** How many orders the page shows, where that is more than were read (else 0). */
  shown: number;
  /** A short message after a save or a failed write into the page. */
  notice: { kind: 'info' | 'warn'; text: string } | null;
  /**
   * Saves on this page the extension could not record (a full disk): how many, why the last failed,
   * and how many times the one tried most was sent (the panel says a 重试 that failed again).
   */
  unrecorded: { count: number; reason: string; tries: number } | null;
}

export interface RemarkApi {
  call: typeof call;
  onDataChanged(areas: DataArea[], listener: () => void): () => void;
}

const MARKER = 'remark-lint';
const HELD_HINT = 'remark-held';

/** Host-page elements carry inline styles: the page's CSS is not ours and ours does not reach it. */
const MARKER_STYLE =
  'display:inline-block;margin:4px 8px;padding:1px 8px;border-radius:4px;background:#fef2f2;color:#b91c1c;border:1px solid #fecaca;font-size:12px;line-height:1.6;';
const HELD_STYLE = 'margin:6px 0;padding:4px 8px;border-radius:4px;background:#fef2f2;color:#991b1b;font-size:12px;line-height:1.5;';

const NONE_UNREAD = { flag: 0, remark: 0, orders: 0 };

/**
 * Saves the background could not record (the disk full): the remark is the page's and saved, but
 * its follow-up (a promised ship date), the buyer's history line or the override log entry is not.
 * Kept for the page's life, outside any one panel (navigation inside the console re-mounts it), and
 * sent again on 重试, with the next save, and when another write gets through (room again); each
 * keeps its first time, so a retry adds only what is missing. Memory, not storage: storage is
 * what failed, and a write of this list would fail the same way. Kept only while sending it again
 * can work (worthRetrying, lib/messaging/retry.ts): as long as the disk is full, since room comes
 * back only when the agent makes it; a save the worker refuses (invalid) is given up at once, and
 * any other failure after MAX_TRIES sends. Before, such a save stayed until the page closed, sent
 * again with every later write there and shown as 未记录 with a 重试 that could never work; now the
 * panel says it was given up, and that its follow-up must be added by hand.
 */
const unrecorded = new Map<string, { req: RecordRemarkRequest; tries: number }>();
/** Why the last send of a kept save failed: what a panel mounted since says of them. */
let lastReason = '';

/**
 * The one send pass of the page, and whether it was asked for again while it ran; page-wide like
 * the list, and said to every panel mounted (`panels`). Per panel, a panel re-mounted while a send
 * was under way (a route change inside the console, the page's own re-render) sent the same saves
 * again at once — the agent saw 已试了 3 次 after one 重试 — and showed nothing of them until its
 * own send had answered.
 */
let sending: Promise<void> | null = null;
let again = false;
const panels = new Set<RemarkController>();

/** A send pass is under way on this page (tests wait for it to end). */
export const remarkSending = (): boolean => !!sending;

const keptTries = () => Math.max(0, ...[...unrecorded.values()].map((k) => k.tries));

/**
 * One send of every kept save, oldest first: what fails stays while worth another try
 * (worthRetrying), what is given up goes; then every panel mounted says the outcome.
 */
async function sendPass(api: RemarkApi): Promise<void> {
  let reason = '';
  let givenUp = 0;
  let givenUpReason = '';
  for (const [key, kept] of [...unrecorded]) {
    try {
      await api.call('recordRemark', kept.req);
      unrecorded.delete(key);
    } catch (err) {
      console.warn('[kf] recordRemark failed', (err as Error).message);
      if (worthRetrying(err, ++kept.tries)) reason = lastReason = reasonText(err);
      else {
        unrecorded.delete(key);
        givenUp++;
        givenUpReason = reasonText(err);
      }
    }
  }
  for (const panel of panels) panel.showPass(unrecorded.size, reason, givenUp, givenUpReason);
}

const problemText = (p: Problem | undefined) => (p ? (getLocale() === 'en' ? p.messageEn : p.message) : '');
// After 备注不规范： or 备注不符合规范，未保存： a check's sentence says 备注 once: its own leading 备注
// (备注日期 … 晚于今天, 备注写的是…) goes, as the form's list under 备注框检查 keeps it.
const afterRemark = (p: Problem | undefined) => problemText(p).replace(/^备注(?!规则)/, '');

export class RemarkController {
  readonly store: Store<RemarkState>;
  private current: RemarkEditor | null = null;
  private editorAbort: AbortController | null = null;
  private lastOrders: OrderRow[] | null = null;
  /** Lint results by flag + remark under the current rules (rows are re-read on every page change). */
  private lintCache = new Map<string, Problem[]>();
  /** A submit button fires click then submit: one save is reported once. */
  private lastRecord = { key: '', at: 0 };

  constructor(
    private readonly main: { store: Store<PanelState> },
    platform: Platform,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly api: RemarkApi = { call, onDataChanged },
    /** How many orders the page shows (its order ids), where the adapter can tell; 0 where it cannot. */
    private readonly shownOrders: () => number = () => 0,
  ) {
    this.store = new Store<RemarkState>({
      ruleSet: null,
      error: null,
      platform,
      agent: main.store.get().settings.shop.agentName,
      zone: shopZone(main.store.get().settings),
      noShip: main.store.get().settings.shop.noShip,
      editor: null,
      lint: [],
      unread: NONE_UNREAD,
      checked: 0,
      shown: 0,
      notice: null,
      unrecorded: null,
    });
  }

  async start(): Promise<void> {
    const offMain = this.main.store.subscribe((s) => this.follow(s));
    // Its own copy of the settings: the remark check must not depend on the library loading.
    const offRules = this.api.onDataChanged(['rules', 'settings'], () => void this.loadRules());
    // Another write got through: there may be room again for what could not be recorded.
    const offRoom = this.api.onDataChanged(['followups', 'customers'], () => void this.retryUnrecorded());
    // The old panel's form fields, offered after this form opened (the fit script came later).
    const offLeft = onLeftRemark(() => {
      const ed = this.store.get().editor;
      const left = ed && takeLeftRemark(ed.orderId);
      if (left) this.store.set({ editor: { ...ed, left } });
    });
    this.signal.addEventListener(
      'abort',
      () => {
        panels.delete(this);
        offMain();
        offRules();
        offRoom();
        offLeft();
        this.detach();
        this.removeMarkers(new Set());
        this.store.set({ editor: null, lint: [] });
      },
      { once: true },
    );
    if (this.signal.aborted) return;
    panels.add(this);
    // Saves kept from before this panel was mounted are shown as they stand, not sent again: a
    // mount is not a try (a send under way says its outcome here too). Sent on 重试, the next
    // save, or another write getting through, as on the panel that kept them.
    if (unrecorded.size) this.store.set({ unrecorded: { count: unrecorded.size, reason: lastReason, tries: keptTries() } });
    await this.loadRules();
    this.follow(this.main.store.get());
  }

  private async loadRules(): Promise<void> {
    try {
      const [ruleSet, settings] = await Promise.all([this.api.call('getRuleSet'), this.api.call('getSettings').catch(() => null)]);
      if (this.signal.aborted) return;
      this.store.set({ ruleSet, error: null, ...(settings ? { agent: settings.shop.agentName, zone: shopZone(settings), noShip: settings.shop.noShip } : {}) });
    } catch (err) {
      this.store.set({ ruleSet: null, error: t('remarks.panel.loadFailed', { reason: (err as Error).message }) });
    }
    this.lastOrders = null;
    this.lintCache.clear();
    this.recheck();
    this.follow(this.main.store.get());
  }

  /** The options page on 店铺设置, where the agent's name (a remark's signature) is set; opened by the worker. */
  openSettings(): void {
    void this.api.call('openOptions', { tab: 'shop' }).catch(() => {});
  }

  /** Reacts to the main store: the remark box opening/closing/changing flag, and the order rows. */
  private follow(s: PanelState): void {
    if (this.signal.aborted) return;
    this.followEditor(s.remarkEditor, s.orders);
    if (s.orders !== this.lastOrders) {
      this.lastOrders = s.orders;
      this.lint(s.orders);
    }
  }

  private followEditor(editor: RemarkEditor | null, orders: OrderRow[]): void {
    if (!editor || !editor.textarea.isConnected) {
      if (this.current) {
        this.detach();
        this.store.set({ editor: null });
      }
      return;
    }
    if (this.current?.textarea !== editor.textarea || this.current.orderId !== editor.orderId) {
      this.attach(editor, orders);
      return;
    }
    this.current = editor; // the adapter re-finds the box on every change; keep its newest view
    const ed = this.store.get().editor;
    const status = orders.find((o) => o.orderId === editor.orderId)?.status;
    if (ed && status && status !== ed.status) this.store.set({ editor: { ...ed, status } }); // paid meanwhile
    if (editor.readFlag() !== this.store.get().editor?.flag) this.recheck();
  }

  private attach(editor: RemarkEditor, orders: OrderRow[]): void {
    this.detach();
    this.current = editor;
    const abort = new AbortController();
    this.editorAbort = abort;
    const opts = { signal: abort.signal } as const;
    editor.textarea.addEventListener('input', () => this.onEdit(), opts);
    editor.textarea.addEventListener('change', () => this.onEdit(), opts);
    const win = this.doc.defaultView ?? window;
    // Capture on the window runs before any listener of the page's own on the button or the form.
    win.addEventListener('click', (e) => this.onClick(e), { ...opts, capture: true });
    win.addEventListener('submit', (e) => this.onSubmit(e), { ...opts, capture: true });
    const row = orders.find((o) => o.orderId === editor.orderId);
    // A box beside a chat (an order sidebar) belongs to the buyer whose conversation is open.
    const main = this.main.store.get();
    const buyer = row?.buyer ?? (main.pageKind === 'chat' ? main.buyer : null) ?? '';
    const buyerId = row ? row.buyerId : main.pageKind === 'chat' ? main.buyerId : null;
    const text = editor.textarea.value;
    const boxMax = editor.textarea.maxLength > 0 ? editor.textarea.maxLength : undefined;
    const left = takeLeftRemark(editor.orderId);
    this.store.set({
      notice: null,
      editor: {
        orderId: editor.orderId,
        buyer,
        ...(buyerId ? { buyerId } : {}),
        flag: editor.readFlag(),
        ...(row ? { status: row.status } : {}),
        text,
        original: text,
        written: null,
        problems: [],
        length: remarkLength(text, this.store.get().platform, boxMax),
        ...(boxMax ? { boxMax } : {}),
        override: null,
        held: false,
        ...(left ? { left } : {}),
      },
    });
    this.recheck();
  }

  private detach(): void {
    this.editorAbort?.abort();
    this.editorAbort = null;
    this.removeHeldHint();
    this.current = null;
  }

  private onEdit(): void {
    const ed = this.store.get().editor;
    if (ed?.held) this.store.set({ editor: { ...ed, held: false } });
    this.removeHeldHint();
    this.recheck();
  }

  /**
   * The flag the box is checked against: the page's, else (not read) the kind the text names, as on
   * a list whose flag is not shown (listedRemarkFlag); null: nothing to judge (or no rules).
   */
  private judgedFlag(text: string, read: FlagColor | null): { flag: FlagColor; inferred: boolean } | null {
    const { ruleSet, zone } = this.store.get();
    if (!ruleSet) return null;
    return read ? { flag: read, inferred: false } : listedRemarkFlag({ flag: 'gray', flagUnknown: true, remark: text }, ruleSet, isoDate(Date.now(), zone));
  }

  /** Problems of the remark box as it is now (none when the rules could not be read). */
  private problemsOf(text: string, read: FlagColor | null): Problem[] {
    const { ruleSet, platform, zone, editor } = this.store.get();
    const target = this.judgedFlag(text, read);
    if (!ruleSet || !target) return [];
    // The line the box opened with is someone's saved remark: only a line written now must be the agent's.
    return checkRemark(text, {
      ruleSet, flag: target.flag, flagInferred: target.inferred, platform, today: isoDate(Date.now(), zone), ...this.agentOpt(), saved: editor?.original ?? '', ...(editor?.boxMax ? { boxMax: editor.boxMax } : {}),
    });
  }

  private agentOpt(): { agent?: string } {
    const agent = this.store.get().agent.trim();
    return agent ? { agent } : {};
  }

  /** Re-reads the open box and checks it. */
  recheck(): void {
    const ed = this.store.get().editor;
    const box = this.current;
    if (!ed || !box) return;
    const text = box.textarea.value;
    const flag = box.readFlag();
    const problems = this.problemsOf(text, flag);
    if (problems.length === 0) this.removeHeldHint();
    this.store.set({ editor: { ...ed, text, flag, problems, length: remarkLength(text, this.store.get().platform, ed.boxMax) } });
  }

  private overrideApplies(text: string, flag: FlagColor | null): RemarkOverrideDraft | null {
    const o = this.store.get().editor?.override;
    return o && o.text === text && o.flag === flag ? o : null;
  }

  private onClick(e: Event): void {
    const box = this.current;
    const target = e.target as Node | null;
    if (!box || !target || !box.saveButton.contains(target)) return;
    this.gate(e);
  }

  private onSubmit(e: Event): void {
    const box = this.current;
    const form = e.target as HTMLFormElement | null;
    if (!box || !form || typeof form.contains !== 'function' || !form.contains(box.textarea)) return;
    this.gate(e);
  }

  /** Lets a valid (or overridden) save through and reports it; holds an invalid one. */
  private gate(e: Event): void {
    const box = this.current!;
    const text = box.textarea.value;
    const flag = box.readFlag();
    const problems = this.problemsOf(text, flag);
    const override = problems.length ? this.overrideApplies(text, flag) : null;
    if (problems.length && !override) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.hold(problems);
      return;
    }
    // A flag not read is recorded as the kind the text names; naming none, nothing is recorded under a guessed flag.
    const recorded = flag ?? this.judgedFlag(text, null)?.flag;
    if (!recorded) return;
    const key = `${box.orderId}\u0000${recorded}\u0000${text}`;
    if (key === this.lastRecord.key && Date.now() - this.lastRecord.at < 3000) return;
    this.lastRecord = { key, at: Date.now() };
    const ed = this.store.get().editor;
    const { platform } = this.store.get();
    const req: RecordRemarkRequest = {
      platform,
      orderId: box.orderId,
      buyer: ed?.buyer ?? '',
      ...(ed?.buyerId ? { buyerId: ed.buyerId } : {}),
      flag: recorded,
      text,
      ...(override ? { override: { reason: override.reason, problems: problems.map((p) => ({ code: p.code, message: p.message })) } } : {}),
      at: Date.now(),
    };
    unrecorded.set(`${req.orderId}\u0000${req.at}`, { req, tries: 0 });
    this.store.set({ notice: { kind: 'info', text: t(override ? 'remarks.panel.recordedOverride' : 'remarks.panel.recorded') } });
    void this.retryUnrecorded();
  }

  /**
   * Sends every save not yet recorded (the one just made, and any the disk refused before), oldest
   * first; what fails stays while worth another try (worthRetrying), and the panel says so with a
   * 重试 button; what is given up is said once, with its reason.
   *
   * One pass at a time, and an ask during a pass (重试, a new save, another write getting through)
   * is never dropped: a pass that began before there was room fails, and the ask that came with
   * the room is the one that can work — it runs once the pass ends. Resolves when no pass is left.
   */
  retryUnrecorded(): Promise<void> {
    if (sending) {
      again = true;
      return sending;
    }
    if (!unrecorded.size) return Promise.resolve();
    sending = (async () => {
      try {
        do {
          again = false;
          await sendPass(this.api);
        } while (again && unrecorded.size);
      } finally {
        sending = null;
        again = false;
      }
    })();
    return sending;
  }

  /** What a send pass ended with, said on this panel. */
  showPass(count: number, reason: string, givenUp: number, givenUpReason: string): void {
    if (this.signal.aborted) return;
    const hadFailed = !!this.store.get().unrecorded;
    const notice = givenUp
      ? { kind: 'warn' as const, text: t('remarks.panel.unrecordedGivenUp', { count: givenUp, reason: givenUpReason }) }
      : count
        ? null
        : hadFailed
          ? { kind: 'info' as const, text: t('remarks.panel.recordedLater') }
          : undefined;
    // How often the oldest kept save was sent: a 重试 that failed again is seen to have been made.
    this.store.set({ unrecorded: count ? { count, reason, tries: keptTries() } : null, ...(notice !== undefined ? { notice } : {}) });
  }


  private hold(problems: Problem[]): void {
    const ed = this.store.get().editor;
    if (ed) this.store.set({ editor: { ...ed, problems, held: true } });
    // The agent must see why: open the panel if it was folded away (not remembered as a setting).
    if (this.main.store.get().collapsed) this.main.store.set({ collapsed: false });
    this.showHeldHint(problems);
  }

  private showHeldHint(problems: Problem[]): void {
    const root = this.current?.root;
    if (!root) return;
    let hint = root.querySelector<HTMLElement>(`[data-kf="${HELD_HINT}"]`);
    if (!hint) {
      hint = this.doc.createElement('div');
      hint.className = 'kf-remark-held';
      hint.setAttribute('data-kf', HELD_HINT);
      hint.setAttribute('role', 'alert');
      hint.setAttribute('style', HELD_STYLE);
      root.append(hint);
    }
    hint.textContent = t('remarks.panel.heldInPage', { problem: afterRemark(problems[0]) });
  }

  private removeHeldHint(): void {
    for (const el of Array.from(this.doc.querySelectorAll(`[data-kf="${HELD_HINT}"]`))) el.remove();
  }

  // ---- actions used by the components -------------------------------------------------------

  /** The agent gave a reason: this exact text may be saved, and the save is triggered. */
  overrideAndSave(reason: string): void {
    const box = this.current;
    const ed = this.store.get().editor;
    const r = reason.trim();
    if (!box || !ed || !r) return;
    this.store.set({ editor: { ...ed, override: { reason: r, text: box.textarea.value, flag: box.readFlag() } } });
    this.removeHeldHint();
    // A console that ignores synthetic clicks still saves on the agent's own click: the override stays.
    box.saveButton.click();
  }

  /**
   * Puts the form's remark into the page's remark box, as typed (the page's listeners see it).
   * `basedOn` is the box text the form built `text` on: when the box holds something else now (the
   * page or a script changed it without an input event), nothing is written — that text would be
   * lost — and the form is brought up to date to build on it, with a word to the agent.
   */
  useText(text: string, basedOn?: string): boolean {
    const box = this.current;
    if (!box) return false;
    if (basedOn !== undefined && box.textarea.value !== basedOn) {
      this.recheck();
      this.store.set({ notice: { kind: 'warn', text: t('remarks.panel.boxChanged') } });
      return false;
    }
    const r = replaceRange(box.textarea, 0, box.textarea.value.length, text);
    if (!r.ok) {
      this.store.set({ notice: { kind: 'warn', text: t('remarks.panel.insertFailed', { reason: r.reason }) } });
      return false;
    }
    const ed = this.store.get().editor;
    this.store.set({ notice: null, ...(ed ? { editor: { ...ed, written: box.textarea.value } } : {}) });
    this.onEdit();
    // The agent's next step is the console's own 保存: the keys go to the box (Tab reaches it), not left on 使用.
    box.textarea.focus();
    return true;
  }

  scrollToOrder(orderId: string): void {
    const row = this.main.store.get().orders.find((o) => o.orderId === orderId);
    row?.element.scrollIntoView({ block: 'center' });
  }

  // ---- order list lint ----------------------------------------------------------------------

  private lint(orders: OrderRow[]): void {
    const { ruleSet, platform, zone } = this.store.get();
    if (!ruleSet) {
      this.store.set({ lint: [], unread: NONE_UNREAD, checked: 0, shown: 0 });
      this.removeMarkers(new Set());
      return;
    }
    const today = isoDate(Date.now(), zone);
    if (this.lintCache.size > 2000) this.lintCache.clear();
    const broken: RemarkLintEntry[] = [];
    const keep = new Set<HTMLElement>();
    // A layout change can hide orders from the adapter (a wrapper it does not know): counted from
    // the ids the page shows, they are said as not checked rather than summed up as fine.
    const shown = this.shownOrders();
    const unread = { flag: 0, remark: 0, orders: Math.max(0, shown - orders.length) };
    for (const row of orders) {
      for (const part of row.unread ?? []) unread[part]++;
      const target = listedRemarkFlag(row, ruleSet, today);
      if (!target) continue;
      const { flag, inferred } = target;
      // A saved remark, as on an open box: its signer is not compared with the agent (whose name
      // is only the example signature). The cache is cleared when the settings change.
      // Where the flag was read from the text, the messages say so rather than name a flag not shown.
      // The status counts too: a shipped order's 缺货 is history, asked no ship date (checkRemark).
      const key = `${today}\u0000${flag}\u0000${inferred ? 1 : 0}\u0000${row.status}\u0000${row.remark}`;
      let problems = this.lintCache.get(key);
      if (!problems) {
        problems = checkRemark(row.remark, { ruleSet, flag, platform, today, ...this.agentOpt(), saved: row.remark, flagInferred: inferred, status: row.status });
        this.lintCache.set(key, problems);
      }
      // A saved "ready to ship" remark on an order still unpaid: said first, the warehouse acts on it.
      const contradicts = flagStatusWarning(ruleSet, flag, row.status, { saved: true });
      if (contradicts) problems = [contradicts, ...problems];
      if (!problems.length) continue;
      broken.push({ orderId: row.orderId, buyer: row.buyer, flag, problems });
      const marker = this.markRow(row.element, problems[0]!);
      if (marker) keep.add(marker);
    }
    this.removeMarkers(keep);
    this.store.set({ lint: broken, unread, checked: orders.length - unread.remark, shown: unread.orders ? shown : 0 });
  }

  private markRow(rowEl: HTMLElement, first: Problem): HTMLElement | null {
    if (!rowEl.isConnected) return null;
    const text = t('remarks.panel.marker', { problem: afterRemark(first) });
    let marker = Array.from(rowEl.children).find((c) => c.getAttribute('data-kf') === MARKER) as HTMLElement | undefined;
    if (!marker) {
      marker = this.doc.createElement('span');
      marker.className = 'kf-remark-lint';
      marker.setAttribute('data-kf', MARKER);
      marker.setAttribute('style', MARKER_STYLE);
      rowEl.append(marker);
    }
    if (marker.textContent !== text) marker.textContent = text;
    if (marker.title !== text) marker.title = text;
    marker.setAttribute('data-code', first.code);
    return marker;
  }

  private removeMarkers(keep: Set<HTMLElement>): void {
    for (const el of Array.from(this.doc.querySelectorAll<HTMLElement>(`[data-kf="${MARKER}"]`))) if (!keep.has(el)) el.remove();
  }
}
