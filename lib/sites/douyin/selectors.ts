/**
 * Douyin 抖店 飞鸽 seller chat (im.jinritemai.com/pc_seller_v2/main/workspace), written 2026-12-01
 * from shared/consoles.md "Evidence from live consoles, 2026" (Douyin: five tools agree; chiefly
 * scszcoder/eCan.ai hooks/external/feige_chat/, live DOM 2026-04 to 2026-09). Every class name on this
 * page is a hash that was rotated in 2026-06 and 2026-09, so nothing here uses one: only data-qa-id
 * hooks, one real id and the messageIsMe / messageNotMe bubble names. Checked by us against
 * test/fixtures/douyin-chat.html and douyin-chat-v2.html (two hash generations), never a live account.
 */

/**
 * One conversation row in the list. consoles.md 2026 (eCan feige_chat); a 2026 worker matches it as
 * `div[data-kora="conversation"]` with this hook.
 */
export const CONVERSATION_ITEM = '[data-qa-id="qa-conversation-chat-item"]';
/**
 * In a row: the name line, its `title` the full nickname (consoles.md: "a child with a title"; eCan
 * feige tools and emulator, live DOM 2026-06-02: `nameLine-<hash>`, the stable part kept as for the
 * bubbles). Not any `[title]`: the row's unread badge before it carries one too (the count).
 */
export const ROW_NAME = '[class*="nameLine"][title]';
/** In a row: its time, on a waiting row how long the buyer has waited ("45秒"). eCan 2026-06/08. */
export const ROW_TIMER = '[class*="timerParticular"]';
/**
 * The list's group labels, in list order before their rows (a 2026 Douyin worker takes the rows of
 * the 待回复 and 已超时 groups by these; eCan's notes say a 2026-08 rebuilt frame dropped the split).
 * A group with nobody in it shows no label: a second script (an undated 抖店 preload) counts the
 * buyers to answer from the labels' "(N)" and takes a missing label as none.
 */
export const GROUP_LABEL = '[data-btm^="message_group_name_"]';
/**
 * The groups of buyers waiting for an answer (the label's data-btm): waitReply and overtime (the
 * 2026 worker), waitReply and overThreemins (the preload above, summing both as the buyers to answer).
 */
export const WAITING_GROUP = /^message_group_name_(waitReply|overtime|overThreemins)$/;
/**
 * A row the page marks as needing a reply: `needReply` in the row's own class. eCan feige tools,
 * live 2026-07: they find a product card waiting for an answer by it, also in the 最近联系 box where
 * a cold-start card lands outside 待回复, and note the OPEN row may lack it while its buyer waits —
 * so it adds a waiting buyer, and its absence says nothing. Single source; whether the 2026-08
 * rebuilt frame keeps it is not recorded.
 */
export const NEEDS_REPLY = '[class*="needReply"]';
/**
 * A row's data-btm-id ends `.current` (当前会话), `.recent` (最近联系) or `.systemConv` (the platform's
 * own conversation). eCan feige tools, live-probed 2026-08-28.
 */
export const ROW_STATE_ATTR = 'data-btm-id';
/** Rows of another list than 当前会话 (ROW_STATE_ATTR). */
export const NOT_CURRENT = /\.(recent|systemConv)$/;
/** The platform's own conversation (系统通知, 智能客服: ROW_STATE_ATTR), no buyer. eCan, 2026-08-28. */
export const SYSTEM_CONV = /\.systemConv$/;
/** The open conversation's header; its text is the buyer's display name. consoles.md 2026 (eCan feige_chat). */
export const HEADER = '#topbar-left-info';
/** One message wrapper (the hook is spelled "warpper" on the page). consoles.md 2026. */
export const MESSAGE = '[data-qa-id="qa-message-warpper"]';
/**
 * A message's id: the `data-id` of the element just inside the wrapper (not the wrapper's own).
 * consoles.md 2026 ("message id in data-id"); where it sits: eCan feige tools, a production note of
 * 2026-04-27 (its reader looked for ids on the wrong elements and found none) and its thread notes
 * ("data-id attr on child div of wrapper"); a second 2026 reader takes `wrapper.querySelector('[data-id]')`.
 * The ids are uuids. Read as each message's own id (ChatMessage.id).
 */
