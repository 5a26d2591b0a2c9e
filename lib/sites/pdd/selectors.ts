/**
 * Pinduoduo merchant chat (mms.pinduoduo.com/chat-merchant/index.html#/), rebuilt 2026-12-01 from
 * shared/consoles.md "Evidence from live consoles, 2026". Sources, each recorded on live pages:
 *   [rag]  hu-qi-jia/pdd-rag-plugin src/pdd/dom-parser.ts (and its test), calibrated 2026-09-08
 *   [ecan] scszcoder/eCan.ai hooks/external/pdd_chat/dom.py, snapshots 2026-09-25
 *   [cdp]  a CDP sender script with notes, 2026-09 (cited in consoles.md)
 *   [old]  the older public notes in consoles.md (2023–2026 scripts)
 *   [ecan-test] eCan.ai's selector test page for pdd_chat (rows copied from a live page, 2026-09-25):
 *          a row's `.chat-time > p.item-note` (" 12:40 ") and `div.chat-unreply-over-time` ("已等待1小时")
 *   [timer] two tools reading the list's countdown `p.chat-unreply-time` ("50秒后超时", seconds left
 *          before the platform counts the buyer as timed out; the seconds are parsed by one of them),
 *          and a third scanning rows for "已等待N分钟" (2025–2026)
 * Checked by us against test/fixtures/pdd-chat.html only, never a live account.
 */

/** Inner box of one conversation row; `active` marks the open one (not the li). [rag][ecan] 2026-09. */
export const CONVERSATION_BOX = 'li.chat-item > div.chat-item-box';
/** The open conversation's box. The same buyer may be listed in several groups. [rag][ecan] 2026-09. */
export const ACTIVE_CONVERSATION_BOX = 'li.chat-item > div.chat-item-box.active';
/** Attribute of the row box: "<buyer uid>-0-<group>". [rag][ecan] 2026-09. */
export const CONVERSATION_UID_ATTR = 'data-random';
/** Buyer nickname inside a row (masked, not unique). [old] 2023–2026. */
export const CONVERSATION_NICK = '.nickname-span';
/** Nickname of the open conversation in the chat header. [ecan] 2026-09-25. */
export const HEADER_NAME = '.chatWindowHeader .base-info .name';
/** The list holding the open conversation's rows (empty in a new conversation). [rag] 2026-09-08, [ecan] 2026-09-25. */
export const MESSAGE_LIST = '#msgListContainer > ul.msg-list';
/** One message row; its id is "middlePanel_list_<epoch ms>". [rag] 2026-09-08, [ecan] 2026-09-25. */
export const MESSAGE_ROW = `${MESSAGE_LIST} > li.onemsg`;
/**
 * A message row by its id alone, inside the one element with an id around the rows: what a redesign
 * renaming every class leaves (the page check and readMessages then name MESSAGE_ROW instead of
 * reading an empty conversation). [rag] 2026-09-08, [ecan] 2026-09-25 (ids); the class-free reading is ours, 2026-12-06.
 */
export const MESSAGE_ROW_MARK = '#msgListContainer li[id^="middlePanel_list_"]';
/** Buyer side of a row. [rag] 2026-09-08. */
export const BUYER_SIDE = '.buyer-item';
/** Shop side of a row: the agent's, or the platform's reply robot's (ROBOT_REPLY). [rag] 2026-09-08. */
export const SHOP_SIDE = '.cs-item';
/**
 * A shop-side row the platform's reply robot wrote, not a person: `cs-item callback` ([rag]
 * 2026-09-08: "客服消息(含机器人回复 callback)"), or a `.robot-text` inside the shop side ([ecan]
 * 2026-09-25 reads such a row as the robot's). Not the agent's reply: the wait goes on.
 */
export const ROBOT_REPLY = '.cs-item.callback, .cs-item .robot-text';
/** Message text; image and card messages have none. [rag] 2026-09-08. */
export const MESSAGE_TEXT = 'p.msg-content-box';
/**
 * A picture the message holds instead of text (BUYER_SIDE: the buyer's photo), inside the message
 * body: [rag] 2026-09-08 (an image row: `.msg-content > img`, no MESSAGE_TEXT), [ecan] 2026-09-25
 * (`.msg-content img, .image-msg img`). The avatar sits outside `.msg-content` (both sources).
 */
export const PICTURE = '.msg-content img, .image-msg img';
/**
 * A goods card in a row ([ecan] 2026-09-25 reads it apart from pictures). Not read: who sends one
 * (the buyer, or the page when the buyer comes from a goods page) is not recorded; its picture is no
 * buyer's photo.
 */
export const GOODS_CARD = '.good-card, .commonCard';
/** Time line ("2026年09月08日 17:12:14") before some rows. [rag] 2026-09-08. */
export const MESSAGE_TIME = 'p.message-time';
/** Attribute on a message's holder: the buyer uid of the conversation. [rag] 2026-09-08. */
export const MESSAGE_UID_ATTR = 'currentuid';
/** The reply box, framework-controlled (native setter + bubbling input). [cdp][ecan] 2026-09, [old]. */
export const CHAT_INPUT = 'textarea#replyTextarea';

/**
 * In a row: the buyer is waiting, and the platform's countdown runs ("50秒后超时"). The text counts
 * down to the platform's limit, whose length no source states, so only its presence is used. [timer] 2025–2026.
 */
export const UNREPLY_COUNTDOWN = '.chat-unreply-time';
/** In a row: the buyer has waited past the limit; the text says how long ("已等待1小时"). [ecan-test] 2026-09-25, [timer]. */
export const UNREPLY_OVER_TIME = '.chat-unreply-over-time';
/** In a row: the time of its last message (" 12:40 " today). [ecan-test] 2026-09-25. */
export const ROW_TIME = '.chat-time .item-note';
/**
 * In a row: the preview of its last message. [old] consoles.md (2023–2026 scripts: `li.chat-item` with
 * `.nickname-span` and `.chat-message-content`). With ROW_TIME, what tells that something new happened
 * in a conversation we are not looking at (robot-waits.ts).
 */
export const ROW_PREVIEW = '.chat-message-content';

/** Row id → epoch ms. [rag] 2026-09-08. */
export const MESSAGE_ROW_ID = /^middlePanel_list_(\d{10,})$/;
/** data-random value → buyer uid. [rag][ecan] 2026-09. */
export const CONVERSATION_UID = /^(.+?)-\d+-[^-]*$/;
