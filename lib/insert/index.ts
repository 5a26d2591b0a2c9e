/**
 * Putting text into the host page's editor so that the page notices, at the agent's cursor, with undo
 * kept where the browser allows it. Never sends, never presses Enter, never dispatches key events.
 * See README.md in this folder for the reasoning per editor kind.
 */

export type InsertFailure =
  /** An input method (pinyin) is composing in the target: inserting now would garble both. */
  | 'composing'
  /** Not a textarea, text-like input or contenteditable element. */
  | 'not-editable'
  /** Disabled or read-only. */
  | 'disabled'
  /** No longer in the document (the page re-rendered). */
  | 'detached'
  /** replaceBeforeCaret: the text before the caret is not what the caller expected. */
  | 'mismatch'
  /** The browser refused every method we tried. */
  | 'failed';

export type InsertResult = { ok: true; method: 'execCommand' | 'setRangeText' | 'range' } | { ok: false; reason: InsertFailure };

export interface InsertOptions {
  /**
   * 'auto' (default): `execCommand('insertText')` first (keeps the browser's undo stack and fires
   * trusted beforeinput/input), then the manual method. 'manual': skip execCommand.
   */
  method?: 'auto' | 'manual';
}

export interface ReplaceOptions extends InsertOptions {
  /** When given, the replaced text must equal this (e.g. '/code'), else `mismatch`. */
  expected?: string;
}

type TextField = HTMLTextAreaElement | HTMLInputElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'password', '']);

