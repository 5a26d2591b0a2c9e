// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialogBox, fitDialog, PANEL_MIN_PX } from './dialog-fit';

// happy-dom lays nothing out: each element says where the page drew it (our own translate applied).
const VW = 1093;
function place(el: HTMLElement, left: number, width: number) {
  el.getBoundingClientRect = () => {
    const shift = Number(/^(-?[\d.]+)px/.exec(el.style.translate)?.[1] ?? 0);
    return new DOMRect(left + shift, 100, width, 300);
  };
}

let wrapper: HTMLElement;
let box: HTMLElement;
let textarea: HTMLTextAreaElement;
let panel: HTMLElement;
let abort: AbortController;

beforeEach(() => {
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: VW });
  document.body.innerHTML = '<div class="next-overlay-wrapper" style="position:fixed"><div class="next-dialog"><textarea></textarea></div></div><aside class="kf-panel"></aside>';
  wrapper = document.querySelector('.next-overlay-wrapper')!;
  box = document.querySelector('.next-dialog')!;
  textarea = document.querySelector('textarea')!;
  panel = document.querySelector('aside')!;
  place(wrapper, 0, VW);
  place(textarea, 0, 0);
  abort = new AbortController();
});
afterEach(() => abort.abort());

describe('dialogBox', () => {
  it('is the box around the remark box, not the full-window wrapper of its fixed layer', () => {
    place(box, 317, 460);
    place(textarea, 333, 428);
    expect(dialogBox(textarea)).toBe(box);
  });

  it('is none for a remark box in the page’s flow (the page narrowed with it)', () => {
    wrapper.style.position = '';
    place(box, 317, 460);
    expect(dialogBox(textarea)).toBeNull();
  });
});

describe('fitDialog', () => {
  it('moves a dialog centred on the window just clear of the panel, and puts it back when it closes', () => {
    place(box, 317, 460); // 317–777; the panel starts at 1093 − 340 = 753
    box.style.translate = '';
    const fit = fitDialog(panel, document, abort.signal);
    fit(textarea);
    expect(box.style.translate).toBe('-32px 0'); // 777 + 8 − 753
    expect(panel.style.width).toBe('');
    fit(null);
    expect(box.style.translate).toBe('');
  });

  it('leaves a dialog that fits beside the panel where it is', () => {
    place(box, 200, 400);
    fitDialog(panel, document, abort.signal)(textarea);
    expect(box.style.translate).toBe('');
  });

  it('takes a dialog too wide for the room to the window’s left edge and narrows the panel beside it, not below its minimum', () => {
    place(box, 146, 800); // 146–946
    const fit = fitDialog(panel, document, abort.signal);
    fit(textarea);
    expect(box.style.translate).toBe('-138px 0'); // to x = 8
    expect(panel.style.width).toBe(`${VW - 808 - 8}px`);
    fit(null);
    place(box, 71, 950); // 8–958 once moved: 127 px left beside it
    fit(textarea);
    expect(panel.style.width).toBe(`${PANEL_MIN_PX}px`);
  });

  it('puts back what it changed when the panel folds (its signal aborts)', () => {
    place(box, 146, 800);
    fitDialog(panel, document, abort.signal)(textarea);
    abort.abort();
    expect(box.style.translate).toBe('');
    expect(panel.style.width).toBe('');
  });
});
