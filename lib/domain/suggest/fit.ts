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
import { shiftOfTemplate } from '../templates/starter-shift';
import { FAULT_NAMED, PART_OFF, WORRY_AHEAD } from './cues';
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
  // Before paying (付款前想问下面料, 支付之前问问): not paid yet, whatever 付 says to 已付款确认's detail.
  [/(?:现在|今天|马上|明天)(?:下单|拍|买|付款?)|(?:付款|支付|付钱)(?:之|以)?前/, PRE | UNPAID],
  // An announced purchase (那我先拍了, 这就去下单): not made yet, whatever its 了 says. A space may end it
  // (那我先拍了 谢谢亲: read as no stage, 已付款确认 was its second card).
  [/(?:先|这就|现在就)去?(?:下单|拍|买)(?:了|啦|吧)?(?:[哈啊呀哦～~！!。，,\s]|$)/, PRE | UNPAID],
  [/还没(?:付|支付)|没付款|未付款|待付款|付不了|付不上|(?:付款?|支付).{0,3}(?:失败|不成功|没成功)|没付成/, UNPAID],
  [/(?:已经?|刚)(?:付|支付)|付(?:了|过)(?:款|钱)?|钱(?:已经)?付|等待发货|待发货|还没发|没发货|还不发|怎么不发|不给发|还没寄/, PAID],
  // 已经发货了 says it shipped; 已经发货了吗 / 发货了没 ask (a bare 发 needs its 了: 已经发货了吗 held 已经发).
  [/已经?(?:发货|发出)了?(?![吗么没嘛呢?？了])|已经?发了(?![吗么没嘛呢?？])|(?:发货|发出)了(?![吗么没嘛呢?？])|物流|快递(?:到|在)|到哪|在路上|派送中|没更新/, SHIPPED],
  // Not received yet (还没收到货, 快递没收到) is in transit; 退款还没收到 is the money, not the goods.
  [/(?<![款钱]|[款钱]还)(?:还没|没有?|未)(?:收到|拿到)/, SHIPPED],
  // The buyer's own after-sale words say they hold the goods (发错了, 少发一件, 已经寄回了, 收到就坏了):
  // without them a wrong item on a chat page with no order lost W_STAGE_UNKNOWN on every received-only
  // reply, and 补运费 led (QA pass T, finding 2). A parcel sent to the wrong address (发错地址了) is no goods in hand:
  // beside a paid order it read as received and 已发货改地址 was a card (2026-12-07).
  [/(?:你们|你家|商家|店家)(?:发|寄)(?:的|来的|过来的|给我的)|(?:发|寄)(?:来|过来)的|(?:发|寄)错(?!了?(?:收货)?地址)|错发|发成了|少发|漏发|少寄|漏寄|多发了|(?:已经?|刚)寄回|寄回(?:去)?了|退回去|退货(?:已经?|寄出|单号|地址)|(?:开胶|开线|掉色|褪色|脱色|坏)了|(?:掉|褪|脱|串)色(?:很|太|好|特别|非常|有点|挺|超|真)?(?:严重|厉害)|染到|穿着?(?:有点|太|偏)?(?:小|大|紧|松|短|长)了/, AFTER],
  // Another size wanted, said and not asked (换大一码, 我要换成L, 申请换大一码): the goods are in hand. 偏小，建议拍大一码
  // led 换大一码 beside a completed order, advice for a shopper (walk, 2026-12-07). A question (能换大一码吗) or a
  // condition (万一小了换大一码) may come before buying: not read.
  [/^(?!.*(?:如果|万一|要是|假如|的话|到时候|吗|么|\?|能不能|可不可以|可以不|行不行)).*换(?:个|一个|成|为|到)?\s*(?:(?:大|小)(?:一|两|半)?(?:码|号)|(?:[a-zA-Z]{1,4}|\d{2,3})\s*(?:码|号|的))/, AFTER],
  // The goods do not fit (鞋子小了, 裤子有点长了): worn, so received, unless only feared (怕小了, 万一大了).
  // …a size named for them too (L的太肥了, 38的小了).
  [/^(?!.*(?:如果|要是|万一|假如|怕|会不会|担心)).*(?:衣服|裤子|鞋子?|裙子|外套|上衣|袖子|裤腿|腰|码|(?<![a-zA-Z])[a-zA-Z]{1,4}的|\d{2,3}的)(?:有点|太|偏|稍微|穿着)?(?:小|大|紧|松|短|长|肥|瘦)了(?![吗么呢?？])/, AFTER],
  // The buyer judging the goods (东西挺好的就是发货太慢了, 质量很不错): they hold them. Not a look or a
  // hearsay before buying (看着质量挺好的, 听说东西不错), nor a question (质量很好吗).
  [/(?<!看着|看起来|看上去|图上|图片|评价说|听说|据说)(?:东西|宝贝|货|质量)(?:都|也)?(?:挺|很|蛮|真|非常|特别|还挺|还蛮|还是挺|确实)(?:好|不错|满意)(?![吗么嘛呢吧?？])/, AFTER],
  [/(?<![没未])收到(?:了|的|就)|(?<![没未])收到货(?!后|以后|之后)|货到了|到货了(?![吗么])|(?:已|刚)签收|签收了|穿了|洗了|穿过|洗过|用了|交易成功|确认收货/, AFTER],
];

/**
 * Dye loss the buyer has seen (洗了掉色, 掉色严重, 染到别的衣服, 脱色了), against a question whether
 * it will happen (这个会掉色吗, 牛仔裤掉色吗, 洗了会不会掉色, 容易褪色不): the question is asked before
 * buying or receiving, whatever 洗了 says, and 掉色处理 (给您添麻烦了…按质量问题处理) is no answer to
 * it, though it led such questions. 为什么会掉色 / 怎么会掉色 complain of what happened.
 */
const FADED = /(?:掉|褪|脱|串|染|落)色了|(?:掉|褪|脱|串)色(?:很|太|好|特别|非常|有点|挺|超|真)?(?:严重|厉害|多|大)|(?:一|就|都|也)(?:掉|褪|脱|串)色|染(?:到|了|上|蓝|红|黑|花)|把[^。！？]{0,8}染/;
const FADE_AHEAD = /(?<!为什么|怎么|咋)(?:会|会不会|容易|可能|易)(?:掉|褪|脱|串|染|变)色|(?:掉|褪|脱|串|染)色(?:吗|么|嘛|不[?？]?$|没[?？]|[?？])|(?:掉|褪)不(?:掉|褪)色/;

/**
 * Whether it is in stock (有现货吗, 还有货吗, 有没有库存, M码还有吗): asked before buying or paying, whatever
 * orders the page shows beside the chat (a buyer with a paid order shopping again). Not an exchange's new
 * item (换的还有货吗: 换货已留货), nor what the shop said before (不是说有现货吗, a late order). Until
 * 2026-12-07 有现货吗 今天能发吗 发顺丰可以吗 beside a paid order read as paid: 有现货 and 发货时间 (您现在付款
 * 的话…) lost their stage and neither was on the cards (keyboard walk). Words that say before purchase
 * (还没下单) say it more exactly: the question then adds nothing.
 */
const STOCK_ASKED = /^(?!.*(?:换|退|(?:说|不是|明明|以为|显示)[^，。！？,!?]{0,4}(?:有|是)现?货)).*(?:(?:有|还有)(?:没有)?(?:现货|货|库存)(?:吗|么|嘛|没|不|呢|没有|[?？]|\s|$)|有没有(?:现货|货|库存)|是不是现货|现货(?:吗|么|嘛|不|呢|没|[?？])|(?:码|号|色|款)的?(?:还)?有(?:吗|么|嘛|没|不|呢|[?？])|还有(?:没有)?[^，。！？,!?\s]{0,4}(?:码|号|色)的?(?:吗|么|嘛|没|呢|[?？]))/i;

