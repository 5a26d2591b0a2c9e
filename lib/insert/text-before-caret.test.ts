// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { textBeforeCaret } from './text-before-caret';

vi.mock('@/lib/browser', () => ({ browser: {} }));
const { CODE_BEFORE_CARET } = await import('../panel/page-features/suggestions');

/** A contenteditable chat box holding `html`, the caret at its very end. */
function editorWith(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true" id="box">${html}</div>`;
  const box = document.getElementById('box')!;
  const range = document.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return box;
}

describe('textBeforeCaret in a contenteditable chat box', () => {
  it('reads the text before the caret', () => {
    expect(textBeforeCaret(editorWith('亲 /th'))).toBe('亲 /th');
  });

  it('keeps a line break written as <br>', () => {
    expect(textBeforeCaret(editorWith('好的<br>/dd'))).toBe('好的\n/dd');
  });

  it('keeps a line break written as one block per line (Quill writes a <p> per line)', () => {
    expect(textBeforeCaret(editorWith('<div>好的</div><div>/dd</div>'))).toMatch(/^\n?好的\n\/dd$/);
    expect(textBeforeCaret(editorWith('<p>好的</p><p><span>/dd</span></p>'))).toMatch(/^\n?好的\n\/dd$/);
  });

  it('so a code typed on a new line after Chinese text expands, and one glued to it does not', () => {
    expect(CODE_BEFORE_CARET.exec(textBeforeCaret(editorWith('<p>好的</p><p>/dd</p>'))!)?.[1]).toBe('dd');
    expect(CODE_BEFORE_CARET.exec(textBeforeCaret(editorWith('<p>好的/dd</p>'))!)).toBeNull();
  });

  it('keeps only the last characters', () => {
    expect(textBeforeCaret(editorWith('一二三四五六七八九十'), 4)).toBe('七八九十');
  });
});
