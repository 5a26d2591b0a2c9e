// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPageFit } from './page-fit';
import { Store } from './store';
import type { PanelController } from './controller';

// happy-dom lays nothing out: each box says where the page drew it (our own translate applied) and
// how wide it is laid out; resize observers and frames run when the test says so.
const VW = 1093;
function place(el: HTMLElement, left: number, width: number) {
  el.getBoundingClientRect = () => {
    const shift = Number(/^(-?[\d.]+)px/.exec(el.style.translate)?.[1] ?? 0);
    return new DOMRect(left + shift, 100, width, 200);
  };
  Object.defineProperty(el, 'offsetWidth', { configurable: true, get: () => (el.isConnected && el.style.display !== 'none' ? width : 0) });
  Object.defineProperty(el, 'offsetHeight', { configurable: true, get: () => (el.isConnected && el.style.display !== 'none' ? 200 : 0) });
}

let frames: FrameRequestCallback[] = [];
const observers: { cb: () => void; els: Set<Element> }[] = [];
/** The page changed size or drew its next frame: what the browser would call now. */
const resized = () => observers.forEach((o) => o.els.size && o.cb());
const nextFrame = () => {
  const run = frames;
  frames = [];
  run.forEach((f) => f(0));
};
let scrollWidth = VW;

type State = { pageKind: string; collapsed: boolean; remarkEditor: { textarea: Element } | null; notice: unknown };
let store: Store<State>;
/** The console's chat input as the adapter finds it (none unless a test puts one). */
let chatInput: HTMLElement | null;
let bodyWatch: Set<() => void>;
let abort: AbortController;

/**
 * A console dialog centred on the window, added under <body>: a full-window fixed layer (`wrap`
 * attributes) holding the dialog box (`box` attributes); `before` runs before the page fit looks.
 */
function openConfirm(width: number, attrs: { wrap?: string; box?: string; inside?: string; before?: (box: HTMLElement) => void } = {}) {
  const { wrap = '', box: boxAttrs = 'role="dialog" aria-modal="true"', inside = '<button>确定</button>' } = attrs;
  const layer = document.createElement('div');
  layer.innerHTML = `<div class="wrap" ${wrap} style="position:fixed"><div class="box" ${boxAttrs}>${inside}</div></div>`;
  document.body.append(layer);
  const box = layer.querySelector<HTMLElement>('.box')!;
  place(layer.querySelector<HTMLElement>('.wrap')!, 0, VW);
  place(box, (VW - width) / 2, width);
  attrs.before?.(box);
  bodyWatch.forEach((f) => f());
  nextFrame();
  return { layer, box };
}
const closed = (layer: Element) => {
  layer.remove();
  bodyWatch.forEach((f) => f());
  nextFrame();
};

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.stubGlobal(
    'ResizeObserver',
    class {
      els = new Set<Element>();
      constructor(cb: () => void) {
        observers.push({ cb, els: this.els });
      }
      observe(el: Element) {
        this.els.add(el);
      }
      unobserve(el: Element) {
        this.els.delete(el);
      }
      disconnect() {
        this.els.clear();
      }
    },
  );
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: VW });
  Object.defineProperty(document.documentElement, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  scrollWidth = VW;
  document.body.innerHTML = '<main></main>';
  store = new Store<State>({ pageKind: 'chat', collapsed: false, remarkEditor: null, notice: null });
  bodyWatch = new Set();
  abort = new AbortController();
  chatInput = null;
  watchPageFit({ controller: { store, chatInputQuiet: () => chatInput } as unknown as PanelController, doc: document, signal: abort.signal, bodyWatch });
  nextFrame();
});
afterEach(() => {
  abort.abort();
  observers.length = 0;
  frames = [];
  vi.unstubAllGlobals();
});