export function stageOfWords(text: string): number {
  if (FADE_AHEAD.test(text) && !FADED.test(text)) return PRE;
  let m = 0;
  for (const [re, bits] of STAGE_WORDS) if (re.test(text)) m |= bits;
  if (!(m & PRE) && STOCK_ASKED.test(text)) m |= PRE | UNPAID;
  return m;
}

/**
 * The buyer says the review is given (已经给了五星, 好评已给, 给你们五星好评了): a reply that asks for
 * one (给个五星好评) asks for what is done. Read off the body, so it holds for a shop's own replies.
 */
const GAVE_REVIEW =
  /(?:已经?|刚刚?|都)(?:给|打|写|留|评)(?:了|过)?[^，。！？,!?]{0,4}(?:五星|好评)|(?:给|打|写|留)了[^，。！？,!?]{0,4}(?:五星|好评)|(?:五星|好评)(?:已经?|都)(?:给|打|写|留)|(?:五星|好评)(?:给|打|写|留)了|(?:给|打)[^，。！？,!?]{0,6}(?:五星|好评)了/;
const ASKS_REVIEW = /(?:给|打|留)(?:个|一个|我们一个|我们|下)?(?:五星|好评)|求好评|五星好评哦/;

/**
 * A review said to be there in any word order: the review named first and its verb after (评价我已经写了,
 * 好评早就给了, 五星给过了, 中评我都打过了), or the verb with 过 right before it (已经写过评价了, 打过一星);
 * not denied (还没写评价) nor asked (评价写了吗). Its kind is read from the whole message (评价我已经写了，
 * 差评: the kind comes after; those read as no review at all and 邀请五星评价 was the second card).
 */
const REVIEW = '(?:评价|评论|差评|中评|好评|五星|5星|(?:一|1|两|二|2)颗?星|最?低分)';
const REVIEW_VERB = '(?<![没未不])(?:给|打|写|留|评)(?:完|好)?(?:了|过)(?![吗么没?？])';
const SAID_POSTED = new RegExp(`${REVIEW}[^。！？?，,]{0,6}${REVIEW_VERB}|${REVIEW}[，,][^。！？?，,]{0,6}${REVIEW_VERB}|${REVIEW_VERB}(?:个|一个)?(?:你们?)?${REVIEW}`);
const GOOD_KIND = /好评|五星|5星|满分/;
const BAD_KIND = /差评|中评|(?:一|两|二|1|2)(?:颗)?星|低分/;

export function gaveReview(text: string): boolean {
  return GAVE_REVIEW.test(text) || (SAID_POSTED.test(text) && GOOD_KIND.test(text) && !BAD_KIND.test(text));
}

/**
 * The buyer asks when the parcel will be there (几天能到, 多久能收到, 什么时候能送到, 明天能到吗, 发到广州要几天):
 * the delivery time, i.e. the day it ships plus the days in transit. 到货时间 names the days asked for
 * and leads; 发货时间 (the day it leaves) follows. Its 能到/送到 say nothing of whether the courier
 * reaches the buyer: 运费与快递可达 tied 发货时间 for Alt+1 on them in 付款以前问下几天能到, and the
 * library's order decided. A wait already too long (几天了还没到) is no such question.
 */
const WHEN = '(?:几天|多少天|多久|多长时间|什么时候|何时|几号|哪天|今天|明天|后天|周[一二三四五六日末]|几点)';
const ARRIVAL_WHEN = new RegExp(`${WHEN}[^，。！？,!?没不了]{0,4}?(?:送到|收到|送达|到)|(?:要|得|需要)${WHEN}`, 'g');

export function asksArrival(text: string): boolean {
  ARRIVAL_WHEN.lastIndex = 0;
  return ARRIVAL_WHEN.test(text);
}

/**
 * The buyer asks when the parcel leaves (今天能发吗, 什么时候发货, 明天能发出吗, 多久发货) and not when it
 * arrives: 到货时间 (发货后一般…天左右送达) does not answer it, and goes behind the replies that do (rank.ts),
 * as a reply whose detail is not named does. Beside a paid order 到货时间 led 今天能发吗 and came
 * before 发货时间 in 有现货吗 今天能发吗 发顺丰可以吗 (keyboard walk, 2026-12-06). Not 发票 (an invoice),
 * nor what was sent (发错, 发成, 发的是).
 */
const DEPARTS = /发货|发出|寄出|发走|(?:能|可以|会|才|就|还|马上|尽快|赶紧|快点|今天|明天|后天|当天|几号|哪天|什么时候|几时|几点|多久|几天)[^，。！？,!?\s]{0,3}?发(?![票错成的了现])/;

export function asksDeparture(text: string): boolean {
  return DEPARTS.test(text) && !asksArrival(text);
}

/** Starter replies that answer when the parcel arrives, by stable id. */
const ANSWERS_ARRIVAL = new Set(['ship-arrival']);
/** …and the one that tells a buyer who has paid the day their order leaves (已付款确认: 收到您的付款啦…订单
 * {发货日}发出): a paid order beside the chat names its detail (a payment made) when the buyer asks when it
 * ships. 发货时间 (您现在付款的话…) is for a buyer who has not paid; 今天能发吗 beside a paid order had it
 * first and 已付款确认 third, behind 发货地. */
const ANSWERS_PAID_DEPARTURE = new Set(['order-paid']);

/**
 * Buyer words that do not name a reply's detail though they hold its words: in an arrival question
 * the 能到 of 几天能到 is no reachability (运费与快递可达's 能到, 送到).
 */
const ADDRESS_WRONG = /(?:寄|发|送|派|写|填|选|弄|搞)错了?(?:收货|退货)?地址|(?:地址|地方)(?:被)?(?:寄|发|送|派|搞|弄|写|填|选)?错/g;
const NOT_DETAIL: Record<string, RegExp> = {
  'order-confirm-postage': ARRIVAL_WHEN,
  // The shop's own pictures the goods are held against (跟图片完全不一样, 和详情页的图不符) are no photo the
  // buyer sent: 质量问题处理方案 (照片看到了) led 有色差 跟图片完全不一样 before any photo.
  // The 错 of an address got wrong (寄错地址, 地址写错了, 退货寄错地址了) is no goods sent wrong: 发错货 was second on
  // 我退货寄错地址了怎么办 (a return-shipping reply too; walk, 2026-12-07, fifth round).
  'wrong-item': ADDRESS_WRONG,
  'extra-item': ADDRESS_WRONG,
  'quality-options': /(?:跟|和|与|同|比|对比)(?:宝贝|商品|详情页?|主图|网上|页面|你们|店里)?的?(?:图片|照片|图)|(?:图片|照片)(?:上|里)(?:的|看)?/g,
};

/**
 * Replies with no order condition — a chosen situation keeps a card whatever the buyer's orders
 * (starter.test.ts) — whose text is still false at some stage, and the stages it is true at. Unlike
 * `orders`, they only lose ground when the buyer's stage is known and none of these (never gain it):
 * 查询发货进度 (我马上帮您查一下这单的发货进度) to a buyer who has the goods (东西挺好的就是发货太慢了: the wait
 * is over, the complaint about it is left), 换货流程 (寄回…给您寄出新的) to one whose parcel has not left
 * (想换个颜色，还没发货吧: the order itself is changed, 取消已付款订单 says so). Both led such a message
 * until 2026-12-06 (QA pass of that day).
 */
