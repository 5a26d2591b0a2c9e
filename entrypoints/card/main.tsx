/**
 * The buyer card page, shown in an <iframe> inside the in-page panel (lib/panel/card-frame.ts).
 * It is an extension page: the seller page cannot read it, script it or send it events. It takes
 * the buyer from its own tab's content script over a private MessageChannel it asks for at start
 * (lib/panel/card-frame.ts: a token through runtime messaging, the port to this window only), reads
 * and writes the notes through the background, keeps the cards of the buyers the page lists (drawn
 * at once at a switch, refreshed after: lib/panel/customers.ts), and tells the panel its height
 * and the buyer's segment.
 */
import { render } from 'preact';
import { browser } from '@/lib/browser';
import { CustomerCard, CustomerCardContext } from '@/components/customers/CustomerCard';
import { CardClock } from '@/components/customers/CardClock';
import { isAltKey } from '@/components/ime-key';
import { useStore } from '@/components/useStore';
import { CustomerCardController } from '@/lib/panel/customers';
import { Store } from '@/lib/panel/store';
import { listedBuyers, PORT_MESSAGE_KEY, type CardFrameState, type CardHelloMessage, type CardHelloReply, type CardWait, type FromCardFrame, type ToCardFrame } from '@/lib/panel/card-frame';
import { currentTabId } from '@/lib/panel/tab-note-drafts';
import { PANEL_CSS } from '@/components/panelStyles';
import { CUSTOMER_CSS } from '@/components/customers/styles';
import { FONT_ZH } from '@/components/fonts';
import { setLocale, t } from '@/lib/i18n';
import { nameThePage } from '@/lib/i18n/page';
import { holdUiPort } from '@/lib/messaging/ui-port';
import type { PageKind } from '@/lib/sites/types';
import type { Segment } from '@/lib/domain/customers/types';

const style = document.createElement('style');
// The panel's styles, for a page of its own: no shadow host here.
style.textContent = `${PANEL_CSS.replaceAll(':host', 'html')}${CUSTOMER_CSS}\nhtml { font: 13px/1.5 ${FONT_ZH}; color: #1f2329; }\nhtml, body { margin: 0; background: transparent; overflow: hidden; }\n.kf-cc { margin: 0; }`;
document.head.append(style);

const app = document.getElementById('app')!;
// A console with the panel open: team mode replicates live while it is (the notes on this card).
holdUiPort();

type PanelState = { buyer: string | null; buyerId: string | null; namesakes: boolean; pageKind: PageKind; collapsed: boolean };
const panelStore = new Store<PanelState>({ buyer: null, buyerId: null, namesakes: false, pageKind: 'chat', collapsed: false });
const waitStore = new Store<{ wait: CardWait | null }>({ wait: null });
let segment: Segment | null = null;
let port: MessagePort | null = null;
let card: CustomerCardController | null = null;
/** The page's list, when it arrives before the first state (the card is made with the first state). */
let listedEarly: ReturnType<typeof listedBuyers> | null = null;
let focusNote = 0;
const abort = new AbortController();

/** The reply clock in the card's head, following the waits the panel sends. */
function Clock() {
  return <CardClock wait={useStore(waitStore).wait} />;
}

function toPanel(m: FromCardFrame): void {
  port?.postMessage(m);
}

let reportQueued = false;
/** Height and segment to the panel, read once per frame after the card is rendered (no forced layout before). */
function report(): void {
  if (reportQueued) return;
  reportQueued = true;
  requestAnimationFrame(() => {
    reportQueued = false;
    // The card's own height (the document's would be the frame's, whatever the content), with the line a
    // stopped card shows above it.
    const height = Math.ceil(app.getBoundingClientRect().bottom);
    const { buyer, buyerId } = panelStore.get();
    toPanel({ kind: 'layout', height, buyer, buyerId, segment });
  });
}

/** After the frame that shows the switch: a task once it is painted. */
const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

function apply(state: CardFrameState): void {
  setLocale(state.locale);
  nameThePage('panel.buyerCard');
  if (!card) {
    card = new CustomerCardController(
      {
        store: panelStore,
        setCollapsed: () => {},
        setBuyerSegment: (s) => {
          segment = s;
          report();
        },
        backToChat: () => toPanel({ kind: 'backToChat' }),
      },
      state.platform,
      document,
      abort.signal,
      undefined,
      { pageSelection: false, afterPaint },
    );
    render(
      <CustomerCardContext.Provider value={card}>
        <CustomerCard clock={<Clock />} />
      </CustomerCardContext.Provider>,
      app,
    );
    card.start();
    if (listedEarly) card.setListed(listedEarly);
    listedEarly = null;
  }
  panelStore.set({ buyer: state.buyer, buyerId: state.buyerId, namesakes: state.namesakes === true });
  waitStore.set({ wait: state.wait ?? null });
  card.setSelection(state.selection);
  if (state.focusNote > focusNote) {
    focusNote = state.focusNote;
    noteFocusAt = performance.now();
    card.focusNote();
  } else focusNote = state.focusNote;
}

