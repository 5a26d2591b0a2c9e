/**
 * The panel beside what the page opens or becomes after the panel came (the fit feature script,
 * entrypoints/fit-feature.ts, started with every panel; none of this is in the content script):
 *
 * - *A modal dialog of the page* (a confirm with 取消/确定, a form) that the console centres on the
 *   whole window runs under the panel at 1366×768 with 125% zoom (1093 CSS px). One that fits beside
 *   the panel is moved left just clear of it (dialog-fit.ts, the remark dialog's own code); one too
 *   wide for that (a 900 px dialog in 1093 px) folds the panel while it is open, and the panel opens
 *   again when it closes — unless the agent opened or folded it meanwhile. The remark dialog is left
 *   to the remark form (it moves it and keeps the form beside it) while the two fit side by side;
 *   one too wide even beside the narrowest panel (PANEL_MIN_PX: 900 px in 1093) is treated here like
 *   any too-wide dialog (its 取消 stayed under the panel), found by the editor's own textarea, so a
 *   remark box without a dialog role counts too. Generic: a dialog is an element
 *   marked `aria-modal="true"`, `role="dialog"` or `role="alertdialog"` in a position:fixed layer (no
 *   console selectors). Checked, at the next frame, when an element under <body> comes or goes (the
 *   running page observers' `bodyWatch`: portals and masks go there), when a dialog seen before
 *   changes size (shown again, hidden: a ResizeObserver on it), at a focus change, at a resize and
 *   when the panel is folded or opened.
 * - *A chat console that cannot narrow* (a `min-width`, or a zoom that made the window narrower than
 *   it): checked when the panel starts and again whenever the page's size changes (a ResizeObserver
 *   on <html>, <body> and <body>'s children: a min-width taking effect resizes them; no polling) — by
 *   the page's right edge against the room beside the panel (layout.ts pageNarrowed: a body wider
 *   than <html> runs under the panel without making the window scroll at 1366 px); the panel folds on this page, saying why (`panel.noRoom`), the remembered 收起 untouched. Only when
 *   the page did narrow for the open panel before the change: a panel the agent opened on a page that
 *   could not narrow stays open.
 * - *A chat page that narrows but squeezes its chat box* (fixed side columns around a flexible chat
 *   column): the adapter's chat box narrower than CHAT_MIN_PX with the panel open folds it the same
 *   way, saying so (`panel.chatSqueezed`); the chat box shown now is watched for its own resize (the
 *   one a buyer switch replaced is let go: see watchChat).
 */
import type { PanelController } from './controller';
import { PANEL_WIDTH_PX, pageNarrowed } from './layout';
import { dialogBox, fitDialog, GAP_PX, PANEL_MIN_PX } from './dialog-fit';
import { pageFit } from '../i18n/messages/page-fit';

const DIALOG = '[aria-modal="true"], [role="dialog"], [role="alertdialog"]';

export interface PageFitHost {
  controller: PanelController;
  doc: Document;
  /** Aborted when the panel is removed (navigation, extension reload). */
  signal: AbortSignal;
  /** The content script's observers' hook (lib/sites/observe.ts). */
  bodyWatch: Set<() => void>;
}

/**
 * The narrowest chat box an agent can still write in: about a dozen characters a line at a
 * console's 12–13 px. The consoles we have evidence for keep 230 px and more beside the panel at
 * 150% zoom on a 1280×720 screen; a page laid out in fixed columns around a flexible chat column
 * (the demo before it followed its width) squeezed its chat box to 18 px there — the page narrowed,
 * only its chat box did not survive it.
 */
export const CHAT_MIN_PX = 160;

/** The box of an open page dialog at `el` (its fixed layer's dialog, not the full-window layer itself); null when hidden or in the page's flow. */
function openBox(el: Element): HTMLElement | null {
  const box = dialogBox(el) ?? (el.firstElementChild && dialogBox(el.firstElementChild));
  return box && box.offsetWidth && box.offsetHeight ? box : null;
}

/** A ResizeObserver that lets go of elements once they leave the page: consoles add and remove tooltips, toasts and masks under <body> all day. */
function resizeWatch(onResize: () => void) {
  const ro = new ResizeObserver(onResize);
  const seen = new Set<Element>();
  return {
    observe(el: Element) {
      if (!seen.has(el)) ro.observe(el), seen.add(el);
    },
    prune() {
      for (const el of seen) if (!el.isConnected) ro.unobserve(el), seen.delete(el);
    },
    disconnect() {
      ro.disconnect();
      seen.clear();
    },
  };
}