const TRUE_AT: Record<string, number> = {
  'delay-check': PRE | UNPAID | PAID | SHIPPED,
  'exchange-how': SHIPPED | AFTER,
  // 发货后一般…天左右送达: a parcel not yet in the buyer's hands.
  'ship-arrival': PRE | UNPAID | PAID | SHIPPED,
  // Which courier the shop will send with (我们默认发…我帮您看看能不能换一家; 可以发顺丰…您拍下后): settled
  // once the parcel has left. 默认快递 led a shipped order's 送不上门的话我去驿站拿也行 (2026-12-06).
  'courier-default': PRE | UNPAID | PAID,
  'courier-sf': PRE | UNPAID | PAID,
  // 我在订单上给您备注…帮您看看能不能换一家: before the parcel leaves (a shipped one is 查询物流's).
  'courier-door': PRE | UNPAID | PAID,
  // 下单时在订单备注里写上…打包时按备注来: before the parcel is packed.
  'gift-wrap': PRE | UNPAID | PAID,
  // 实际运费在下单页填好收货地址后会自动算出来: before the order's postage is paid.
  'postage-region': PRE | UNPAID,
  // 收到您的付款啦…订单{发货日}发出: paid and not yet sent. Its detail holds 拍了 (我拍了 after paying), and
  // 好的 那我先拍了 谢谢亲 — a purchase only announced — had it second (2026-12-07).
  'order-paid': PAID,
};

/** A body that asks the buyer to buy is only true before the purchase (有现货…放心拍下; 建议…拍大一码
 * is advice for a shopper, not for a buyer whose shoes came apart). */
const INVITES_PURCHASE = /(?:拍|买)(?:大|小)一码|放心拍|早点拍|尽快拍下|可以拍下|直接拍下|现在下单|放心下单|现在付款的话/;

/** The buyer says the goods are on their way back (退货寄出了, 已经寄回去了). */
export const SENT_BACK = ['寄出了', '已寄出', '已经寄出', '寄回了', '寄回去了', '已寄回', '已经寄回', '退回去了', '退回了', '寄过去了', '寄走了'];

/** A smell, and dye loss: the kinds of defect 新衣有气味 and 掉色处理 are written for. */
const ODOR = ['味', '臭', '刺鼻'];
const FADING = ['掉色', '褪色', '脱色', '染色', '串色', '浮色', '掉颜色', '染到', '染了'];
/** Other kinds of defect, named (坏了, 裂了, 开线, 不亮, 拉链头掉了): not a word for defects in general (质量问题, 有问题). */
const OTHER_FAULTS = ['坏', '破', '裂', '碎', '断', '漏', '烂', '开胶', '脱胶', '开线', '脱线', '崩线', '起球', '缩水', '掉毛', '掉皮', '掉漆', '掉钻',
  '生锈', '变形', '划痕', '不亮', '不响', '没声音', '没有声音', '不转', '没反应', '用不了', '不能用', '不好用', '充不进', '充不上', '连不上', '死机', '黑屏', '花屏',
  '卡顿', '发霉', '变质', '线头', '有洞', '破洞', '掉了', '松了', '脱落', '发烫', '漏水', '打不开', '关不上', '拉不上'];

/**
 * What each starter reply is written for, in the buyer's words (normalised). A reply with details
 * leads only a message that says one of them ('a+b': both); without, its situation's general replies come first.
 * Keyed by the starter's stable ids, so a stored copy keeps them (a shop's own replies have none).
 */
/** The return-postage insurance by its names (运费险, 退货险, 运费保险). */
const INSURANCE = ['运费险', '退货险', '运费保险', '退货保险', '退运险'];

