/**
 * The buyer card lives in its own extension page (entrypoints/card/ → card.html), shown in an
 * <iframe> inside the panel, so buyer notes never enter the seller page's DOM: the page's scripts
 * cannot read a cross-origin frame, its key and input events never reach the page, and
 * window.find/selection cannot see it (README, "Privacy, security").
 *
 * Content script → frame: `runtime.sendMessage({ kfCard: 'state', … })` — only extension code can
 * send runtime messages, so the page can neither forge nor read them. The frame accepts a state only
 * from a content script of its own tab's top frame (sender.tab.id, sender.frameId: set by the
 * browser). The state carries what the content script read from the page (the buyer's name and id,
 * the selected text): a page can choose which of its own console's buyers the card shows, by
 * faking its DOM, but the card is rendered where the page cannot see it.
 * Frame → content script: `tabs.sendMessage(tab, { kfCardFrame: 'layout', … }, { frameId: 0 })` with
 * the card's height (to size the frame) and the buyer's segment (for the ranking).
 * The frame ignores window `message` events entirely.
 */
import { readChatSelection } from './selection';
import { browser, type Runtime } from '../browser';
import { Store } from './store';
import type { Segment } from '../domain/customers/types';
import type { PageKind, Platform } from '../sites/types';
import type { Locale } from '../i18n';
import type { ClockThresholds } from '../domain/clock/types';

export const CARD_PAGE = 'card.html';

/** What the frame needs to show the card. */
export interface CardFrameState {
  platform: Platform | null;
  /** The open conversation's buyer (name as the page shows it), or null: no card. */
  buyer: string | null;
  buyerId: string | null;
  /** Text the agent selected in the chat (to save to a field), or ''. */
  selection: string;
  /** Bumped by Alt+N on the page: the note input takes focus. */
  focusNote: number;
  locale: Locale;
  /** The reply clock on the card (set by the reply-clock feature), or null: no clock shown. */
  wait: CardWait | null;
}

/**
 * The open buyer's wait, from the page's message times: when their oldest unanswered message was
 * sent (epoch ms; null once the shop has answered) and the platform's thresholds. The frame runs
 * the visible countdown itself (components/customers/CardClock.tsx).
 */
export interface CardWait extends ClockThresholds {
  since: number | null;
}

export interface CardStateMessage {
  kfCard: 'state';
  state: CardFrameState;
}

export interface CardLayoutMessage {
  kfCardFrame: 'layout';
  /** The card's content height in CSS px. */
  height: number;
  buyer: string | null;
  segment: Segment | null;
}

export function isCardStateMessage(m: unknown): m is CardStateMessage {
  return !!m && typeof m === 'object' && (m as { kfCard?: unknown }).kfCard === 'state' && !!(m as { state?: unknown }).state;
}

export function isCardLayoutMessage(m: unknown): m is CardLayoutMessage {
  return !!m && typeof m === 'object' && (m as { kfCardFrame?: unknown }).kfCardFrame === 'layout';
}

/** Frame side: a state is ours only when a content script of this tab's top frame sent it. */
export function isFromOwnPanel(sender: Runtime.MessageSender, extensionId: string, tabId: number | undefined): boolean {
  return sender.id === extensionId && tabId !== undefined && sender.tab?.id === tabId && sender.frameId === 0 && /^https?:/.test(sender.url ?? '');
}

/**
 * Content side: a layout message is ours only when our card page sent it. (By path: with a
 * per-session address, Chrome's getURL and the frame's own address may name different hosts.)
 */
export function isFromCardPage(sender: Runtime.MessageSender, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    const u = new URL(sender.url);
    return /^(chrome|moz)-extension:$/.test(u.protocol) && u.pathname === `/${CARD_PAGE}`;
  } catch {
    return false;
  }
}


/** What the host needs from the panel controller (PanelController fits). */
export interface CardPanel {
  store: {
    get(): { buyer: string | null; buyerId?: string | null; pageKind: PageKind; collapsed: boolean };
    subscribe(listener: (s: { buyer: string | null; pageKind: PageKind; collapsed: boolean }) => void): () => void;
  };
  setCollapsed(collapsed: boolean): void;
  setBuyerSegment?(segment: Segment | null): void;
}

