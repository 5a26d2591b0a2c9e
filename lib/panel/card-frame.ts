/**
 * The buyer card lives in its own extension page (entrypoints/card/ → card.html), shown in an
 * <iframe> inside the panel, so buyer notes never enter the seller page's DOM: the page's scripts
 * cannot read a cross-origin frame, its key and input events never reach the page, and
 * window.find/selection cannot see it (README, "Privacy, security").
 *
 * One private channel between the content script and the frame, set up by the frame:
 * 1. Frame → content script: `tabs.sendMessage(tab, { kfCardFrame: 'hello', token }, { frameId: 0 })`
 *    with a random token. Only extension code can send or read runtime messages; the content
 *    script takes it only from our card page (isFromCardPage) and answers with the page's origin.
 * 2. Content script → frame: a MessageChannel's port, posted to that frame's window only (target
 *    origin: the frame's own, from the browser's sender address) with the token. The frame takes
 *    the one port that carries its token, comes from its parent window and from the page origin
 *    the content script named; every other window message is ignored. (The frame sits in the
 *    panel's closed shadow root: the page's `window.frames` does not even list it.)
 * 3. On that port the frame says 'ready'; from then on the content script sends the state (who the
 *    buyer is, the selection, Alt+N) and the buyers the page lists directly to the frame, with no
 *    hop through the background, and the frame sends its height and the buyer's segment back.
 * The state carries what the content script read from the page (the buyer's name and id, the
 * selected text): a page can choose which of its own console's buyers the card shows, by faking its
 * DOM, but the card is rendered where the page cannot see it.
 */
import { readChatSelection } from './selection';
import { answerWith, browser, listen, type Runtime } from '../browser';
import { Store } from './store';
import { isAltKey } from '../../components/ime-key';
import type { Segment } from '../domain/customers/types';
import type { PageKind, Platform } from '../sites/types';
import type { Locale } from '../i18n';
import type { ClockThresholds } from '../domain/clock/types';
import type { Zone } from '../domain/time';
import type { ListedBuyer } from './customers';
import type { OpenBuyer } from './controller';

export const CARD_PAGE = 'card.html';

/** What the frame needs to show the card. */
export interface CardFrameState {
  platform: Platform | null;
  /** The open conversation's buyer (name as the page shows it), or null: no card. */
  buyer: string | null;
  buyerId: string | null;
  /** No id, and the page shows another conversation under this name (OpenBuyer.namesakes). */
  namesakes?: boolean;
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
  /** Shop time, in which the platform's counting window runs (lib/storage/settings.ts shopZone). */
  zone: Zone;
}

/** Frame → content script (runtime messaging): asks for the port, naming the token it will carry. */
export interface CardHelloMessage {
  kfCardFrame: 'hello';
  token: string;
}

/** The content script's answer to the hello: the page origin the port will come from. */
export interface CardHelloReply {
  origin: string;
}

/** Content script → frame, on the port. */
export type ToCardFrame = { kind: 'state'; state: CardFrameState } | { kind: 'listed'; buyers: ListedBuyer[] };

/** Frame → content script, on the port. */
export type FromCardFrame =
  | { kind: 'ready' }
  | {
      kind: 'layout';
      /** The card's content height in CSS px. */
      height: number;
      buyer: string | null;
      /** The buyer's id as the card shows it (tells two buyers of one masked name apart). */
      buyerId?: string | null;
      segment: Segment | null;
    }
  /** The agent is done with the note input (saved with Enter, or Escape): typing goes back to the chat box. */
  | { kind: 'backToChat' }
  /**
   * Alt+1…9 pressed in the card (its keys never reach the page): the n-th reply (0-based) goes into
   * the chat box as from the page (a press the panel never heard of did nothing and said nothing). `at`: when it
   * was pressed, in ms since the epoch (the frame's event clock is not the page's), for the double tap.
   */
  | { kind: 'altDigit'; n: number; at: number };

/** The window message that carries the port (data; the port is in `event.ports`). */
export const PORT_MESSAGE_KEY = 'kfCardPort';

export function isCardHello(m: unknown): m is CardHelloMessage {
  return !!m && typeof m === 'object' && (m as { kfCardFrame?: unknown }).kfCardFrame === 'hello' && typeof (m as { token?: unknown }).token === 'string';
}

