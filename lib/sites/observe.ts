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
  /** When given, onChange only runs when this key differs from the last one seen. */
  key?: () => string;
  /** Extra DOM events (e.g. 'change' for radios) on the document that count as a change. */
  events?: string[];
  /** Only events whose target is inside an element matching this selector count. */
  eventsInside?: string;
}

const OWN = '[data-kf], [id^="kf-"], [class^="kf-"], [class*=" kf-"]';

/** True for nodes the extension wrote into the page (and their descendants). */
export function isOwnNode(node: Node | null): boolean {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  if (!el) return false;
  if (el.tagName.toLowerCase().startsWith('kf-')) return true;
  if (el.closest(OWN)) return true;
  for (let p: Element | null = el; p; p = p.parentElement) if (p.tagName.toLowerCase().startsWith('kf-')) return true;
  return false;
}

const stripOwnClasses = (v: string | null) =>
  (v ?? '')
    .split(/\s+/)
    .filter((c) => c && !c.startsWith('kf-'))
    .sort()
    .join(' ');

function relevant(m: MutationRecord, ignoreInside?: string): boolean {
  const target = m.target;
  const targetEl = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (ignoreInside && targetEl?.closest(ignoreInside)) return false;
  if (m.type === 'attributes') {
    const el = target as Element;
    if (isOwnNode(el)) return false;
    return stripOwnClasses(m.oldValue) !== stripOwnClasses(el.getAttribute('class'));
  }
  if (m.type === 'characterData') return !isOwnNode(target);
  if (isOwnNode(target)) return false;
  const nodes = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
  // A removed node is detached: judge it by its own markers only.
  return nodes.some((n) => !(n.nodeType === 1 ? ownMarked(n as Element) : isOwnNode(target)));
}

function ownMarked(el: Element): boolean {
  return el.tagName.toLowerCase().startsWith('kf-') || el.matches(OWN);
}

export function observeDom(doc: Document, signal: AbortSignal, onChange: () => void, opts: ObserveOptions = {}): void {
  if (signal.aborted) return;
  let scheduled = false;
  let lastKey = opts.key ? safeKey(opts.key) : '';
  const fire = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (signal.aborted) return;
      if (opts.key) {
        const k = safeKey(opts.key);
        if (k === lastKey) return;
        lastKey = k;
      }
      try {
        onChange();
      } catch (e) {
        // Never throw into the host page's mutation delivery.
        console.error('[kf] observer callback failed', e);
      }
    });
  };
  const mo = new (doc.defaultView?.MutationObserver ?? MutationObserver)((records) => {
    if (records.some((m) => relevant(m, opts.ignoreInside))) fire();
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
        const t = e.target as Element | null;
        if (!opts.eventsInside || (t && typeof t.closest === 'function' && t.closest(opts.eventsInside))) fire();
      },
      { capture: true, signal },
    );
  }
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
}

function safeKey(key: () => string): string {
  try {
    return key();
  } catch {
    return '\u0000error';
  }
}

/** What observeChat needs from an adapter: the buyer reads, the message rows and one row's reader. */
export interface ChatReads {
  readBuyer(doc: Document): string | null;
  readBuyerIdentity?(doc: Document): { id: string | null } | null;
  rows: string;
  readRow(row: Element): { text: string } | undefined;
}

/**
 * The conversation observer of a chat console: calls `onChange` when the open buyer, the number of
 * message rows, the last message or the presence of the chat input (`inputSelector`) change. Typing
 * in the input is not a change. The key runs on every page change (list counters tick each second),
 * so it reads only the last message, not the history: a repeated message changes the row count.
 */
export function observeChat(reads: ChatReads, doc: Document, signal: AbortSignal, onChange: () => void, opts: { inputSelector: string; classChanges?: boolean }): void {
  observeDom(doc, signal, onChange, {
    classChanges: opts.classChanges,
    ignoreInside: opts.inputSelector,
    key: () => {
      const rows = doc.querySelectorAll(reads.rows);
      const id = reads.readBuyerIdentity?.(doc)?.id ?? '';
      return [id, reads.readBuyer(doc), rows.length, lastRead(rows, 1, reads.readRow)[0]?.text ?? '', doc.querySelector(opts.inputSelector) ? 1 : 0].join('\u0000');
    },
  });
}
