/**
 * Makes room for the panel beside the console instead of covering its chat box: a `kf-` style
 * element on the host page that narrows the page while the panel is open.
 */
export const PANEL_WIDTH_PX = 340;
const STYLE_ID = 'kf-layout';

export function reservePanelSpace(doc: Document, open: boolean): void {
  let style = doc.getElementById(STYLE_ID);
  if (!open) {
    style?.remove();
    return;
  }
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  // Called on every panel state change: rewriting the same rule would make the page restyle and
  // lay out everything again at its next frame (a conversation switch sets the state many times).
  const rule = `html { margin-right: ${PANEL_WIDTH_PX}px !important; }`;
  if (style.textContent !== rule) style.textContent = rule;
}

/**
 * Whether the page narrowed for the open panel. A console with a minimum width (html or body
 * `min-width: 1200px`, common in SPA consoles) keeps it: its right part, the chat box with it, runs
 * under the panel. The page's right edge is measured, not only whether the document scrolls
 * sideways: a <body> (or what it holds) wider than <html> overflows into html's margin, the panel's
 * room, and the document only scrolls once it passes the window too (body at 1200 px in a 1366 px
 * window reaches 1200, past the 1026 px left beside the panel, and nothing scrolls).
 */
export function pageNarrowed(doc: Document): boolean {
  const root = doc.documentElement;
  const body = doc.body;
  const vw = root.clientWidth;
  if (root.scrollWidth > vw + 1) return false;
  const win = doc.defaultView;
  const style = (el: Element) => win?.getComputedStyle(el);
  const room = vw - (parseFloat(style(root)?.marginRight ?? '') || 0);
  let right = root.getBoundingClientRect().right;
  if (body) {
    const box = body.getBoundingClientRect();
    // body's scrollWidth takes in what overflows it (a child with its own min-width) — unless body
    // clips it (its overflow is its own only when html's is not visible), or in quirks mode, where
    // it is the document's scroll width.
    const clips = style(root)?.overflowX !== 'visible' && style(body)?.overflowX !== 'visible';
    right = Math.max(right, doc.compatMode === 'CSS1Compat' && !clips ? box.left + body.scrollWidth : box.right);
  }
  return right + (win?.scrollX ?? 0) <= room + 1;
}
