/**
 * The shape every real chat console's adapter shares (Pinduoduo, JD 咚咚, Douyin, Kuaishou): its
 * reads, one conversation observer, and a page check over the named selectors behind each read.
 * Each console's folder supplies only what differs: URLs, reads, selectors.
 */
import { SiteElementMissing, type BuyerIdentity, type ChatMessage, type PageKind, type Platform, type SiteAdapter } from './types';
import { lastRead, listBuyers, rowBuyerAt } from './dom';
import { observeChat } from './observe';
import type { ProbeSpec } from './probe';
import type { ConsoleName } from './names';

export interface ChatAdapterSpec {
  id: string;
  platform: Platform;
  name: ConsoleName;
  matches(url: URL): boolean;
  pageKind(doc: Document): PageKind;
  /**
   * The console's chat address (tested on path + hash). A page there, or where this tab last showed
   * a chat page the hooks recognised, that drew a text box is a chat page even when none of its hooks
   * match any more (a redesign renamed them): its reads then fail and the panel says the page
   * changed, instead of taking it for some other page. A page still loading has drawn no text box;
   * a settings page of the console is at another address.
   */
  chatAt: RegExp;
  readBuyer(doc: Document): string | null;
  readBuyerIdentity(doc: Document): BuyerIdentity | null;
  /** The open conversation's message rows ([name of the constant as in `probe`, selector]), oldest first. */
  rows: readonly [name: string, selector: string];
  /**
   * The element holding the rows, where the console has a stable one (else null). With no row
   * matching, a text holder or a side mark in the list (with no list: a text holder inside a side
   * mark anywhere) is rows no longer recognised (SiteElementMissing naming `rows`), not an empty
   * conversation: a new conversation's list is empty or shows only a load-more line, 加载中… or a
   * time divider (each fixture's, emptied, reads as []).
   */
  list: string | null;
  /**
   * A message row as a redesign that renames every class leaves it: a hook that is no class (the row's
   * own id pattern), where the evidence shows one. Matched with no `rows` matching, the rows were
   * renamed (SiteElementMissing naming `rows`): Pinduoduo keeps its ids, so with every class renamed
   * its chat box is still found and nothing else said the conversation could not be read.
   */
  rowMark?: string;
  /**
   * The console lists the open conversation's card whenever it shows its chat box (assumed, not
   * recorded): a chat box with no message row and no list row (`conversationRow`) anywhere on the
   * page is rows renamed (SiteElementMissing naming `rows`), not an empty conversation. For Kuaishou,
   * whose page keeps nothing but Quill's own editor through a redesign renaming every class: the
   * selector of that chat box as it survives (its send box's own class is renamed with the rest).
   */
  listsOpen?: string;
  /** One row's message; undefined for a system notice, an image or a card. readMessages reads the rows from the end. */
  readRow(row: Element): ChatMessage | undefined;
  /** SiteAdapter.readRecalled. */
  readRecalled?(doc: Document): string[];
  /**
   * The buyer's side and the shop's side of a row ([name of the constant as in `probe`, selector]),
   * and the text holder (MESSAGE_TEXT). Where the tail read misses one side, readMessages looks at
   * the whole conversation and throws SiteElementMissing rather than answer from what it could not
   * tell apart: MESSAGE_TEXT when shop rows exist but no row holds text; the buyer's side when shop
   * rows exist and a row holds text on neither side (else 已回复 or "nobody wrote"); the shop's side
   * when no row holds it and a row holds text on neither side (else the buyer looks still waiting).
   * A conversation only one side has written in (a 催付 reminder, a buyer nobody answered yet) reads
   * as it is: system notices and time lines hold no text holder.
   */
  buyer: readonly [name: string, selector: string];
  shop: readonly [name: string, selector: string];
  text: string;
  findChatInput(doc: Document): HTMLElement;
  /** A click on a list row (SiteAdapter; the consoles' own are with their 等待中 reads in lib/sites/waiting.ts). */
  openConversation?(doc: Document, key: string): boolean;
  /** The list row readWaiting and the buyer reads below read (SiteAdapter). */
  conversationRow?: string;
  /**
   * A conversationRow's buyer: its name, and the console's id where the row shows one. Given, the
   * adapter reads the list's buyers (readConversations, in list order) and the row a click landed in
   * (conversationAt) from it (SiteAdapter).
   */
  rowBuyer?: readonly [name: (row: Element) => string, id?: (row: Element) => string | null];
  /** The list's buyers, where the console orders them otherwise than the page does (JD: the shown pane first). */
  readConversations?(doc: Document): BuyerIdentity[];
  /** The chat input's selector: typing inside it is not a change; its disappearance is. */
  inputSelector: string;
  /** Consoles whose conversation switch may only move a class (an `active` marker). */
  classChanges?: boolean;
  /** The selector constants behind each read, for the page check. */
  probe: ProbeSpec;
}

