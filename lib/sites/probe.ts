/**
 * The page check ("检查页面"): runs every read an adapter makes on this page and names the selector
 * constants that found nothing. The lines carry counts and yes/no only, never a nickname, an id or
 * message text, so the report can be sent to whoever maintains the adapter.
 *
 * Selector constants are named by what they hold (the same rules the meta-test uses):
 * LABEL_* a text label followed by a colon; TEXT_* the exact text of an element; *_CLASS a class
 * name; *_ATTR an attribute name; anything else a CSS selector.
 */
import type { PageKind, ProbeLine, SiteAdapter } from './types';
import { findLabel, labelValue, textOf } from './dom';
import { consoleName } from './names';
import { getLocale } from '../i18n/lookup';

export type SelectorSet = Readonly<Record<string, string>>;

/** Does the selector constant `name` (value `value`) find anything in `doc`? */
export function selectorFinds(doc: Document, name: string, value: string): boolean {
  if (name.startsWith('LABEL_')) return findLabel(doc, value) != null;
  if (name.startsWith('TEXT_')) return Array.from(doc.body?.querySelectorAll('*') ?? []).some((el) => textOf(el) === value);
  if (name.endsWith('_CLASS')) return doc.getElementsByClassName(value).length > 0;
  if (name.endsWith('_ATTR')) return doc.querySelector(`[${value}]`) != null;
  try {
    return doc.querySelector(value) != null;
  } catch {
    return false;
  }
}

/**
 * Which selector constants each read of an adapter depends on. Reads the adapter does not make are
 * left out. `buyerId: 'none'` = this console shows no buyer id (the nickname is the key).
 */
export interface ProbeSpec {
  buyer?: SelectorSet;
  buyerId?: SelectorSet | 'none';
  messages?: SelectorSet;
  chatInput?: SelectorSet;
  orders?: SelectorSet;
  /**
   * Where the list shows each parent order's id, to count the orders on screen: CSS selectors of the
   * element that heads one order in the list body (e.g. a group header row) and the text labels
   * (LABEL_*) before the id inside it. One id per head, distinct ids counted: an id label elsewhere
   * (a search form's 订单编号 field, a sub-order's 订单号 line) is not an order. Fewer orders read
   * than shown is a failed read (the list is grouped in a way the adapter does not know), never a
   * green line with a wrong count.
   */
  orderIds?: SelectorSet;
  remarkEditor?: SelectorSet;
}

/**
 * How many distinct parent orders the list shows (`spec.orderIds`): the first labelled id inside each
 * order head, read as the adapters read a label (dom.ts labelValue). 0 where the spec names no heads
 * or the page has none (a single-order page): no claim about a list is made there.
 */
export function ordersShown(doc: Document, spec: ProbeSpec): number {
  const set = Object.entries(spec.orderIds ?? {});
  const labels = set.filter(([name]) => name.startsWith('LABEL_')).map(([, v]) => v);
  const heads = set.filter(([name]) => !name.startsWith('LABEL_')).map(([, v]) => v).join(',');
  const ids = new Set<string>();
  for (const head of heads ? Array.from(doc.querySelectorAll(heads)) : []) {
    const id = labels.map((l) => labelValue(head, l)).find(Boolean);
    if (id) ids.add(id);
  }
  return ids.size;
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * The page check of `adapter` on `doc`, given the selector constants behind each read. Chat reads
 * are checked on chat pages, order reads on order pages, both when the page kind is not recognised.
 * `finds` decides whether one named selector finds anything (taught sites pass their own).
 */
export function probeWith(
  adapter: SiteAdapter,
  doc: Document,
  spec: ProbeSpec,
  finds: (name: string, value: string) => boolean = (name, value) => selectorFinds(doc, name, value),
): ProbeLine[] {
  const kind = attempt<PageKind>(() => adapter.pageKind(doc), 'unknown');
  const chat = kind === 'chat' || kind === 'unknown';
  const orders = kind !== 'chat';
  const miss = (set: SelectorSet) => Object.entries(set).filter(([n, v]) => !finds(n, v)).map(([n]) => n);
  const lines: ProbeLine[] = [
    { what: 'console', ok: true, value: consoleName(adapter.name, getLocale()), missing: [] },
    { what: 'page-kind', ok: kind !== 'unknown', value: kind, missing: [] },
  ];
  if (chat && spec.buyer) lines.push({ what: 'buyer', ok: attempt(() => adapter.readBuyer(doc), null) != null, missing: miss(spec.buyer) });
  const idSet = spec.buyerId;
  if (chat && idSet === 'none') lines.push({ what: 'buyer-id', ok: true, value: 'none', missing: [] });
  if (chat && idSet && idSet !== 'none') {
    const id = attempt(() => adapter.readBuyerIdentity?.(doc)?.id ?? null, null);
    lines.push({ what: 'buyer-id', ok: id != null, missing: miss(idSet) });
  }
  if (chat && spec.messages) {
    const count = attempt(() => adapter.readMessages(doc, 1000).length, 0);
    lines.push({ what: 'messages', ok: count > 0, count, missing: miss(spec.messages) });
  }
  if (chat && spec.chatInput) lines.push({ what: 'chat-input', ok: attempt(() => adapter.findChatInput(doc) != null, false), missing: miss(spec.chatInput) });
  if (orders && spec.orders) {
    const rows = attempt(() => adapter.readOrders?.(doc) ?? [], []);
    const shown = attempt(() => ordersShown(doc, spec), 0);
    // Rows whose flag, remark or status was not read are a failed read, whatever else was found; so
    // are orders the page shows that were not read at all (their remarks were never checked).
    const line: ProbeLine = { what: 'orders', ok: rows.length > 0 && !rows.some((r) => r.unread || r.status === 'unknown') && shown <= rows.length, count: rows.length, missing: miss(spec.orders) };
    if (shown > rows.length) line.shown = shown;
    lines.push(line);
  }
  if (orders && spec.remarkEditor) {
    // An editor whose flag is not read is a failed read too (the remark form then asks for the flag).
    lines.push({ what: 'remark-editor', ok: attempt(() => adapter.findRemarkEditor?.(doc)?.readFlag() != null, false), missing: miss(spec.remarkEditor) });
  }
  return lines;
}

/** The page check of any adapter: its own check or its selectors', else the reads every adapter makes. */
export function probePage(adapter: SiteAdapter, doc: Document): ProbeLine[] {
  const p = adapter.probe;
  return (typeof p === 'function' ? attempt(() => p(doc), undefined) : undefined) ?? probeWith(adapter, doc, (typeof p === 'object' && p) || { buyer: {}, messages: {}, chatInput: {} });
}

