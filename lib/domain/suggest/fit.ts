/**
 * Whether a reply fits this buyer beyond its situation (README, "Ranking", "Fit to the buyer"):
 * - its **stage** — the order stage its text is true at (`orders`, or a body that invites the buyer
 *   to buy: 放心拍下, 现在下单…), against the stage the message's own words or else the orders beside
 *   the chat place the buyer at;
 * - its **detail** — the particular thing a starter reply is written for (a smell, a good review, a
 *   failed payment, a kept exchange item), against the buyer's words;
 * - whether it **asks for a review** the buyer says is already given.
 * Only ranking reads this (the suggest feature script), so it is computed lazily per index.
 */
import type { Template } from '../templates/types';
import { own } from '../own';
import { normalize } from './normalize';

/** Order stages: before purchase, unpaid, paid and not shipped, shipped, after-sale / received. */
export const PRE = 1;
export const UNPAID = 2;
export const PAID = 4;
export const SHIPPED = 8;
export const AFTER = 16;

const OF_ORDER: Record<string, number> = { unpaid: UNPAID, paid: PAID, shipped: SHIPPED, refunding: AFTER, completed: AFTER };

/**
 * The stages the orders beside the chat place the buyer at (0: none known). A completed order is
 * an old purchase: the buyer may be after-sale with it or shopping again.
 */
export function stageOfOrders(statuses: readonly string[]): number {
  let m = 0;
  for (const s of statuses) m |= s === 'completed' ? AFTER | PRE : OF_ORDER[s] ?? 0;
  return m;
}

/** Words that place the buyer at a stage, on the raw message (a pasted order card's 买家已付款 counts). */
const STAGE_WORDS: [RegExp, number][] = [
  [/还没(?:买|拍|下单)|没(?:买|拍)过|(?:想|准备|打算|考虑)(?:买|拍|入手|下单)|(?:下单|拍|买)之?前|先问问/, PRE],
  [/(?:现在|今天|马上|明天)(?:下单|拍|买|付款?)/, PRE | UNPAID],
  // An announced purchase (那我先拍了, 这就去下单): not made yet, whatever its 了 says.
  [/(?:先|这就|现在就)去?(?:下单|拍|买)(?:了|啦|吧)?(?:[哈啊呀哦～~！!。，,]|$)/, PRE | UNPAID],
  [/还没(?:付|支付)|没付款|未付款|待付款|付不了|付不上|(?:付款?|支付).{0,3}(?:失败|不成功|没成功)|没付成/, UNPAID],
  [/(?:已经?|刚)(?:付|支付)|付(?:了|过)(?:款|钱)?|钱(?:已经)?付|等待发货|待发货|还没发|没发货|还不发|怎么不发|不给发|还没寄/, PAID],
  // 已经发货了 says it shipped; 已经发货了吗 / 发货了没 ask (a bare 发 needs its 了: 已经发货了吗 held 已经发).
  [/已经?(?:发货|发出)了?(?![吗么没嘛呢?？了])|已经?发了(?![吗么没嘛呢?？])|(?:发货|发出)了(?![吗么没嘛呢?？])|物流|快递(?:到|在)|到哪|在路上|派送中|没更新/, SHIPPED],
  // Not received yet (还没收到货, 快递没收到) is in transit; 退款还没收到 is the money, not the goods.
  [/(?<![款钱]|[款钱]还)(?:还没|没有?|未)(?:收到|拿到)/, SHIPPED],
  [/(?<![没未])收到(?:了|的)|(?<![没未])收到货(?!后|以后|之后)|货到了|到货了(?![吗么])|(?:已|刚)签收|签收了|穿了|洗了|穿过|洗过|用了|交易成功|确认收货/, AFTER],
];

export function stageOfWords(text: string): number {
  let m = 0;
  for (const [re, bits] of STAGE_WORDS) if (re.test(text)) m |= bits;
  return m;
}

/**
 * The buyer says the review is given (已经给了五星, 好评已给, 给你们五星好评了): a reply that asks for
 * one (给个五星好评) asks for what is done. Read off the body, so it holds for a shop's own replies.
 */
