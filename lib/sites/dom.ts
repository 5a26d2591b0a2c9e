/**
 * DOM helpers shared by the adapters: text-label lookups (consoles keep their Chinese labels far
 * longer than their class names), required lookups that throw SiteElementMissing, flag names.
 */
import { SiteElementMissing, type BuyerIdentity, type ChatMessage, type FlagColor, type OrderRow, type OrderStatus } from './types';
import { DAY, MINUTE, fromWall, wallOf, type Zone } from '../domain/time';
import { DEFAULT_FOLLOWUP_SETTINGS } from '../domain/followups/types';
import { NICKNAME_MAX } from '../domain/customers/identity';

/**
 * The buyers of a conversation list's rows (readConversations): each row's shown name and id,
 * each buyer once (by id, else by name), in list order.
 */
export function listBuyers(rows: Iterable<Element>, nameOf: (row: Element) => string, idOf?: (row: Element) => string | null): BuyerIdentity[] {
  const seen = new Set<string>();
  const out: BuyerIdentity[] = [];
  for (const row of rows) {
    const nickname = nameOf(row);
    const id = idOf?.(row) || null;
    if (!nickname || seen.has(id ?? `:${nickname}`)) continue;
    seen.add(id ?? `:${nickname}`);
    out.push({ nickname, id });
  }
  return out;
}

/** Controls a conversation row may hold (close, mark, transfer): a click on one does not open the row. */
const ROW_CONTROL = 'button, a[href], input, select, textarea, [role="button"], [contenteditable="true"]';

/**
 * The buyer of the conversation-list row a click landed in (SiteAdapter.conversationAt): the row
 * matching `row` that holds `target`, read like readConversations reads it; null outside a row, on a
 * control inside it, or where the row names no buyer.
 */
export function rowBuyerAt(target: Element, row: string, nameOf: (row: Element) => string, idOf?: (row: Element) => string | null): BuyerIdentity | null {
  const el = target.closest(row);
  const control = target.closest(ROW_CONTROL);
  const nickname = el && !(control && el.contains(control)) ? nameOf(el) : '';
  return nickname ? { nickname, id: idOf?.(el!) || null } : null;
}

/**
 * The last `limit` values `read` finds in `rows`, in page order: walks from the end and stops there,
 * so a conversation's long history costs no more than its tail (`read` returns a falsy value to
 * skip a row: a system notice, an image).
 */
export function lastRead<T>(rows: ArrayLike<Element>, limit: number, read: (row: Element) => T | undefined): T[] {
  const out: T[] = [];
  for (let i = rows.length; out.length < limit && i--; ) {
    const x = read(rows[i]!);
    if (x) out.push(x);
  }
  return out.reverse();
}

/**
 * What a buyer's picture says in the messages (a photo of the parcel, a screenshot): it holds no
 * words, so it lends the suggestions no need, but it is the buyer's turn — after the shop's reply the
 * buyer waits again. Read on the buyer's side only, where the console's picture is recorded (Pinduoduo,
 * Douyin); a picture the shop sends is not read (no source shows one), so it claims no answer.
 */
export const PICTURE_TEXT = '[图片]';
/**
 * What a buyer's message says where the buyer's side is recorded but not how its content is drawn
 * (JD 咚咚: a picture or a card, whose markup no source captured): their turn, whose words the panel
 * could not read, said so rather than skipped (which left the shop's reply last: 已回复).
 */
export const NOT_TEXT = '[非文字消息]';

/**
 * A buyer's turn without words (PICTURE_TEXT, NOT_TEXT): it counts as their turn (the clock, the
 * basis list, drawn in the interface's language), but the situation and the replies are read from
 * the worded turns around it — a quality complaint followed by its photo is still a quality complaint.
 */
export const isWordless = (text: string): boolean => text === PICTURE_TEXT || text === NOT_TEXT;
/** The buyer's turns with words, what the situation and the replies are read from (see isWordless). */
export const wordedTurns = (turns: readonly string[]): string[] => turns.filter((m) => !isWordless(m));

/**
 * One chat row's message, `at` where given: the shop side (`shop`) first — a platform robot's reply
 * quoting the buyer is the shop's — then the buyer's. Undefined where the side has no `text`
 * element with text (a system line, an image, a card).
 */
