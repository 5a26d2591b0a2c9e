/**
 * The chat text the agent selected on the page, for "save as sizes". Text selected inside the
 * panel (its shadow root) is not chat text. Shared by the page side (card-frame.ts) and the card
 * controller (customers.ts); kept in its own module so the content script does not pull in the card.
 */
export const SELECTION_MAX = 500;

export function cleanSelection(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, SELECTION_MAX);
}

/** The page's selected text outside the panel, cleaned; '' when there is none. */
export function readChatSelection(doc: Document): string {
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount || sel.isCollapsed) return '';
  const node = sel.anchorNode;
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const inPanel = !node || node.getRootNode() !== doc || !!el?.closest('kf-panel');
  return inPanel ? '' : cleanSelection(sel.toString());
}