/**
 * Content-script side of the card: follows the panel's buyer and the page selection, handles Alt+N
 * (real key presses only: a page cannot move the agent's typing into the note), and keeps the
 * frame sized. The <iframe> element itself is rendered by components/customers/CardFrame.tsx.
 */
export class CardFrameHost {
  readonly store = new Store<{ buyer: string | null; height: number }>({ buyer: null, height: 0 });
  private frame: HTMLIFrameElement | null = null;
  private selection = '';
  private focusNote = 0;
  private wait: CardWait | null = null;
  private lastSent = '';

  constructor(
    private readonly panel: CardPanel,
    private readonly platform: Platform | null,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly locale: () => Locale,
  ) {}

  /** The card page's address (the frame's src). */
  static url(): string {
    return browser.runtime.getURL(`/${CARD_PAGE}`);
  }

  start(): void {
    const off = this.panel.store.subscribe(() => this.follow());
    this.signal.addEventListener('abort', off, { once: true });
    this.doc.addEventListener('selectionchange', () => this.readSelection(), { signal: this.signal });
    this.doc.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal: this.signal });
    const onMessage = (m: unknown, sender: Runtime.MessageSender) => {
      if (!isCardLayoutMessage(m) || !isFromCardPage(sender, browser.runtime.id)) return undefined;
      if (m.buyer !== this.store.get().buyer) return undefined;
      const height = Math.max(0, Math.min(2000, Math.ceil(Number(m.height) || 0)));
      if (height !== this.store.get().height) this.store.set({ height });
      this.panel.setBuyerSegment?.(m.segment);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
    this.follow();
  }

  /** The frame element (set by the component); its `load` re-sends the state. */
  attach(frame: HTMLIFrameElement | null): void {
    this.frame = frame;
    if (frame) frame.addEventListener('load', () => this.send(true), { signal: this.signal });
  }

  private buyer(): string | null {
    const s = this.panel.store.get();
    return s.pageKind === 'chat' && s.buyer ? s.buyer : null;
  }

  private follow(): void {
    const buyer = this.buyer();
    if (buyer !== this.store.get().buyer) {
      this.store.set({ buyer, height: buyer === null ? 0 : this.store.get().height });
      this.panel.setBuyerSegment?.(null);
      // The wait belonged to the buyer before: the reply clock sets the new one after this read.
      this.wait = null;
    }
    this.send();
  }

  /** The reply clock's reading for the open buyer (shown on the card); null hides the clock. */
  setWait(wait: CardWait | null): void {
    this.wait = wait;
    this.send();
  }

  private readSelection(): void {
    const text = readChatSelection(this.doc);
    // Clicking into the card frame may collapse the page selection: keep the last one until
    // another is made (the card shows what it will save before saving).
    if (!text) return;
    if (text !== this.selection) {
      this.selection = text;
      this.send();
    }
  }

  onKeyDown(e: KeyboardEvent): void {
    // A page can dispatch keydown events of its own; only the agent's real key presses count.
    if (!e.isTrusted || e.isComposing || e.keyCode === 229) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN' && this.buyer()) {
      e.preventDefault();
      e.stopPropagation();
      if (this.panel.store.get().collapsed) this.panel.setCollapsed(false);
      this.focusNote++;
      // The parent gives the frame focus (a cross-origin frame may not take it by itself); the
      // frame then focuses its note input when the state with the new tick arrives.
      queueMicrotask(() => this.frame?.focus());
      this.send();
    }
  }

  /** Sends the state to this tab's card frame (skipped when nothing changed, unless `force`). */
  private send(force = false): void {
    const state: CardFrameState = {
      platform: this.platform,
      buyer: this.buyer(),
      buyerId: this.buyer() ? (this.panel.store.get().buyerId ?? null) : null,
      selection: this.selection,
      focusNote: this.focusNote,
      locale: this.locale(),
      wait: this.buyer() ? this.wait : null,
    };
    const key = JSON.stringify(state);
    if (!force && key === this.lastSent) return;
    this.lastSent = key;
    const msg: CardStateMessage = { kfCard: 'state', state };
    void browser.runtime.sendMessage(msg).catch(() => {});
  }
}
