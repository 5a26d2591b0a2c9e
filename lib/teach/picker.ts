/**
 * The in-page element picker of teach mode: a highlight follows the pointer, a click picks the
 * element for the current step, Esc cancels. Its step list lives in its own shadow root on a
 * <kf-teach> element; while it runs, clicks on the page are swallowed so picking a conversation does
 * not switch it. Everything it adds is removed when it ends. Page text is shown with textContent only.
 */
import { generateLocators, isEditable, isOwnElement, textOf } from '../sites/taught/locator';
import { TAUGHT_FIELDS, type TaughtField, type TaughtFields } from '../sites/taught/record';
import { pageWithoutBuyer } from '../sites/taught/page';
import { registerMessages, t } from '../i18n';
import { sites } from '../i18n/messages/sites';

registerMessages(sites);

export type PickerResult =
  | { ok: true; fields: TaughtFields; elements: Partial<Record<TaughtField, Element>>; page: TaughtPage }
  | { ok: false; reason: 'cancelled' };

/** What a taught site keeps of the page it was taught on: its name in the options page, and where 重新教 opens. */
export interface TaughtPage {
  name: string;
  url: string;
}

/**
 * The page as a taught site keeps it, without the buyer who was open while teaching
 * (lib/sites/taught/page.ts): the title without the picked buyer's name and any 5+-digit run, the
 * address without query, fragment and path segments that hold data.
 */
export function teachPage(doc: Document, buyer: string): TaughtPage {
  const at = new URL(doc.location.href);
  return pageWithoutBuyer(at.href, doc.title, buyer) ?? { name: at.host, url: at.origin };
}

export interface PickerOptions {
  signal?: AbortSignal;
  /** Which elements to ask for, in order (default: all four). */
  fields?: readonly TaughtField[];
}

export interface Picker {
  done: Promise<PickerResult>;
  cancel(): void;
}

/** The shadow root of a running picker (tests and the e2e harness look inside it). */
export const PICKER_TAG = 'kf-teach';

/** What a click on `target` means for a step (e.g. a click inside a message means the whole list). */
export function normalizePick(field: TaughtField, target: Element): Element | null {
  if (isOwnElement(target)) return null;
  if (field === 'chatInput' || field === 'remarkBox') {
    if (/^(TEXTAREA|INPUT)$/.test(target.tagName)) return isEditable(target) ? target : null;
    // Inside a rich editor: its outermost editable root.
    const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
    let root = target.closest(EDITABLE);
    for (let up = root?.parentElement?.closest(EDITABLE); up; up = up.parentElement?.closest(EDITABLE)) root = up;
    if (root) return root;
    const inner = Array.from(target.querySelectorAll('textarea, input, [contenteditable]')).filter(isEditable);
    if (inner.length === 1) return inner[0]!;
    return null;
  }
  if (field === 'messageList') return listContainer(target);
  // Buyer name: the clicked text itself, without the label in front of it.
  return textOf(target) ? target : null;
}

function isScrollable(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  const oy = view?.getComputedStyle(el).overflowY ?? '';
  return /(auto|scroll)/.test(oy) && el.scrollHeight > el.clientHeight + 4;
}

/** The list around a clicked message: an ARIA log/list, a scrolling box, or a parent of repeated rows. */
export function listContainer(target: Element): Element {
  const body = target.ownerDocument.body;
  const marked = target.closest('[role="log"], [role="list"], [aria-live]');
  if (marked && marked !== body) return marked;
  for (let el: Element | null = target; el && el !== body; el = el.parentElement) {
    if (isScrollable(el)) return el;
  }
  for (let el: Element | null = target.parentElement; el && el !== body; el = el.parentElement) {
    const tags = Array.from(el.children).map((c) => c.tagName);
    const top = Math.max(0, ...tags.map((tag) => tags.filter((x) => x === tag).length));
    if (top >= 3) return el;
  }
  return target;
}