const DETAIL: Record<string, string[]> = {
  'welcome-returning': ['回来', '又来', '上次', '老客', '老顾客'],
  'welcome-human': ['人工', '机器人', '真人'],
  'welcome-late-reply': ['人呢', '没人', '怎么不回', '不理', '回复'],
  'welcome-night': ['晚', '夜'],
  'product-usage': ['安装', '怎么用', '使用', '说明书', '用法', '操作'],
  // Torn between two (两款犹豫, 纠结选哪个), not any doubt: 还在犹豫，怕质量不好 is about one item's quality.
  'product-compare': ['哪个', '哪款', '两款', '对比', '推荐', '犹豫+两', '纠结+两', '两个+犹豫', '两个+纠结'],
  // …and a worry about the goods before buying (怕质量不好, 不放心): 请放心…七天无理由 answers it.
  // 保真, 专柜, 原装 ask the same (保真吗 专柜同款 had 细节待核实 first; pre-sale walk, 2026-12-07).
  'product-genuine': ['正品', '假', '保障', '真的', '保真', '专柜', '原装', '原厂', '真货', '仿', '担心', '担忧', '不放心', '就怕', '害怕', '怕质量', '怕买到', '怕做工'],
  'product-color': ['颜色', '色差', '显白', '显黑', '肤色', '显色'],
  // What it is made of (面料是…手感柔软、透气性好): not any question about the product (充电宝能带上飞机吗
  // had 面料材质 first, tied with 细节待核实 and ahead of it in the library).
  'product-material': ['面料', '材质', '材料', '布料', '料子', '什么料', '成分', '含棉', '纯棉', '棉的', '全棉', '麻', '真丝', '羊毛', '羊绒', '涤纶', '化纤', '聚酯', '莫代尔', '雪纺', '起球', '透气', '手感', '不锈钢', '塑料', '实木', '皮的', '真皮',
    // …and how the cloth behaves in the wash, which its care advice answers (这件外套会掉色吗).
    '掉色', '褪色', '缩水', '起皱', '静电', '机洗', '手洗', '怎么洗', '能洗'],
  'product-match': ['搭配', '配什么', '怎么配', '一起买'],
  // …and the shop's page saying it is gone (付款的时候显示库存不足), or the colour asked back (什么时候能补上).
  'stock-restock': ['补货', '断货', '卖完', '卖光', '没货', '缺货', '售罄', '再上', '还会有', '什么时候有', '到货', '库存不足', '库存不够', '没库存了', '没有库存了', '显示无货', '补上', '再补', '补回来'],
  'size-model': ['模特'],
  // A size can be recommended once the buyer gave height or weight (身高165 体重110斤); before that, 询问身高体重 asks for them.
  'size-recommend': ['身高', '体重', '斤', 'cm', 'kg', '公斤', '米'],
  // The size the buyer usually wears (平时穿38的鞋, 我一般穿M): 按平时尺码推荐 answers from it.
  'size-usual': ['平时穿', '平常穿', '一般穿', '平时都穿', '平常都穿', '一般都穿', '日常穿', '一直穿', '平时买', '一般买', '平时拍', '一般拍', '平时的码', '平时尺码', '平常的码'],
  'size-between': ['之间', '中间', '还是', '两个码'],
  'size-chart': ['尺码表', '尺寸', '平铺', '衣长', '胸围', '肩宽', '袖长', '腰围'],
  'size-runs-small': ['偏小', '偏大', '小一码', '大一码', '码准', '正码'],
  // 放心拍，收到如果尺码不合适…可以申请换码: whether a size can be swapped, asked before buying (不合适能换吗,
  // 万一小了可以换吗), not a swap wanted for goods in hand (L码大了想换个M码, 衣服偏大，我想换成S: it led those,
  // or came second, beside a completed order; 2026-12-07).
  'size-exchange-ok': ['如果', '万一', '要是', '假如', '的话', '到时候', '收到后', '收到以后', '包换', '支持换', '不合适能', '不合适可以', '不合适怎么办', '能不能退换', '可以退换吗', '能退换吗', '换不换'],
  'bargain-gift': ['送', '赠', '礼物', '礼品'],
  'bargain-free-shipping': ['包邮', '运费', '邮费'],
  // Asking for someone higher up (问问你们老板); a buyer calling the agent 老板 (便宜点啊老板) is not.
  'bargain-ask-supervisor': ['主管', '领导', '店长', '问问老板', '问下老板', '问一下老板', '找老板', '你们老板', '跟老板', '请示'],
  'bargain-returning': ['老客', '老顾客', '回头客', '买过', '上次', '老用户', '熟客'],
  'promo-coupon': ['券', '优惠码', '领'],
  'promo-full-reduction': ['满减', '满', '凑单'],
  // 买贵了 (paid more than the live room's price since) asks for the difference back (round nine).
  'promo-price-protect': ['降价', '差价', '价保', '保价', '便宜了', '买贵', '拍贵', '付贵'],
  // …and a gift promised with the order (下单送杯套 送了吗, 拍下就送; round nine).
  'promo-gift-rules': ['赠品', '送的', '送什么', '礼品', '赠送', '下单送', '下单就送', '拍下送', '拍下就送', '买就送', '关注送', '送了吗', '送了没'],
  'order-confirm': ['核对', '确认', '对一下', '对吗', '对不对'],
  'order-confirm-postage': ['运费', '邮费', '快递费', '到得了', '能到', '送到'],
  // A payment made (付了, 已付款, 付完), not any word of paying: 能不能先发货后付款 had 收到您的付款啦 first.
  'order-paid': ['付了', '付过', '付好', '付完', '已付', '已经付', '刚付', '我付款了', '付钱了', '支付了', '已支付', '钱付', '款付', '拍好', '拍了', '下单了', '买了'],
  'invoice-info': ['抬头', '税号', '邮箱', '开票信息', '电子发票'],
  'invoice-special': ['专票', '专用', '增值税'],
  'pay-failed': ['失败', '没成功', '不成功', '付不了', '付不上', '付不出', '支付不了', '限额', '余额不足', '扣款', '报错', '提示'],
  'pay-by-friend': ['代付', '朋友', '家人', '别人', '帮我付', '帮忙付', '老公', '老婆'],
  // Two orders (拍了两单, 拍了两次), not two pieces in one (拍了两件 能便宜点吗 had 重复拍下 second; 2026-12-07).
  'pay-duplicate': ['重复', '两单', '两个订单', '拍了两单', '拍了两次', '拍了两个一样', '拍了两遍', '多拍', '拍多', '拍重', '两次'],
  'pay-price-changed': ['改价', '改好', '改了价', '改价格', '价格改'],
  // Which ways of paying the shop takes, on any platform (花呗, 白条, 先用后付, 月付).
  'pay-methods': ['花呗', '白条', '信用卡', '分期', '刷卡', '付款方式', '支付方式', '怎么付', '怎么支付', '用什么付', '什么方式', '哪些方式', '支付宝', '微信', '用银行卡', '银行卡付', '储蓄卡', '借记卡', '货到付款', '先用后付', '后付', '月付', '云闪付', '网银', '对公', '转账'],
  // Where the goods leave from (从哪里发货, 哪里发的货, 发货地), not when.
  'ship-from': ['发货地', '哪里发', '哪发', '哪儿发', '从哪', '哪个城市', '哪个省', '哪个仓', '什么地方发', '发货城市', '发货仓', '发出地', '哪里寄出'],
  'courier-sf': ['顺丰'],
  // The door or a pick-up point (送上门, 送到家, 放驿站, 快递柜), not which courier.
  'courier-door': ['上门', '到家', '门口', '上楼', '楼下', '驿站', '快递柜', '丰巢', '菜鸟', '代收点', '自提', '自己取', '自己拿', '去取', '去拿'],
  // Wrapping, a card or a box for a present (送人的 能帮忙包装一下吗, 可以写贺卡吗, 有礼盒装吗), not a gift asked for.
  'gift-wrap': ['包装一下', '包装好', '帮忙包装', '帮我包装', '礼品包装', '精美包装', '包装+送', '包装+礼', '包起来', '包一下', '贺卡', '卡片', '写卡', '祝福', '礼盒', '礼品袋', '礼品盒', '手提袋', '送人', '送礼', '生日礼物'],
  // A far place asked before any order (新疆能发吗, 发到香港可以吗, 偏远地区加多少运费): what the shop sends to and adds.
  'postage-region': ['偏远', '边远', '新疆', '西藏', '青海', '内蒙', '宁夏', '甘肃', '海南', '香港', '澳门', '台湾', '港澳', '海外', '国外', '境外'],
  'courier-unreachable': ['到不了', '送不到', '不到', '派送不', '偏远', '不送', '不派'],
  'tracking-stuck': ['不动', '没更新', '不更新', '没动', '停', '卡', '好几天', '几天了'],
  'tracking-signed-missing': ['签收', '签了'],
  'delay-out-of-stock': ['缺货', '断货', '没货', '卖完', '没有货'],
  // …and the day it leaves asked of a paid order (今天可以发出吗): its text names that day ({发货日}).
  'delay-urged': ['催', '快点', '尽快', '急', '今天+发', '明天+发', '今天+寄', '明天+寄'],
  'merge-other-account': ['账号', '账户', '另一个号', '两个号', '别的号', '小号'],
  'address-changed-confirm': ['改好', '改了吗', '改了没', '改成功', '改过来'],
  'cancel-printed': ['拦', '打单', '打包'],
  'return-postage-buyer': ['运费', '邮费', '快递费', '谁出', '谁付', '到付', '平邮'],
  // Not 寄回 alone: 寄回去了 says the return is sent (return-sent), not who pays for it (it led 东西我寄回去了).
  'return-postage-shop': ['运费', '邮费', '快递费', '谁出', '谁付', '垫付', '报销'],
  // Return-postage insurance named (运费险怎么用, 有运费险吗, 退货运费险怎么赔): 退货运费险 explains it.
  'return-insurance': INSURANCE,
  'return-address': ['地址', '寄到', '寄哪', '寄回哪'],
  'return-tracking-number': ['单号', '填'],
  'postage-top-up': ['补运费', '补邮费', '运费', '邮费'],
  // How long a refund takes, not a chase (退款到现在还没收到: 退款进度（先查订单） checks instead).
  'refund-time': ['多久', '几天能', '几天到', '几天退', '多长时间能', '多长时间到', '几个工作日', '一般要', '流程', '什么时候到账', '什么时候退', '啥时候到账', '何时到账'],
  // 退款已经操作好了: for a buyer asking whether it is done, not when the money arrives or why not yet
  // (with a refund on the page, 退款进度 answers those).
  'refund-done': ['退了吗', '退了没', '退好了吗', '退款了吗', '处理了吗', '处理好了吗', '同意了吗', '同意退款了吗', '退了没有'],
  'exchange-price-rules': ['差价', '补钱', '补差', '价格不一样', '活动款', '正价'],
  'exchange-reserved': ['换+留', '换+有货', '换+还有', '换+有没有'],
  // 发错货 is for a wrong item, not any 错发漏发 message (退货单号填在哪 had it second; 多发了一件 first).
  // What came against what was ordered, in other words (发的是蓝色…明明是黑色); not 拍的是五包, a count.
  // …and what came said outright (发过来的是左脚两只, 寄来的是旧款: 多发了商品 tied it on the library's order).
  'wrong-item': ['错', '不对', '不一样', '不符', '不是我', '发成', '对不上', '发的是', '明明是', '明明买的', '明明拍的', '来的是', '收到的是', '寄的是'],
  // 盒子里只有主机，充电器没放: the part not packed.
  // …and fewer said to have come than were bought (只收到两件 我拍了三件, 才到了3包): 发错货 led it on the library's
  // order, no detail of either named (walk, 2026-12-07).
  'missing-item': ['少', '漏', '缺', '只有', '不全', '没放', '没有放', '没装', '没有装', '只收到', '只来了', '只到了', '只发了', '只寄了', '只给了', '才收到', '才到了', '才来了', '才发了', '就收到', '就来了', '就到了', '就发了',
    // …and the rest asked after (到了一个 还有一个呢, 收到一件 另一件呢, 还差两个): one of several came, the others are
    // missing or on their way; 发错货 led on the library's order (walk, 2026-12-07).
    '另一', '另外一', '还差', '剩下的', '其余的', '其他的呢', '还有一+呢', '还有一+没',
    // …or a count come of a count (两盒到了一盒, 买了三双 到了两双): 发错货 led it on the library's order (2026-12-07).
    '到了一', '到了两', '到了二', '到了三', '来了一', '来了两',
    // …or a thing not found in the parcel (赠品没收到, 送的袜子没看到).
    '没收到', '没看到', '没见到', '不见了', '没在'],
  'extra-item': ['多发', '多寄', '多给', '多出', '多了一', '多了两', '多一件', '多一个'],
  // Not 外包装: 外包装完好 names it and is the opposite case (the buyer signed, the box looked fine).
  'damaged-refuse': ['拒签', '拒收', '没签', '签收前'],
  // "照片看到了，确实是我们的问题": only once the buyer says a picture was sent. The chat reader skips
  // image rows (lib/sites: readRow gives nothing for an image), so the buyer's words are all there is;
  // until then 质量问题请拍照 asks for them (domain: photos within 24 h).
  'quality-options': ['照片', '图片', '拍了照', '拍照了', '拍给你', '拍好了', '发你了', '发给你了', '看图', '看下图', '截图', '视频'],
  'quality-late': ['超过', '好久', '很久', '一周', '一个月', '半个月', '几天前', '上个月'],
  'quality-odor': ODOR,
  'quality-fading': FADING,
  // The buyer says the return is on its way, or hands its number (退货寄出了，单号…).
  'return-sent': [...SENT_BACK, '寄出', '发出了', '寄了'],
  'repair-send': ['寄修', '寄回', '怎么修', '送修', '寄到'],
  // An exchange under way (the item already sent back), not a new exchange request (换个码).
  // …and the new item named in other words (换货的新衣服什么时候发: 换货流程 led, as for a new exchange).
  'exchange-check': ['寄回', '寄过去', '退回去', '寄给你们', '已经寄', '早寄', '换的+发', '新的+发', '换的+收到', '换货+收到', '换货的新', '换的新', '新衣服+发', '新鞋+发', '新的那'],
  'exchange-back-received': ['寄回', '寄过去', '退回去', '寄给你们', '已经寄', '早寄', '换的+发', '新的+发', '换的+收到', '换货+收到'],
  'exchange-back-on-way': ['寄回', '寄过去', '退回去', '寄给你们', '已经寄', '早寄', '换的+发', '新的+发', '换的+收到', '换货+收到'],
  // 仅退款: the buyer keeps the goods, not a return (怎么退货).
  'refund-only': ['仅退款', '只退款', '只退钱', '不退货', '不寄回', '不想寄', '不用寄', '不寄了', '不想退回', '留着', '免退'],
  // A refund short of what was paid (退了89，付了99), not a chase.
  'refund-amount-diff': ['只退了', '只有', '只到', '才退', '退少', '少退', '少了', '不够', '差了', '金额不对', '比我付的', '怎么才', '不是全额', '差额', '一半'],
  'complaint-escalate': ['主管', '领导', '经理', '上级', '负责人'],
  // …and a threat in any words (再不处理就给差评了, 不然我就投诉): the buyer has not acted yet, there is
  // still something to settle first (中差评沟通 led 再不处理就给差评了).
  'complaint-resolve-first': ['12315', '平台', '投诉你', '举报', '工商', '介入', '再不', '不然', '否则', '要是+就', '如果+就', '不+就+差评', '不+就+投诉'],
  // A bad review threatened (再不解决我就给差评了, 等着差评吧): any threat names it (SETTLES_THREAT); these are
  // its plainest words, a review kind with a condition or intent word beside it.
  'review-threat': ['差评+再不', '差评+不然', '差评+否则', '差评+就', '差评+要', '差评+等着', '差评+小心', '中评+就', '一星+就'],
  // …and the stars in the buyer's short forms (一颗星早给了, 打了1星, 两星已经给了).
  'review-bad': ['差评', '中评', '低分', '一星', '一颗星', '1星', '1颗星', '两星', '二星', '2星', '两颗星', '2颗星', '追评', '评价'],
  'review-thanks': ['好评', '评价', '五星', '晒图', '追评', '评论'],
  'review-no-cashback': ['返现', '返钱', '返红包', '好评返', '返利'],
  'bye-five-star': ['好评', '五星', '满意', '不错', '喜欢'],
  'bye-after-sale': ['解决', '处理好', '搞定', '退好', '换好', '到账了'],
  'bye-not-yet': ['看看', '考虑', '想想', '再说', '先不', '再看', '等等', '不急'],
};

