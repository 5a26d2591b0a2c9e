// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertText, isComposing, isEditable, isImeKeyEvent, replaceBeforeCaret, replaceRange, watchEditing } from './index';

let events: { type: string; inputType?: string; data?: string | null; value: string }[];
let controller: AbortController;

function track(el: HTMLElement) {
  for (const type of ['beforeinput', 'input', 'change']) {
    el.addEventListener(type, (e) => {
      const ie = e as InputEvent;
      events.push({ type, inputType: ie.inputType, data: ie.data, value: 'value' in el ? (el as HTMLTextAreaElement).value : el.textContent ?? '' });
    });
  }
}

beforeEach(() => {
  document.body.innerHTML = '';
  events = [];
  controller = new AbortController();
  watchEditing(document, controller.signal);
});
afterEach(() => controller.abort());

describe('insertText into a textarea', () => {
  it('inserts at the cursor in the middle of existing text and fires bubbling input and change', () => {
    document.body.innerHTML = '<textarea>你好世界</textarea>';
    const ta = document.querySelector('textarea')!;
    track(ta);
    let bubbled = 0;
    document.body.addEventListener('input', () => bubbled++);
    ta.setSelectionRange(2, 2);
    const r = insertText(ta, '，亲，');
    expect(r.ok).toBe(true);
    expect(ta.value).toBe('你好，亲，世界');
    // (caret position after insertion is checked in real Chromium: happy-dom's setRangeText miscounts it)
    const input = events.find((e) => e.type === 'input');
    expect(input).toMatchObject({ inputType: 'insertText', data: '，亲，', value: '你好，亲，世界' });
    expect(events.some((e) => e.type === 'change')).toBe(true);
    expect(bubbled).toBe(1);
    expect(document.activeElement).toBe(ta);
  });

  it('replaces the selected text', () => {
    document.body.innerHTML = '<textarea>abc XX def</textarea>';
    const ta = document.querySelector('textarea')!;
    ta.setSelectionRange(4, 6);
    expect(insertText(ta, '您好').ok).toBe(true);
    expect(ta.value).toBe('abc 您好 def');
  });

  // 'never assigns .value' is checked in real Chromium (test/e2e/insert.e2e.test.ts): happy-dom's own
  // setRangeText goes through the value setter.

  it('refuses while an input method is composing, and works again after compositionend', () => {
    document.body.innerHTML = '<textarea>abc</textarea>';
    const ta = document.querySelector('textarea')!;
    ta.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    expect(isComposing(ta)).toBe(true);
    expect(insertText(ta, 'X')).toEqual({ ok: false, reason: 'composing' });
    expect(ta.value).toBe('abc');
    ta.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '你' }));
    expect(isComposing(ta)).toBe(false);
    expect(insertText(ta, 'X').ok).toBe(true);
  });

  it('refuses disabled, read-only and non-editable elements', () => {
    document.body.innerHTML = '<textarea disabled></textarea><input readonly><div id="d"></div><input type="checkbox">';
    expect(insertText(document.querySelector('textarea')!, 'x')).toEqual({ ok: false, reason: 'disabled' });
    expect(insertText(document.querySelector('input')!, 'x')).toEqual({ ok: false, reason: 'disabled' });
    expect(insertText(document.querySelector('#d') as HTMLElement, 'x')).toEqual({ ok: false, reason: 'not-editable' });
    expect(insertText(document.querySelector('input[type=checkbox]') as HTMLElement, 'x')).toEqual({ ok: false, reason: 'not-editable' });
  });

  it('refuses an element the page has already removed', () => {
    const ta = document.createElement('textarea');
    expect(insertText(ta, 'x')).toEqual({ ok: false, reason: 'detached' });
  });
});