export const MESSAGE_ID_ATTR = 'data-id';
/** Bubble sides. The class names may gain a hashed suffix, so match the stable part. consoles.md 2026. */
export const BUYER_BUBBLE = '[class*="messageNotMe"]';
/**
 * The shop's side: the messageIsMe bubble, or — for the agent's newest bubble, which may briefly
 * carry neither side class (eCan feige send code, 2026-05-24: "didn't always set those at verify
 * time") — the row laid out right to left: the live row sets `flex-direction: row-reverse` inline
 * for the shop's messages and `row` for the buyer's (eCan's thread reader and emulator, 2026).
 */
export const SHOP_ROW = '[style*="row-reverse"]';
export const SHOP_BUBBLE = `[class*="messageIsMe"],${SHOP_ROW}`;
/** A bubble that names its side. */
export const BUBBLE = `${BUYER_BUBBLE},[class*="messageIsMe"]`;
/** Message text; a bubble without one is read by its own text (eCan, 2026-05). consoles.md 2026. */
export const MESSAGE_TEXT = 'pre';
/**
 * A picture in the buyer's bubble (BUYER_BUBBLE) that holds no text: the buyer's photo or screenshot.
 * eCan feige tools (live DOM, 2026-05/06): a buyer's turn may be pictures only ("multimodal burst"),
 * content images carry alt="图片", avatars alt="头像" (or a hashed class) and are skipped.
 */
export const PICTURE = 'img:not([alt="头像"])';
/**
 * A product card in a message row, with neither bubble class and no pre: the page shows a product
 * link as a 「来自电商小助手的推荐」 card. eCan feige tools (a live trace 2026-05-24; the buyer-side
 * card as pasted from a live page 2026-05-17) and three other 2026 readers match `.chatd-card` /
 * `.chatd-card-main`, one of them inside the row laid out `flex-direction: row`; component classes,
 * not hashes. ROOT: the card; LINE: its text lines, the header label (来自电商小助手的推荐) first,
 * then the product title, the longest of the others (eCan 2026-05). A card is a row some
 * conversations have: these are checked against the fixture's kept rows (douyin-chat.html,
 * <template data-fx-row>) by the adapter test, not by the every-page selector test (which reads
 * string exports only).
 */
export const CARD = { ROOT: '.chatd-card', LINE: '.pigeon-card-place-holder-text' } as const;
/**
 * A recalled message: the page keeps a row for it (a wrapper with its [data-id] holder) whose own
 * text says 撤回, and a bubble class or a `leaveMessageWrapper` class says nothing of it (normal buyer
 * messages carry that class too). One source, undated: a puppeteer auto-reply script for the Feige
 * workbench in the public code index (its repository not named there; seen 2026-12-06), which skips
 * a row only where the message itself shows 撤回. The notice's wording, whether it keeps a side class
 * and whether its data-id is the recalled message's are not recorded. Tested only on a bubble
 * without `pre` (S.MESSAGE_TEXT): typed text sits in `pre`, so a buyer writing 撤回 is still read.
 */
export const RECALL_TEXT = /撤回/;
/** The element whose inline layout says a row's side (row: the buyer's; row-reverse: SHOP_ROW). */
export const SIDE_ROW = '[style*="flex-direction"]';
/**
 * The line above a shop-side bubble naming who sent it, when it is the platform's reply robot
 * (智能客服). Single source: eCan's Feige emulator, whose thread rows copy the live page's (2026-05),
 * draws the robot's replies under such a line and the shop's own under the shop's name; no live
 * reader uses it. Matched by its whole text, any element (its class is a hash).
 */
export const ROBOT_SENDER = /^(智能客服|机器人)$/;
/** The reply box (controlled textarea: native setter + input/change events). consoles.md 2026 (eCan feige_chat). */
export const CHAT_INPUT = 'textarea[data-qa-id="qa-send-message-textarea"]';
