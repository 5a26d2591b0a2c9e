/**
 * The shape every real chat console's adapter shares (Pinduoduo, JD 咚咚, Douyin, Kuaishou): its
 * reads, one conversation observer, and a page check over the named selectors behind each read.
 * Each console's folder supplies only what differs: URLs, reads, selectors.
 */
import type { BuyerIdentity, ChatMessage, PageKind, Platform, SiteAdapter, WaitingConversation } from './types';
import { lastRead } from './dom';
import { observeChat } from './observe';
import { probeWith, type ProbeSpec } from './probe';
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
  const { inputSelector, classChanges, probe, rows, readRow, ...reads } = spec;
  const adapter: SiteAdapter = {
    ...reads,
    readMessages: (doc, limit) => lastRead(doc.querySelectorAll(rows), limit, readRow),
    verifiedAgainst: 'fixture',
    chatLocation: 'page',
    observeConversation: (doc, signal, onChange) => observeChat(spec, doc, signal, onChange),
    probe: (doc) => probeWith(adapter, doc, probe),
  };
  return adapter;
}