/**
 * Words that say a reply is not for this message, whatever else it names: its text would tell the
 * buyer something false (QA pass N, 2026-12-05). Read on the current message, and on the buyer's
 * message before it when the current one is a short follow-up (退货寄出了, then 单号YT…: the number
 * is the return's, not the shop's parcel, which 查询物流 answered); like an order
 * conflict, a reply they name is not suggested on that message (search still finds it).
 */
const STOCK_GONE = ['库存不足', '库存不够', '没库存了', '没有库存了', '显示没库存', '显示没有库存', '显示无货', '显示没货', '显示缺货', '显示售罄', '已售罄'];
const OWN_MISTAKE = ['买错', '拍错', '选错', '下错单', '点错'];
const NOT_FOR: Record<string, string[]> = {
  // 有现货 / 只剩最后几件…早点拍下 to a buyer the page has told it is gone (付款的时候显示库存不足: 库存紧张
  // led, 2026-12-06). A question (是不是断货了, 有没有库存) is no such statement and rules nothing out.
  'stock-available': STOCK_GONE,
  'stock-low': STOCK_GONE,
  'pay-remind-stock': STOCK_GONE,
  // 让您久等了 to a buyer who has just paid.
  'delay-apology': ['刚付', '刚拍', '刚下单', '刚买', ...OWN_MISTAKE],
  // …and the wait apologised for, or chased, to a buyer who ordered the wrong thing (付完款才发现买错了…
  // 还没发货: the 还没发货 is why it can still be stopped, not a complaint; 延迟发货致歉 led, 2026-12-06).
  'delay-urged': OWN_MISTAKE,
  'delay-check': OWN_MISTAKE,
  'delay-out-of-stock': OWN_MISTAKE,
  // 收到您的付款啦，谢谢 to a buyer who wants the money back.
  'order-paid': ['后悔', '取消', '不想要', '退'],
  // 来回运费需要您承担 to a buyer who advanced the postage: that is the quality return's path
  // (the buyer advances, the shop refunds it); a non-quality return has nothing to pay back.
  'return-postage-buyer': ['垫付', '垫了', '先垫', '报销'],
  // 物流好几天没更新 to a buyer whose refund is late (退款…等了好几天): the money, not a parcel.
  'tracking-stuck': ['退款', '退的钱', '退货', '寄回', '退回'],
  // 满意的话…五星好评 to a buyer who does not like it and wants to send it back.
  'bye-five-star': ['不喜欢', '不太喜欢', '不满意', '想退', '要退', '退货', '退款'],
  // The quality replies (an apology for a defect, an admission) to a return with no defect named.
  'quality-options': ['不喜欢', '不太喜欢', '无理由', '不想要', '不合适', '买错', '拍错', ...SENT_BACK],
  // 漏发 for money short (少个十块, 退款少了十块).
  'missing-item': ['便宜', '退款', '差价', '优惠', '块钱', '十块', '几块'],
  // The shop's outbound parcel (已经由…发出，请留意快递员的电话; 显示签收了但您还没拿到) to a buyer
  // asking about the return they sent back (QA pass T, finding 10).
  'tracking-query': ['退货', '寄回', '退回', '退的', '退件'],
  'tracking-check': ['退货', '寄回', '退回', '退的', '退件'],
  'tracking-signed-missing': ['退货', '寄回', '退回', '退的', '退件'],
  // 快递送到时您直接拒签 to a buyer who already has the goods (不想寄回去, 还能用): 仅退款 or a return (QA pass T, 9).
  'cancel-shipped': ['寄回', '退回去', '不想寄', '不用寄', '还能用', '用了', '穿了', '已经收到', '收到了', '到手', '拆了'],
  // How to start a return (申请售后…系统会给您退货地址; 是哪里不满意呢) to a buyer whose return is on its way.
  'quality-photos': ['不喜欢', '不太喜欢', '无理由', '不想要', '不合适', '买错', '拍错', ...SENT_BACK],
  'refund-only': SENT_BACK,
  // 单号收到了…仓库签收验货 to a buyer who does not want to send the goods back.
  'return-sent': ['不想寄', '不寄', '不用寄', '不想退', '不退了'],
  'return-7day': SENT_BACK,
  'return-retain': SENT_BACK,
};