export function sideMessage(row: Element, shop: string, buyer: string, text: string, at?: number): ChatMessage | undefined {
  const own = row.querySelector(shop);
  const said = textOf((own ?? row.querySelector(buyer))?.querySelector(text));
  return said ? { from: own ? 'agent' : 'buyer', text: said, ...(at !== undefined ? { at } : {}) } : undefined;
}

/** Whitespace-collapsed, trimmed text of a node. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * `text` as a buyer's shown name, or null where it is clearly none: empty, or longer than the panel
 * takes a nickname (4 × the NICKNAME_MAX code points kept; UTF-16 units, so a short name of emoji
 * still fits), such as the text of a whole panel a changed page put where the name was.
 */
export function asName(text: string): string | null {
  return text && text.length <= NICKNAME_MAX * 4 ? text : null;
}

/** A required element: returns it or throws SiteElementMissing(site, what). */
export function required<T extends Element>(site: string, what: string, el: T | null | undefined): T {
  if (!el) throw new SiteElementMissing(site, what);
  return el;
}

const COLON = /^[:：]\s*/;

/**
 * The value shown next to a text label such as `订单编号:` inside `root`: either in the same leaf
 * element (`订单编号: 123`) or in the following sibling element (`<span>订单编号:</span><span>123</span>`).
 * The label must be followed by a colon (half- or full-width), so `买家` does not match `买家已付款`.
 */
export function labelValue(root: ParentNode, label: string): string | null {
  const el = findLabel(root, label);
  if (!el) return null;
  const own = textOf(el).slice(label.length).replace(COLON, '').trim();
  if (own) return own;
  let sib = el.nextElementSibling;
  while (sib && !textOf(sib)) sib = sib.nextElementSibling;
  return sib ? textOf(sib) : null;
}

/** The leaf-most element whose text starts with `label` followed by a colon. */
export function findLabel(root: ParentNode, label: string): Element | null {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.childElementCount > 0) continue;
    const t = textOf(el);
    if (t.startsWith(label) && COLON.test(t.slice(label.length))) return el;
  }
  return null;
}

/** First element matching `selector` whose text equals (or, with a RegExp, matches) `text`. */
export function findByText(root: ParentNode, selector: string, text: string | RegExp): HTMLElement | null {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
    const t = textOf(el);
    if (typeof text === 'string' ? t === text : text.test(t)) return el;
  }
  return null;
}

/**
 * An order console's ordersExpected: the page is at one of its order addresses (`at`) and its text
 * shows an order number (订单号/订单编号 and digits: read from the text, so renamed classes keep it).
 * A list still loading or truly empty (the console's own 暂无数据) shows none.
 */
export const ordersExpectedAt = (doc: Document, at: (url: URL) => boolean): boolean =>
  at(new URL(doc.location.href)) && /订单编?号\s*[:：]\s*\d{8}/.test(doc.body?.textContent ?? '');

export const FLAG_BY_INDEX: readonly FlagColor[] = ['gray', 'red', 'yellow', 'green', 'blue', 'purple'];
/** The flag a checked radio's platform index names ('0' gray … '5' purple); null for no radio or any other value ('' is not 0). */
export const flagOfRadio = (radio: HTMLInputElement | null | undefined): FlagColor | null => (/^[0-5]$/.test(radio?.value ?? '') ? FLAG_BY_INDEX[+radio!.value]! : null);
const FLAG_BY_CHAR: Record<string, FlagColor> = { 灰: 'gray', 红: 'red', 黄: 'yellow', 绿: 'green', 蓝: 'blue', 紫: 'purple', 粉: 'purple' };

/** '红旗', '红色', '旗帜：红色' → 'red'; null where the text names no colour (灰旗 is gray). */
export function flagFromChineseName(name: string | null | undefined): FlagColor | null {
  for (const ch of name ?? '') {
    const f = FLAG_BY_CHAR[ch];
    if (f) return f;
  }
  return null;
}

