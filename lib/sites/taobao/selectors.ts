/**
 * Taobao / Tmall seller order pages. Taobao chat runs in the Qianniu desktop client, not in a browser
 * tab, so there are no chat selectors here. "consoles.md" = shared/consoles.md (public scripts
 * 2023–2026, never checked against a live account); "assumption" = not in the public notes,
 * reproduced in test/fixtures/taobao-*.html only. Last seen: 2026-12 fixture (one list table, a body table per order).
 */

/**
 * The order list: ONE Fusion grouped list table for the whole page (a header table, then one body).
 * consoles.md; ShenHaiSu/Script-Collection Tmall-MySellerEnhance getItemId.action.ts (2026) queries
 * `div.next-table.next-table-medium div.next-table-body` once and tells an empty list by its
 * child count. Page kind and the page check only: it is not one order.
 */
export const ORDER_TABLE = 'div.next-table';
/**
 * One parent order: a <table> of the list's body ("每个table代表一个父订单", the same script), its
 * tbody a group header row (订单编号), sub-order rows, a group footer row (two other 2026 Alibaba
 * list scrapers: `tr.next-table-group-header` … `tr.next-table-group-footer`). consoles.md.
 */
export const ORDER_BODY_TABLE = 'div.next-table-body > table';
/**
 * The head of one parent order, where its 订单编号 stands: a group header row of the list (found even
 * when the body around it is renamed or regrouped), or the first row of a body table ("第一个tr是父
 * 订单头信息", the same script). The page check and the remark summary count the orders on screen by
 * it, so a search form's 订单编号 field or a sub-order's 订单号 line is no order. consoles.md.
 */
export const ORDER_HEAD = 'tr.next-table-group-header, .next-table-body tr:first-child';
/**
 * Item title links: the trade snapshot (tradeSnap.htm) on the live list (consoles.md 2026), item
 * pages kept for other builds. Anchored on the link target; the picture link has no text and is skipped.
 */
export const ORDER_ITEM_TITLE = 'a[href*="tradeSnap"], a[href*="item.taobao.com"], a[href*="detail.tmall.com"]';
/** Buyer nickname link; matched by a class fragment because the suffix is hashed. assumption. */
export const ORDER_BUYER = '[class*="buyer"][class*="nick"]';
/** Flag icon whose `title` names the colour (灰旗…紫旗). assumption. */
export const ORDER_FLAG = '[class*="flag"][title]';

/**
 * The order detail page (…/tp/detail?bizOrderId=…), a micro-app that draws its order 8–10 s after
 * the address. A read-only tool live-tested on it on 2026-09-27 (its file names itself
 * src/tools/tmall-order-note.js; code-index file 70696393339, the index shows no repository) reads
 * the order id after 订单编号 in the page's text, the status after 订单状态, the seller memo as the
 * text of `div[class*="status-desc_new-memo"]` (a hashed suffix) and the flag as the text of
 * `div[class*="flag-block"]` (how that text names the colour is not recorded: the fixture's 黄旗 is
 * ours). The buyer's nickname after 昵称： (the 旺旺 presence label first) is from a 2023 example of
 * the same page's text (greasyfork script 467154, 天猫订单同步: 订单编号:… 买家信息 昵称：旺旺在线<nick>).
 */
export const DETAIL_MEMO = 'div[class*="status-desc_new-memo"]';
export const DETAIL_FLAG = 'div[class*="flag-block"]';
export const LABEL_STATUS = '订单状态';
export const LABEL_NICK = '昵称';

/** Legacy memo page: the remark textarea. consoles.md. */
export const MEMO_TEXTAREA = 'textarea#memo';
/** Legacy memo page: flag radios, #flag0 gray … #flag5 purple. consoles.md. */
export const MEMO_FLAG_RADIO = 'input[type="radio"][id^="flag"]';
/**
 * Legacy memo page: the submit control. consoles.md 2026: a `.btn` element that may not be
 * type=submit (evidence 2017–2021); real submit buttons kept for other builds. Which of several is the
 * save one is chosen by its text (read.ts findRemarkEditor). Last seen: 2026-12 fixture.
 */
export const MEMO_SUBMIT = 'form .btn, button[type="submit"], input[type="submit"]';
/** Legacy memo page: hidden order id field (the URL's biz_order_id is preferred). assumption. */
export const MEMO_ORDER_ID_FIELD = 'input[name="biz_order_id"]';

/**
 * Text labels (followed by a colon). The order id's label is 订单编号 or 订单号: consoles.md 2026 says
 * which one the live list uses is unproven (ShenHaiSu/Script-Collection Tmall-MySellerEnhance
 * confirms the table layout only), so both are read. 创建时间, 卖家备注 assumption.
 */
export const LABEL_ORDER_ID = '订单编号';
export const LABEL_ORDER_ID_SHORT = '订单号';
export const LABEL_CREATED = '创建时间';
export const LABEL_REMARK = '卖家备注';
/** 商家编码 (seller SKU code) and 收货地址 labels. consoles.md. */
export const LABEL_SKU_CODE = '商家编码';
export const LABEL_ADDRESS = '收货地址';
