/**
 * The buyer card page, shown in an <iframe> inside the in-page panel (lib/panel/card-frame.ts).
 * It is an extension page: the seller page cannot read it, script it or send it events. It takes
 * the buyer from its own tab's content script (runtime messages only), reads and writes the notes
 * through the background, and tells the panel its height and the buyer's segment.
 */
import { render } from 'preact';
import { browser, type Runtime } from '@/lib/browser';
import { CustomerCard, CustomerCardContext } from '@/components/customers/CustomerCard';
import { CardClock } from '@/components/customers/CardClock';
import { useStore } from '@/components/useStore';
import { CustomerCardController } from '@/lib/panel/customers';
import { Store } from '@/lib/panel/store';
import { isCardStateMessage, isFromOwnPanel, type CardFrameState, type CardLayoutMessage, type CardWait } from '@/lib/panel/card-frame';
import { PANEL_CSS } from '@/components/panelStyles';
import { setLocale } from '@/lib/i18n';
import type { PageKind } from '@/lib/sites/types';
import type { Segment } from '@/lib/domain/customers/types';

const style = document.createElement('style');
// The panel's styles, for a page of its own: no shadow host here.
style.textContent = `${PANEL_CSS.replaceAll(':host', 'html')}\nhtml, body { margin: 0; background: transparent; overflow: hidden; }\n.kf-cc { margin: 0; }`;
document.head.append(style);

const app = document.getElementById('app')!;

type PanelState = { buyer: string | null; buyerId: string | null; pageKind: PageKind; collapsed: boolean };
const panelStore = new Store<PanelState>({ buyer: null, buyerId: null, pageKind: 'chat', collapsed: false });
const waitStore = new Store<{ wait: CardWait | null }>({ wait: null });
let segment: Segment | null = null;
let tabId: number | undefined;
let card: CustomerCardController | null = null;
let focusNote = 0;
const abort = new AbortController();

/** The reply clock in the card's head, following the waits the panel sends. */
function Clock() {
  return <CardClock wait={useStore(waitStore).wait} />;
}

function report(): void {
  if (tabId === undefined) return;
  // The card's own height (the document's would be the frame's, whatever the content).
  const height = Math.ceil(app.getBoundingClientRect().height);
  const msg: CardLayoutMessage = { kfCardFrame: 'layout', height, buyer: panelStore.get().buyer, segment };
  void browser.tabs.sendMessage(tabId, msg, { frameId: 0 }).catch(() => {});
}

function apply(state: CardFrameState): void {
  setLocale(state.locale);
  if (!card) {
    card = new CustomerCardController(
      {
        store: panelStore,
        setCollapsed: () => {},
        setBuyerSegment: (s) => {
          segment = s;
          report();
        },
      },
      state.platform,
      document,
      abort.signal,
      undefined,
      { pageSelection: false },
    );
    render(
      <CustomerCardContext.Provider value={card}>
        <CustomerCard clock={<Clock />} />
      </CustomerCardContext.Provider>,
      app,
    );
    card.start();
  }
  panelStore.set({ buyer: state.buyer, buyerId: state.buyerId });
  waitStore.set({ wait: state.wait ?? null });
  card.setSelection(state.selection);
  if (state.focusNote > focusNote) {
    focusNote = state.focusNote;
    noteFocusAt = performance.now();
    card.focusNote();
  } else focusNote = state.focusNote;
}

// States that arrive before this tab's id is known wait for it.
let early: { msg: unknown; sender: Runtime.MessageSender }[] = [];
browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
  if (!isCardStateMessage(msg)) return undefined;
  if (tabId === undefined) early.push({ msg, sender });
  else if (isFromOwnPanel(sender, browser.runtime.id, tabId)) apply(msg.state);
  return undefined;
});

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

new ResizeObserver(() => report()).observe(app);

void browser.tabs.getCurrent().then((tab) => {
  tabId = tab?.id;
  for (const { msg, sender } of early) if (isCardStateMessage(msg) && isFromOwnPanel(sender, browser.runtime.id, tabId)) apply(msg.state);
  early = [];
  report();
});