export function watchPageFit({ controller, doc, signal, bodyWatch }: PageFitHost): void {
  const store = controller.store;
  const root = doc.documentElement;
  let frame = 0;

  // ---- the console's own dialogs
  /** The dialog being looked after, how (moved or panel folded), and whether the agent took over. */
  let current: { el: Element; box: HTMLElement; folded: boolean; moved: AbortController | null; agent: boolean } | null = null;
  const release = () => {
    if (!current) return;
    current.moved?.abort();
    if (current.folded && !current.agent && store.get().collapsed) store.set({ collapsed: false });
    current = null;
  };
  const checkDialogs = () => {
    const s = store.get();
    const vw = root.clientWidth;
    const remark = s.remarkEditor?.textarea;
    // The remark box when the remark form cannot keep it clear of the panel (dialog-fit.ts places it
    // at the left edge and the panel at PANEL_MIN_PX at the narrowest).
    const remarkBox = remark?.isConnected ? openBox(remark) : null;
    const wideRemark = remarkBox && remarkBox.offsetWidth + 2 * GAP_PX + PANEL_MIN_PX > vw ? remarkBox : null;
    const theForms = (el: Element) => remark && el.contains(remark) && !(el === remark && wideRemark);
    if (current && (!current.el.isConnected || !openBox(current.el) || theForms(current.el))) release();
    boxes.prune();
    if (!current) {
      let found: { el: Element; box: HTMLElement } | null = wideRemark && { el: remark!, box: wideRemark };
      if (wideRemark) boxes.observe(wideRemark);
      for (const el of found ? [] : doc.querySelectorAll(DIALOG)) {
        const box = openBox(el);
        if (box) boxes.observe(box);
        // The remark box is the remark form's (dialog-fit.ts); a dialog clear of the panel needs nothing.
        if (box && !(remark && el.contains(remark)) && box.getBoundingClientRect().right > vw - PANEL_WIDTH_PX) found = { el, box };
      }
      // A panel the agent folded covers nothing.
      if (!found || s.collapsed) return;
      current = { ...found, folded: false, moved: null, agent: false };
    }
    const c = current;
    if (c.agent) return;
    if (c.folded) {
      // The agent opened the panel over the dialog: theirs from now on.
      if (!s.collapsed) c.agent = true;
      return;
    }
    if (s.collapsed) {
      // Folded by the agent while the dialog was moved: it goes back where the page put it (and is
      // moved again if the agent opens the panel).
      c.moved?.abort();
      c.moved = null;
      return;
    }
    if (c.box.offsetWidth + 2 * GAP_PX <= vw - PANEL_WIDTH_PX) {
      if (!c.moved) fitDialog(null, doc, (c.moved = new AbortController()).signal)(c.box);
    } else {
      c.moved?.abort();
      c.moved = null;
      c.folded = true;
      store.set({ collapsed: true });
    }
  };

  // ---- a page that cannot narrow, or whose chat box does not survive narrowing
  /** The page narrowed for the open panel, its chat box still usable, at the last look. */
  let hadRoom = true;
  /**
   * The chat box watched for its own resize (a column giving way is a reason to look again: it is
   * deeper than <body>'s children). Only the one shown now: a console re-renders its chat column
   * at every buyer switch inside its app root, <body>'s children untouched, so the box before is
   * let go here — a ResizeObserver holds its targets, and a box held holds its whole detached pane
   * (every switch kept about 200 nodes of the old conversation alive, without end).
   */
  let chatBox: Element | null = null;
  const chatSize = new ResizeObserver(() => !signal.aborted && checkRoom());
  const watchChat = (box: Element | null) => {
    if (box === chatBox) return;
    if (chatBox) chatSize.unobserve(chatBox);
    if ((chatBox = box)) chatSize.observe(box);
  };
  /** The chat box is shown but squeezed below what an agent can write in. */
  const chatSqueezed = () => {
    const input = controller.chatInputQuiet?.();
    watchChat(input?.isConnected ? input : null);
    if (!input?.isConnected) return false;
    const { width, height } = input.getBoundingClientRect();
    return width > 0 && height > 0 && width < CHAT_MIN_PX;
  };
  const checkRoom = () => {
    const s = store.get();
    const open = s.pageKind === 'chat' && !s.collapsed;
    const cannotNarrow = !pageNarrowed(doc);
    const squeezed = open && !cannotNarrow && chatSqueezed();
    // Not measured (folded, another page kind): nothing to hear from it until it is measured again.
    if (!open || cannotNarrow) watchChat(null);
    const room = !cannotNarrow && !squeezed;
    if (open && !room && hadRoom) {
      const text = pageFit[s.settings?.shop.locale === 'en' ? 'en' : 'zh'][squeezed ? 'panel.chatSqueezed' : 'panel.noRoom'] ?? '';
      store.set({ collapsed: true, notice: { kind: 'info', text } });
    }
    hadRoom = open && room;
  };

  const check = () => {
    frame = 0;
    if (signal.aborted) return;
    checkRoom();
    checkDialogs();
  };
  const later = () => {
    if (!frame && !signal.aborted) frame = requestAnimationFrame(check);
  };
  // Resize callbacks run after layout, before paint: the page is measured as it will be drawn. The
  // page's own boxes only say whether it still narrows (a chat page's boxes may resize as messages
  // come); a dialog's box shown or hidden is looked at like a new one.
  const sizes = resizeWatch(() => !signal.aborted && checkRoom());
  const boxes = resizeWatch(() => !signal.aborted && checkDialogs());
  const watchSizes = () => {
    sizes.prune();
    for (const el of [root, doc.body, ...(doc.body?.children ?? [])]) if (el) sizes.observe(el);
  };
  const onBody = () => {
    watchSizes();
    later();
  };
  bodyWatch.add(onBody);
  const opts = { signal, passive: true } as const;
  doc.defaultView?.addEventListener('resize', later, opts);
  doc.addEventListener('focusin', later, opts);
  let { collapsed, remarkEditor } = store.get();
  const off = store.subscribe((s) => {
    // The remark box opening or closing is heard from the page read (it may carry no dialog role).
    if (s.collapsed !== collapsed || s.remarkEditor !== remarkEditor) later();
    ({ collapsed, remarkEditor } = s);
  });
  signal.addEventListener(
    'abort',
    () => {
      bodyWatch.delete(onBody);
      off();
      sizes.disconnect();
      boxes.disconnect();
      chatSize.disconnect();
      chatBox = null;
      cancelAnimationFrame(frame);
      release();
    },
    { once: true },
  );
  watchSizes();
  check();
}