/**
 * An order row's flag (the icon at `flagSel`, whose title names the colour) and seller remark (the
 * text after `remarkLabel`), as an OrderRow has them. What the row does not show that way — no icon,
 * a title naming no colour, no remark label — is `unread`, never taken as gray or as no remark:
 * a console that renamed them would otherwise be told every remark is wrong, or missing.
 */
export function flagAndRemark(row: ParentNode, flagSel: string, remarkLabel: string): Pick<OrderRow, 'flag' | 'flagUnknown' | 'remark' | 'unread'> {
  const flag = flagFromChineseName(row.querySelector(flagSel)?.getAttribute('title'));
  // A label with nothing after it is an empty remark; no label at all is a remark not read.
  const remark = labelValue(row, remarkLabel) ?? (findLabel(row, remarkLabel) ? '' : null);
  const unread: OrderRow['unread'] = [];
  if (!flag) unread.push('flag');
  if (remark == null) unread.push('remark');
  return { flag: flag ?? 'gray', remark: remark ?? '', ...(flag ? {} : { flagUnknown: true }), ...(unread.length ? { unread } : {}) };
}

/**
 * Trade status texts of the Chinese consoles (JD's own words: the tab names of its order list; 待付款
 * and 已取消 as a 2026 JD order-list script reads them from `.order-status span`, and 待出库 the
 * waitOut tab's name in another JD script — evidenced. Whether the 2026 list prints 等待付款 or 待付款
 * varies by build: both are read).
 */
export const STATUS_BY_TEXT: ReadonlyArray<readonly [string, OrderStatus]> = [
  ['等待买家付款', 'unpaid'],
  ['等待付款', 'unpaid'],
  ['待付款', 'unpaid'],
  ['买家已付款', 'paid'],
  ['等待发货', 'paid'],
  ['待发货', 'paid'],
  ['等待出库', 'paid'],
  ['待出库', 'paid'],
  ['卖家已发货', 'shipped'],
  ['已发货', 'shipped'],
  ['等待确认收货', 'shipped'],
  ['退款中', 'refunding'],
  ['交易成功', 'completed'],
  ['已完成', 'completed'],
  ['完成', 'completed'],
  ['交易关闭', 'closed'],
  ['已取消', 'closed'],
];

/** The status of an order from the first leaf element in `root` whose text is a known status. */
export function statusFromText(root: ParentNode): OrderStatus | null {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.childElementCount > 0) continue;
    const t = textOf(el);
    const hit = STATUS_BY_TEXT.find(([text]) => t === text);
    if (hit) return hit[1];
  }
  return null;
}