/**
 * As NOT_FOR, unless one of the second list is named too: 寄回去了 with no parcel number is a return
 * on its way, and how to post it (寄回时请不要选到付) is no answer; 寄回去了，运费谁出 still asks it
 * (either led 东西我寄回去了 with how to post it).
 */
const POSTAGE_WORDS = ['运费', '邮费', '快递费', '谁出', '谁付', '到付', '垫付', '报销', '平邮'];
const NOT_FOR_UNLESS: Record<string, [string[], string[]]> = {
  'return-postage-buyer': [SENT_BACK, POSTAGE_WORDS],
  'return-postage-shop': [SENT_BACK, POSTAGE_WORDS],
  // A reply for one kind of defect (深色的布料头几次洗可能会有一点浮色; 新衣服刚拆开可能会有一点…味道) is no answer to
  // another kind named: 赠品坏了 had 掉色处理 third (walk, 2026-12-07). Its own kind named too, it stays (开线了 还掉色).
  'quality-fading': [[...OTHER_FAULTS, ...ODOR], FADING],
  'quality-odor': [[...OTHER_FAULTS, ...FADING], ODOR],
  // 收到的宝贝有破损真的很抱歉 to a worry whether the packing holds, asked before buying (包装牢固吗 路上会不会压坏,
  // 怕碎): it was a card beside 破损可拒签 (walk, 2026-12-07). Goods come broken said too (收到就碎了 怕再寄还会碎), it stays.
  // 实在抱歉给您发错了 to goods short (拍了三个 还差两个, 少发了一件): nothing came wrong, and 发错货 was the second card
  // (walk, 2026-12-07, eighth round). Something wrong said too (还差两个 而且发的颜色也不对), it stays.
  'wrong-item': [['还差', '少发', '漏发', '少了', '少寄', '漏寄', '没发全', '不全'], ['错', '不对', '不一样', '不符', '不是我', '发成', '对不上', '发的是', '明明是', '来的是', '收到的是', '寄的是']],
  'damaged-signed': [['会不会', '怕', '担心', '结实', '牢固', '厚不厚', '什么样', '啥样'], ['收到', '到了', '签收', '拆开', '坏了', '碎了', '破了', '烂了', '扁了', '变形了', '破损了']],
};

/**
 * Replies written for a situation on the side that only hold in it when the buyer's messages say so
 * (any message the panel read): 换货进度 is tagged 延迟发货 for an exchange's new item not sent yet
 * (新的还没发), not for a plain late parcel — chosen 延迟发货 on a shipped order showed it second;
 * 退货已寄出 is tagged 查件 for a return's number, not for the shop's own parcel.
 * When every shown situation a reply is written for is gated and none of its words is there, the
 * reply is not suggested (search still finds it).
 */
const RETURN_WORDS = ['退货', '退回', '寄回', '退的', '退件', '寄过去', '寄给你们'];
const ONLY_WITH: Record<string, Partial<Record<string, string[]>>> = {
  'exchange-check': { delay: ['换货', '换的', '换一件', '换一个', '换新', '换码', '要换', '寄回', '退回去', '寄过去', '寄给你们'] },
  // Only a return's number (快递单号是多少 asks for the shop's own).
  'return-sent': { tracking: RETURN_WORDS, 'return-shipping': RETURN_WORDS, 'refund-status': RETURN_WORDS },
  // Only for the insurance named: a plain postage question (不想要了退回运费谁出) is 非质量问题运费's.
  'return-insurance': { 'return-shipping': INSURANCE },
};

/**
 * Replies about an exchange under way (换货进度, 换货寄回件已收到/未签收): the buyer who only says the
 * goods went back (已经寄回去了) may be returning them for a refund, and the orders beside the chat
 * do not say which (a refunding order is either; no console adapter reads the after-sale's kind).
 * Without a word of an exchange in the buyer's messages, or the 换货 chip (the classifier's or the
 * agent's), they are not suggested (换货进度 led 已经寄回去了 on a completed order).
 */
const EXCHANGE_UNDER_WAY = new Set(['exchange-check', 'exchange-back-received', 'exchange-back-on-way']);
/** 换 of goods (换货, 换个码, 换成米色, 换的那件, 调换), not of an address or a phone (换个地址, 地址换了); 新的 (the replacement). */
const NAMES_EXCHANGE = /(?<!地址|电话|手机|号码|快递|物流)换(?!(?:个|一个|一下|下)?(?:收货)?(?:地址|电话|手机|号码|快递|物流|收件))|新的/;

export function namesExchange(text: string): boolean {
  return NAMES_EXCHANGE.test(text);
}

/**
 * The shop's own mistake or a defect (a wrong, missing or broken item): the postage is the shop's
 * (domain.md), so a reply that bills the buyer for it (来回运费需要您承担, 请拍下补运费链接) never
 * leads (QA pass T, findings 1 and 2). Read off the body, so it holds for a shop's own replies.
 */
export const SHOP_FAULT: readonly string[] = ['quality', 'wrong-item', 'damaged'];
const BILLS_POSTAGE = /(?:运费|邮费)[^。！？]{0,6}(?:需要|要|由)?(?:您|亲)(?:自己)?(?:承担|出|付)|补运费/;

/**
 * A threat of a review not yet written (再不处理就给差评, 我要给差评): a reply that answers a posted one
 * (看到您的评价…帮我们追评或者修改) is not for it; 先协商解决 is (QA pass T, finding 8).
 */
/** A threat in a conditional frame (再不…就, 不然, 否则, 要是…就): its 了 (就给差评了) is no review posted. */
const THREAT = /(?:再不|不然|要不然|否则|(?:要是|如果)[^。！？]{0,12}就|不[^。！？，,]{0,8}就)[^。！？]{0,10}(?:差评|中评|一星|投诉|12315|举报)/;
/** Posted in words a threat does not use (已经给了差评, 差评已经写了, 改差评). */
const POSTED_FOR_SURE = /已经?(?:给|打|写|留)?了?(?:个|一个)?(?:你们?)?(?:差评|中评)|(?:差评|中评)(?:已经?|都)(?:给|打|写|留)?了?|(?:改|删|撤|追)(?:掉|了)?(?:个|一个)?(?:差评|中评|评价)/;
const THREATENS_REVIEW = /(?:再不|不处理|不解决|不给|不退|不然|否则|的话|就|要|会|去|顺便|还)[^。！？]{0,12}(?:差评|中评|一星)|(?:差评|中评)警告/;
/** …unless a review is there to change (给了差评, 差评已经写了, 我要改差评). */
const POSTED_REVIEW = /(?:给|打|写|留)了(?:个|一个)?(?:你们?)?(?:差评|中评)|(?:差评|中评)(?:已经?|都)?(?:给|打|写|留)?了|已经?(?:给|打|写|留)?(?:了)?(?:差评|中评)|(?:改|删|撤|追)(?:掉|了)?(?:个|一个)?(?:差评|中评|评价)/;
const ANSWERS_REVIEW = /看到您的评价|您的评价/;

/**
 * A threat with no condition word (你们再这样我就差评了, 等着差评吧, 小心我给差评, 我要给差评): its 了
 * is no review posted either; these read as a review to answer and had 邀请五星评价 on the cards.
 */