const CSS = `
:host { all: initial; }
.hl { position: fixed; pointer-events: none; border: 2px solid #ff6a00; background: rgba(255,106,0,.12); border-radius: 3px; z-index: 2147483646; display: none; }
.card { position: fixed; left: 12px; bottom: 12px; width: 210px; z-index: 2147483647; background: #fff; color: #222; font: 13px/1.5 system-ui, sans-serif;
  border: 1px solid #ddd; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; }
.card h2 { font-size: 14px; margin: 0 0 6px; }
ol { margin: 0 0 8px; padding-left: 18px; }
li { margin: 2px 0; cursor: default; }
li.cur { font-weight: 600; color: #d35400; }
li.done { color: #2e7d32; }
li.skipped { color: #999; }
li.done, li.skipped { cursor: pointer; }
.hint { color: #555; margin: 0 0 8px; }
.err { color: #c62828; margin: 0 0 8px; }
.row { display: flex; gap: 6px; flex-wrap: wrap; }
button { font: inherit; padding: 3px 8px; border: 1px solid #ccc; border-radius: 4px; background: #f7f7f7; cursor: pointer; }
button.primary { background: #ff6a00; border-color: #ff6a00; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
`;

type StepState = 'todo' | 'done' | 'skipped';

/**
 * The picker running in this page, if any. Teach mode is started from the side panel (the content
 * script) and from the remark panel's 教会这个页面 (its feature script), each with its own flag: a second
 * start ends the first (cancelled, nothing saved), so two cards never ask for clicks at once.
 */
let running: Picker | null = null;

