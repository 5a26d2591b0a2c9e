/**
 * The shape every real chat console's adapter shares (Pinduoduo, JD 咚咚, Douyin, Kuaishou): its
 * reads, one conversation observer, and a page check over the named selectors behind each read.
 * Each console's folder supplies only what differs: URLs, reads, selectors.
 */
import { SiteElementMissing, type BuyerIdentity, type ChatMessage, type PageKind, type Platform, type SiteAdapter, type WaitingConversation } from './types';
import { lastRead } from './dom';
import { observeChat } from './observe';
import { probeWith, type ProbeSpec, type SelectorSet } from './probe';
import type { ConsoleName } from './names';

export interface ChatAdapterSpec {
  id: string;
  platform: Platform;
  name: ConsoleName;
  matches(url: URL): boolean;
  pageKind(doc: Document): PageKind;
  readBuyer(doc: Document): string | null;
  readBuyerIdentity(doc: Document): BuyerIdentity | null;
  /** The open conversation's message rows (a selector), oldest first. */
  rows: string;
  /** One row's message; undefined for a system notice, an image or a card. readMessages reads the rows from the end. */
  readRow(row: Element): ChatMessage | undefined;
  /** The shop's side of a row: a conversation with one has messages to read (not only a system notice). */
  shop: string;
  /**
   * The text holder and the buyer's side (named as in `probe`). When no buyer message was read in a
   * conversation with the shop's rows, readMessages throws SiteElementMissing rather than answering
   * "the shop spoke last" (已回复) or "nobody wrote": naming MESSAGE_TEXT when no row holds it, or the
   * buyer's side when a row holds text on neither side. A conversation the shop began (only the
   * shop's rows, e.g. a 催付 reminder) is read as it is.
   */
  needs: SelectorSet & { MESSAGE_TEXT: string };
  findChatInput(doc: Document): HTMLElement;
  /** The list's waiting buyers and a click on one, where the console's list shows them (SiteAdapter). */
  readWaiting?(doc: Document): WaitingConversation[];
  openConversation?(doc: Document, key: string): boolean;
  /** The buyers the list shows, where it is read (SiteAdapter). */
  readConversations?(doc: Document): BuyerIdentity[];
  /** The buyer of the list row a click landed in, where rows are read (SiteAdapter). */
  conversationAt?(target: Element): BuyerIdentity | null;
  /** The chat input's selector: typing inside it is not a change; its disappearance is. */
  inputSelector: string;
  /** Consoles whose conversation switch may only move a class (an `active` marker). */
  classChanges?: boolean;
  /** The selector constants behind each read, for the page check. */
  probe: ProbeSpec;
}

/** A chat console written from public evidence and checked against fixture pages. */
export function chatAdapter(spec: ChatAdapterSpec): SiteAdapter {
  const { inputSelector, classChanges, probe, rows, readRow, shop, needs, ...reads } = spec;
  const adapter: SiteAdapter = {
    ...reads,
    readMessages(doc, limit) {
      const found = doc.querySelectorAll(rows);
      const read = lastRead(found, limit, readRow);
      // Only when no buyer message was read (the tail is the shop's, or reading failed).
      const all = read.some((m) => m.from === 'buyer') ? [] : Array.from(found);
      const holds = (sel: string) => all.some((r) => r.querySelector(sel));
      if (!holds(shop)) return read;
      const { MESSAGE_TEXT: text, ...side } = needs;
      if (!holds(text)) throw new SiteElementMissing(spec.id, 'MESSAGE_TEXT');
      for (const [name, sel] of Object.entries(side)) {
        if (all.some((r) => r.querySelector(text) && !r.querySelector(shop) && !r.querySelector(sel))) throw new SiteElementMissing(spec.id, name);
      }
      return read;
    },
    verifiedAgainst: 'fixture',
    chatLocation: 'page',
    observeConversation: (doc, signal, onChange) => observeChat(spec, doc, signal, onChange),
    probe: (doc) => probeWith(adapter, doc, probe),
  };
  return adapter;
}
