/**
 * The in-page panel's controller: the state every feature shares (the page as the adapter reads it,
 * the library and settings, the situation and suggestions) and the actions the components use
 * (insert, copy, fill-ins). The features themselves are files in page-features/, each started with
 * `init(ctx, signal)` by `start()`: they add their listeners, hooks and panel sections there. It
 * never touches a console's DOM directly (that is the adapter's job) and never sends a chat message.
 */
import { Store } from './store';
import { call, onDataChanged } from '../messaging/client';
import { browser } from '../browser';
import { TEAM_CONFIG_KEY, type TeamConfig } from '../team/config';
import type { LibraryRecord } from '../storage/library';
import { DEFAULT_APP_SETTINGS, shopZone, type AppSettings } from '../storage/settings';
import { atTime, hhmm } from '../domain/time';
import type { UsageRecord } from '../storage/usage';
import type { Template } from '../domain/templates/types';
import type { RenderContext, RenderResult } from '../domain/templates/variables';
import { SCENARIOS, type ScenarioId } from '../domain/scenarios';
import type { Classification, BuyerSegment, PackedTemplateIndex, RankedTemplate, TemplateIndex } from '../domain/suggest';
import { readOrMissing, SiteElementMissing, type ChatMessage, type OrderRow, type OrderStatus, type PageKind, type RemarkEditor, type SiteAdapter } from '../sites/types';
import type { SeenOrder } from '../messaging/protocol-orders';
import { loadFeature, type FeatureHost, type Features } from './features';
import type { InsertCheck, InsertRequest, PanelFeature, PanelSection } from './page-feature';
import type { CardFrameHost } from './card-frame';
import type { SideInsert } from '../teach/tab-messages';

/** A reply from the browser's side panel (useTemplate): the fill-ins it asked, and who hears what became of it. */
export interface FromSide {
  fills: Record<string, string>;
  told(r: SideInsert): void;
}
import { focusAtCaret } from '../insert';
import { getLocale, registerMessages, setLocale, t } from '../i18n';
import type { ConsoleName } from '../sites/names';
import { COMBINE, type Signals } from '../domain/suggest/combine';
import { buyerTurns, CONTEXT_MESSAGES } from '../domain/suggest/context';
import { isWordless, wordedTurns } from '../sites/dom';

export interface Suggestion {
  template: Template;
  reason: string;
}

export interface Notice {
  kind: 'info' | 'warn' | 'error';
  text: string;
}

export interface PendingFill {
  template: Template;
  mode: 'insert' | 'copy';
  /** Names of fill-ins the agent must type. */
  missing: string[];
  fills: Record<string, string>;
  /** Set after the agent tried to go on with an empty fill-in. */
  warned: boolean;
  /** Set once the agent typed in a field: the buyer writing again then leaves the form (read()). */
  typed?: boolean;
}

export interface PanelState {
  ready: boolean;
  collapsed: boolean;
  /** The console's name in both languages; the header shows the interface's (consoleName). */
  siteName: ConsoleName | null;
  pageKind: PageKind;
  /** Whether the console's chat input was found (else: copy mode). */
  inputFound: boolean;
  /**
   * The conversation shows messages but the adapter could not tell the buyer's or read their text
   * (SiteElementMissing from readMessages: the console changed). No reply state or suggestion is
   * claimed from what was not read.
   */
  messagesUnread: boolean;
  /**
   * The conversation shows the buyer's messages but no buyer could be read (the console changed
   * where it names them): the panel says so instead of 未选择会话.
   */
  buyerUnread: boolean;
  /**
   * An order page by its address (SiteAdapter.ordersExpected) where neither an order nor the remark
   * box could be read: the console changed. The panel says so, as on a chat page.
   */
  ordersUnread?: boolean;
  /** The open buyer's shown nickname. */
  buyer: string | null;
  /**
   * The console's id of the open buyer, where the page shows one: two buyers with the same masked
   * nickname are two conversations (and two records) because of it.
   */
  buyerId: string | null;
  /** No id, and the page shows another conversation under this nickname: its notes may be a namesake's (true, else absent). */
  namesakes?: boolean;
  /**
   * An order's detail page whose order names its buyer: her (the buyer card shows her notes, `{买家}`
   * is her name). Never on a list: its rows are many buyers'. Null or absent elsewhere.
   */
  orderBuyer?: OpenBuyer | null;
  buyerMessages: string[];
  /** The shop spoke last: `buyerMessages` are the ones its last reply answered (nothing new since). */
  answered: boolean;
  /**
   * Every buyer message read, answered ones too: a detail named before the shop's reply (能开专票吗,
   * then 公司抬头需要提供什么) still tells which reply of the situation fits, though its need is answered.
   */
  buyerEarlier: string[];
  classification: Classification | null;
  /**
   * The needs of the buyer's round, one per turn that names one, in the order asked
   * (lib/domain/suggest/context-round.ts); the panel names them when there are several.
   */
  needs?: ScenarioId[];
  /** Those a reply the agent put in this round answered (the reply's situations); cleared by the buyer's next round. */
  needsAnswered?: ScenarioId[];
  /** False while the background's model and learned picks for the current message are awaited. */
  signalsReady: boolean;
  /** The suggestion engine (a feature script, loaded on chat pages and on the first search) is in, and the library indexed. */
  engineReady: boolean;
  /** The agent's own pick of the situation, overriding the classifier until the buyer writes again. */
  scenarioOverride: ScenarioId | null;
  suggestions: Suggestion[];
  library: LibraryRecord | null;
  settings: AppSettings;
  query: string;
  results: Template[];
  /** The search waits for what it reads (the pinyin initials, lib/panel/panel-index.ts): no hits yet is not 无结果. */
  searchWaiting?: boolean;
  notice: Notice | null;
  pending: PendingFill | null;
  /** Bumped when the search box should take focus. */
  focusSearchTick: number;
  /** Statuses of the open buyer's orders shown beside the chat (newest first). */
  buyerOrderStatuses: OrderStatus[];
  /** The buyer's segment from the customer card, when notes exist. */
  buyerSegment: BuyerSegment | null;
  /** Order rows on an order page (with their elements, for marking). */
  orders: OrderRow[];
  /** The open remark editor on an order page, if any. */
  remarkEditor: RemarkEditor | null;
  /** Panel sections the features added (page-feature.ts). */
  sections: PanelSection[];
  /**
   * The page check ("检查页面") while it is open: how many times it was run (each run reads the page
   * again, in the check feature script), else null.
   */
  pageCheck: number | null;
}

/** What the panel reads from the worker and reads again when another page changed it. */
type ReloadArea = 'settings' | 'library' | 'usage';

