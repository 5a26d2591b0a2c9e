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
/** One message row: the sender line and the bubble. [ks-scripts]. */
export const MESSAGE_ROW = '.kwaishop-cs-LayoutDefaultWrapper_msgMain';
/** Sender name and time above a bubble, one run of text ("name2-22 18:55:20": month not padded). [ks-scripts]. */
export const MESSAGE_SENDER = '.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody';
/** Bubble sides. [ks-scripts]. */
export const BUYER_SIDE = '.kwaishop-cs-LayoutDefaultWrapper__notMe';
export const SHOP_SIDE = '.kwaishop-cs-LayoutDefaultWrapper__isMine';
/** Message body. consoles.md 2026 (one source). */
export const MESSAGE_TEXT = '.kwaishop-cs-LayoutDefaultWrapper_msgBody';
/** The editor: Quill's contenteditable root. consoles.md 2026 (one source). */
export const CHAT_INPUT = 'div.ql-editor[contenteditable="true"]';

/**
 * The time that ends a sender line: the digits before "-" whole (the name's last ones and the month
 * run together; read.ts cuts the month from them), the day, the time of day (hours padded).
 * [ks-scripts] show "M-D hh:mm:ss" only: no source shows a time of day without the date.
 */
export const SENDER_TIME = /(\d*)-(\d{1,2})\s+((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)\s*$/;