// Tag names, not instanceof: the element may come from another realm (iframe, isolated world).
function isTextField(el: Element): el is TextField {
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

function isContentEditable(el: HTMLElement): boolean {
  if (el.isContentEditable) return true;
  // happy-dom and detached nodes do not compute isContentEditable: read the attribute chain.
  const host = el.closest('[contenteditable]');
  const v = host?.getAttribute('contenteditable');
  return v != null && v !== 'false';
}

/** True for elements insertText can write into. */
export function isEditable(el: Element | null | undefined): el is HTMLElement {
  if (!el || el.nodeType !== 1 || !el.ownerDocument?.defaultView) return false;
  if (isTextField(el)) return true;
  return 'isContentEditable' in el && isContentEditable(el as HTMLElement);
}

// ------------------------------------------------------------------------------------------------
// IME composition and last caret tracking

interface DocWatch {
  composing: Set<EventTarget>;
  /** Last selection seen inside each contenteditable root (clicking our panel may drop it). */
  lastRange: WeakMap<HTMLElement, Range>;
  refs: number;
  controller: AbortController;
}
// Kept on the content-script world's global object, not in this module: the content script watches
// (watchEditing, at start-up) and moves the caret back (focusAtCaret), while the writers
// (insertText, replaceBeforeCaret, replaceRange) come with the suggest feature script
// (lib/panel/features.ts), a bundle of its own with its own copy of this module. Both must see the
// same compositions and the same last caret, or a reply clicked in the panel would land at the end
// of a contenteditable instead of at the agent's caret.
const watches: WeakMap<Document, DocWatch> = ((globalThis as unknown as Record<string, WeakMap<Document, DocWatch>>).__kfEditing ??= new WeakMap());

/**
 * Starts tracking IME composition and the caret of contenteditables in `doc`. Idempotent; stops when
 * `signal` aborts (once every caller that started it has aborted). insertText starts it lazily too,
 * but only tracking that began before the composition can see it: call this early (content script).
 */
export function watchEditing(doc: Document, signal?: AbortSignal): void {
  let w = watches.get(doc);
  if (!w) {
    const controller = new AbortController();
    const watch: DocWatch = { composing: new Set(), lastRange: new WeakMap(), refs: 0, controller };
    const opts = { capture: true, signal: controller.signal };
    doc.addEventListener('compositionstart', (e) => e.target && watch.composing.add(e.target), opts);
    doc.addEventListener('compositionend', (e) => e.target && watch.composing.delete(e.target), opts);
    const rememberCaret = () => {
      const sel = doc.getSelection();
      if (!sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      const root = editableRootOf(range.startContainer);
      if (root) watch.lastRange.set(root, range.cloneRange());
    };
    // A blur ends any composition for our purposes (the IME commits or cancels). It also reads the
    // caret once more: 'selectionchange' is queued, so a caret moved just before the agent reached
    // for the panel may not have been seen yet; at focusout the selection is still the box's own.
    doc.addEventListener(
      'focusout',
      (e) => {
        if (e.target) watch.composing.delete(e.target);
        rememberCaret();
      },
      opts,
    );
    doc.addEventListener('selectionchange', rememberCaret, opts);
    watches.set(doc, watch);
    w = watch;
  }
  if (signal) {
    const watch = w;
    watch.refs++;
    signal.addEventListener(
      'abort',
      () => {
        if (--watch.refs <= 0) {
          watch.controller.abort();
          watches.delete(doc);
        }
      },
      { once: true },
    );
  }
}

function editableRootOf(node: Node): HTMLElement | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const host = el?.closest('[contenteditable]');
  if (!host) return null;
  const v = host.getAttribute('contenteditable');
  if (v === 'false') return null;
  // The outermost editable ancestor is the editor root.
  let root = host as HTMLElement;
  for (let p = root.parentElement?.closest('[contenteditable]'); p && p.getAttribute('contenteditable') !== 'false'; p = p.parentElement?.closest('[contenteditable]')) {
    root = p as HTMLElement;
  }
  return root;
}

/** True while an input method is composing inside (or on) `el`. */
export function isComposing(el: Element): boolean {
  const w = watches.get(el.ownerDocument);
  if (!w) return false;
  for (const t of w.composing) {
    if (t instanceof Node && (t === el || el.contains(t) || t.contains(el))) return true;
  }
  return false;
}

/** Key handlers must ignore keys that belong to an IME composition (Chinese pinyin input). */
export function isImeKeyEvent(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}

// ------------------------------------------------------------------------------------------------
// Public operations

/** Inserts `text` at the caret of `target` (replacing a selection), as if typed. */
export function insertText(target: HTMLElement, text: string, opts: InsertOptions = {}): InsertResult {
  const pre = precheck(target);
  if (pre) return pre;
  if (isTextField(target)) {
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    return writeField(target, start, end, text, opts);
  }
  const range = caretRange(target);
  return writeEditable(target, range, text, opts);
}

/**
 * Gives `target` the focus back with its caret where the agent left it: focus() alone puts a
 * contenteditable's caret at its start (a textarea restores its own selection).
 */
export function focusAtCaret(target: HTMLElement): void {
  focusAt(target, isTextField(target) ? null : caretRange(target));
}

/**
 * Replaces the `length` characters just before the caret with `text` (shortcut expansion: the typed
 * `/code` becomes the template body). Same events and undo behaviour as insertText.
 */
export function replaceBeforeCaret(target: HTMLElement, length: number, text: string, opts: ReplaceOptions = {}): InsertResult {
  const pre = precheck(target);
  if (pre) return pre;
  if (isTextField(target)) {
    const caret = target.selectionEnd ?? target.value.length;
    const start = Math.max(0, caret - length);
    if (opts.expected != null && target.value.slice(start, caret) !== opts.expected) return { ok: false, reason: 'mismatch' };
    return writeField(target, start, caret, text, opts);
  }
  const caret = caretRange(target);
  caret.collapse(false);
  const startPoint = moveBack(target, caret.endContainer, caret.endOffset, length);
  const range = target.ownerDocument.createRange();
  range.setStart(startPoint.node, startPoint.offset);
  range.setEnd(caret.endContainer, caret.endOffset);
  if (opts.expected != null && range.toString() !== opts.expected) return { ok: false, reason: 'mismatch' };
  return writeEditable(target, range, text, opts);
}

/**
 * Replaces the characters [start, end) of the field's value (textarea/input) or of the editor's text
 * (contenteditable, counted over its text nodes) with `text`.
 */
export function replaceRange(target: HTMLElement, start: number, end: number, text: string, opts: ReplaceOptions = {}): InsertResult {
  const pre = precheck(target);
  if (pre) return pre;
  if (isTextField(target)) {
    if (opts.expected != null && target.value.slice(start, end) !== opts.expected) return { ok: false, reason: 'mismatch' };
    return writeField(target, start, end, text, opts);
  }
  const range = target.ownerDocument.createRange();
  const a = pointAt(target, start);
  const b = pointAt(target, end);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  if (opts.expected != null && range.toString() !== opts.expected) return { ok: false, reason: 'mismatch' };
  return writeEditable(target, range, text, opts);
}

// ------------------------------------------------------------------------------------------------

function precheck(target: HTMLElement): InsertResult | null {
  if (!target || !isEditable(target)) return { ok: false, reason: 'not-editable' };
  if (!target.isConnected) return { ok: false, reason: 'detached' };
  if (isTextField(target) && (target.disabled || target.readOnly)) return { ok: false, reason: 'disabled' };
  watchEditing(target.ownerDocument);
  if (isComposing(target)) return { ok: false, reason: 'composing' };
  return null;
}

function focus(el: HTMLElement) {
  if (el.ownerDocument.activeElement !== el) el.focus({ preventScroll: true });
}

/** Focuses `el` and, given a range, selects it (a contenteditable's caret). */
function focusAt(el: HTMLElement, range: Range | null): Selection | null {
  focus(el);
  const sel = el.ownerDocument.getSelection();
  if (sel && range) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
  return sel;
}

function fire(el: HTMLElement, type: 'input' | 'beforeinput', text: string, inputType = 'insertText'): boolean {
  const win = el.ownerDocument.defaultView!;
  const Ctor = (win as unknown as { InputEvent?: typeof InputEvent }).InputEvent ?? win.Event;
  const ev = new Ctor(type, { bubbles: true, cancelable: type === 'beforeinput', composed: true, inputType, data: text } as InputEventInit);
  return el.dispatchEvent(ev);
}

function fireChange(el: HTMLElement) {
  el.dispatchEvent(new (el.ownerDocument.defaultView!.Event)('change', { bubbles: true }));
}

function execInsert(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function writeField(el: TextField, start: number, end: number, text: string, opts: InsertOptions): InsertResult {
  const len = el.value.length;
  start = Math.min(Math.max(0, start), len);
  end = Math.min(Math.max(start, end), len);
  focus(el);
  const before = el.value;
  if (opts.method !== 'manual') {
    try {
      el.setSelectionRange(start, end);
    } catch {
      /* inputs without selection API */
    }
    // execCommand keeps Ctrl+Z working (setRangeText does not, it even breaks the undo stack) and
    // the browser fires trusted beforeinput/input, which every framework listens to.
    if (execInsert(el.ownerDocument, text) && (el.value !== before || text === '')) {
      fireChange(el);
      return { ok: true, method: 'execCommand' };
    }
  }
  try {
    el.setRangeText(text, start, end, 'end');
  } catch {
    return { ok: false, reason: 'failed' };
  }
  fire(el, 'input', text);
  fireChange(el);
  return { ok: true, method: 'setRangeText' };
}

function writeEditable(el: HTMLElement, range: Range, text: string, opts: InsertOptions): InsertResult {
  const doc = el.ownerDocument;
  const sel = focusAt(el, range);
  const before = el.innerHTML;
  if (opts.method !== 'manual' && execInsert(doc, text) && (el.innerHTML !== before || text === '')) {
    return { ok: true, method: 'execCommand' };
  }
  // Manual path: let a framework editor handle beforeinput itself; if it did, we are done.
  const proceed = fire(el, 'beforeinput', text);
  if (!proceed) {
    return el.innerHTML !== before ? { ok: true, method: 'range' } : { ok: false, reason: 'failed' };
  }
  const r = sel && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).startContainer) ? sel.getRangeAt(0) : range;
  r.deleteContents();
  const node = doc.createTextNode(text);
  r.insertNode(node);
  r.setStartAfter(node);
  r.collapse(true);
  focusAt(el, r);
  fire(el, 'input', text);
  return { ok: true, method: 'range' };
}

