/**
 * JD 咚咚 web chat workbench (dongdong.jd.com). The public notes (shared/consoles.md) only give the
 * unreplied marker and the "正在咨询" tab; everything marked "assumption" was invented for
 * test/fixtures/jd-dongdong.html and must be checked against a saved real page before use.
 * Last seen: 2026-11 fixture.
 */

/** Unreplied conversation marker class. consoles.md. */
export const UNREPLIED = '.user-none-reply-t';
/** Text of the tab listing live conversations. consoles.md. */
export const TEXT_LIVE_TAB = '正在咨询';
/** Tabs above the conversation list (the live one is found by TEXT_LIVE_TAB). assumption. */
export const TAB = '.session-tabs .tab';
/** Conversation item. assumption. */
export const CONVERSATION_ITEM = '.session-list .session-item';
/** The open conversation. assumption. */
export const ACTIVE_CONVERSATION = '.session-list .session-item.current';
/** Buyer name inside an item. assumption. */
export const CONVERSATION_NAME = '.session-name';
/** One message row; buyer rows carry MESSAGE_BUYER_CLASS. assumption. */
export const MESSAGE = '.message-list .message-item';
export const MESSAGE_BUYER_CLASS = 'message-customer';
/** Message text. assumption. */
export const MESSAGE_TEXT = '.message-text';
/** The reply editor (contenteditable). assumption. */
export const CHAT_INPUT = '.edit-box [contenteditable="true"], .edit-box textarea';
