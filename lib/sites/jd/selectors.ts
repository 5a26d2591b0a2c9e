/**
 * JD 咚咚 web chat workbench (dongdong.jd.com), rebuilt 2026-12-01 from shared/consoles.md "Evidence
 * from live consoles, 2026" (JD 咚咚, two sources: public tools run on live pages in 2026, one of them
 * an extension in use that inserts with a Range + execCommand). Checked by us against
 * test/fixtures/jd-dongdong.html only, never a live account.
 */

/** The conversation list. consoles.md 2026. */
export const CONVERSATION_LIST = '#t-alluser-wrap';
/**
 * The list's tabs, in the order of their panes (TAB_PANE): consoles.md 2026; the 2026-09-07 capture
 * of the live page shows `.c_tabs-bar > .c_tabs-nav-container > .c_tabs-tab` above `.c_tabs-content`
 * holding the panes, and the replica built from it shows tab i with pane i.
 */
export const TAB = '.c_tabs-tab';
/**
 * The 正在咨询 tab (consoles.md 2026): its pane lists the buyers in consultation, the only ones the
 * 等待中 list reads. The other tab the capture names is 历史咨询 (`.list-compatible.recent-user-w`),
 * earlier conversations, whose rows may be opened too.
 */
export const CONSULTING_TAB = '.c_tabs-tab[title="正在咨询"]';
/** A tab pane of the list; hidden ones also carry TAB_INACTIVE_CLASS. consoles.md 2026. */
export const TAB_PANE = '.c_tabs-tabpane';
export const TAB_INACTIVE_CLASS = 'c_tabs-tab_inactive';
/**
 * One conversation row. Its id, "u_<pin>imcustomer<venderId>", is on the row (consoles.md 2026) or,
 * in a 2026-09 capture and a replica of it, on a wrapper (`.c_stream-item-w > .alluser-item-content >
 * .alluser-item`) or absent, the pin then in CONVERSATION_NAME's `title` (QA pass U, finding 4).
 */
export const CONVERSATION_ITEM = '.alluser-item';
/** A row of the conversation list (readWaiting, readConversations, conversationAt). */
export const LIST_ROW = `${CONVERSATION_LIST} ${CONVERSATION_ITEM}`;
/** The selected row (alluser-item_check; t-item-ck in older builds). consoles.md 2026. */
export const ACTIVE_CONVERSATION = '.alluser-item.alluser-item_check, .alluser-item.t-item-ck';
/** Buyer name inside a row. consoles.md 2026. */
export const CONVERSATION_NAME = '.alluser-item-name';
/** Buyer name in the open chat's header. consoles.md 2026. */
export const HEADER_NAME = '.chat-head-name > span';
/** The element holding the open conversation's messages. consoles.md 2026. */
export const MESSAGE_LIST = '#t-chat-scroll';
/** One message; buyer/shop by its side element, none = a system line. consoles.md 2026. */
export const MESSAGE = `${MESSAGE_LIST} .message`;
/**
 * A message by its side element's id alone (consoles.md 2026: each side element carries one), what a
 * redesign renaming every class leaves of the rows. The id's pattern is not recorded (the fixture's
 * m_<ms> is made up), so any element with an id in the list; a loading or load-more line has none. Ours, 2026-12-06.
 */
export const MESSAGE_MARK = '#t-chat-scroll [id]';
/** Side elements (each with an id). consoles.md 2026. */
export const BUYER_SIDE = '.message_left';
export const SHOP_SIDE = '.message_right';
/** Message text and time. consoles.md 2026. */
export const MESSAGE_TEXT = '.message__content';
export const MESSAGE_TIME = '.message__time_str';
/**
 * The reply editor, contenteditable. Its class attribute ends in a space ("EditorContent "), so
 * match the class token, never the attribute string. consoles.md 2026.
 */
export const CHAT_INPUT = '.EditorContent[contenteditable="true"]';

/**
 * In a row: the buyer waits for an answer. Named in consoles.md (older notes) and used by one public
 * auto-reply script (undated; it finds the marker in the list and clicks it to open the
 * conversation). No source shows a text in it. Seen by us on the fixture only, 2026-12-02.
 */
export const UNREPLIED_MARK = '.user-none-reply-t';
/**
 * A group header in the list's first pane: 正在咨询(N), 留言(N), 内部会话&群聊 (a 2026-09-07 capture of
 * the live page, with 0 customers, and a replica built from it, which prints "正在咨询(N)").
 */
export const GROUP_HEAD = '.c_cas-head';
/** The 正在咨询 header's count of customers in consultation (the replica's text). */
export const CONSULTING = /^正在咨询\s*[(（]\s*(\d+)/;
/**
 * In a row: the preview of its last message (sic "breif"). consoles.md 2026; the capture and a
 * replica test show the buyer's new message there. On a row marked unanswered, what the buyer wrote last.
 */
export const ROW_PREVIEW = '.alluser-item-breifdesc';
/** In a row: the time of its last message ("20:16", "昨天"). consoles.md 2026. */
export const ROW_TIME = '.alluser-item-date-w';

/**
 * Row id → buyer pin. consoles.md 2026 names imcustomer; a public JD capture extension (2026) also
 * accepts imwaiter rows.
 */
export const ROW_ID = /^u_(.+?)im(?:customer|waiter)/;
/** The nearest element that can carry ROW_ID: the row or a wrapper of it. */
export const ROW_ID_HOLDER = '[id^="u_"]';