/** The range to insert at: the live selection if inside `el`, else the last one seen there, else the end. */
function caretRange(el: HTMLElement): Range {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (sel && sel.rangeCount > 0) {
    const r = sel.getRangeAt(0);
    if (el.contains(r.startContainer) && el.contains(r.endContainer)) return r.cloneRange();
  }
  const saved = watches.get(doc)?.lastRange.get(el);
  if (saved && el.contains(saved.startContainer) && el.contains(saved.endContainer) && saved.startContainer.isConnected) {
    return saved.cloneRange();
  }
  const r = doc.createRange();
  r.selectNodeContents(el);
  r.collapse(false);
  return r;
}

function textNodes(root: HTMLElement): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The (text node, offset) at character `index` of the editor's text. */
function pointAt(root: HTMLElement, index: number): { node: Node; offset: number } {
  let left = Math.max(0, index);
  const nodes = textNodes(root);
  for (const t of nodes) {
    if (left <= t.length) return { node: t, offset: left };
    left -= t.length;
  }
  const last = nodes[nodes.length - 1];
  return last ? { node: last, offset: last.length } : { node: root, offset: root.childNodes.length };
}

/** The point `count` characters before (node, offset), staying inside root. */
function moveBack(root: HTMLElement, node: Node, offset: number, count: number): { node: Node; offset: number } {
  // Within the caret's own text node: there. (Through a global index, a code filling a whole line
  // would start at the end of the line above, and replacing it would join the two lines.)
  if (node.nodeType === 3 && offset >= count) return { node, offset: offset - count };
  // Else convert the caret to a global character index, then back.
  const r = root.ownerDocument.createRange();
  r.selectNodeContents(root);
  r.setEnd(node, offset);
  const index = r.toString().length;
  return pointAt(root, index - count);
}
