import type { ProbeSpec } from './probe';
/**
 * The contract every console adapter fulfils. Only code under lib/sites/ knows a console's DOM;
 * everything else talks to an adapter through this interface (see lib/sites/index.ts).
 */
export type Platform = 'demo' | 'taobao' | 'jd' | 'pdd' | 'douyin' | 'kuaishou' | 'taught';
export type PageKind = 'chat' | 'order-list' | 'order-detail' | 'unknown';
export type FlagColor = 'gray' | 'red' | 'yellow' | 'green' | 'blue' | 'purple';
export type OrderStatus = 'unpaid' | 'paid' | 'shipped' | 'refunding' | 'completed' | 'closed';

export interface ChatMessage {
  /** 'agent' = the shop side, including the platform's reply robot. */
  from: 'buyer' | 'agent';
  text: string;
  /** Epoch ms when the page shows when it was sent (a time line, a time label, a row id). */
  at?: number;
  /**
   * The console's own id of this message, where the page carries one (Douyin's `data-id`): the same
   * text written twice is two messages, and a message the page draws again is still the one.
   */
  id?: string;
}

/**
 * The open buyer: the console's stable id where the page has one (Pinduoduo uid, JD pin, Douyin
 * conversation/user id), and the nickname shown. Nicknames are masked and not unique
 * (`S*******n`), so the id is what keeps two buyers apart.
 */
export interface BuyerIdentity {
  id: string | null;
  nickname: string;
  /**
   * True where the page gives no id and shows more than one conversation under this nickname (two
   * cards of that name in its list): the nickname's notes may be another buyer's. Absent: not seen.
   */
  namesakes?: boolean;
}

/** One line of the page check ("检查页面"): did this read succeed, and which named selectors found nothing. */
export interface ProbeLine {
  what: 'console' | 'page-kind' | 'buyer' | 'buyer-id' | 'messages' | 'chat-input' | 'orders' | 'remark-editor';
  ok: boolean;
  /** How many were found (messages, order rows). */
  count?: number;
  /** Orders: how many order ids the page shows, where that is more than `count` (orders left unread). */
  shown?: number;
  /** A value that holds no buyer data (console name, page kind). Never a nickname or message text. */
  value?: string;
  /** Names of the selector constants that matched nothing on this page (e.g. 'CHAT_INPUT'). */
  missing: string[];
}

/** A conversation in the console's list whose buyer waits for an answer. */
export interface WaitingConversation {
  /**
   * Which conversation: the console's buyer id where the list shows one (Pinduoduo uid, JD pin, the
   * demo's id), else the nickname (lib/domain/customers/README.md). Passed back to openConversation.
   */
  key: string;
  /** The nickname the list shows (for display only: masked nicknames are not unique). */
  buyer: string;
  /**
   * Epoch ms the wait began, as the list shows it: exact where the list has the message time, else
   * from a label in whole minutes ("已等待6分钟", a lower bound of the wait) or the row's last message time.
   */
  since: number;
  /**
   * What the buyer wrote last, as the list row previews it, where the console's list shows one
   * (JD 咚咚's `.alluser-item-breifdesc`): the 等待中 list shows it beside the name, as text.
   */
  preview?: string;
}

export interface OrderRow {
  orderId: string;
  buyer: string;
  /** The console's id of the buyer, where the order list shows one (e.g. JD's pin). */
  buyerId?: string;
  /**
   * 'unknown' where the row shows no status the adapter knows (a new word, a changed cell): never a
   * guess, since follow-ups are made and closed by it (lib/domain/followups/rules.ts).
   */
  status: OrderStatus | 'unknown';
  /** Epoch ms when the order was created, when the page shows it. */
  createdAt?: number;
  amountYuan?: number;
  items?: string;
  flag: FlagColor;
  /**
   * True where the page does not show the flag (JD's order list): `flag` is then only a placeholder,
   * and the remark lint checks the remark against the flag its own text names.
   */
  flagUnknown?: boolean;
  remark: string;
  /**
   * What the page should show on this row but the adapter could not read (the console changed):
   * 'flag' (then `flagUnknown` too), 'remark' (then `remark` is '' and says nothing). The remark lint
   * makes no claim from an unread part, and the panel says which part it could not read.
   */
  unread?: ('flag' | 'remark')[];
  /** The row element, so the panel can mark a broken remark next to it. */
  element: HTMLElement;
}

/** The remark editor of one order (a dialog or a page), found by the adapter. */
export interface RemarkEditor {
  orderId: string;
  textarea: HTMLTextAreaElement;
  /**
   * The order's flag as the editor shows it; null where the page's flag control could not be read
   * (the console changed): never taken as gray, which would ask for 无效订单 on a flagged order.
   */
  readFlag(): FlagColor | null;
  /** The button that saves; the panel holds it while the remark is invalid. */
  saveButton: HTMLElement;
  /** The dialog/container, for positioning hints. */
  root: HTMLElement;
}

import type { ConsoleName } from './names';

