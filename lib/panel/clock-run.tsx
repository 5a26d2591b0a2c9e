/**
 * The reply clock: how long the open buyer has waited since their oldest unanswered message (from
 * the message times the adapter reads), shown on the buyer card (sent to the card frame, which
 * counts and colours it at the platform's thresholds); the other buyers waiting longest (等待中,
 * click to switch where the console allows) in the panel; and, when the shop's reply appears, the
 * wait is reported for the day's first-response figures (a conversation hash and two times, no
 * buyer data). No polling: the page is re-read when the DOM changes; the list's one timer runs only
 * while another buyer waits, the card's only while the open buyer waits.
 *
 * Part of the script every panel loads after it is shown (entrypoints/fit-feature.ts, see
 * features.ts), not of content.js: page-features/reply-clock.tsx starts it and gives the 等待中 list
 * its place in the panel, which this script's own Preact draws into.
 */
import { render } from 'preact';
import type { PanelController } from './controller';
import type { CardFrameHost } from './card-frame';
import { readOrMissing, type SiteAdapter } from '../sites/types';
import { waitingReader } from '../sites/waiting';
import { Store } from './store';
import { call } from '../messaging/client';
import { elementOf, observeDom } from '../sites/observe';
import { conversationHash, waitingSince } from '../domain/clock/wait';
import { DEFAULT_CLOCK_SETTINGS, type ClockPlatform } from '../domain/clock/types';
import { shopZone } from '../storage/settings';
import { ReplyClock, isOpenKey, type ClockUiState } from '@/components/panel/ReplyClock';
import { PanelContext } from '@/components/PanelContext';
import { setLocale, t } from '../i18n';

const MESSAGES_READ = 50;
/** How long a click in the list may take to open the conversation before the agent is told it did not. */
const OPEN_CHECK_MS = 1500;

export interface ClockHost {
  controller: PanelController;
  adapter: SiteAdapter;
  doc: Document;
  card: Pick<CardFrameHost, 'setWait'>;
  /** Aborted when the panel is removed (navigation, extension reload). */
  signal: AbortSignal;
}

export interface ClockRun {
  /** Draws the 等待中 list into `container` (the panel's slot for it); returns the unmount function. */
  mount(container: HTMLElement): () => void;
}