describe('a page dialog under the panel', () => {
  it('is moved just clear of the panel when it fits beside it, and put back when it closes', () => {
    const { layer, box } = openConfirm(520); // 286.5–806.5 against the panel at 753
    expect(box.style.translate).toBe('-62px 0');
    expect(store.get().collapsed).toBe(false);
    closed(layer);
    expect(box.style.translate).toBe('');
  });

  it('found from a full-window layer marked as the dialog (its box inside)', () => {
    expect(openConfirm(520, { wrap: 'role="dialog" aria-modal="true"', box: '' }).box.style.translate).toBe('-62px 0');
  });

  it('too wide to go beside it folds the panel while it is open; the panel opens when it closes', () => {
    const { layer, box } = openConfirm(900);
    expect(store.get().collapsed).toBe(true);
    expect(box.style.translate).toBe('');
    closed(layer);
    expect(store.get().collapsed).toBe(false);
  });

  it('leaves the panel open once the agent opened it over the dialog, and after it closes', () => {
    const { layer } = openConfirm(900);
    store.set({ collapsed: false }); // the agent clicks the tab
    nextFrame();
    expect(store.get().collapsed).toBe(false);
    store.set({ collapsed: true }); // and folds it again themselves
    closed(layer);
    expect(store.get().collapsed).toBe(true);
  });

  it('is shown again after being hidden (kept in the page): placed again', () => {
    const { box } = openConfirm(520);
    box.parentElement!.parentElement!.style.display = 'none';
    box.style.display = 'none';
    resized();
    expect(box.style.translate).toBe('');
    box.style.display = '';
    resized();
    expect(box.style.translate).toBe('-62px 0');
  });

  it('is left alone when it is the remark dialog (the remark form moves it), or not modal in a fixed layer, or clear of the panel', () => {
    const remark = openConfirm(520, { box: 'role="dialog"', inside: '<textarea></textarea>', before: (box) => store.set({ remarkEditor: { textarea: box.querySelector('textarea')! } }) });
    expect(remark.box.style.translate).toBe('');
    expect(openConfirm(520, { box: 'class="plain"' }).box.style.translate).toBe('');
    expect(openConfirm(400).box.style.translate).toBe(''); // 346.5–746.5
  });
});

describe('what it watches', () => {
  it('lets go of what left the page: a dialog closed and body children removed are no longer observed', () => {
    const { layer, box } = openConfirm(520);
    const watched = () => observers.flatMap((o) => [...o.els]);
    expect(watched()).toContain(layer);
    expect(watched()).toContain(box);
    closed(layer);
    expect(watched()).not.toContain(layer);
    expect(watched()).not.toContain(box);
  });

  it('lets go of the chat box a buyer switch replaced inside the app root (<body>’s children untouched): only the shown one is watched', () => {
    const watched = () => observers.flatMap((o) => [...o.els]);
    const app = document.querySelector('main')!;
    const boxes: HTMLElement[] = [];
    for (let i = 0; i < 3; i++) {
      const pane = document.createElement('section');
      pane.innerHTML = '<div class="msgs">你好</div><textarea></textarea>';
      app.replaceChildren(pane); // the console's re-render: no record for <body>, so no bodyWatch
      boxes.push((chatInput = pane.querySelector('textarea')!));
      chatInput.getBoundingClientRect = () => ({ width: 300, height: 80 }) as DOMRect;
      resized(); // the box before leaving the page resized to nothing
    }
    expect(watched()).toContain(boxes[2]);
    expect(watched()).not.toContain(boxes[0]);
    expect(watched()).not.toContain(boxes[1]);
    // Folded, the chat box is not measured: nothing of it is kept either.
    store.set({ collapsed: true });
    resized();
    expect(watched()).not.toContain(boxes[2]);
  });
});

describe('a chat page that stops narrowing', () => {
  /** A chat box drawn `width` px wide. */
  const chatBox = (width: number) => {
    const el = document.createElement('textarea');
    el.getBoundingClientRect = () => ({ width, height: 80 }) as DOMRect;
    document.body.append(el);
    return el;
  };

  it('folds the panel when the page narrows but its chat box is squeezed too narrow to write in, saying so', () => {
    chatInput = chatBox(18);
    resized();
    expect(store.get()).toMatchObject({ collapsed: true, notice: { text: '页面给面板让出位置后，聊天框太窄无法使用，故先收起' } });
  });

  it('keeps it open beside a chat box of a usable width', () => {
    chatInput = chatBox(236);
    resized();
    nextFrame();
    expect(store.get().collapsed).toBe(false);
  });

  it('folds the panel then, saying why', () => {
    scrollWidth = 1200; // a min-width taking effect
    resized();
    expect(store.get()).toMatchObject({ collapsed: true, notice: { text: '页面不能变窄，面板会盖住聊天框，故先收起' } });
  });

  it('leaves a panel the agent opened on it open', () => {
    scrollWidth = 1200;
    resized();
    store.set({ collapsed: false, notice: null });
    resized();
    nextFrame();
    expect(store.get().collapsed).toBe(false);
  });

  it('leaves an order page’s panel open (the remark form is its work there)', () => {
    store.set({ pageKind: 'order-list' });
    scrollWidth = 1200;
    resized();
    expect(store.get().collapsed).toBe(false);
  });
});