/** '¥1,159.00' → 1159 */
export function parseYuan(text: string | null | undefined): number | undefined {
  const m = /(\d[\d,]*(?:\.\d+)?)/.exec(text ?? '');
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/*
 * Times printed by the consoles are read in shop time (lib/domain/time.ts, Beijing): a message's time
 * line ("2026-11-30 20:16:10", "2026年11月30日 20:10:05"), a list row's "20:16", an order's 创建时间.
 * The product promises shop time whatever the computer's zone (README, the options page's
 * 与电脑的时区无关): an agent abroad, or a machine left on UTC, must see a buyer who wrote 3 minutes
 * ago as waiting 3 minutes, not 8 hours in the future (reading them in the browser's zone did that
 * when the page prints Beijing time; QA pass D, 2026-12-03). That the live consoles print Beijing
 * time is an assumption: no public source shows their formatter, and a page formatting epoch ms with
 * the Date getters would print the browser's zone (the earlier reading, until 2026-12-03; the public
 * Pinduoduo parser hu-qi-jia/pdd-rag-plugin reads its time line as browser-local). Where a row
 * carries an instant, it wins: Pinduoduo's `middlePanel_list_<ms>` id is read before its time line
 * (pdd/read.ts), so there the question does not arise. The zone is the shop's,
 * `CONSOLE_ZONE` below (shopZone in lib/storage/settings.ts returns the same default); the parsers
 * take another for tests.
 */
export const CONSOLE_ZONE: Zone = DEFAULT_FOLLOWUP_SETTINGS.utcOffsetMinutes;

/**
 * False when the element or an ancestor is `hidden` or not displayed. Consoles keep collapsed lists
 * and inactive tab panes in the DOM, sometimes with a stale "active" marker inside. `memo`: the
 * answers so far, to ask for many elements of one page state (a list's rows): each element's style
 * is then read once, their shared ancestors' too, not again for every row.
 */
export function isShown(el: Element | null, memo = new Map<Element, boolean>()): boolean {
  if (!el) return true;
  let v = memo.get(el);
  if (v === undefined) {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    memo.set(el, (v = !el.hasAttribute('hidden') && !(style && (style.display === 'none' || style.visibility === 'hidden')) && isShown(el.parentElement, memo)));
  }
  return v;
}

/** How far past this computer's clock a time of day may lie and still be today's (the clocks disagree). */
const AHEAD_MS = 5 * MINUTE;

/** Epoch ms of a wall time in `zone`; seconds optional. */
const wallMs = (zone: Zone, y: number, mo: number, d: number, h: string, mi: string, s?: string) =>
  fromWall(y, mo, d, Number(h) * 60 + Number(mi), zone) + Number(s ?? 0) * 1000;

/**
 * '2026年09月08日 17:12:14', '2026-09-08 17:12:14' or '2026-09-08T17:12', shop time (see above) →
 * epoch ms. The consoles' message times and the order lists' 创建时间 alike.
 */
export function parseChineseDateTime(text: string | null | undefined, zone: Zone = CONSOLE_ZONE): number | undefined {
  const m = /(\d{4})\s*[年/-]\s*(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*[日T]?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text ?? '');
  return m ? wallMs(zone, Number(m[1]), Number(m[2]), Number(m[3]), m[4]!, m[5]!, m[6]) : undefined;
}

/**
 * A time as consoles print it on messages and list rows, shop time → epoch ms: a full date and time
 * (either style above); a month-day and time ('11-30 20:21:07': this year, or last year when that
 * would be in the future); a time of day ('20:21': today, or yesterday when today's would be more
 * than a few minutes ahead of `now`; '昨天 20:21': yesterday). Undefined for text without a time
 * ('昨天' alone: when is not shown).
 */
export function parseMessageTime(text: string | null | undefined, now = Date.now(), zone: Zone = CONSOLE_ZONE): number | undefined {
  const full = parseChineseDateTime(text, zone);
  if (full !== undefined) return full;
  const today = wallOf(now, zone);
  const md = /(?:^|\D)(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text ?? '');
  if (md) {
    const at = (y: number) => wallMs(zone, y, Number(md[1]), Number(md[2]), md[3]!, md[4]!, md[5]);
    const thisYear = at(today.year);
    return thisYear > now + DAY ? at(today.year - 1) : thisYear;
  }
  const hm = /(?:^|\D)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text ?? '');
  if (!hm) return undefined;
  const at = (daysBack: number) => wallMs(zone, today.year, today.month, today.day - daysBack, hm[1]!, hm[2]!, hm[3]);
  if (/昨天/.test(text!)) return at(1);
  return at(0) > now + AHEAD_MS ? at(1) : at(0);
}

const WAIT_UNITS: Record<string, number> = { 小时: 3_600_000, 时: 3_600_000, 分钟: 60_000, 分: 60_000, 秒: 1000 };

/**
 * How long a console's list label says a buyer has waited, in ms: '已等待6分钟', '已等待1小时',
 * '1小时5分钟', '30秒'; undefined when the text holds no such amount. Labels count whole units, so
 * the result is a lower bound of the wait.
 */
export function parseWaitedFor(text: string | null | undefined): number | undefined {
  let total = 0;
  let found = false;
  for (const m of (text ?? '').matchAll(/(\d+)\s*(小时|分钟|时|分|秒)/g)) {
    total += Number(m[1]) * WAIT_UNITS[m[2]!]!;
    found = true;
  }
  return found ? total : undefined;
}

/**
 * A list row's time (its last message), as parseMessageTime reads it, never after `now`: a row a few
 * minutes ahead (the console's clock and this computer's disagree) has waited from now.
 */
export function parseRowTime(text: string | null | undefined, now = Date.now(), zone: Zone = CONSOLE_ZONE): number | undefined {
  const at = parseMessageTime(text, now, zone);
  return at === undefined ? undefined : Math.min(at, now);
}
