/**
 * Kuaishou 快手小店 customer-service workbench (im.kwaixiaodian.com/workbench), written 2026-12-01.
 * UNCONFIRMED: shared/consoles.md has one source for this console ("Evidence from live consoles,
 * 2026", Kuaishou: div.ql-editor, .SessionBaseCard, .kwaishop-cs-LayoutDefaultWrapper_msgBody).
 * Marked [ks-scripts] = seen in public Kuaishou worker scripts and userscripts in the code index
 * (undated, not in consoles.md). Checked by us against test/fixtures/kuaishou-chat.html only.
 */

/** A session card in the list. consoles.md 2026 (one source). */
export const SESSION_CARD = '.SessionBaseCard';
/** One message row: the sender line and the bubble. [ks-scripts]. */
export const MESSAGE_ROW = '.kwaishop-cs-LayoutDefaultWrapper_msgMain';
/** Sender name and time above a bubble ("name11-30 20:21:07"). [ks-scripts]. */
export const MESSAGE_SENDER = '.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody';
/** Bubble sides. [ks-scripts]. */
export const BUYER_SIDE = '.kwaishop-cs-LayoutDefaultWrapper__notMe';
export const SHOP_SIDE = '.kwaishop-cs-LayoutDefaultWrapper__isMine';
/** Message body. consoles.md 2026 (one source). */
export const MESSAGE_TEXT = '.kwaishop-cs-LayoutDefaultWrapper_msgBody';
/** The editor: Quill's contenteditable root. consoles.md 2026 (one source). */
export const CHAT_INPUT = 'div.ql-editor[contenteditable="true"]';

/** The time at the end of a sender line. [ks-scripts]. */
export const SENDER_TIME = /\s*(\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
