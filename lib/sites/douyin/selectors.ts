/**
 * Douyin 抖店 飞鸽 seller chat (im.jinritemai.com/pc_seller_v2/main/workspace), written 2026-12-01
 * from shared/consoles.md "Evidence from live consoles, 2026" (Douyin: five tools agree; chiefly
 * scszcoder/eCan.ai hooks/external/feige_chat/, live DOM 2026-04 to 2026-09). Every class name on this
 * page is a hash that was rotated in 2026-06 and 2026-09, so nothing here uses one: only data-qa-id
 * hooks, one real id and the messageIsMe / messageNotMe bubble names. Checked by us against
 * test/fixtures/douyin-chat.html and douyin-chat-v2.html (two hash generations), never a live account.
 */

/** One conversation row in the list. consoles.md 2026 (eCan feige_chat). */
export const CONVERSATION_ITEM = '[data-qa-id="qa-conversation-chat-item"]';
/** The buyer's name inside a row: a child with a `title`. consoles.md 2026. */
export const CONVERSATION_NAME = '[data-qa-id="qa-conversation-chat-item"] [title]';
/** The open conversation's header; its text is the buyer's display name. consoles.md 2026 (eCan feige_chat). */
export const HEADER = '#topbar-left-info';
/** One message wrapper (the hook is spelled "warpper" on the page). consoles.md 2026. */
export const MESSAGE = '[data-qa-id="qa-message-warpper"]';
/** Bubble sides. The class names may gain a hashed suffix, so match the stable part. consoles.md 2026. */
export const BUYER_BUBBLE = '[class*="messageNotMe"]';
export const SHOP_BUBBLE = '[class*="messageIsMe"]';
/** Message text. consoles.md 2026. */
export const MESSAGE_TEXT = 'pre';
/** The reply box (controlled textarea: native setter + input/change events). consoles.md 2026 (eCan feige_chat). */
export const CHAT_INPUT = 'textarea[data-qa-id="qa-send-message-textarea"]';