/** A chat console written from public evidence and checked against fixture pages. */
export function chatAdapter(spec: ChatAdapterSpec): SiteAdapter {
  const { inputSelector, classChanges, probe, rows, list, rowMark, listsOpen, readRow, buyer, shop, text, chatAt, pageKind, rowBuyer, ...reads } = spec;
  /** Where (path + hash) this tab last showed a chat page the hooks recognised: the adapter lives as long as the tab's page. */
  let seen: string | undefined;
  /** Either side's mark (a selector list: an element matches it when it matches one). */
  const sides = `${buyer[1]},${shop[1]}`;
  /**
   * With no row matching, proof that rows are there unrecognised (not an empty conversation): a
   * message's own hook with no row around it. In the list, a text holder or a side mark (a load-more
   * line, 加载中… or a time divider is neither); with no list, a text holder inside a side mark, since
   * a bare one (Douyin's <pre>) may be anywhere on the page; or a row's class-free mark (`rowMark`).
   */
  const renamed = (list ? `${list} :is(${text},${sides})` : `:is(${sides}) :is(${text})`) + (rowMark ? `,${rowMark}` : '');
  const row = reads.conversationRow!;
  const adapter: SiteAdapter = {
    ...(rowBuyer && {
      readConversations: (doc: Document) => listBuyers(doc.querySelectorAll(row), ...rowBuyer),
      conversationAt: (target: Element) => rowBuyerAt(target, row, ...rowBuyer),
    }),
    ...reads,
    pageKind(doc) {
      const kind = pageKind(doc);
      const here = doc.location.pathname + doc.location.hash;
      if (kind === 'chat') seen = here;
      // Our own elements are not in the page's tree (a closed shadow root, the card's frame).
      return kind === 'unknown' && (here === seen || chatAt.test(here)) && doc.querySelector('textarea,[contenteditable]') ? 'chat' : kind;
    },
    readMessages(doc, limit) {
      const found = doc.querySelectorAll(rows[1]);
      if (!found.length) {
        if (doc.querySelector(renamed) || (listsOpen && !doc.querySelector(row) && doc.querySelector(listsOpen))) throw new SiteElementMissing(spec.id, rows[0]);
      }
      const read = lastRead(found, limit, readRow);
      const saw = (from: ChatMessage['from']) => read.some((m) => m.from === from);
      if (saw('buyer') && saw('agent')) return read;
      // Only when a side is missing from the tail: the whole conversation is looked at.
      const all = Array.from(found);
      const holds = (sel: string) => all.some((r) => r.querySelector(sel));
      const sideless = () => all.some((r) => r.querySelector(text) && !r.querySelector(sides));
      let missing: string | false = '';
      // (No text anywhere beside shop rows: the holder was renamed, even where a buyer's picture reads.)
      if (!holds(shop[1])) missing = sideless() && shop[0];
      else if (!holds(text)) missing = 'MESSAGE_TEXT';
      else if (!saw('buyer')) missing = sideless() && buyer[0];
      if (missing) throw new SiteElementMissing(spec.id, missing);
      return read;
    },
    verifiedAgainst: 'fixture',
    chatLocation: 'page',
    observeConversation: (doc, signal, onChange) => observeChat({ ...spec, rows: rows[1] }, doc, signal, onChange),
    probe,
  };
  return adapter;
}