/**
 * Content side: a hello is ours only when our card page sent it. (By path: with a per-session
 * address, Chrome's getURL and the frame's own address may name different hosts.)
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

/** Frame side: the buyers list as sent on the port, checked (bounded, text only). */
export function listedBuyers(v: unknown): ListedBuyer[] {
  if (!Array.isArray(v)) return [];
  const out: ListedBuyer[] = [];
  for (const b of v.slice(0, 200)) {
    const nickname = (b as { nickname?: unknown })?.nickname;
    const buyerId = (b as { buyerId?: unknown })?.buyerId;
    if (typeof nickname === 'string' && nickname && nickname.length <= 400 && (buyerId === null || (typeof buyerId === 'string' && buyerId.length <= 400))) {
      out.push({ nickname, buyerId });
    }
  }
  return out;
}

/** What the host needs from the panel controller (PanelController fits). */
export interface CardPanel {
  store: {
    get(): { buyer: string | null; buyerId?: string | null; pageKind: PageKind; collapsed: boolean };
    subscribe(listener: (s: { buyer: string | null; pageKind: PageKind; collapsed: boolean }) => void): () => void;
  };
  setCollapsed(collapsed: boolean): void;
  setBuyerSegment?(segment: Segment | null): void;
  /** Told after every read of the page (the list of conversations is read again then). */
  onPageRead?(listener: () => void): void;
  /** The open buyer, also when a switch was seen ahead of the panel's full read (PanelController). */
  openBuyer(): OpenBuyer | null;
  /** A conversation switch, before the panel reads the rest of the page (PanelController.onSwitch). */
  onSwitch(listener: (who: OpenBuyer, drawn: () => void) => boolean): void;
  /** Focus back in the chat box, at the caret the agent left there. */
  backToChat?(): void;
  /** Alt+1…9 from the card: the n-th reply the panel shows, used as from the chat box. */
  useShownReply?(n: number, at: number): void;
}

/** Ports offered to frames that said hello and have not answered yet, at most. */
const OFFERS_MAX = 4;

/**
 * Content-script side of the card: follows the panel's buyer and the page selection, handles Alt+N
 * (real key presses only: a page cannot move the agent's typing into the note), tells the frame
 * which buyers the page lists (read ahead there), and keeps the frame sized. The <iframe> element
 * itself is rendered by components/customers/CardFrame.tsx, once: a switch only posts a message.
 */
export class CardFrameHost {
  readonly store = new Store<{ buyer: string | null; height: number }>({ buyer: null, height: 0 });
  private frame: HTMLIFrameElement | null = null;
  /** The channel to the frame, once it said 'ready' on it. */
  private port: MessagePort | null = null;
  /** Ports posted to the frame, by the token of the hello they answer, until one says 'ready'. */
  private readonly offered = new Map<string, MessagePort>();
  private listed: (() => ListedBuyer[]) | null = null;
  private selection = '';
  private focusNote = 0;
  private wait: CardWait | null = null;
  private lastSent = '';
  private lastListed = '';
  /** A switch told ahead of the panel's read: called once the frame says it drew that buyer. */
  private drawn: (OpenBuyer & { done(): void }) | null = null;

  constructor(
    private readonly panel: CardPanel,
    private readonly platform: Platform | null,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly locale: () => Locale,
  ) {}

  /**
   * The card page's address (the frame's src). With the extension reloaded or updated under the page,
   * getURL throws "Extension context invalidated" into it when the old panel draws again: none then.
   */
  static url(): string {
    try {
      return browser.runtime.getURL(`/${CARD_PAGE}`);
    } catch {
      return 'about:blank';
    }
  }