export interface SiteAdapter {
  /** Stable id, e.g. 'demo', 'pdd-chat', 'taobao-orders'. */
  id: string;
  platform: Platform;
  /** Human name shown in the panel header, in both interface languages (lib/sites/names.ts; consoleName picks). */
  name: ConsoleName;
  /** 'demo' = our own demo console; 'fixture' = written from public facts, checked only against fixture pages. */
  verifiedAgainst: 'demo' | 'fixture' | 'taught';
  /**
   * Where the buyer chat happens. 'desktop-client': not in this tab (Taobao's Qianniu client), so
   * the panel should offer copy to clipboard instead of inserting. Absent = 'page'.
   */
  chatLocation?: 'page' | 'desktop-client';
  matches(url: URL): boolean;
  pageKind(doc: Document): PageKind;
  /** Nickname of the buyer in the open conversation (chat pages), or null. */
  readBuyer(doc: Document): string | null;
  /**
   * The open buyer with the console's stable id where the page has one. Absent or `id: null` on
   * consoles without an id: those keep the nickname as the key.
   */
  readBuyerIdentity?(doc: Document): BuyerIdentity | null;
  /**
   * The page check: the selector constants behind each read (probePage in probe.ts runs them, in the
   * lazily loaded page-check feature, so the content script does not carry the check), or a check
   * of the adapter's own (taught sites).
   */
  probe?: ProbeSpec | ((doc: Document) => ProbeLine[]);
  /** Latest messages of the open conversation, oldest first, at most `limit`. */
  readMessages(doc: Document, limit: number): ChatMessage[];
  /**
   * The console's ids of the rows the open conversation shows where the buyer recalled (撤回) a
   * message (Douyin): no message, but this conversation's rows, which tell it from a namesake's.
   */
  readRecalled?(doc: Document): string[];
  /** The chat input. Throws SiteElementMissing when the page has none where one is expected. */
  findChatInput(doc: Document): HTMLElement;
  /**
   * Calls `onChange` whenever the open conversation changes or a message arrives (MutationObserver,
   * no polling). Stops when `signal` aborts.
   */
  observeConversation(doc: Document, signal: AbortSignal, onChange: () => void): void;
  /**
   * Conversations in the list whose buyer waits for an answer (the list's own unanswered marker and
   * time). Absent where the list shows no time: the reply clock then knows only conversations opened.
   * The consoles' own readers are in lib/sites/waiting.ts (the clock's feature script, not content.js).
   */
  readWaiting?(doc: Document): WaitingConversation[];
  /**
   * The buyers of the conversations the list shows (name and the console's id where it shows one),
   * in list order. The buyer card reads their notes ahead, so a switch draws at once. Absent where
   * the list is not read.
   */
  readConversations?(doc: Document): BuyerIdentity[];
  /**
   * A conversation-list row (the selector readWaiting and readConversations read): a page change
   * neither inside a row nor adding or removing one leaves both reads as they were, so the reply
   * clock re-reads a long list only when it changed. Absent: every page change re-reads it.
   */
  conversationRow?: string;
  /**
   * The buyer of the conversation-list row that holds `target` (what a click there would open), read
   * as readConversations reads the row; null outside a row, on a control inside it (a close button),
   * or where the row does not name its buyer. The panel tells the card at the agent's click, before
   * the page's own handler runs (lib/panel/README.md). Absent where rows are not read.
   */
  conversationAt?(target: Element): BuyerIdentity | null;
  /**
   * Opens a conversation from the list by its WaitingConversation key (a click on its row); false
   * where no row has that key. True does not prove the console followed the click: the caller checks
   * that the open buyer changed. Absent where the console is known to ignore synthetic clicks. The
   * consoles' own are in lib/sites/waiting.ts, with their readWaiting (the clock's feature script).
   */
  openConversation?(doc: Document, key: string): boolean;
  /** Order rows on an order list page. */
  readOrders?(doc: Document): OrderRow[];
  /**
   * The open remark editor, or null. A box found whose other parts are not (a renamed save button)
   * throws SiteElementMissing naming the part: the page check shows it, and the panel takes it as
   * no editor on a changed page (ordersExpected), never as a box it may write into unguarded.
   */
  findRemarkEditor?(doc: Document): RemarkEditor | null;
  /**
   * Order consoles: whether `doc` is, by its address, one of this console's order pages (list,
   * detail, memo) and shows an order number. There, no order row and no remark box read is a changed
   * page (the panel's page-changed notice); a list still loading or truly empty (the console's own
   * 暂无数据) shows no number and is no changed page. Asked only when nothing was read.
   */
  ordersExpected?(doc: Document): boolean;
  /** Calls `onChange` when order rows or the remark editor appear/change. */
  observeOrders?(doc: Document, signal: AbortSignal, onChange: () => void): void;
  /**
   * Chat pages that show the open buyer's orders beside the conversation: the statuses shown,
   * newest first (an unpaid one makes the payment reminder likely). Empty when none is shown.
   */
  readBuyerOrderStatuses?(doc: Document): OrderStatus[];
  /**
   * The address of a buyer's conversation, given a page of this console (e.g. the order list the
   * buyer was seen on). Used by "open" on a follow-up. `buyerId` is the console's id of the buyer
   * when the item has one (prefer it: nicknames are not unique). Absent where the console has no such address.
   */
  chatUrl?(buyer: string, page: URL, buyerId?: string | null): string | null;
}

/** A required element was not found: the console changed its page, or this is not the page we think. */
export class SiteElementMissing extends Error {
  override name = 'SiteElementMissing';
  constructor(
    readonly site: string,
    readonly element: string,
  ) {
    super(`${site}: could not find ${element}`);
  }
}

/**
 * `read()`, or null where it threw SiteElementMissing (the page could not be read); other errors go on.
 * Told by name, not instanceof: the adapter is content.js's, and a feature script calling it has its
 * own copy of the class (the reply clock let the miss through as a throw and kept the old wait).
 */
export function readOrMissing<T>(read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if ((err as Error | null)?.name === 'SiteElementMissing') return null;
    throw err;
  }
}
