/**
 * Kuaishou 快手小店 customer-service workbench (im.kwaixiaodian.com/workbench), written 2026-12-01.
 * UNCONFIRMED: shared/consoles.md has one source for this console ("Evidence from live consoles,
 * 2026", Kuaishou: div.ql-editor, .SessionBaseCard, .kwaishop-cs-LayoutDefaultWrapper_msgBody).
 * Marked [ks-scripts] = seen in public Kuaishou worker scripts and userscripts in the code index
 * (undated, not in consoles.md). Checked by us against test/fixtures/kuaishou-chat.html only.
 */

/** A session card in the list. consoles.md 2026 (one source). */
export const SESSION_CARD = '.SessionBaseCard';
/** A card's buyer name; its text may end in an order count "下单数(N)". [ks-scripts]. */
export const CARD_NAME = '.SessionBaseCard-topHeadName';
export const ORDER_COUNT = /\s*下单数\(\d+\)$/;
/**
 * A group of the session list and its name: the buyers waiting are in 请在3分钟内回复 (under three
 * minutes) and 已超时 (longer). [ks-scripts]; the other groups' names are not recorded.
 */
export const LIST_GROUP = '.SessionListGroupItem';
export const GROUP_NAME = '.SessionListGroupItem-groupName';
/**
 * A group's count "(N)" beside its name. [ks-scripts]: the worker opens a group (a click on its
 * title) before reading its cards and skips it at "(0)"; the preload reads a group holding only its
 * title as folded and clicks it open. So a folded group shows its count but renders no card.
 */
export const GROUP_COUNT = '.SessionListGroupItem-count';
/** The number in a count, half- or full-width brackets (the preload reads both). */
export const GROUP_COUNT_N = /[(（](\d+)[)）]/;
/** One message row: the sender line and the bubble. [ks-scripts]. */
export const MESSAGE_ROW = '.kwaishop-cs-LayoutDefaultWrapper_msgMain';
/** Sender name and time above a bubble, one run of text ("name2-22 18:55:20": month not padded). [ks-scripts]. */
export const MESSAGE_SENDER = '.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody';
/** Bubble sides. [ks-scripts]. */
export const BUYER_SIDE = '.kwaishop-cs-LayoutDefaultWrapper__notMe';
export const SHOP_SIDE = '.kwaishop-cs-LayoutDefaultWrapper__isMine';
/**
 * The buyer's id, in the ids of the open conversation's message list: `0_<buyer id>_<…>`. One
 * source, unconfirmed: a public Electron preload for this workbench (code-index file 56119917179, an
 * IM client's kuaishou preload; the index does not show its repository), written after 2026-05-09 (an
 * expiry stamp in it), whose getCustomerId takes the second "_" segment of the first
 * `div[id^="0_"]` inside `.ChatMessageList-ContentWrap` (three segments or more) as 客户ID. Its own
 * code never calls it and records no sample id; the same file sends replies with target type 0 and
 * the buyer's user id as target, which is what the "0_" prefix and the segment would be. Which
 * element carries the id is not recorded: the fixture puts it on a holder around each row.
 */
export const BUYER_ID_ROW = '.ChatMessageList-ContentWrap div[id^="0_"]';
/** A row holder's id → the buyer id (digits, as the preload's target ids are). */
export const BUYER_ID_OF_ROW = /^0_(\d+)_./;
/** Message body. consoles.md 2026 (one source). */
export const MESSAGE_TEXT = '.kwaishop-cs-LayoutDefaultWrapper_msgBody';
/**
 * The reply editor: the Quill root inside the send box. [ks-scripts]: the preload types into
 * `.SendBox .SendBox-Editor .ql-editor` and reads `.SendBox-Editor .ql-editor p` on Enter; a bare
 * `.ql-editor` (consoles.md 2026, one source) is the first Quill editor of the page, which may be
 * another one (a remark or quick-phrase box) before the send box.
 */
export const SEND_BOX_EDITOR = '.SendBox-Editor';
export const CHAT_INPUT = `${SEND_BOX_EDITOR} div.ql-editor[contenteditable="true"]`;
/**
 * Any Quill editor: taken as the reply editor only on a page without SEND_BOX_EDITOR (renamed) that
 * has this one Quill editor. A send box without its editor (still drawing it) takes none.
 */
export const QUILL_EDITOR = 'div.ql-editor[contenteditable="true"]';

/**
 * A platform promotion pushed into the conversation on the shop's side (a coupon or price offer sent
 * in the shop's name, not by the agent): its text holds one of these. [ks-scripts] (the preload's
 * detectSender, undated) tells such rows apart by these three phrases only; no source shows a class
 * or element of the push itself, so the phrases are the mark, tested only on shop-side rows that are
 * no plain text message (PLAIN_TEXT_CARD).
 */
export const PROMO_TEXT = /立省|券后价|支持新人特权/;
/**
 * The body of a plain text message (what a person types), as opposed to the workbench's other message
 * cards. [ks-readers]: two public Kuaishou readers in the code index (undated; the index does not name
 * their repositories; seen 2026-12-06) take a message's text from `.kwaishop-cs-BizTextCard` and tell
 * apart `.kwaishop-cs-BizOrderCard`, `.kwaishop-cs-BizNoticeCard`, `.kwaishop-cs-bizBuyerFromCard` and
 * goods cards: messages are typed cards. A shop-side text card quoting 券后价 / 立省 is the agent's own
 * reply, never taken for a promotion push (before, it read as no reply and the buyer looked still
 * waiting). Where no text card shows (the class renamed, a push drawn as text), the phrases decide,
 * as before: the buyer then shows still waiting, the safe side.
 */
export const PLAIN_TEXT_CARD = '.kwaishop-cs-BizTextCard';

/**
 * The time that ends a sender line: the digits before "-" whole (the name's last ones and the month
 * run together; read.ts cuts the month from them), the day, the time of day (hours padded).
 * [ks-scripts] show "M-D hh:mm:ss" only: no source shows a time of day without the date.
 */
export const SENDER_TIME = /(\d*)-(\d{1,2})\s+((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)\s*$/;