  /** `listed`: the buyers of the conversations the page lists (the adapter's readConversations). */
  start(opts: { listed?: () => ListedBuyer[] } = {}): void {
    this.listed = opts.listed ?? null;
    const off = this.panel.store.subscribe(() => this.follow());
    this.signal.addEventListener('abort', off, { once: true });
    this.panel.onPageRead?.(() => this.sendListed());
    this.panel.onSwitch((who, done) => this.switchTo(who, done));
    this.doc.addEventListener('selectionchange', () => this.readSelection(), { signal: this.signal });
    this.doc.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal: this.signal });
    const onMessage = answerWith((m, sender) => {
      if (!isCardHello(m) || !isFromCardPage(sender, browser.runtime.id) || this.signal.aborted) return undefined;
      const reply: CardHelloReply = { origin: this.doc.defaultView?.location.origin ?? '' };
      this.offer(m.token, new URL(sender.url!).origin);
      return Promise.resolve(reply);
    });
    const offMessage = listen(() => browser.runtime?.onMessage, onMessage);
    this.signal.addEventListener(
      'abort',
      () => {
        offMessage();
        this.port?.close();
        for (const p of this.offered.values()) p.close();
      },
      { once: true },
    );
    this.follow();
  }

  /** The frame element (set by the component). */
  attach(frame: HTMLIFrameElement | null): void {
    this.frame = frame;
  }

  /** Posts a fresh port to our frame's window (and no other), for the frame whose hello named `token`. */
  private offer(token: string, frameOrigin: string): void {
    const target = this.frame?.contentWindow;
    if (!target) return;
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (e) => this.fromFrame(port1, e.data as FromCardFrame);
    this.offered.set(token, port1);
    if (this.offered.size > OFFERS_MAX) {
      const [oldest, p] = this.offered.entries().next().value!;
      this.offered.delete(oldest);
      p.close();
    }
    // A hello from a card page the site framed itself names a token our frame does not hold:
    // our frame ignores that port, and the channel in use stays.
    target.postMessage({ [PORT_MESSAGE_KEY]: token }, frameOrigin, [port2]);
  }

  private fromFrame(port: MessagePort, m: FromCardFrame): void {
    if (!m || typeof m !== 'object') return;
    if (m.kind === 'ready') {
      for (const [token, p] of this.offered) if (p === port) this.offered.delete(token);
      if (this.port !== port) this.port?.close();
      this.port = port;
      this.send(true);
      this.sendListed(true);
      return;
    }
    if (port !== this.port) return;
    if (m.kind === 'backToChat') {
      this.panel.backToChat?.();
      return;
    }
    if (m.kind === 'altDigit') {
      if (Number.isInteger(m.n) && m.n >= 0 && m.n < 9) this.panel.useShownReply?.(m.n, Number.isFinite(m.at) ? m.at : performance.timeOrigin + performance.now());
      return;
    }
    if (m.kind !== 'layout') return;
    const d = this.drawn;
    if (d && m.buyer === d.buyer && (m.buyerId ?? null) === d.buyerId) {
      // The frame drew the buyer of the switch: the panel's full read runs now (the segment below
      // applies to what it reads).
      this.drawn = null;
      d.done();
    }
    if (m.buyer !== this.store.get().buyer) return;
    const height = Math.max(0, Math.min(2000, Math.ceil(Number(m.height) || 0)));
    if (height !== this.store.get().height) this.store.set({ height });
    this.panel.setBuyerSegment?.(m.segment);
  }

  private buyer(): string | null {
    return this.panel.openBuyer()?.buyer ?? null;
  }

  /**
   * A conversation switch seen before the panel's full read: the frame is told now, and `done`
   * runs when it reports the frame that shows this buyer. False: no frame to tell.
   */
  private switchTo(who: OpenBuyer, done: () => void): boolean {
    if (!this.port || !this.frame) return false;
    this.drawn = { ...who, done };
    this.follow();
    return true;
  }

  private follow(): void {
    const buyer = this.buyer();
    if (buyer !== this.store.get().buyer) {
      // The wait belonged to the buyer before: the reply clock sets the new one after this read.
      this.wait = null;
      // The frame is told first (it draws a kept card at once); the panel's own update follows.
      // (The panel's read resets the buyer's segment itself, with the new buyer.)
      this.send();
      this.store.set({ buyer, height: buyer === null ? 0 : this.store.get().height });
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
    if (isAltKey(e, 'KeyN') && this.buyer()) {
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

  private post(m: ToCardFrame): void {
    this.port?.postMessage(m);
  }

  /** Sends the state to the card frame (skipped when nothing changed, unless `force`). */
  private send(force = false): void {
    if (!this.port) return; // sent in full once the frame is ready
    const state: CardFrameState = {
      platform: this.platform,
      buyer: this.buyer(),
      buyerId: this.panel.openBuyer()?.buyerId ?? null,
      namesakes: this.panel.openBuyer()?.namesakes,
      selection: this.selection,
      focusNote: this.focusNote,
      locale: this.locale(),
      wait: this.buyer() ? this.wait : null,
    };
    const key = JSON.stringify(state);
    if (!force && key === this.lastSent) return;
    this.lastSent = key;
    this.post({ kind: 'state', state });
  }

  /** The buyers the page lists, when they changed (the frame reads their cards ahead). */
  private sendListed(force = false): void {
    if (!this.port || !this.listed || this.panel.store.get().pageKind !== 'chat') return;
    let buyers: ListedBuyer[];
    try {
      buyers = this.listed().slice(0, 200);
    } catch {
      return; // the list is only a head start
    }
    const key = JSON.stringify(buyers);
    if (!force && key === this.lastListed) return;
    this.lastListed = key;
    this.post({ kind: 'listed', buyers });
  }
}
