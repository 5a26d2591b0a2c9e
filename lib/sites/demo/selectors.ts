/**
 * Demo console (test/demo/site/app.js). We own that page, so these are stable by construction; they
 * are still kept as named constants so the meta-test runs each one against the live demo page.
 * Last seen: 2026-11, test/demo/site/app.js.
 */

/** Root of the chat view (`data-view` is written by the demo's router). */
export const CHAT_VIEW = '[data-view="chat"]';
/** One of the open buyer's orders in the info column beside the chat. */
export const BUYER_SIDE_ORDER = 'aside.buyer-side .side-order';
/** Root of the sold-orders view. */
export const ORDERS_VIEW = '[data-view="orders"]';
/** One conversation in the left list; the open one also has `.active`. */
export const CONVERSATION_ITEM = 'ul.conv-list > li.conv-item';
/** The open conversation in the left list. */
export const ACTIVE_CONVERSATION = 'ul.conv-list > li.conv-item.active';
/** Buyer nickname inside a conversation item. */
export const CONVERSATION_NICK = '.conv-nick';
/** Buyer nickname in the chat header (fallback when no list item is active). */
export const HEADER_NICK = '.chat-header .chat-buyer-nick';
/**
 * The buyer's id, an attribute on the conversation item and on the chat header. Nicknames can be
 * shared (two `S*******n` buyers); the id cannot. Added 2026-12 (test/demo/site/app.js).
 */
export const BUYER_ID_ATTR = 'data-buyer-id';
/** The chat header, when it carries the open buyer's id (fallback when no list item is active). */
export const HEADER_WITH_ID = '.chat-header[data-buyer-id]';
/** The message stream of the open conversation (role=log). */
export const MESSAGE_STREAM = '.msg-stream';
/** One message; `data-from` is 'buyer' or 'agent'. */
export const MESSAGE = '.msg-stream > .msg[data-from]';
/** When a message was sent: the `datetime` attribute (ISO) of its time label. Added 2026-12. */
export const MESSAGE_TIME = '.msg-meta time[datetime]';
/** In a list item: when the oldest unanswered buyer message was sent (only while the buyer waits). Added 2026-12. */
export const CONVERSATION_WAITING = 'time.conv-wait[datetime]';
/** The text bubble inside a message. */
export const MESSAGE_TEXT = '.msg-bubble';
/** The editor block (toolbar, input, send button). Typing inside it is not a conversation change. */
export const CHAT_EDITOR = '.chat-editor';
/** The chat input: a textarea (plain or framework-controlled) or a contenteditable div. */
export const CHAT_INPUT = '.chat-editor textarea, .chat-editor [contenteditable="true"]';
/** One parent order: its own table, as on the real sold-orders page. */
export const ORDER_TABLE = 'div.next-table';
/** Item title links inside an order. */
export const ORDER_ITEM_TITLE = 'a.item-title';
/** The flag icon next to the seller remark; its `title` names the colour (红旗…). */
export const ORDER_MEMO_FLAG = '.memo-flag[title]';
/** The remark dialog (only while open). */
export const REMARK_DIALOG = '[role="dialog"]';
/** The remark textarea inside the dialog. */
export const REMARK_TEXTAREA = 'textarea';
/** Flag radios in the dialog; value is the platform index 0 gray … 5 purple. */
export const REMARK_FLAG_RADIO = 'input[type="radio"]';
/** Buttons in the dialog footer; the save one is found by its text (LABEL_SAVE). */
export const REMARK_BUTTON = 'button';

/** Text labels (matched with a following colon). */
export const LABEL_ORDER_ID = '订单编号';
export const LABEL_CREATED = '创建时间';
export const LABEL_BUYER = '买家';
export const LABEL_AMOUNT = '实收款';
export const LABEL_REMARK = '卖家备注';
/** Button text (exact). */
export const TEXT_SAVE = '保存';