export function startPicker(doc: Document, opts: PickerOptions = {}): Picker {
  running?.cancel();
  const fields = [...(opts.fields ?? TAUGHT_FIELDS)];
  const picked: Partial<Record<TaughtField, Element>> = {};
  const state = new Map<TaughtField, StepState>(fields.map((f) => [f, 'todo']));
  let current = 0;
  let error = '';
  const abort = new AbortController();
  let resolve!: (r: PickerResult) => void;
  const done = new Promise<PickerResult>((r) => (resolve = r));

  const host = doc.createElement(PICKER_TAG);
  host.setAttribute('data-kf', 'teach');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const hl = doc.createElement('div');
  hl.className = 'hl';
  const card = doc.createElement('section');
  card.className = 'card';
  card.setAttribute('data-kf', 'teach-card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('teach.title'));
  shadow.append(style, hl, card);
  (doc.body ?? doc.documentElement).append(host);

  const button = (label: string, kf: string, onClick: () => void, cls = '') => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-kf', kf);
    if (cls) b.className = cls;
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    return b;
  };

  const render = () => {
    card.textContent = '';
    const h = doc.createElement('h2');
    h.textContent = t('teach.title');
    const list = doc.createElement('ol');
    fields.forEach((f, i) => {
      const li = doc.createElement('li');
      const st = state.get(f)!;
      li.className = i === current ? 'cur' : st === 'todo' ? '' : st;
      li.setAttribute('data-kf', `teach-step-${f}`);
      li.setAttribute('data-state', i === current ? 'current' : st);
      li.textContent = `${t(`teach.field.${f}`)}${st === 'done' ? ` ✓` : st === 'skipped' ? ` ${t('teach.skipped')}` : ''}`;
      if (st !== 'todo' && i !== current) {
        li.title = t('teach.repick');
        li.addEventListener('click', () => {
          current = i;
          error = '';
          render();
        });
      }
      list.append(li);
    });
    const hint = doc.createElement('p');
    hint.className = 'hint';
    hint.setAttribute('data-kf', 'teach-hint');
    const field = fields[current];
    hint.textContent = field ? t(`teach.hint.${field}`) : t('teach.allDone');
    card.append(h, list, hint);
    if (error) {
      const err = doc.createElement('p');
      err.className = 'err';
      err.setAttribute('role', 'alert');
      err.textContent = error;
      card.append(err);
    }
    const row = doc.createElement('div');
    row.className = 'row';
    if (field) row.append(button(t('teach.skip'), 'teach-skip', skip));
    const finishBtn = button(t('teach.finish'), 'teach-finish', finish, 'primary');
    finishBtn.disabled = Object.keys(picked).length === 0;
    row.append(finishBtn, button(t('teach.cancel'), 'teach-cancel', cancel));
    card.append(row);
  };

  const nextTodo = () => {
    const i = fields.findIndex((f, idx) => idx > current && state.get(f) === 'todo');
    const j = i >= 0 ? i : fields.findIndex((f) => state.get(f) === 'todo');
    current = j >= 0 ? j : fields.length;
    if (current >= fields.length) finish();
    else render();
  };

  const skip = () => {
    const f = fields[current];
    if (!f) return;
    if (state.get(f) === 'todo') state.set(f, 'skipped');
    error = '';
    nextTodo();
  };

  const end = (r: PickerResult) => {
    abort.abort();
    host.remove();
    resolve(r);
  };

  function finish() {
    const out: TaughtFields = {};
    const buyer = picked.buyerName ? textOf(picked.buyerName) : '';
    for (const f of fields) {
      const el = picked[f];
      if (!el || !el.isConnected) continue;
      // A locator that spells the buyer (an attribute holding their name) finds only them, and would
      // keep their name in a site shared with the team: never kept.
      const locs = generateLocators(el).filter((l) => !buyer || !('css' in l) || !l.css.includes(buyer));
      if (locs.length) out[f] = locs;
    }
    if (Object.keys(out).length === 0) {
      current = Math.min(current, fields.length - 1);
      error = t('teach.nothingPicked');
      render();
      return;
    }
    end({ ok: true, fields: out, elements: picked, page: teachPage(doc, buyer) });
  }

  function cancel() {
    end({ ok: false, reason: 'cancelled' });
  }

  const fromOurUi = (e: Event) => e.composedPath().includes(host) || (e.target instanceof Element && isOwnElement(e.target));

  const targetFor = (e: Event): Element | null => {
    const field = fields[current];
    const target = e.target;
    if (!field || !target || (target as Node).nodeType !== 1) return null;
    return normalizePick(field, target as Element);
  };

  const onMove = (e: Event) => {
    if (fromOurUi(e)) return;
    const el = targetFor(e) ?? (e.target as Element | null);
    const r = el && typeof el.getBoundingClientRect === 'function' ? el.getBoundingClientRect() : null;
    if (!r || (r.width === 0 && r.height === 0)) {
      hl.style.display = 'none';
      return;
    }
    Object.assign(hl.style, { display: 'block', left: `${r.left - 2}px`, top: `${r.top - 2}px`, width: `${r.width}px`, height: `${r.height}px` });
  };

  const swallow = (e: Event) => {
    if (fromOurUi(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const onClick = (e: Event) => {
    if (fromOurUi(e)) return;
    swallow(e);
    const field = fields[current];
    if (!field) return;
    const el = targetFor(e);
    if (!el || generateLocators(el).length === 0) {
      error = t(`teach.wrong.${field}`);
      render();
      return;
    }
    picked[field] = el;
    state.set(field, 'done');
    error = '';
    nextTodo();
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopImmediatePropagation();
      cancel();
    }
  };

  const o = { capture: true, signal: abort.signal } as const;
  doc.addEventListener('mousemove', onMove, o);
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'contextmenu']) doc.addEventListener(type, swallow, o);
  doc.addEventListener('click', onClick, o);
  doc.addEventListener('keydown', onKey, o);
  opts.signal?.addEventListener('abort', cancel, { once: true, signal: abort.signal });

  render();
  const self: Picker = { done, cancel };
  running = self;
  void done.then(() => {
    if (running === self) running = null;
  });
  return self;
}
