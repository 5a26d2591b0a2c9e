/**
 * The text just before the caret in a textarea/input or a contenteditable editor, or null when the
 * caret is not inside `target`. Used to spot a typed `/code` before expanding it.
 */
export function textBeforeCaret(target: HTMLElement, max = 40): string | null {
  if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') {
    const field = target as HTMLTextAreaElement | HTMLInputElement;
    const caret = field.selectionEnd;
    if (caret == null) return null;
    return field.value.slice(Math.max(0, caret - max), caret);
  }
  const sel = target.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const caret = sel.getRangeAt(0);
  if (!target.contains(caret.endContainer)) return null;
  const range = target.ownerDocument.createRange();
  range.selectNodeContents(target);
  range.setEnd(caret.endContainer, caret.endOffset);
  // Not range.toString(): it drops the line breaks an editor writes as <br> or as one block per
  // line (Quill), and a `/code` typed at the start of a new line would seem glued to the line above.
  const lines = range.cloneContents();
  lines.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  lines.querySelectorAll('div,p,li').forEach((block) => block.prepend('\n'));
  const text = lines.textContent ?? '';
  return text.slice(Math.max(0, text.length - max));
}
