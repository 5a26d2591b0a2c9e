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
  style.textContent = `html { margin-right: ${PANEL_WIDTH_PX}px !important; }`;
}
