/**
 * One MutationObserver helper for every adapter: no polling, cancelled by an AbortSignal, bursts
 * coalesced into one callback per microtask, and blind to what the extension itself writes into the
 * host page (anything marked with a `kf-` class/id/tag or a `data-kf` attribute), so marking a row
 * cannot trigger an endless re-read.
 */

import { lastRead } from './dom';

export interface ObserveOptions {
  /** Also react to `class` changes (consoles that mark the active conversation with a class). */
  classChanges?: boolean;
  /** Mutations inside elements matching this selector are ignored (e.g. the chat input while typing). */
  ignoreInside?: string;
  /**
   * When given, onChange only runs when this key differs from the last one seen. It gets the
   * mutation records since it last ran (none at the start), to skip reads they cannot have changed.
   */
  key?: (records: MutationRecord[]) => string;
  /** Extra DOM events (e.g. 'change' for radios) on the document that count as a change. */
  events?: string[];
  /** Only events whose target is inside an element matching this selector count. */
  eventsInside?: string;
}

const OWN = '[data-kf], [id^="kf-"], [class^="kf-"], [class*=" kf-"]';

/** The node itself when it is an element, else its parent element (a text node's). */
export const elementOf = (node: Node) => (node.nodeType === 1 ? (node as Element) : node.parentElement);

/** True for nodes the extension wrote into the page (and their descendants). */
export function isOwnNode(node: Node | null): boolean {
  for (let p = node && elementOf(node); p; p = p.parentElement) if (ownMarked(p)) return true;
  return false;
}

/** Marked as ours itself: a `kf-` tag, id or class, or a `data-kf` attribute. */
const ownMarked = (el: Element) => el.tagName.toLowerCase().startsWith('kf-') || el.matches(OWN);

const stripOwnClasses = (v: string | null) =>
  (v ?? '')
    .split(/\s+/)
    .filter((c) => c && !c.startsWith('kf-'))
    .sort()
    .join(' ');

function relevant(m: MutationRecord, ignoreInside?: string): boolean {
  const target = m.target;
  if ((ignoreInside && elementOf(target)?.closest(ignoreInside)) || isOwnNode(target)) return false;
  if (m.type === 'attributes') return stripOwnClasses(m.oldValue) !== stripOwnClasses((target as Element).getAttribute('class'));
  // A removed node is detached: judge it by its own markers only.
  return m.type === 'characterData' || [...m.addedNodes, ...m.removedNodes].some((n) => n.nodeType !== 1 || !ownMarked(n as Element));
}

/**
 * Told when an element right under <body> comes or goes (where consoles put their dialogs and
 * masks), from the observers already running: the panel's page fit (lib/panel/page-fit.ts) needs no
 * observer of its own, and one comparison per record is all it costs a busy page.
 */
export const bodyWatch = new Set<() => void>();

/** `onChange` gets the mutation records since it last ran (none for an event). */
export function observeDom(doc: Document, signal: AbortSignal, onChange: (records: MutationRecord[]) => void, opts: ObserveOptions = {}): void {
  if (signal.aborted) return;
  let scheduled = false;
  let seen: MutationRecord[] = [];
  let lastKey = opts.key ? safeKey(opts.key, seen) : '';
  const fire = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      const records = seen;
      seen = [];
      if (signal.aborted) return;
      if (opts.key) {
        const k = safeKey(opts.key, records);
        if (k === lastKey) return;
        lastKey = k;
      }
      try {
        onChange(records);
      } catch (e) {
        // Never throw into the host page's mutation delivery.
        console.error('[kf] observer callback failed', e);
      }
    });
  };
  const mo = new (doc.defaultView?.MutationObserver ?? MutationObserver)((records) => {
    if (records.some((m) => m.target === doc.body)) for (const f of bodyWatch) f();
    if (records.some((m) => relevant(m, opts.ignoreInside))) {
      seen = seen.concat(records);
      fire();
    }
  });
  mo.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    ...(opts.classChanges ? { attributes: true, attributeFilter: ['class'], attributeOldValue: true } : {}),
  });
  for (const type of opts.events ?? []) {
    doc.addEventListener(
      type,
      (e) => {
        // The target may be the document or the window, which have no closest().
        if (!opts.eventsInside || (e.target as Partial<Element> | null)?.closest?.(opts.eventsInside)) fire();
      },
      { capture: true, signal },
    );
  }
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
}

function safeKey(key: (records: MutationRecord[]) => string, records: MutationRecord[]): string {
  try {
    return key(records);
  } catch {
    return '\u0000error';
  }
}

/**
 * What observeChat needs from an adapter: the open buyer (id and nickname: every adapter's
 * readBuyerIdentity holds its readBuyer), the message rows and one row's reader, the chat input's
 * selector (typing inside it is not a change; its disappearance is), and whether a conversation
 * switch may only move a class.
 */
export interface ChatReads {
  readBuyerIdentity(doc: Document): { id: string | null; nickname: string } | null;
  rows: string;
  readRow(row: Element): { text: string; id?: string } | undefined;
  inputSelector: string;
  classChanges?: boolean;
}

/**
 * The conversation observer of a chat console: calls `onChange` when the open buyer, the number of
 * message rows, the last message or the presence of the chat input (`inputSelector`) change. Typing
 * in the input is not a change. The key runs on every page change (list counters tick each second):
 * it reads the last message only, never the history (the row count, and the message's own id where
 * the console gives one, make a repeated message a change), and it keeps the rows' part while the page changes away from the rows: text or nodes
 * outside the element that holds them all (`box`) and outside its ancestors, in an element that
 * holds no row. (Querying the rows is a scan that grows with the history.)
 */
export function observeChat(reads: ChatReads, doc: Document, signal: AbortSignal, onChange: () => void): void {
  let rowsPart: unknown;
  /** The element holding every row at the last read; none at the start or without rows (then always read). */
  let box: Element | null | undefined;
  // A class change or a removed element may take rows with it: always read.
  const nearRows = (m: MutationRecord) => {
    const el = elementOf(m.target);
    return m.type === 'attributes' || !el || box!.contains(el) || el.contains(box!) || el.querySelector(reads.rows) || [...m.removedNodes].some((n) => n.nodeType === 1);
  };
  observeDom(doc, signal, onChange, {
    classChanges: reads.classChanges,
    ignoreInside: reads.inputSelector,
    key: (records) => {
      if (!box || records.some(nearRows)) {
        const rows = doc.querySelectorAll(reads.rows);
        for (box = rows[0]?.parentElement; box && !box.contains(rows[rows.length - 1]!); ) box = box.parentElement;
        const last = lastRead(rows, 1, reads.readRow)[0];
        // The row count tells the same text sent twice apart, and counts a row no read can take (an
        // image, a renamed side: readMessages then says so); a message's own id (Douyin) tells them
        // apart where the count stays (a list that drops its oldest row as one comes).
        rowsPart = [rows.length, last?.id, last?.text];
      }
      return JSON.stringify([reads.readBuyerIdentity(doc), rowsPart, !doc.querySelector(reads.inputSelector)]);
    },
  });
}