describe('replaceBeforeCaret (shortcut expansion)', () => {
  it('replaces the typed /code with the template body in a textarea', () => {
    document.body.innerHTML = '<textarea>亲 /hi</textarea>';
    const ta = document.querySelector('textarea')!;
    track(ta);
    ta.setSelectionRange(5, 5);
    expect(replaceBeforeCaret(ta, 3, '您好，欢迎光临！', { expected: '/hi' }).ok).toBe(true);
    expect(ta.value).toBe('亲 您好，欢迎光临！');
    expect(events.find((e) => e.type === 'input')?.inputType).toBe('insertText');
  });

  it('leaves the text alone when it is not the expected shortcut', () => {
    document.body.innerHTML = '<textarea>abc</textarea>';
    const ta = document.querySelector('textarea')!;
    ta.setSelectionRange(3, 3);
    expect(replaceBeforeCaret(ta, 3, 'x', { expected: '/hi' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(ta.value).toBe('abc');
  });

  it('replaceRange replaces given offsets', () => {
    document.body.innerHTML = '<input value="order 123 ok">';
    const input = document.querySelector('input')!;
    expect(replaceRange(input, 6, 9, '456').ok).toBe(true);
    expect(input.value).toBe('order 456 ok');
  });
});

describe('insertText into a contenteditable editor', () => {
  it('inserts at the selection inside the editor and fires input', () => {
    document.body.innerHTML = '<div contenteditable="true" id="ed">你好世界</div>';
    const ed = document.getElementById('ed')!;
    track(ed);
    const range = document.createRange();
    range.setStart(ed.firstChild!, 2);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(insertText(ed, '，亲，').ok).toBe(true);
    expect(ed.textContent).toBe('你好，亲，世界');
    expect(events.some((e) => e.type === 'input' && e.inputType === 'insertText')).toBe(true);
  });

  it('puts the text at the end when the selection is elsewhere', () => {
    document.body.innerHTML = '<p id="p">outside</p><div contenteditable="true" id="ed">abc</div>';
    const ed = document.getElementById('ed')!;
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(insertText(ed, 'XYZ').ok).toBe(true);
    expect(ed.textContent).toBe('abcXYZ');
    expect(document.getElementById('p')!.textContent).toBe('outside');
  });

  it('replaces /code before the caret across nested nodes', () => {
    document.body.innerHTML = '<div contenteditable="true" id="ed"><span>亲 /</span>hi</div>';
    const ed = document.getElementById('ed')!;
    const range = document.createRange();
    range.setStart(ed.lastChild!, 2);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(replaceBeforeCaret(ed, 3, '您好', { expected: '/hi' }).ok).toBe(true);
    expect(ed.textContent).toBe('亲 您好');
  });

  it('lets a framework editor handle beforeinput itself', () => {
    document.body.innerHTML = '<div contenteditable="true" id="ed">ab</div>';
    const ed = document.getElementById('ed')!;
    ed.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      ed.textContent = 'ab' + (e as InputEvent).data; // the editor's own model update
    });
    expect(insertText(ed, 'Z', { method: 'manual' }).ok).toBe(true);
    expect(ed.textContent).toBe('abZ');
  });
});

describe('helpers', () => {
  it('isEditable recognises the three kinds and rejects the rest', () => {
    document.body.innerHTML = '<textarea></textarea><input type="search"><div contenteditable="true"><b>x</b></div><div></div><input type="number">';
    expect(isEditable(document.querySelector('textarea'))).toBe(true);
    expect(isEditable(document.querySelector('input[type=search]'))).toBe(true);
    expect(isEditable(document.querySelector('b'))).toBe(true);
    expect(isEditable(document.querySelector('div:not([contenteditable])'))).toBe(false);
    expect(isEditable(document.querySelector('input[type=number]'))).toBe(false);
  });

  it('isImeKeyEvent spots composition keys', () => {
    expect(isImeKeyEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true }))).toBe(true);
    expect(isImeKeyEvent({ isComposing: false, keyCode: 229 } as KeyboardEvent)).toBe(true);
    expect(isImeKeyEvent(new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false);
  });
});