/** The "why" line under a suggestion, from the ranking's strongest signal. */
function reasonText(r: RankedTemplate): string {
  const scenario = r.reasons.find((x) => x.scenario)?.scenario ?? r.template.scenarios[0];
  const label = scenario ? (getLocale() === 'en' ? SCENARIOS[scenario].en : SCENARIOS[scenario].zh) : '';
  return t(`panel.reason.${r.reason}`, { scenario: label });
}

/** The open buyer as the page shows them (the name, and the console's id where it shows one). */
export interface OpenBuyer {
  buyer: string;
  buyerId: string | null;
  /** No id, and the page shows another conversation under this name (BuyerIdentity.namesakes). */
  namesakes?: boolean;
}

/**
 * A conversation switch's full read waits at most this long for the buyer card to say it drew the
 * new buyer (a hidden or throttled frame may never say so).
 */
export const SWITCH_READ_MAX_MS = 150;

/** A second press of the same Alt+1…9 reply sooner than this after the last one is a double tap (README). */
const DOUBLE_TAP_MS = 800;

const sameBuyer = (a: OpenBuyer, b: OpenBuyer) => a.buyer === b.buyer && a.buyerId === b.buyerId;

/**
 * What a page change is read for first: the page's kind and, on a chat page, who is open. Read once
 * per change (pageChanged) and handed to the full read when that runs at once.
 */
interface PageLook {
  pageKind: PageKind;
  who: OpenBuyer | null;
}

/** The key (lib/i18n/messages/outdated.ts) a refused read is noted under while its words load. */
const OUTDATED = 'error.outdated';

export class PanelController {
  /** Alt+R opened the folded panel: the remark form takes focus when it is drawn. */
  remarkKey = false;
  readonly store = new Store<PanelState>({
    ready: false,
    collapsed: false,
    siteName: null,
    pageKind: 'unknown',
    inputFound: false,
    messagesUnread: false,
    buyerUnread: false,
    buyer: null,
    buyerId: null,
    buyerMessages: [],
    buyerEarlier: [],
    answered: false,
    classification: null,
    signalsReady: true,
    engineReady: false,
    scenarioOverride: null,
    suggestions: [],
    library: null,
    settings: DEFAULT_APP_SETTINGS,
    query: '',
    results: [],
    notice: null,
    pending: null,
    focusSearchTick: 0,
    orders: [],
    remarkEditor: null,
    pageCheck: null,
    buyerOrderStatuses: [],
    buyerSegment: null,
    sections: [],
  });

  private index: TemplateIndex | null = null;
  /**
   * The suggestion engine (cue tables, classifier, ranking, search) is a feature script loaded on
   * demand (lib/panel/features.ts), so order pages never parse it: null until it has arrived.
   */
  /** The suggest feature script once it is in (the situation list's keys come with it). */
  engine: Features['suggest'] | null = null;
  private engineLoading: Promise<void> | null = null;
  /** The current situation was set by a follow-up opened from the popup, not by the agent. */
  private byFollowup = false;
  /** The background's signals for the current message (model, learned picks), once they arrive. */
  private signals: Signals | null = null;
  private signalsSeq = 0;
  private usage: UsageRecord = { v: 1, templates: {} };
  /** The latest read of each area (reloadData): an older one's late answer is dropped. */
  private readonly reads: Record<ReloadArea, number> = { settings: 0, library: 0, usage: 0 };
  /** The shift the team member chose (options → 团队; 夜班 in a 全天白班 shop is 白班): ranking's night, over the clock's. */
  private teamShift?: 'day' | 'night';
  private teamReads = 0;
  /** What the last ask for it rested on (readTeamShift): the chosen shift and the shop's day-shift hours; null after a failed ask. */
  private teamBasis?: string | null;
  /** The bigram table the worker packed for the library (getPanelLibrary). */
  private packed: PackedTemplateIndex | null = null;
  private missingReported = false;
  /** The remembered 收起 as this panel last read or wrote it (null: not read yet). */
  private savedCollapsed: boolean | null = null;
  private readonly insertChecks: InsertCheck[] = [];
  private readonly pageReadListeners: (() => void)[] = [];
  private readonly insertListeners: ((text: string, req: Omit<InsertRequest, 'proceed' | 'drop' | 'held'>, template: Template | null) => void)[] = [];
  private readonly copyListeners: ((text: string, template: Template) => void)[] = [];
  private switchListener: ((who: OpenBuyer, drawn: () => void) => boolean) | null = null;
  /** The buyer a switch showed the card before the full read (which then waits), else null. */
  private early: OpenBuyer | null = null;
  private switchSeq = 0;
  /**
   * A switch the card was told at the agent's click on a row (rowClicked), until the page shows who
   * it opened: `from` is who the page showed at the click; `drawn` once the card drew the clicked buyer.
   */
  private predicted: { from: OpenBuyer | null; drawn: boolean } | null = null;

  constructor(
    private readonly adapter: SiteAdapter | null,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    /** False once the extension is gone from under the page (reloaded, updated): asked before reading a change. */
    private readonly live = () => true,
  ) {}

  /** What a feature loaded on demand needs from the panel (lib/panel/features.ts). */
  featureHost(): FeatureHost {
    return { controller: this, adapter: this.adapter, platform: this.adapter?.platform ?? 'taught', doc: this.doc, signal: this.signal };
  }

  /**
   * Loads data, starts watching the page, then starts every feature (page-features/index.ts).
   * Safe to call once per page (re-run on navigation). A feature that fails to start is reported
   * and the others still run.
   */
  async start(opts: { card: CardFrameHost; features: readonly PanelFeature[] }): Promise<void> {
    this.store.set({ siteName: this.adapter?.name ?? null });
    // Only the settings are waited for (the language, the remembered 收起: a small record). The
    // library and the usage counts grow with the shop's data — a year's 2,000 replies are 400 KB to
    // pass and index — so the page is read, the card told and the features started meanwhile, and
    // the suggestions follow when the library is in (engineReady).
    await this.reloadData();
    this.readTeamShift();
    const off = onDataChanged(['library', 'settings', 'usage', 'team'], (area) => {
      // The shop's hours (settings) decide what a member's chosen shift counts as: looked at once they are in.
      if (area == 'team') this.readTeamShift();
      else void this.reloadData([area as ReloadArea]).then(() => area == 'settings' && this.readTeamShift());
    });
    this.signal.addEventListener('abort', off, { once: true });
    if (this.adapter) {
      this.adapter.observeConversation(this.doc, this.signal, () => this.pageChanged());
      if (this.adapter.conversationAt) this.doc.addEventListener('click', (e) => this.rowClicked(e), { capture: true, signal: this.signal });
      const ctx = {
        controller: this,
        adapter: this.adapter,
        doc: this.doc,
        card: opts.card,
        addSection: (section: PanelSection) =>
          this.store.set((st) => ({ sections: [...st.sections.filter((x) => x.name !== section.name), section].sort((a, b) => a.order - b.order) })),
      };
      for (const f of opts.features) {
        try {
          f.init(ctx, this.signal);
        } catch (err) {
          console.error(`[kf] feature ${f.name} failed to start`, err);
        }
      }
    }
    this.readPage();
    this.store.set({ ready: true });
  }

