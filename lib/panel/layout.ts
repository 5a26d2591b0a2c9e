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
 * under the panel and the page scrolls sideways.
 */
export const pageNarrowed = (doc: Document): boolean => doc.documentElement.scrollWidth <= doc.documentElement.clientWidth + 1;