/** Starts the clock on a panel that may have read the page already (the script arrives after the panel starts). */
export function startClock({ controller, adapter, doc, card, signal }: ClockHost): ClockRun {
  const platform = adapter.platform as ClockPlatform;
  // This script's own copy of the strings (the list, its hints) follows the panel's language.
  setLocale(controller.store.get().settings.shop.locale);
  /** The console's 等待中 read and row click (in this feature script, not content.js: lib/sites/waiting.ts). */
  const readList = waitingReader(adapter);
  const ui = new Store<ClockUiState>({ platform, now: Date.now(), waiting: [], listUnread: false, canOpen: !!readList?.open, hint: null });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let openCheck: ReturnType<typeof setTimeout> | undefined;
  let last: { conversation: string; since: number } | null = null;

  const tick = () => {
    clearTimeout(timer);
    timer = undefined;
    if (signal.aborted || !someoneWaits()) return;
    const now = Date.now();
    ui.set({ now });
    timer = setTimeout(tick, 1000 - (now % 1000) + 5);
  };
  signal.addEventListener('abort', () => (clearTimeout(timer), clearTimeout(openCheck)), { once: true });

  /** Is the list's key the open conversation (by the buyer id where the page shows one, or the nickname the list keys by)? */
  const isOpen = (key: string) => isOpenKey(key, controller.store.get());
  /** Another buyer than the open one is in the list (the card counts the open buyer's wait). */
  const someoneWaits = () => ui.get().waiting.some((w) => !isOpen(w.key));
  /** Starts the one countdown timer if a buyer waits and it is not running. */
  const ensureTicking = () => {
    if (timer === undefined && someoneWaits()) tick();
  };

  /**
   * The messages, or null where the page shows some the adapter could not read (readOrMissing's rule).
   * (readOrMissing tells the adapter's miss by name: the adapter is content.js's.)
   */
  const readMessages = () => readOrMissing(() => adapter.readMessages(doc, MESSAGES_READ));

  const conversationKey = () => adapter.readBuyerIdentity?.(doc)?.id ?? controller.store.get().buyer ?? '';

  /**
   * The list's waits, longest first. A label in whole minutes ("已等待6分钟") gives a later start
   * at each read; while a conversation stays listed its earliest reading is kept, so its count does
   * not jump back. The list is read again only after a page change touched one of its rows (inside
   * a row, or a row added or removed; any change where the adapter names no row): a peak day lists
   * hundreds of conversations, and the page changes several times a second.
   */
  let seen = new Map<string, number>();
  const row = adapter.conversationRow;
  let rowCount = -1;
  /** The list as last read; null once a change touched it. */
  let listed: ClockUiState['waiting'] | null = null;
  const waiting = () => {
    if (!listed) {
      const now = new Map<string, number>();
      // A list the adapter could not read (its reader threw SiteElementMissing: the page changed) is
      // said so, not shown as nobody waiting.
      const read = readOrMissing(() => readList?.read(doc) ?? []);
      ui.set({ listUnread: !read });
      listed = (read ?? [])
        .filter((w) => Number.isFinite(w.since) && w.key)
        .map((w) => {
          const since = Math.min(w.since, seen.get(w.key) ?? Infinity);
          now.set(w.key, since);
          return { ...w, since };
        })
        .sort((a, b) => a.since - b.since);
      seen = now;
      if (row) rowCount = doc.querySelectorAll(row).length;
    }
    return listed;
  };
  const inRow = (m: MutationRecord) => !row || elementOf(m.target)?.closest(row) || [...m.addedNodes].some((n) => n.nodeType === 1 && ((n as Element).matches(row) || (n as Element).querySelector(row)));
  /** A removed row is detached (a selector with an ancestor no longer matches it): counted instead. */
  const rowsGone = (records: MutationRecord[]) => records.some((m) => [...m.removedNodes].some((n) => n.nodeType === 1)) && doc.querySelectorAll(row!).length !== rowCount;

  /** The open buyer's wait, on the card, at the shop's thresholds for this platform. */
  let since: number | null = null;
  /** False while the buyer wrote last and neither their messages nor their list row show a time: the wait is unknown. */
  let known = false;
  /**
   * True while the buyer wrote last and no message shows a time (Douyin's message times sit in hashed classes only, not read): the
   * wait is then the one their own row in the 等待中 list shows (Douyin's timer "45秒"), read with
   * the list, else unknown — never a guess.
   */
  let timeless = false;
  /** When the open buyer's own row in the list says their wait began, or null where it is not listed. */
  const listedSince = () => waiting().find((w) => isOpen(w.key))?.since ?? null;
  const showOnCard = () => {
    const s = controller.store.get();
    const th = s.settings.replyClock?.[platform] ?? DEFAULT_CLOCK_SETTINGS[platform];
    card.setWait(s.pageKind === 'chat' && known ? { ...th, since, zone: shopZone(s.settings) } : null);
  };

  const read = () => {
    if (controller.store.get().pageKind !== 'chat') {
      last = null;
      since = null;
      known = false;
      timeless = false;
      showOnCard();
      return;
    }
    const messages = readMessages();
    // Messages the page shows but the adapter could not read: no wait and no 已回复 is claimed,
    // and nothing is reported as answered (the panel's notice says the page could not be read);
    // the other buyers' waits are read from the list, which still shows them.
    since = messages && waitingSince(messages);
    timeless = !!messages && since === null && messages.at(-1)?.from === 'buyer';
    if (timeless) since = listedSince();
    known = !!messages && (since !== null || messages.at(-1)?.from === 'agent');
    const conversation = conversationKey();
    // The shop answered the buyer we saw waiting: report the wait (first response of the day counts).
    // (Not while the buyer wrote last: a wait read from their row is never an answer.)
    if (messages && last && last.conversation === conversation && !timeless && (since === null || since > last.since)) {
      const reply = messages.find((m) => m.from === 'agent' && typeof m.at === 'number' && m.at >= last!.since);
      const at = Math.min(Date.now(), reply?.at ?? Date.now());
      if (conversation && at >= last.since) {
        void call('recordAnsweredWait', { platform, conversation: conversationHash(platform, conversation), since: last.since, at }).catch(() => {});
      }
    }
    // (Kept while that row is briefly not listed: the buyer still waits since then.)
    const keep = timeless && since === null && last?.conversation === conversation;
    if (messages && !keep) last = since !== null && conversation ? { conversation, since } : null;
    showOnCard();
    // A console's list read may rest on the open conversation too (JD's check of its unanswered
    // marker, Pinduoduo's buyers answered by the robot only): read again at each page read, which
    // comes at a switch or a new message, not at the list's every tick. The others' lists are not
    // read again here.
    if (readList?.followsOpen) listed = null;
    ui.set({ now: Date.now(), waiting: waiting(), hint: null });
    ensureTicking();
  };

  /** A list change while the open buyer's wait comes from their row: the card follows the row. */
  const listedWait = () => {
    const next = controller.store.get().pageKind === 'chat' ? listedSince() : null;
    if (next === since) return;
    since = next;
    known = since !== null;
    const conversation = conversationKey();
    if (since !== null && conversation) last = { conversation, since };
    showOnCard();
  };

  controller.onPageRead(() => {
    if (!signal.aborted) read();
  });
  // The shop's thresholds edited in the options page apply at once (and its language to the list).
  let settingsSeen = controller.store.get().settings;
  const off = controller.store.subscribe((s) => {
    if (s.settings === settingsSeen) return;
    settingsSeen = s.settings;
    setLocale(s.settings.shop.locale);
    showOnCard();
  });
  signal.addEventListener('abort', off, { once: true });
  // Other conversations' waits change in the list without the open conversation changing.
  if (readList) {
    observeDom(doc, signal, (records) => {
      if (records.some(inRow) || rowsGone(records)) {
        listed = null;
        ui.set({ waiting: waiting(), now: Date.now() });
        ensureTicking();
        if (timeless) listedWait();
      }
    });
  }
  // Read by the panel before this script was in: read now, as a page read would have.
  if (controller.store.get().ready) read();

  const open = (key: string) => {
    clearTimeout(openCheck);
    const ok = readList?.open?.(doc, key) ?? false;
    ui.set({ hint: ok ? null : t('clock.cannotOpen') });
    if (!ok) return;
    // A console may ignore a synthetic click (reported for Pinduoduo, contradicted by another
    // source): say so when the open conversation did not change.
    openCheck = setTimeout(() => {
      if (!signal.aborted && !isOpen(key)) ui.set({ hint: t('clock.notOpened') });
    }, OPEN_CHECK_MS);
  };
  return {
    mount(container) {
      render(
        <PanelContext.Provider value={controller}>
          <ReplyClock store={ui} open={open} />
        </PanelContext.Provider>,
        container,
      );
      return () => render(null, container);
    },
  };
}