  /** A feature's say before a reply goes into the chat box or the clipboard (the compliance guard). */
  addInsertCheck(check: InsertCheck): void {
    this.insertChecks.push(check);
  }

  /** Told after every read of the page (the adapter saw the conversation change or a message arrive). */
  onPageRead(listener: () => void): void {
    this.pageReadListeners.push(listener);
  }

  /**
   * The buyer card's part in a conversation switch (card-frame.ts): `listener` gets the new buyer
   * before anything else of the page is read, and calls `drawn` once the card shows them; it
   * returns false when there is no card to tell (the page is then read at once).
   */
  onSwitch(listener: (who: OpenBuyer, drawn: () => void) => boolean): void {
    this.switchListener = listener;
  }

  /** The open buyer as the card should show them: a switch seen ahead of its full read, else the last read. */
  openBuyer(): OpenBuyer | null {
    const s = this.store.get();
    return this.early ?? (s.pageKind === 'chat' && s.buyer ? { buyer: s.buyer, buyerId: s.buyerId, namesakes: s.namesakes } : (s.orderBuyer ?? null));
  }

  /**
   * The page changed (the adapter's observer, an in-page navigation). A conversation switch is the
   * moment the agent waits for the card: the card is told the new buyer first (two attribute reads),
   * and the full read — messages, situation, suggestions, clock, list, the panel's render — runs once
   * the card has drawn them (or after SWITCH_READ_MAX_MS), so none of it shares the switch's frame
   * or the processor with the card. Any other change is read at once.
   */
  pageChanged(): void {
    if (!this.adapter || !this.live() || this.signal.aborted) return;
    const look = this.look();
    const shown = this.openBuyer();
    if (shown && this.switchListener) {
      const { who } = look;
      // Until the page's next frame after the agent's click (rowClicked), the page showing the
      // clicked buyer, or still the one before, is left to the check after that frame.
      const p = this.predicted;
      if (p && who && (sameBuyer(who, shown) || (p.from && sameBuyer(who, p.from)))) return;
      this.predicted = null;
      if (who && !sameBuyer(who, shown)) {
        if (this.switchCard(who)) return;
      } else if (who && this.early) return; // the waiting read sees this change too
    }
    this.read(look);
  }

  /**
   * Tells the card `who` ahead of the full read, which runs when the card reports it drew them (or
   * after SWITCH_READ_MAX_MS). False: no card to tell.
   */
  private switchCard(who: OpenBuyer): boolean {
    const seq = ++this.switchSeq;
    const flush = () => {
      if (seq !== this.switchSeq) return;
      if (this.predicted) this.predicted.drawn = true; // read after the page's frame (rowClicked)
      else this.flushRead();
    };
    this.early = who;
    if (this.switchListener?.(who, flush)) {
      setTimeout(flush, SWITCH_READ_MAX_MS);
      return true;
    }
    this.early = null;
    return false;
  }

