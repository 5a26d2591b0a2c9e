/**
 * Keeps the console's own remark dialog clear of the panel. The panel narrows the page (layout.ts),
 * but a dialog the console centres on the whole window (a position:fixed layer: Fusion's
 * next-dialog on Taobao, antd's ant-modal) does not move with it: at 1366×768 with 125% zoom the
 * panel covered the right of the remark box and 取消. The dialog's box is moved left with the CSS
 * `translate` property — a property of its own, so the page's left/top, its transform and its
 * animations are untouched — just far enough to clear the panel. A box too wide for the room beside
 * the panel goes to the window's left edge, and the panel narrows to what is left, not below
 * PANEL_MIN_PX (the remark form still fits). A box in the page's flow (a remark page, an order
 * sidebar) moved with the page: nothing to do. Loaded with the remark form (the remarks feature),
 * never in the content script.
 */
import { PANEL_WIDTH_PX } from './layout';

/** Space kept between the dialog and the panel, and the window's left edge. */
export const GAP_PX = 8;
export const PANEL_MIN_PX = 260;

/**
 * The box to move around `el`: its outermost ancestor narrower than the window (not a full-window
 * wrapper or mask), up to its position:fixed layer; null when `el` is in the page's flow.
 */
export function dialogBox(el: Element): HTMLElement | null {
  const doc = el.ownerDocument;
  const wide = doc.documentElement.clientWidth * 0.9;
  let box: HTMLElement | null = null;
  for (let p = el instanceof HTMLElement ? el : el.parentElement; p; p = p.parentElement) {
    if (p.getBoundingClientRect().width < wide) box = p;
    if (doc.defaultView?.getComputedStyle(p).position === 'fixed') return box;
  }
  return null;
}

/**
 * Follows the open remark box (call with it, or null when it closes); `panel` is the panel's own
 * element. Everything it changed is put back when the box closes or `signal` aborts (the panel folds,
 * the form goes).
 */
export function fitDialog(panel: HTMLElement | null, doc: Document, signal: AbortSignal): (el: Element | null) => void {
  let el: Element | null = null;
  let box: HTMLElement | null = null;
  let pageTranslate = '';
  let shift = 0;
  const place = () => {
    if (!box) return;
    const vw = doc.documentElement.clientWidth;
    const r = box.getBoundingClientRect();
    // Where the page put it: what it measures now, less this code's own shift.
    const left = r.left + shift;
    const right = r.right + shift;
    shift = Math.ceil(Math.max(0, Math.min(right + GAP_PX - (vw - PANEL_WIDTH_PX), left - GAP_PX)));
    box.style.translate = shift ? `${-shift}px 0` : pageTranslate;
    const room = Math.floor(vw - (right - shift) - GAP_PX);
    if (panel) panel.style.width = room < PANEL_WIDTH_PX && r.width ? `${Math.max(PANEL_MIN_PX, room)}px` : '';
  };
  const undo = () => {
    if (box) box.style.translate = pageTranslate;
    if (panel) panel.style.width = '';
    box = null;
    shift = 0;
  };
  const win = doc.defaultView ?? window;
  const opts = { signal, passive: true } as const;
  win.addEventListener('resize', place, opts);
  // Measured again once the page's opening animation or transition (a zoom-in scales the box) ends.
  for (const type of ['animationend', 'transitionend']) {
    doc.addEventListener(type, (e) => box && e.target instanceof Node && (box.contains(e.target) || e.target.contains(box)) && place(), { ...opts, capture: true });
  }
  signal.addEventListener('abort', undo, { once: true });
  return (next) => {
    next = next?.isConnected ? next : null;
    if (next === el || signal.aborted) return;
    el = next;
    undo();
    box = el && dialogBox(el);
    pageTranslate = box?.style.translate ?? '';
    place();
  };
}