const THREAT_PLAIN = /(?:再这样|再这么|还这样|等着|小心|信不信|我(?:要|会|马上|立马|直接)|我就|就等)[^。！？]{0,8}(?:差评|中评|一星)(?!已|都)/;

/**
 * A bad review the buyer says is already posted (我已经给了你们差评, 刚评价了一星, 打了个中评), and no
 * good one (差评改成好评了): a reply asking for five stars (邀请五星评价, 道别（邀五星好评）) or thanking
 * for a good review (感谢好评) is tone-deaf there, and is not suggested; 中差评沟通 (apologise, solve, then
 * ask to amend) answers it (邀请五星评价 was the second card).
 */
const POSTED_LOW_STARS = /(?:给|打|评|评价|留)了?(?:个|一个)?(?:你们?)?(?:一|两|二|1|2)(?:星|颗星)|(?:一|两|二|1|2)(?:星|颗星)(?:已经?|都|早就?|早都)(?:给|打|写|留)?(?:完|好)?了|(?:给|打|评)(?:了|过)(?:个|一个)?(?:低分|最低分)/;

export function postedBadReview(text: string): boolean {
  if (gaveReview(text) || threatensReview(text)) return false;
  return POSTED_REVIEW.test(text) || POSTED_LOW_STARS.test(text) || (SAID_POSTED.test(text) && BAD_KIND.test(text) && !GOOD_KIND.test(text));
}

/** A body that thanks the buyer for a good review (谢谢亲的好评): read off the body, so a shop's own replies count. */
const THANKS_REVIEW = /(?:谢谢|感谢|多谢)[^。！？]{0,6}(?:好评|五星)/;

export function threatensReview(text: string): boolean {
  if (THREAT_PLAIN.test(text) && !/(?:已经?|刚刚?)(?:给|打|写|留|评)|(?:给|打|写|留)了/.test(text)) return true;
  // 再不处理就给差评了 ends as 差评了 and read as posted, with 中差评沟通 first.
  if (THREAT.test(text)) return !POSTED_FOR_SURE.test(text);
  return THREATENS_REVIEW.test(text) && !POSTED_REVIEW.test(text);
}

/**
 * Starter replies that state what only the order page can show, and the status that shows it:
 * 退款已完成 (退款已经操作好了…原路退回) needs a refund on the page. A closed order (交易关闭) is no
 * such sign: the consoles show the same 交易关闭 for an order cancelled before payment and for one
 * closed after a full refund, and no adapter reads a refund state beside it (the demo shows none),
 * so a buyer shown only closed orders, or none, may have had no refund at all (QA pass N, defect 3;
 * it led a refund chase with only closed orders shown). Without the sign such a reply never leads
 * (rank.ts); it stays on the cards and in
 * search for the agent who has checked. Keyed by starter id, so a stored copy from before its
 * `orders` condition existed is held back too.
 */
const NEEDS_ON_PAGE: Record<string, string> = { 'refund-done': 'refunding' };

export interface FitData {
  /** Stage bits a reply's text is true at; 0 = any stage. */
  stage: Uint8Array;
  /** Normalised detail words per reply (null: a general reply). */
  detail: (string[][] | null)[];
  /** 1: the reply asks the buyer for a good review. */
  asksReview: Uint8Array;
  /** Normalised words that say a reply is not for the message (null: none). */
  notFor: (string[] | null)[];
  /** The order status that must be on the page for the reply to lead (null: none). */
  needsOnPage: (string | null)[];
  /** 1: the reply bills the buyer for postage (非质量问题运费, 补运费). */
  billsPostage: Uint8Array;
  /** 1: the reply answers a review already posted (中差评沟通). */
  answersReview: Uint8Array;
  /** Per reply, its gated situations and their normalised words (null: none; ONLY_WITH). */
  onlyWith: ([string, string[]][] | null)[];
  /** Normalised words that say a reply is not for the message unless one of the second list is there too (null: none). */
  notForUnless: ([string[], string[]] | null)[];
  /** 1: the reply is about an exchange under way (EXCHANGE_UNDER_WAY). */
  exchangeOnly: Uint8Array;
  /** 1: the reply thanks the buyer for a good review (THANKS_REVIEW). */
  thanksReview: Uint8Array;
  /** 1: the reply answers a review threatened, in any words (SETTLES_THREAT). */
  settlesThreat: Uint8Array;
  /** 1: the reply is written for a bad review threatened and nothing else (REVIEW_THREAT_ONLY). */
  reviewThreatOnly: Uint8Array;
  /** The shift a reply is written for (template `shift`, else the starter's mark): 0 any, 1 day, 2 night. */
  shift: Uint8Array;
  /** 1: the reply says when the parcel arrives (ANSWERS_ARRIVAL). */
  answersArrival: Uint8Array;
  /** 1: the reply tells a paid buyer when the order leaves (ANSWERS_PAID_DEPARTURE). */
  answersPaidDeparture: Uint8Array;
  /** Buyer words removed before the reply's detail is looked for (null: none; NOT_DETAIL). */
  notDetail: (RegExp | null)[];
  /** 1: the reply tells the buyer an order is placed and unpaid (CLAIMS_PLACED: 催付). */
  claimsPlaced: Uint8Array;
  /** Stage bits a reply with no order condition is still only true at (TRUE_AT); 0 = any. */
  trueAt: Uint8Array;
  /** 1: the reply asks what holds the buyer back (ANSWERS_DOUBT: 打消顾虑). */
  answersDoubt: Uint8Array;
  /** 1: the reply handles the message as a defect (ABOUT_DEFECT). */
  aboutDefect: Uint8Array;
  /** 1: the reply talks a return down to an exchange (TALKS_RETURN_DOWN). */
  talksReturnDown: Uint8Array;
}

/**
 * A body that tells the buyer they have placed an order and not paid it (您拍下的宝贝还没付款, 拍下未付款
 * 不会预留库存): a payment reminder (催付). It is true only when an unpaid order is on the page or the
 * buyer says one is placed (还没付款); a buyer asking before ordering (付款前能用花呗吗, 还没拍…) has
 * none, and such a reply never leads there (rank.ts). Read off the body, so a shop's own reminders count.
 */
const CLAIMS_PLACED = /(?:您|你|亲)拍(?:下|了)的|拍下(?:未|没|还没)付|(?:看到|发现)您?(?:拍(?:下|了)|下(?:了)?单)/;

/**
 * The buyer's words say an order is placed and not paid (还没付款, 拍了还没付, 待付款) or placed with
 * nothing said of paying (拍了两单), not that they are asking before ordering (付款前, 还没拍, 想买,
 * 那我先拍了): the stage words read unpaid, or an order placed, without pre-sale.
 */
const PLACED = /(?<!还没|没|未|没有|先|去)(?:拍了|拍下了?|下单了|下了单|已下单|已经拍|拍好了)/;

export function saysPlacedUnpaid(text: string): boolean {
  const m = stageOfWords(text);
  if (m & PRE) return false;
  // 拍了两单 says the order is placed; paid or not, a reminder to pay it is no false claim.
  return (m & UNPAID) !== 0 || (PLACED.test(text) && (m & (PAID | SHIPPED | AFTER)) === 0);
}

/**
 * The buyer says they are still making up their mind (有点犹豫, 还在纠结, 没想好, 再考虑考虑; not 不犹豫了):
 * a doubt to hear out (打消顾虑: 是不是还有什么顾虑呢), not a deadline to press. A reminder that the
 * order is placed and unpaid (CLAIMS_PLACED) goes behind the replies that ask what holds them back
 * (rank.ts); it stays on the cards.
 */
const HESITANT = /(?<![不没别])(?:犹豫|纠结|顾虑)|没想好|还没决定|拿不定|再(?:想想|考虑)|考虑考虑|还在考虑|不确定要不要/;

/** …or says what worries them about the goods before having them (怕质量不好, 担心是假货: cues.ts WORRY_AHEAD). */
export function saysHesitant(text: string): boolean {
  const t = normalize(text).text;
  return HESITANT.test(t) || WORRY_AHEAD.test(t);
}

