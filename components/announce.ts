/**
 * Says a result of the agent's own action (a note saved, a follow-up done) to a screen reader,
 * politely, through one live region per page. The region is put in the page empty, before its
 * first words: a region that appears with its text already in it is often not read at all. The
 * words go in a moment later, and the same words twice in a row (two notes saved) are read twice.
 * For results only, never for each key typed.
 */
export function announce(text: string, doc: Document = document): void {
  let region = doc.querySelector<HTMLElement>('[data-kf="announce"]');
  if (!region) {
    region = doc.createElement('div');
    region.dataset.kf = 'announce';
    region.setAttribute('role', 'status');
    // Off screen but read: display:none or visibility:hidden would silence it.
    region.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
    doc.body.append(region);
  }
  region.textContent = '';
  // A second result before the first was put in: only the latest is said.
  clearTimeout(pending);
  pending = setTimeout(() => (region.textContent = text), 100);
}
let pending: ReturnType<typeof setTimeout> | undefined;
