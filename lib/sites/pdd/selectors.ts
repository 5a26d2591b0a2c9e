/**
 * Pinduoduo merchant chat (mms.pinduoduo.com/chat-merchant). "consoles.md" = shared/consoles.md,
 * public scripts 2023–2026, never checked against a live account. "assumption" = not in the public
 * notes; reproduced in test/fixtures/pdd-chat.html only. Last seen: 2026-11 fixture.
 */

/** Conversation in the left list; the open one has class `active`. consoles.md. */
export const CONVERSATION_ITEM = 'li.chat-item';
/** The open conversation. consoles.md. */
export const ACTIVE_CONVERSATION = 'li.chat-item.active';
/** Buyer nickname inside a conversation item. consoles.md. */
export const CONVERSATION_NICK = '.nickname-span';
/** Last message preview inside a conversation item. consoles.md. */
export const CONVERSATION_PREVIEW = '.chat-message-content';
/** Unreplied / overdue markers on a conversation item. consoles.md. */
export const UNREPLIED_MARKER = '.chat-unreply-time, .chat-unreply-over-time';
/** Message history of the open conversation. consoles.md. */
export const HISTORY = '.history-box';
/** One message row inside the history. assumption (2026-11 fixture). */
export const MESSAGE = '.history-box .msg-item';
/** Class on rows written by the shop side. assumption (2026-11 fixture). */
export const AGENT_MESSAGE_CLASS = 'kf-item-self';
/** Text of a message row. assumption (2026-11 fixture). */
export const MESSAGE_TEXT = '.msg-content-text';
/** The reply input, framework-controlled. consoles.md. */
export const CHAT_INPUT = 'textarea#replyTextarea';