/**
 * A body that asks what holds the buyer back (打消顾虑: 是不是还有什么顾虑呢): the answer to a doubt said,
 * not a reminder to pay. Read off the body, so a shop's own reply of the kind counts.
 */
const ANSWERS_DOUBT = /顾虑/;

/**
 * The buyer wants another size, colour or style, or says the goods do not fit or please them (L码大了
 * 想换个M码, 颜色不喜欢想换, 裤子短了换长一码), and names no fault (开线, 坏了, 有味, 质量…): a swap for
 * fit or taste, which is no defect. A reply that handles a defect (质量问题请拍照: 给您带来不好的体验…
 * 有问题的地方拍清楚; 质量问题处理方案; 质量问题运费) tells such a buyer the goods are faulty and that the
 * shop pays the postage: it is not suggested (search still finds it). 质量问题请拍照 was the third card
 * of L码大了想换个M码 (keyboard walk, 2026-12-06). Read on the normalised message (lower case).
 */
const SIZE_WORD = '(?:码|号|尺码|码数|尺寸|size|[smlx]{1,4}\\b|[smlx]{1,4}(?=码|号|的|$)|[0-9]{2,3}(?=码|号|的|$))';
const SWAP_FOR_FIT = new RegExp(
  [
    // another size, colour or style wanted: 换个M码, 换成黑色, 换大一码, 换一个颜色, 想换38的, 换个款
    `换(?:个|一个|成|为|到|下|一下|回|件|双|条)?(?:大|小)?(?:一|两|1|2)?[^，。！？,!?]{0,5}?(?:${SIZE_WORD}|颜色|色|款|规格|型号|尺码)`,
    // the goods do not fit: 大了, 有点小了, 偏紧, 太短了, 穿不下, 不合身
    '(?:有点|太|偏|稍微|稍|略|还是)?(?:大|小|紧|松|肥|瘦|短|长|窄|宽)了|偏(?:大|小|紧|松|肥|瘦|短|长)|穿不(?:下|进|了)|套不进|不合身|不合脚|不合适|不跟脚|挤脚|磨脚',
    // …or do not please: 颜色不喜欢, 不好看, 上身效果不好, 跟想象的不一样
    '不(?:太)?喜欢|不好看|不显瘦|显胖|显黑|不适合我|上身效果不|和想象的不|跟想象的不',
  ].join('|'),
);
const FAULT = new RegExp(`${FAULT_NAMED}|质量|次品|残次|假货|脏|污|线头|色差|划痕|少了|发错|错发|漏发|缺件|变形|不一样长|一长一短|大小不一|${PART_OFF.source}`);
// (A part come loose, 镜腿松了, is a fault, no fit: 您好，收到的眼镜镜腿松了 had no defect reply among its cards.)

export function swapsForFit(text: string): boolean {
  const t = normalize(text).text;
  return SWAP_FOR_FIT.test(t) && !FAULT.test(t);
}

/**
 * A reply that talks a return down to an exchange (退货挽留: 是哪里不满意呢？…可以直接帮您换一件…退货也完全没问题):
 * for a buyer who wants to send the goods back. One who already asks for another size or colour (换个M码)
 * and says nothing of returning has been talked down already: offering the return there offers what was
 * not asked (it was the second card of 换个M码; walk, 2026-12-07). Read off the body, so a shop's own counts.
 */
const TALKS_RETURN_DOWN = /(?:是哪里|哪里|什么地方)不满意[\s\S]*换|换[\s\S]*退货也/;
/** The buyer speaks of returning or not wanting the goods (退, 不想要了, 不要了), not only of a swap. */
const RETURN_SAID = /退|不想要|不要了/;

export function asksSwapOnly(text: string): boolean {
  const t = normalize(text).text;
  return namesExchange(t) && !RETURN_SAID.test(t);
}

/** A body that handles the message as a defect (有问题的地方拍清楚, 确实是我们的问题, 质量问题…由我们承担);
 * not 非质量问题 / 不属于质量问题 (the postage of a swap for fit is the buyer's: those replies say so). */
const ABOUT_DEFECT = /(?<!非|不属于|不是|不算)质量问题|有问题的地方|确实是我们的问题/;

/** Starter replies for a review threatened and not yet written (threatensReview), by stable id. */
const SETTLES_THREAT = new Set(['complaint-resolve-first', 'review-threat']);
/** Starter replies true only of a bad review threatened (差评之前先解决: 怎么评价是您的权利): not of a review
 * posted (我已经给了你们差评), a good one given, nor a complaint threatened without a review (不然我就投诉). */
const REVIEW_THREAT_ONLY = new Set(['review-threat']);

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
  const notFor = templates.map((t) => own(NOT_FOR, t.id)?.map((w) => normalize(w).text) ?? null);
  const needsOnPage = templates.map((t) => own(NEEDS_ON_PAGE, t.id) ?? null);
  const billsPostage = Uint8Array.from(templates, (t) => (BILLS_POSTAGE.test(t.body) ? 1 : 0));
  const answersReview = Uint8Array.from(templates, (t) => (ANSWERS_REVIEW.test(t.body) ? 1 : 0));
  const thanksReview = Uint8Array.from(templates, (t) => (THANKS_REVIEW.test(t.body) ? 1 : 0));
  const exchangeOnly = Uint8Array.from(templates, (t) => (EXCHANGE_UNDER_WAY.has(t.id) ? 1 : 0));
  const onlyWith = templates.map((t) => {
    const g = own(ONLY_WITH, t.id);
    return g ? Object.entries(g).map(([s, ws]): [string, string[]] => [s, ws!.map((w) => normalize(w).text)]) : null;
  });
  const notForUnless = templates.map((t): [string[], string[]] | null => {
    const u = own(NOT_FOR_UNLESS, t.id);
    return u ? [u[0].map((w) => normalize(w).text), u[1].map((w) => normalize(w).text)] : null;
  });
  const settlesThreat = Uint8Array.from(templates, (t) => (SETTLES_THREAT.has(t.id) ? 1 : 0));
  const reviewThreatOnly = Uint8Array.from(templates, (t) => (REVIEW_THREAT_ONLY.has(t.id) ? 1 : 0));
  const shift = Uint8Array.from(templates, (t) => { const s = shiftOfTemplate(t); return s === 'day' ? 1 : s === 'night' ? 2 : 0; });
  const answersArrival = Uint8Array.from(templates, (t) => (ANSWERS_ARRIVAL.has(t.id) ? 1 : 0));
  const answersPaidDeparture = Uint8Array.from(templates, (t) => (ANSWERS_PAID_DEPARTURE.has(t.id) ? 1 : 0));
  const notDetail = templates.map((t) => own(NOT_DETAIL, t.id) ?? null);
  const claimsPlaced = Uint8Array.from(templates, (t) => (CLAIMS_PLACED.test(t.body) ? 1 : 0));
  const trueAt = Uint8Array.from(templates, (t) => own(TRUE_AT, t.id) ?? 0);
  const answersDoubt = Uint8Array.from(templates, (t) => (ANSWERS_DOUBT.test(t.body) ? 1 : 0));
  const aboutDefect = Uint8Array.from(templates, (t) => (ABOUT_DEFECT.test(t.body) ? 1 : 0));
  const talksReturnDown = Uint8Array.from(templates, (t) => (TALKS_RETURN_DOWN.test(t.body) ? 1 : 0));
  const f = { talksReturnDown, answersPaidDeparture, aboutDefect, answersDoubt, trueAt, stage, detail, asksReview, notFor, needsOnPage, billsPostage, answersReview, thanksReview, exchangeOnly, onlyWith, notForUnless, settlesThreat, reviewThreatOnly, shift, answersArrival, notDetail, claimsPlaced };
  cache.set(templates, f);
  return f;
}