  /**
   * The agent's click on a conversation row, seen in the document's capture phase, before the page's
   * own handler runs: the card is told the row's buyer now (adapter.conversationAt), so its frame
   * draws them while the page switches, and both paint in the same frame. The page opening someone
   * else corrects the card at once (pageChanged); after the page's next frame, a click the page has
   * not followed puts the card back on the buyer the page shows, and a followed one gets its full
   * read (never before that frame, even when the card drew first). Only the agent's own clicks count
   * (a page can dispatch clicks of its own); keyboard switches take the path above.
   */
  rowClicked(e: MouseEvent): void {
    const target = e.target as Element | null;
    if (!e.isTrusted || typeof target?.closest !== 'function') return;
    const row = this.adapter?.conversationAt?.(target);
    const shown = this.openBuyer();
    if (!row || !shown || this.signal.aborted || this.store.get().pageKind !== 'chat') return;
    const who = { buyer: row.nickname, buyerId: row.id };
    // Ours or, with no buyer id, a namesake's: the page read tells by the rows it then shows.
    if (sameBuyer(who, shown)) return void (this.strict = true);
    const p = { from: this.readWho(), drawn: false };
    this.predicted = p;
    if (!this.switchCard(who)) {
      this.predicted = null;
      return;
    }
    // After the page's next frame: the page shows the clicked buyer (the card's drawn, if it came,
    // starts the full read now, not inside the page's switch), or still the one before (the card
    // goes back to them), or someone else (already told, pageChanged).
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.predicted !== p) return;
        this.predicted = null;
        const seq = this.switchSeq;
        this.pageChanged();
        if (p.drawn && seq === this.switchSeq) this.flushRead();
      }),
    );
  }

  /** Runs a switch's waiting full read now (the agent acts on the panel, or the card drew the buyer). */
  flushRead(): void {
    if (this.early && !this.signal.aborted) this.readPage();
  }

  /** Told after a reply went into the chat box (the guard counts repeats; a 催付 reply marks the buyer's unpaid orders reminded). */
  onInserted(listener: (text: string, req: Omit<InsertRequest, 'proceed' | 'drop' | 'held'>, template: Template | null) => void): void {
    this.insertListeners.push(listener);
  }

  /**
   * Told after a reply of the library was copied for the agent to paste (the 复制 button, or a page
   * whose chat box the panel cannot find): a 催付 reply copied on a chat page marks the buyer reminded
   * too, saying it was copied. Not the insertion listeners: a copy leaves nothing in the chat box.
   */
  onCopied(listener: (text: string, template: Template) => void): void {
    this.copyListeners.push(listener);
  }

  /**
   * Reads again what changed (at start: the settings, the library and the usage counts; later, the
   * area another page changed: a settings change does not fetch the library). Resolves once the
   * settings are applied; the library and usage are applied when they arrive, unless a later read
   * of the same area has started since. However many of the reads fail (the worker gone: all of
   * them), the agent gets one notice.
   */
  private reloadData(areas: readonly ReloadArea[] = ['settings', 'library', 'usage']): Promise<void> {
    const errors = new Set<string>();
    let left = areas.length;
    const say = () => this.notify('error', t('panel.loadFailed', { reason: [...errors].map((m) => (m == OUTDATED ? t(m) : m)).join('; ') }));
    const settled = (err?: Error) => {
      // A worker older than the page (updated, not reloaded: code `outdated`) is named with what to
      // do, as on the card. Those words (outdatedPanel) come with the suggestion engine, not with
      // this script (its size): the notice waits for the engine, which the panel needs anyway. If the
      // engine cannot load either, its own notice (featureFailed: refresh the page) is left to say what to do.
      if (err) errors.add((err as { code?: string }).code == 'outdated' ? OUTDATED : err.message);
      if (!--left && errors.size) errors.has(OUTDATED) ? (this.suggestEngine(), void Promise.resolve(this.engineLoading).then(() => this.engine && say())) : say();
    };
    const read = <T,>(area: ReloadArea, load: () => Promise<T>, apply: (v: T) => void) => {
      const seq = ++this.reads[area];
      return load().then((v) => {
        settled();
        if (seq === this.reads[area] && !this.signal.aborted) apply(v);
      }, settled);
    };
    if (areas.includes('library'))
      void read('library', () => call('getPanelLibrary'), ({ library, index }) => {
        this.packed = index;
        this.store.set({ library });
        this.buildIndex();
        this.recompute();
      });
    if (areas.includes('usage'))
      void read('usage', () => call('getUsage'), (usage) => {
        this.usage = usage;
        this.recompute();
      });
    return areas.includes('settings')
      ? read('settings', () => call('getSettings'), (settings) => {
          setLocale(settings.shop.locale);
          // The remembered 收起 only when it changed (another tab, the first load): any other settings
          // change, or the echo of this panel's own write, must not fold a panel the agent just opened
          // with Alt+K or Alt+1.
          if (settings.panel.collapsed !== this.savedCollapsed) this.fold((this.savedCollapsed = settings.panel.collapsed));
          this.store.set({ settings });
          this.recompute();
          this.atDayTurn();
        })
      : Promise.resolve();
  }

  /**
   * The team member's own shift for ranking (handoverTargets `chosen`). Asked only of a machine in team
   * mode with a shift chosen (`kf:team` in storage.local, written by the worker before it says 'team'
   * changed): outside team mode, nothing is sent for it. Asked again only when what the answer rests
   * on changed — that shift, the shop's day-shift hours — not at each 'team' change: the worker says
   * one for every sync status too (正在同步… → 已同步, twice a round), and each asked again from every
   * open console tab. Not read: the clock tells night from day, as outside team mode; no notice of
   * its own (the other reads say the worker is gone), and the next change asks again.
   */
  private readTeamShift(): void {
    let seq = -1;
    Promise.resolve()
      .then(() => browser.storage.local.get(TEAM_CONFIG_KEY))
      .then((r) => {
        const chosen = (r[TEAM_CONFIG_KEY] as TeamConfig | undefined)?.shift;
        const basis = chosen && chosen + JSON.stringify(this.store.get().settings.followups.dayShift);
        if (basis !== this.teamBasis) (seq = ++this.teamReads), (this.teamBasis = basis);
        return seq > 0 && basis ? call('handoverTargets').then((h) => h?.chosen && h.shift) : undefined;
      })
      .then(
        (shift) => {
          if (seq != this.teamReads || this.signal.aborted || shift == this.teamShift) return;
          this.teamShift = shift || undefined;
          this.recompute();
        },
        () => seq == this.teamReads && (this.teamBasis = null),
      );
  }

  private dayTurn?: ReturnType<typeof setTimeout>;

  /**
   * A card shows its reply as it would go in now ({付款发货}, {发货日}, 今天的截单时间已过) and the
   * ranking drops the unpaid boost after the cut-off: all of it turns at the shop's cut-off and at
   * its midnight. One timer to the next of the two draws the cards anew (no polling); set again
   * whenever the settings (the cut-off) are read.
   */
  private atDayTurn(): void {
    clearTimeout(this.dayTurn);
    const { settings } = this.store.get();
    // Today's cut-off in shop time (a null zone is the computer's), else the shop's next midnight.
    const now = Date.now();
    const zone = shopZone(settings);
    const cut = atTime(now, hhmm(settings.shop.cutoff, DEFAULT_APP_SETTINGS.shop.cutoff), zone);
    this.dayTurn = setTimeout(() => {
      if (this.signal.aborted) return;
      this.recompute();
      this.atDayTurn();
    }, (now < cut ? cut : atTime(now, 0, zone, 1)) - now);
  }

  private buildIndex(): void {
    const library = this.store.get().library;
    const e = this.engine;
    if (!e || !library) return;
    this.index = e.libraryIndex(library, this.packed, () => this.recompute());
    // Suggestions can be made from here on: the engine and the library are both in.
    if (!this.store.get().engineReady) this.store.set({ engineReady: true });
  }

  /**
   * The suggestion engine if it has arrived; otherwise starts loading it (once) and returns null.
   * When it arrives, the current message is classified and the suggestions and search computed.
   */
  suggestEngine(): Features['suggest'] | null {
    if (this.engine) return this.engine;
    this.engineLoading ??= loadFeature('suggest').then(
      (e) => {
        if (this.signal.aborted) return;
        this.engine = e;
        registerMessages(e.messages);
        this.buildIndex();
        this.classifyNow();
      },
      (err: Error) => {
        this.engineLoading = null;
        this.notify('error', t('panel.featureFailed', { reason: err.message }));
      },
    );
    return null;
  }

  /** The open buyer as the page shows them, or null. */
  private readWho(): OpenBuyer | null {
    const a = this.adapter!;
    if (a.readBuyerIdentity) {
      const who = a.readBuyerIdentity(this.doc);
      return who?.nickname ? { buyer: who.nickname, buyerId: who.id ?? null, namesakes: who.namesakes } : null;
    }
    const buyer = a.readBuyer(this.doc);
    return buyer ? { buyer, buyerId: null } : null;
  }

  /** The page's kind and, on a chat page, who is open (`pageKind` when the caller has just read it). */
  private look(pageKind = this.adapter!.pageKind(this.doc)): PageLook {
    return { pageKind, who: pageKind === 'chat' ? this.readWho() : null };
  }

  /** Re-reads the page through the adapter: page kind, buyer, latest messages, chat input. */
  readPage(): void {
    if (this.adapter) this.read(this.look());
  }

  /**
   * The full read, from the page's kind and open buyer just read (`look`, taken in the same task:
   * the page cannot have changed since): messages, chat input, order statuses, order rows.
   */
  private read({ pageKind, who }: PageLook): void {
    const a = this.adapter!;
    this.early = null;
    this.predicted = null;
    this.switchSeq++;
    let buyer: string | null = null;
    let buyerId: string | null = null;
    let namesakes: boolean | undefined;
    let buyerMessages: string[] = [];
    let buyerEarlier: string[] = [];
    let answered = false;
    let inputFound = false;
    let messagesUnread = false;
    let buyerUnread = false;
    let buyerOrderStatuses: OrderStatus[] = [];
    let read: ChatMessage[] | null = null;
    if (pageKind === 'chat') {
      this.suggestEngine(); // fetched while the page is read, ready for the first buyer message
      buyer = who?.buyer ?? null;
      buyerId = who?.buyerId ?? null;
      namesakes = who?.namesakes;
      read = readOrMissing(() => a.readMessages(this.doc, CONTEXT_MESSAGES));
      messagesUnread = !read;
      buyerMessages = buyerTurns(read ?? []);
      buyerEarlier = (read ?? []).flatMap((m) => (m.from === 'buyer' ? [m.text] : []));
      answered = read?.at(-1)?.from === 'agent';
      // A buyer writes in the open conversation, so someone is open: not naming them is a failed read.
      buyerUnread = !who && buyerMessages.length > 0;
      inputFound = this.findInput() !== null;
      buyerOrderStatuses = a.readBuyerOrderStatuses?.(this.doc) ?? [];
    }
    const prev = this.store.get();
    const conversationChanged = buyer !== prev.buyer || buyerId !== prev.buyerId;
    // Where the console gives each message its own id (Douyin), a new buyer message is one whose id
    // the last read did not show: the same words written again after the shop's reply are new, a
    // message the page drew again is not, nor one the buyer recalled (the message before it was
    // shown already; a read left without any buyer message brings none). Elsewhere, by the words.
    const seen = this.lastIds;
    const ids = read?.flatMap((m) => m.id || []) ?? [];
    // The rows the page turned into recall notices (撤回) are this conversation's too: no namesake shows them.
    const notes = a.readRecalled?.(this.doc) ?? [];
    const shown = ids.concat(notes);
    const last = read?.findLast((m) => m.from === 'buyer');
    const textChanged = buyerMessages.join('\n') !== prev.buyerMessages.join('\n');
    const newMessage = last?.id ? !seen.has(last.id) : textChanged && (!!last || !seen.size);
    // Same nickname, no buyer id (Douyin's namesakes): a read showing messages none of whose ids (nor
    // any recall notice's) the last one showed is another conversation, whose buyer the agent's pick
    // and search were not for. One that shares any (the shop's reply, an earlier message, the notice
    // of a recalled message) is the same conversation. One showing only recall notices, none seen
    // before, is ours only where they can be the messages the last read showed, recalled: no more
    // of them than these notices, and nothing against it (`strict`).
    const reset =
      conversationChanged || (!!seen.size && !shown.some((i) => seen.has(i)) && (!!ids.length || (!!notes.length && (this.strict || seen.size > notes.length))));
    // A read showing no message id (the only message recalled, the list not drawn yet) tells nothing
    // more: the ids before are kept, with any recall notice's, to compare the next read with — so a
    // buyer who recalls the one message shown and writes again is still this conversation.
    const kept = reset || ids.length;
    this.lastIds = new Set(kept ? shown : [...seen, ...shown]);
    // A read showing a row spends the agent's click; one showing no row changes nothing.
    this.strict = (!kept && this.strict) || !!notes.length;
    const spoke = newMessage && !(last && isWordless(last.text));
    this.unreadNotice(messagesUnread, prev.messagesUnread, 'panel.messagesUnread');
    this.unreadNotice(buyerUnread, prev.buyerUnread, 'panel.buyerUnread');
    this.store.set({
      pageKind,
      buyer,
      buyerId,
      namesakes,
      buyerMessages,
      buyerEarlier,
      answered,
      inputFound,
      messagesUnread,
      buyerUnread,
      buyerOrderStatuses,
      buyerSegment: conversationChanged ? null : prev.buyerSegment,
      // A new buyer message or another conversation resets the agent's manual pick.
      // A picture says nothing new: the pick made for the words before it stands.
      scenarioOverride: reset || spoke ? null : prev.scenarioOverride,
      // A form for the question before goes with the buyer's next words, unless she is at it: typed in
      // it, or her focus is in the panel (the form takes it as it opens; a closed shadow root hides which field).
      pending: reset || (spoke && !prev.pending?.typed && !this.doc.activeElement?.closest('kf-panel')) ? null : prev.pending,
      // The search was typed for the previous buyer: left in place, its hits would keep Alt+1…9 and
      // the next buyer would get the old hit instead of their own top suggestion.
      query: reset ? '' : prev.query,
      // The buyer's new round (or another conversation) starts with none of its needs answered (context-round.ts).
      needsAnswered: reset || (newMessage && prev.answered) ? [] : prev.needsAnswered,
    });
    if (reset || newMessage || textChanged) this.classifyNow();
    // The shop's reply sent: the replies are for the round's needs it left open (context-round.ts roundOpen).
    else if (answered !== prev.answered && this.store.get().needs?.[1]) this.recompute();
    this.showOrders(pageKind);
    for (const l of this.pageReadListeners) {
      try {
        l();
      } catch (err) {
        console.error('[kf] page-read listener failed', err);
      }
    }
  }

  private lastReported = '';
  /** The console's ids of the messages the last read showed (Douyin's; none elsewhere). */
  private lastIds = new Set<string>();
  /**
   * The next read showing only recall notices none of which lastIds holds is another conversation's:
   * lastIds holds a notice's (a recall leaves its notice in place), or the agent clicked a list row
   * naming the open buyer since the last read that showed a row (rowClicked: ours, or a namesake's).
   */
  private strict = false;

  /** Order pages: the rows and the open remark editor; rows are reported to the background. */
  readOrders(): void {
    const a = this.adapter;
    if (!a) return;
    const kind = a.pageKind(this.doc);
    // The page changed under us (in-page navigation): the full read, which shows the orders too.
    if (kind !== this.store.get().pageKind) this.read(this.look(kind));
    else this.showOrders(kind);
  }

  /**
   * The rows and remark editor of the page whose kind was just read (`kind`, the state's pageKind).
   * A remark box is looked for on every page: it can sit beside a chat (an order sidebar the agent
   * taught) and is checked there as on an order page.
   */
  private showOrders(kind: PageKind): void {
    const a = this.adapter!;
    const doc = this.doc;
    // A box whose save button is gone (SiteElementMissing) is no box to write into: none, as on a changed page.
    const remarkEditor = readOrMissing(() => a.findRemarkEditor?.(doc)) ?? null;
    const read = a.readOrders && (kind === 'order-list' || kind === 'order-detail') ? readOrMissing(() => a.readOrders!(doc)) : null;
    const orders = read ?? [];
    const prev = this.store.get();
    // An order page read empty is the console's own empty list, or a changed page: said calmly, as on a chat.
    const ordersUnread = !orders.length && !remarkEditor && !!a.ordersExpected?.(doc);
    this.unreadNotice(ordersUnread, !!prev.ordersUnread, 'panel.ordersUnread');
    if (!read) {
      // Only a real change re-renders: this runs at every page change the panel hears of.
      if (prev.orders.length || prev.remarkEditor !== remarkEditor || !!prev.ordersUnread !== ordersUnread) this.store.set({ orders, remarkEditor, ordersUnread, orderBuyer: null });
      return;
    }
    // The one buyer an order's detail page names (all its rows hers); a list, or no name read: none.
    const [o] = orders;
    const orderBuyer = kind === 'order-detail' && o?.buyer && orders.every((r) => r.buyer === o.buyer && r.buyerId === o.buyerId) ? { buyer: o.buyer, buyerId: o.buyerId ?? null } : null;
    this.store.set({ orders, remarkEditor, ordersUnread, orderBuyer });
    const seen: SeenOrder[] = orders.map(({ element: _e, ...o }) => o);
    const key = JSON.stringify(seen);
    if (key !== this.lastReported) {
      this.lastReported = key;
      void call('reportOrders', { platform: a.platform, orders: seen }).catch(() => {});
    }
  }

  /** The chat input, or null (reported once as a calm notice). */
  findInput(): HTMLElement | null {
    if (!this.adapter) return null;
    try {
      const el = this.adapter.findChatInput(this.doc);
      this.missingReported = false;
      return el;
    } catch (err) {
      if (err instanceof SiteElementMissing) {
        if (!this.missingReported) {
          this.missingReported = true;
          this.notify('warn', t('panel.inputMissing'));
        }
        return null;
      }
      throw err;
    }
  }

  /**
   * The cue trie reads the message here, at once (shown in the same frame); the trained model and
   * the agent's learned picks live in the background (the model is never bundled into the content
   * script) and refine the reading when their reply arrives, normally a frame or two later.
   */
  private classifyNow(): void {
    const { buyerMessages, settings, buyer } = this.store.get();
    const seq = ++this.signalsSeq;
    this.signals = null;
    // A picture is the buyer's turn but says nothing: read from the words around it (dom.ts isWordless).
    const worded = wordedTurns(buyerMessages);
    const message = worded.at(-1);
    const engine = message ? this.suggestEngine() : this.engine;
    const cues = message && engine ? engine.classify(worded, { shopCues: settings.shopCues }) : null;
    // Until the engine has arrived (the first reading on a page) the message waits unread.
    this.store.set({ classification: cues, signalsReady: !message, needs: cues ? engine!.roundNeeds(worded, { shopCues: settings.shopCues }, cues) : [] });
    this.recompute();
    if (!message || !cues || !engine) return;
    call('suggestSignals', { message, buyer }).then(
      (signals) => {
        if (seq !== this.signalsSeq) return;
        this.signals = signals;
        this.store.set({ classification: engine.combineSignals(cues, signals), signalsReady: true });
        this.recompute();
      },
      () => seq === this.signalsSeq && this.store.set({ signalsReady: true }),
    );
  }

  /** Replies the agent chose for messages like this one (the learned picks), for the ranking. */
  private learnedTemplates(): Record<string, number> | undefined {
    const l = this.signals?.learned;
    return l && l.best >= COMBINE.learnedFill ? l.templates : undefined;
  }

  /**
   * An insertion (`template`) or a chip correction (`chip`) teaches: its usage count, a labelled
   * example for the learned picks, the buyer's replies-used line. Sent by the suggest script, which
   * keeps what the worker could not store (unsaved-picks.ts); it is in by then (a reply is rendered
   * with it), but for a chip picked in the moment before it arrived.
   */
  private learn(template: Template | null, chip?: ScenarioId): void {
    void loadFeature('suggest').then((e) => e.learn(this.featureHost(), template, chip), () => {});
  }

  /** Ranks templates for the current situation and refreshes search results. */
  recompute(): void {
    const s = this.store.get();
    if (s.query.trim()) this.suggestEngine();
    const e = this.engine;
    if (!this.index || !e) return;
    // After the shop's reply to some of a round's needs: the others (context-round.ts roundOpen).
    const open = e.roundOpen(s);
    const classification = open ?? (s.scenarioOverride
      ? { scores: [{ id: s.scenarioOverride, score: 1 }], top: [s.scenarioOverride], confident: true, evidence: {} }
      : s.classification);
    const suggestions = classification && classification.top.length
      ? e.rankTemplates(this.index, {
          classification,
          // A follow-up's situation did not come from the buyer's last message: its words choose nothing.
          text: open || (s.scenarioOverride && this.byFollowup) ? '' : wordedTurns(s.buyerMessages).at(-1) ?? '',
          earlier: s.buyerEarlier,
          usage: this.usage.templates,
          orderStatuses: s.buyerOrderStatuses,
          buyer: s.buyerSegment ? { segment: s.buyerSegment } : undefined,
          learned: this.learnedTemplates(),
          shop: { ...this.renderContext(), shift: this.teamShift },
        }, 3).map((r) => ({ template: r.template, reason: reasonText(r) }))
      : [];
    const hits = s.query.trim() ? e.searchTemplates(this.index, s.query, 30) : [];
    this.store.set({ suggestions, results: hits.map((r) => r.template), searchWaiting: 'waiting' in hits });
  }

  // ---- actions used by the components -------------------------------------------------------

  /** 收起 / 展开 by the agent (remembered). */
  setCollapsed(collapsed: boolean): void {
    this.fold((this.savedCollapsed = collapsed));
    this.recompute();
    void call('patchSettings', { panel: { collapsed } }).catch(() => {});
  }

  /**
   * Folds or opens the panel. Either way the search goes: typed for what was on screen, it would keep
   * Alt+1…9 on hits the agent no longer sees (collapsed) or has forgotten (opened again later).
   */
  private fold(collapsed: boolean): void {
    this.store.set({ collapsed, query: '' });
  }

  setQuery(query: string): void {
    this.store.set({ query });
    this.recompute();
  }

  /** The customer card tells the ranking who this buyer is (new / returning / VIP / difficult). */
  setBuyerSegment(segment: BuyerSegment | null): void {
    if (segment === this.store.get().buyerSegment) return;
    this.store.set({ buyerSegment: segment });
    this.recompute();
  }

  /** The console the panel runs on (follow-ups made in the panel carry it). */
  platform(): SiteAdapter['platform'] | null {
    return this.adapter?.platform ?? null;
  }

  /** After "open" in the follow-up popup, the buyer's chat shows that item's scenario first (asked once). */
  askPendingSuggestion(): void {
    const { buyer, buyerId } = this.store.get();
    if (!buyer || !this.adapter) return;
    void call('takePendingSuggestion', { buyer, buyerId, platform: this.adapter.platform }).then((id) => {
      if (id == null) return;
      // A switch's read may still be waiting: read first, so the buyer compared is the one on screen
      // (else this buyer's situation could land on the next one).
      this.flushRead();
      if (this.store.get().buyer !== buyer || this.store.get().buyerId !== buyerId) return;
      if (id) this.chooseScenario(id, { byAgent: false });
      // Opened from the follow-up list (with a situation or without: a call-back, a handover): the keys were on the new tab's page, and what the agent typed
      // to the buyer went nowhere. They go to the chat box, unless the agent already put them somewhere.
      const doc = this.chatInputQuiet()?.ownerDocument;
      if (doc && doc.activeElement === doc.body) this.backToChat();
    }, () => {});
  }

  /** The agent picks the situation with a chip (learned from), or a follow-up opens with one (not). */
  chooseScenario(id: ScenarioId | null, opts: { byAgent?: boolean } = {}): void {
    this.flushRead();
    this.byFollowup = opts.byAgent === false;
    this.store.set({ scenarioOverride: id });
    this.recompute();
    if (opts.byAgent !== false && id) this.learn(null, id);
  }

  focusSearch(): void {
    this.store.set((s) => ({ collapsed: false, focusSearchTick: s.focusSearchTick + 1 }));
  }

  /**
   * The page check: which reads succeed on this page, and which named selectors found nothing. The
   * check itself (the probe, its words, the report) is the check feature script, loaded on the
   * agent's click (page-features/page-check.tsx); this opens it, or reads the page again.
   */
  runPageCheck(): void {
    if (this.adapter) this.store.set((s) => ({ collapsed: false, pageCheck: (s.pageCheck ?? 0) + 1 }));
  }

  closePageCheck(): void {
    this.store.set({ pageCheck: null });
  }

  dismissNotice(): void {
    this.store.set({ notice: null });
  }

  /**
   * The templates Alt+1…9 refer to: the search results while searching, else the suggestions. None
   * while the panel is collapsed: the agent has not seen them for this buyer, so the key opens the
   * panel on them instead (suggestions.ts), and the next press inserts.
   */
  visibleTemplates(): Template[] {
    this.flushRead();
    const s = this.store.get();
    return s.collapsed ? [] : s.query.trim() ? s.results.slice(0, 9) : s.suggestions.map((x) => x.template);
  }

  /**
   * Alt+1…9 pressed in the buyer card's frame, whose keys the page never sees (card-frame.ts): the
   * chat box gets its focus back at its caret and the n-th reply shown goes in, fill-ins asked first,
   * as the same keys do from the chat box. Without this the press did nothing and said nothing.
   */
  useShownReply(n: number, at: number): void {
    const template = this.visibleTemplates()[n];
    if (!template) return;
    this.backToChat();
    // Still held, the key now repeats into the chat box: into nothing, as one pressed there.
    this.keys.held = `Digit${n + 1}`;
    this.pressReply(template, at);
  }

  /**
   * What Alt+1…9 leave between presses, wherever pressed (the chat box: page-features/suggestions.ts;
   * the card's note input: useShownReply): the key the panel took, while it is held, and the last
   * press of a reply — which, when (ms since the epoch: the card is a document with a clock of its
   * own) and the chat box text it left. One memory for both places: a card whose presses had none of
   * it put the reply in once per held key's repeat, and a double tap twice.
   */
  readonly keys: { held?: string; tap?: { id: string; at: number; left?: string | null } } = {};

  /** Alt+1…9's reply goes in, unless the press is a double tap of the last one (README, 0.8 s). */
  pressReply(template: Template, at: number): void {
    const left = () => this.chatText();
    // The same reply again, this soon, into the chat box as the last press left it (nothing typed, no
    // other buyer's box): a double tap, not a second copy wanted. Each such press extends the moment.
    const t = this.keys.tap;
    if (t?.id === template.id && at - t.at < DOUBLE_TAP_MS && t.left === left()) return void (t.at = at);
    this.useTemplate(template, 'insert');
    this.keys.tap = { id: template.id, at, left: left() };
  }

  /**
   * Starts using a template: fills known variables, asks for fill-ins, then inserts or copies.
   * `code`: the `/code` typed just before the caret that asked for it, which the reply replaces (or
   * which goes while the fill-ins are asked).
   * `side`: a reply the browser's side panel sends this tab (lib/teach/tab-messages-reply.ts), which
   * goes this same way — rendered for the buyer shown now with the side panel's fill-ins, the rest
   * asked here, the features' checks (the guard holds it here with its words and why), the listeners
   * (repeat count, 催付, learning) — and is told what became of it: asked, held, inserted or not.
   */
  useTemplate(template: Template, mode: 'insert' | 'copy', code?: string, side?: FromSide): void {
    this.render(template, side?.fills ?? {}, (rendered, e) => {
      if (!rendered.missing.length) return this.deliver(template, rendered.text, mode, code, rendered.pastCutoff, side?.told);
      const input = code && this.chatInputQuiet();
      if (input) e.replaceBeforeCaret(input, code.length, '', { expected: code });
      // Shown even when the panel was collapsed (Alt+1…9, `/code`): its first field takes the typing.
      // What the buyer already wrote (身高体重) is offered, selected, for the agent to confirm or retype.
      const fills = { ...e.prefillFills(rendered.missing, this.store.get().buyerMessages), ...side?.fills };
      this.store.set({ collapsed: false, pending: { template, mode, missing: rendered.missing, fills, warned: false } });
      side?.told({ ok: true, asked: true });
    });
  }

  updateFill(name: string, value: string): void {
    const p = this.store.get().pending;
    if (p) this.store.set({ pending: { ...p, fills: { ...p.fills, [name]: value }, typed: true } });
  }

  /** Finishes a pending fill-in. The first try with empty fill-ins only warns. */
  confirmFill(): void {
    const p = this.store.get().pending;
    if (!p) return;
    this.render(p.template, p.fills, (rendered) => {
      if (rendered.missing.length && !p.warned) {
        this.store.set({ pending: { ...p, warned: true } });
        return;
      }
      this.store.set({ pending: null });
      this.deliver(p.template, rendered.text, p.mode);
    });
  }

  /** Drops a pending fill-in; the agent goes on typing in the chat box, at its caret. */
  cancelFill(): void {
    this.store.set({ pending: null });
    // A box opened from a search (/tj, Enter) leaves no search behind: Alt+1 is the suggestions again.
    this.closeSearch();
  }

  /** Escape in the search box: the search is cleared (Alt+1…9 are the suggestions again), back to the chat box. */
  closeSearch(): void {
    this.setQuery('');
    this.backToChat();
  }

  /**
   * Focus back in the chat box, at the caret the agent left there (also when the card's note input is
   * left); false when the page shows no chat box to go back to.
   */
  backToChat(): boolean {
    const input = this.chatInputQuiet();
    if (input) focusAtCaret(input);
    return !!input;
  }

  /**
   * Renders `template` for the open buyer (known variables from the page and the settings, the
   * fill-ins given), then `go`. The renderer travels in the suggest feature script, not in the
   * content script every seller page loads: `go` runs at once when that is in (on a chat page, from
   * its first read), else once it has arrived (a reply clicked on an order page, or in the first
   * moment after a chat page loads); not at all if it fails to load (the panel says so).
   */
  private render(template: Template, fills: Record<string, string>, go: (rendered: RenderResult, e: Features['suggest']) => void): void {
    this.withEngine((e) => {
      this.flushRead();
      const filled = Object.fromEntries(Object.entries(fills).filter(([, v]) => v.trim() !== ''));
      go(e.renderTemplate(template.body, this.renderContext(), filled), e);
    });
  }

  /**
   * `go` with the suggest feature script: at once when it is in, else once it has arrived (asked for
   * here); not at all if it fails to load (the panel says so). The renderer and the writers are there.
   */
  private withEngine(go: (e: Features['suggest']) => void): void {
    const e = this.suggestEngine();
    if (e) go(e);
    else void this.engineLoading?.then(() => this.engine && go(this.engine));
  }

  /**
   * What a reply's card shows: the text `useTemplate` would put in now (the same renderer and
   * context), still-missing values marked 【买家】, and whether it names a cut-off already past.
   * Null until the renderer's script is in (asked for here, so an order page's list loads it too).
   */
  preview(template: Template): RenderResult | null {
    return this.suggestEngine()?.renderTemplate(template.body, this.renderContext(), {}, true) ?? null;
  }

  private renderContext(): RenderContext {
    const { settings, buyer, orderBuyer } = this.store.get();
    // The shop's names and cut-off as they are (its language rides along, unused).
    // The follow-up settings ride along for ranking: their day-shift hours tell night from day
    // (RankInput.shop.dayShift: a reply promising a supervisor now goes behind at night).
    return {
      ...settings.shop,
      ...settings.followups,
      // On an order's detail page, the buyer its order names fills {买家}.
      buyer: buyer ?? orderBuyer?.buyer ?? null,
      now: Date.now(),
      zone: shopZone(settings),
      cutoffUnconfirmed: !settings.setup?.cutoff,
    };
  }

  /**
   * `late`: the reply names today's cut-off, already past. A `/code` typed in the chat box skips the
   * card that says so: the panel opens with that warning as the reply goes in (never rewritten).
   */
  private deliver(template: Template, text: string, mode: 'insert' | 'copy', code?: string, late?: boolean, told?: FromSide['told']): void {
    if (mode === 'insert') this.insertReply(template, text, { via: code ? 'code' : 'panel', replaceCode: code, late: late && !!code }, told);
    else this.passChecks({ text, templateId: template.id, via: 'copy' }, (final) => void this.copyReply(template, final));
  }

  private async copyReply(template: Template | null, text: string): Promise<void> {
    const copied = await this.copy(text);
    if (template) {
      if (copied) for (const l of this.copyListeners) l(text, template);
      this.learn(template);
    }
  }

  /** Runs the features' checks; `go` runs now unless one of them holds (it then calls `go` itself, or not). */
  private passChecks(req: Omit<InsertRequest, 'proceed'>, go: (text: string) => void): void {
    for (const check of this.insertChecks) {
      if (check({ ...req, proceed: go }) === 'hold') return;
    }
    go(req.text);
  }

  /**
   * Puts a reply into the chat box at the caret (or over the `/code` just typed), after the
   * features' checks. No chat box: copies instead. `template` null: text that is not a template.
   */
  insertReply(template: Template | null, text: string, opts: { via: 'panel' | 'code'; replaceCode?: string; late?: boolean }, told?: FromSide['told']): void {
    // The writers come with the suggest script, which rendered the reply (deliver): in by now.
    this.withEngine((e) => this.insertWith(e, template, text, opts, told));
  }

  /** `told` (a reply from the side panel): what became of it; no chat box is said, not copied here. */
  private insertWith(e: Features['suggest'], template: Template | null, text: string, opts: { via: 'panel' | 'code'; replaceCode?: string; late?: boolean }, told?: FromSide['told']): void {
    const { insertText, replaceBeforeCaret } = e;
    this.flushRead();
    const input = this.findInput();
    if (!input) {
      if (told) return told({ ok: false, reason: 'no-input' });
      void this.copyReply(template, text);
      return;
    }
    const code = opts.replaceCode || null;
    const req = { text, templateId: template?.id ?? null, via: opts.via };
    // The typed `/code` stays in the box until the reply replaces it in one edit, so one Ctrl+Z gives
    // the code back, also after a hold. Dropped: the code goes.
    const drop = () => {
      if (code) replaceBeforeCaret(input, code.length, '', { expected: code });
    };
    // Held for the agent: told as a check says so (at once, or once its rules are in). A hold it does
    // not say so of only waits for the check's rules: nothing is told until they decide.
    this.passChecks({ ...req, drop, held: () => told?.({ ok: true, held: true }) }, (final) => {
      let result = code ? replaceBeforeCaret(input, code.length, final, { expected: code }) : insertText(input, final);
      // The caret moved or the box changed while the reply was held: insert at the caret instead.
      if (!result.ok && result.reason === 'mismatch') result = insertText(input, final);
      if (!result.ok) {
        this.notify('warn', result.reason === 'composing' ? t('panel.composing') : t('panel.insertFailed'));
        return told?.({ ok: false, reason: result.reason });
      }
      // Another reply went in: a form still asking for an earlier one's fill-ins is done with.
      this.store.set({ pending: null });
      if (opts.late) this.store.set({ collapsed: false, notice: { kind: 'warn', text: t('panel.pastCutoff') } });
      else if (this.store.get().notice?.kind !== 'error') this.store.set({ notice: null });
      for (const l of this.insertListeners) l(final, req, template);
      if (template) this.learn(template);
      told?.({ ok: true });
    });
  }

  /** Copies `text` to the clipboard and says so (or that it failed); whether it was copied. */
  async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      this.notify('info', t('panel.copied'));
      return true;
    } catch {
      this.notify('error', t('panel.copyFailed'));
      return false;
    }
  }

  private notify(kind: Notice['kind'], text: string): void {
    this.store.set({ notice: { kind, text } });
  }

  /** A part of the page that could not be read: its notice once when it starts, gone when it reads again. */
  private unreadNotice(unread: boolean, was: boolean, key: string): void {
    const text = t(key);
    if (unread && !was) this.notify('warn', text);
    if (!unread && this.store.get().notice?.text === text) this.store.set({ notice: null });
  }

  /** What the chat box holds; null where the page shows none. */
  chatText(): string | null {
    const box = this.chatInputQuiet();
    return box && ((box as HTMLTextAreaElement).value ?? box.textContent);
  }

  /** The chat input without reporting a missing one (key handlers run on every key). */
  chatInputQuiet(): HTMLElement | null {
    try {
      return this.adapter?.findChatInput(this.doc) ?? null;
    } catch {
      return null;
    }
  }
}