const GAVE_REVIEW =
  /(?:已经?|刚刚?|都)(?:给|打|写|留|评)(?:了|过)?[^，。！？,!?]{0,4}(?:五星|好评)|(?:给|打|写|留)了[^，。！？,!?]{0,4}(?:五星|好评)|(?:五星|好评)(?:已经?|都)(?:给|打|写|留)|(?:五星|好评)(?:给|打|写|留)了|(?:给|打)[^，。！？,!?]{0,6}(?:五星|好评)了/;
const ASKS_REVIEW = /(?:给|打|留)(?:个|一个|我们一个|我们|下)?(?:五星|好评)|求好评|五星好评哦/;

export function gaveReview(text: string): boolean {
  return GAVE_REVIEW.test(text);
}

/** A body that asks the buyer to buy is only true before the purchase (有现货…放心拍下). */
const INVITES_PURCHASE = /放心拍|早点拍|尽快拍下|可以拍下|直接拍下|现在下单|放心下单|现在付款的话/;

/**
 * What each starter reply is written for, in the buyer's words (normalised). A reply with details
 * leads only a message that says one of them ('a+b': both); without, its situation's general replies come first.
 * Keyed by the starter's stable ids, so a stored copy keeps them (a shop's own replies have none).
 */
const DETAIL: Record<string, string[]> = {
  'welcome-returning': ['回来', '又来', '上次', '老客', '老顾客'],
  'welcome-human': ['人工', '机器人', '真人'],
  'welcome-late-reply': ['人呢', '没人', '怎么不回', '不理', '回复'],
  'welcome-night': ['晚', '夜'],
  'product-usage': ['安装', '怎么用', '使用', '说明书', '用法', '操作'],
  'product-compare': ['哪个', '哪款', '两款', '对比', '推荐', '犹豫'],
  'product-genuine': ['正品', '假', '保障', '真的'],
  'product-color': ['颜色', '色差', '显白', '显黑'],
  'product-match': ['搭配', '配什么', '怎么配', '一起买'],
  'stock-restock': ['补货', '断货', '卖完', '卖光', '没货', '缺货', '售罄', '再上', '还会有', '什么时候有', '到货'],
  'size-model': ['模特'],
  // A size can be recommended once the buyer gave height or weight (身高165 体重110斤); before that, 询问身高体重 asks for them.
  'size-recommend': ['身高', '体重', '斤', 'cm', 'kg', '公斤', '米'],
  'size-between': ['之间', '中间', '还是', '两个码'],
  'size-chart': ['尺码表', '尺寸', '平铺', '衣长', '胸围', '肩宽', '袖长', '腰围'],
  'size-runs-small': ['偏小', '偏大', '小一码', '大一码', '码准', '正码'],
  'bargain-gift': ['送', '赠', '礼物', '礼品'],
  'bargain-free-shipping': ['包邮', '运费', '邮费'],
  'bargain-ask-supervisor': ['主管', '领导', '店长', '老板'],
  'bargain-returning': ['老客', '老顾客', '回头客', '买过', '上次', '老用户', '熟客'],
  'promo-coupon': ['券', '优惠码', '领'],
  'promo-full-reduction': ['满减', '满', '凑单'],
  'promo-price-protect': ['降价', '差价', '价保', '保价', '便宜了'],
  'promo-gift-rules': ['赠品', '送的', '送什么', '礼品', '赠送'],
  'order-confirm': ['核对', '确认', '对一下', '对吗', '对不对'],
  'order-confirm-postage': ['运费', '邮费', '快递费', '到得了', '能到', '送到'],
  'order-paid': ['付', '拍好', '拍了', '下单了', '买了'],
  'invoice-info': ['抬头', '税号', '邮箱', '开票信息', '电子发票'],
  'invoice-special': ['专票', '专用', '增值税'],
  'pay-failed': ['失败', '没成功', '不成功', '付不了', '付不上', '付不出', '支付不了', '限额', '余额不足', '扣款', '报错', '提示'],
  'pay-by-friend': ['代付', '朋友', '家人', '别人', '帮我付', '帮忙付', '老公', '老婆'],
  'pay-duplicate': ['重复', '两单', '两个订单', '拍了两', '多拍', '拍多', '拍重', '两次'],
  'pay-price-changed': ['改价', '改好', '改了价', '改价格', '价格改'],
  'courier-sf': ['顺丰'],
  'courier-unreachable': ['到不了', '送不到', '不到', '派送不', '偏远', '不送', '不派'],
  'tracking-stuck': ['不动', '没更新', '不更新', '没动', '停', '卡', '好几天', '几天了'],
  'tracking-signed-missing': ['签收', '签了'],
  'delay-out-of-stock': ['缺货', '断货', '没货', '卖完', '没有货'],
  'delay-urged': ['催', '快点', '尽快', '急'],
  'merge-other-account': ['账号', '账户', '另一个号', '两个号', '别的号', '小号'],
  'address-changed-confirm': ['改好', '改了吗', '改了没', '改成功', '改过来'],
  'cancel-printed': ['拦', '打单', '打包'],
  'return-postage-buyer': ['运费', '邮费', '快递费', '谁出', '谁付', '到付', '平邮'],
  'return-postage-shop': ['运费', '邮费', '快递费', '谁出', '谁付', '寄回'],
  'return-address': ['地址', '寄到', '寄哪', '寄回哪'],
  'return-tracking-number': ['单号', '填'],
  'postage-top-up': ['补运费', '补邮费', '运费', '邮费'],
  'exchange-price-rules': ['差价', '补钱', '补差', '价格不一样', '活动款', '正价'],
  'exchange-reserved': ['换+留', '换+有货', '换+还有', '换+有没有'],
  'missing-item': ['少', '漏', '缺', '只有一', '不全'],
  'damaged-refuse': ['拒签', '拒收', '没签', '签收前', '外包装'],
  'quality-late': ['超过', '好久', '很久', '一周', '一个月', '半个月', '几天前', '上个月'],
  'quality-odor': ['味', '臭', '刺鼻'],
  'repair-send': ['寄修', '寄回', '怎么修', '送修', '寄到'],
  'complaint-escalate': ['主管', '领导', '经理', '上级', '负责人'],
  'complaint-resolve-first': ['12315', '平台', '投诉你', '举报', '工商', '介入'],
  'review-bad': ['差评', '中评', '低分', '一星', '追评', '评价'],
  'review-thanks': ['好评', '评价', '五星', '晒图', '追评', '评论'],
  'review-no-cashback': ['返现', '返钱', '返红包', '好评返', '返利'],
  'bye-five-star': ['好评', '五星', '满意', '不错', '喜欢'],
  'bye-after-sale': ['解决', '处理好', '搞定', '退好', '换好', '到账了'],
  'bye-not-yet': ['看看', '考虑', '想想', '再说', '先不', '再看', '等等', '不急'],
};

export interface FitData {
  /** Stage bits a reply's text is true at; 0 = any stage. */
  stage: Uint8Array;
  /** Normalised detail words per reply (null: a general reply). */
  detail: (string[][] | null)[];
  /** 1: the reply asks the buyer for a good review. */
  asksReview: Uint8Array;
}

const cache = new WeakMap<readonly Template[], FitData>();

export function fitOf(templates: readonly Template[]): FitData {
  const hit = cache.get(templates);
  if (hit) return hit;
  const stage = new Uint8Array(templates.length);
  const asksReview = new Uint8Array(templates.length);
  const detail = templates.map((t, i) => {
    let s = 0;
    for (const o of t.orders ?? []) s |= OF_ORDER[o] ?? 0;
    stage[i] = s || (INVITES_PURCHASE.test(t.body) ? PRE | UNPAID : 0);
    asksReview[i] = ASKS_REVIEW.test(t.body) ? 1 : 0;
    const d = own(DETAIL, t.id) ?? null;
    // 'a+b': both words (换+有货: the exchange item is in stock, not a shopper's 有货吗).
    return d && d.map((w) => w.split('+').map((p) => normalize(p).text));
  });
  const f = { stage, detail, asksReview };
  cache.set(templates, f);
  return f;
}