function fromPanel(m: ToCardFrame): void {
  if (!m || typeof m !== 'object') return;
  if (m.kind === 'state' && m.state && typeof m.state === 'object') apply(m.state);
  else if (m.kind === 'listed') {
    const buyers = listedBuyers(m.buyers);
    if (card) card.setListed(buyers);
    else listedEarly = buyers;
  }
}

// The channel to the content script. The token is known only to extension code: it goes to this
// tab's top-frame content script through runtime messaging, which comes back with a port posted to
// this window. Any other window message (the page's, another frame's) is ignored.
const token = crypto.randomUUID();
const portMessage = new Promise<MessageEvent>((resolve) => {
  const onWindowMessage = (e: MessageEvent) => {
    if (e.source !== parent || (e.data as Record<string, unknown> | null)?.[PORT_MESSAGE_KEY] !== token || !e.ports[0]) return;
    removeEventListener('message', onWindowMessage);
    resolve(e);
  };
  addEventListener('message', onWindowMessage);
});

async function connect(): Promise<void> {
  const tabId = await currentTabId();
  if (tabId === undefined) return;
  const hello: CardHelloMessage = { kfCardFrame: 'hello', token };
  let reply: CardHelloReply | undefined;
  // The panel's listener is in place before it renders this frame; retried in case it is not yet.
  for (let i = 0; i < 50 && !reply?.origin; i++) {
    reply = (await browser.tabs.sendMessage(tabId, hello, { frameId: 0 }).catch(() => undefined)) as CardHelloReply | undefined;
    if (!reply?.origin) await new Promise((r) => setTimeout(r, 100));
  }
  const e = await portMessage;
  // The port must come from the page the content script runs in (Firefox may name the content
  // script's own extension origin instead, which only extension code has).
  if (!reply?.origin || (e.origin !== reply.origin && e.origin !== location.origin)) return;
  port = e.ports[0]!;
  port.onmessage = (m) => fromPanel(m.data as ToCardFrame);
  toPanel({ kind: 'ready' });
  report();
}

// Focus tricks: a page that can reach this frame's window may call focus() on it to send the
// agent's typing into a field here. Focus arriving without a click in this frame (or Alt+N, which
// focuses the note input itself) leaves no field focused.
let pointerAt = -Infinity;
let noteFocusAt = -Infinity;
addEventListener('pointerdown', (e) => e.isTrusted && (pointerAt = performance.now()), true);
addEventListener('focus', () => {
  const now = performance.now();
  // Generous: on a busy machine the focus event can trail the click or the Alt+N state.
  if (now - pointerAt < 3000 || now - noteFocusAt < 3000) return;
  const el = document.activeElement as HTMLElement | null;
  if (el && el !== document.body) el.blur();
});

// Alt+1…9 here (the agent last typed a note) never reach the page's key handler: the panel is told,
// and uses the reply as from the chat box. Real key presses only (isAltKey), outside a composition;
// a held key's repeats are one press (else each repeat put the reply in again), and the press
// carries its time on the clock the chat box's presses are read on, for the double tap.
addEventListener('keydown', (e) => {
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (!digit || !isAltKey(e, e.code)) return;
  e.preventDefault();
  if (!e.repeat) toPanel({ kind: 'altDigit', n: Number(digit[1]) - 1, at: performance.timeOrigin + e.timeStamp });
}, true);

/**
 * An extension update (or 重新加载) under the tab takes this frame's runtime away, and where the worker
 * could not put the new panel in, the old one stays, asking for 刷新页面, with this frame in it
 * (lib/panel/README.md, stale panel). The note as it stood then comes back after the refresh (the
 * worker's disk copy, lib/storage/note-left.ts); what was typed here afterwards could be kept nowhere
 * and went with the refresh, unsaid, each keystroke an "Extension context invalidated" error
 * (2026-12-06). So at the first focus, click or keystroke here once the runtime is gone, the card takes
 * no more text: its fields read-only (their text can still be selected and copied), its buttons off,
 * and a line above it says why.
 */
let stopped = false;
function stopIfGone(e: Event): void {
  if (!stopped && (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id) return;
  if (e.type === 'beforeinput') e.preventDefault();
  if (stopped) return;
  stopped = true;
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) el.readOnly = true;
  for (const el of document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')) el.disabled = true;
  const line = document.createElement('p');
  line.className = 'kf-notice kf-warn';
  line.dataset.kf = 'card-stale';
  line.setAttribute('role', 'status');
  line.textContent = t('customers.card.stale');
  // Beside the card's root, not in it (Preact owns that); the height told to the panel takes it in.
  app.before(line);
  report();
}
for (const type of ['focusin', 'pointerdown', 'keydown', 'beforeinput']) addEventListener(type, stopIfGone, true);

new ResizeObserver(() => report()).observe(app);

void connect();
