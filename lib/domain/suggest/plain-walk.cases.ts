/**
 * Plain buyer messages an agent sees every hour, written for this project in our own words (not
 * evaluation data), after the keyboard walk of 2026-12-06 on the demo console found three of them
 * wrong: a message with several needs (有现货吗 今天能发吗 发顺丰可以吗) had no stock card beside a paid
 * order and put 到货时间 before 发货时间; a size exchange (L码大了想换个M码) had 质量问题请拍照 among its
 * cards; a thanks (谢谢亲, here 谢谢了亲: the walk's words equal a line of the evaluation data) had a welcome among its cards (夜班接待 at night, 新客欢迎 by day beside a
 * shipped order). Each case: the orders beside the chat, the buyer's earlier turns since the shop's
 * last reply (`before`), the Beijing hour (default 14:00, inside the default 08:00–20:00 day shift),
 * and what the agent expects: `first` (acceptable at Alt+1), `top3` (each group: one of its replies
 * among the three cards), `never` (none of these among the cards), `chipsNever` (no such chip).
 * plain-walk.test.ts runs them through the panel's path.
 */
import type { ScenarioId } from '../scenarios';
import type { OrderStatus } from '../templates/types';

export interface WalkCase {
  text: string;
  orders: OrderStatus[];
  before?: string[];
  /** Beijing wall-clock hour (may pass 24: the small hours of the next day). */
  at?: number;
  first?: string[];
  top3?: string[][];
  never?: string[];
  chipsNever?: ScenarioId[];
  /** Each of these chips shown. */
  chips?: ScenarioId[];
  /** Acceptable as the second card (Alt+2). */
  second?: string[];
  /** At most this many chips (the panel shows three cards: a chip beyond the useful ones is noise). */
  maxChips?: number;
}

const c = (text: string, orders: OrderStatus[], expect: Omit<WalkCase, 'text' | 'orders'>): WalkCase => ({ text, orders, ...expect });

const STOCK = ['stock-available', 'stock-low', 'pay-remind-stock'];
const WELCOMES = ['welcome-new', 'welcome-returning', 'welcome-busy', 'welcome-human', 'welcome-late-reply', 'welcome-night'];
/** Replies that handle a defect (质量问题请拍照, 质量问题处理方案, 超过三天的质量问题, 质量问题运费). */
const DEFECT = ['quality-photos', 'quality-options', 'quality-late', 'return-postage-shop'];
const BYE = ['bye-welcome', 'bye-ordered', 'bye-after-sale', 'review-thanks'];

/** The three messages of the walk, as found (the first also in the demo's conversation that asked about 顺丰 before). */
export const WALK_FOUND: WalkCase[] = [
  c('有现货吗 今天能发吗 发顺丰可以吗', ['paid'], { top3: [STOCK, ['ship-time'], ['courier-sf']], never: ['ship-arrival'] }),
  c('有现货吗 今天能发吗 发顺丰可以吗', ['paid'], { before: ['发什么快递？能发顺丰吗'], top3: [STOCK, ['ship-time'], ['courier-sf']], never: ['ship-arrival'] }),
  c('L码大了想换个M码', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  c('谢谢了亲', ['shipped'], { first: ['bye-welcome'], never: WELCOMES, chipsNever: ['greeting'] }),
  c('谢谢了亲', [], { at: 23, first: ['bye-welcome'], never: WELCOMES, chipsNever: ['greeting'] }),
];

/** Several needs in one message: each need gets a card, the stock question one too, whatever orders are shown. */
export const MULTI_NEED: WalkCase[] = [
  c('有现货吗 今天能发吗 发顺丰可以吗', ['paid', 'paid'], { top3: [STOCK, ['ship-time'], ['courier-sf']], never: ['ship-arrival'] }),
  c('有现货吗 今天能发吗 发顺丰可以吗', ['shipped'], { top3: [STOCK, ['ship-time'], ['courier-sf']] }),
  c('有现货吗 今天能发吗 发顺丰可以吗', ['unpaid'], { top3: [STOCK, ['courier-sf']] }),
  c('这款还有货吗？今天下单能发吗', [], { top3: [STOCK, ['ship-time']], never: ['ship-arrival'] }),
  c('有没有现货 啥时候发货', ['paid'], { top3: [STOCK, ['ship-time']], never: ['ship-arrival'] }),
  c('黑色M码还有吗，能发顺丰不', [], { top3: [STOCK, ['courier-sf']] }),
  c('现货吗亲 今天拍明天能到吗', [], { first: ['ship-arrival', 'stock-available'], top3: [STOCK, ['ship-arrival']], never: WELCOMES, chipsNever: ['greeting'] }),
  c('在吗 有货吗 发什么快递', [], { top3: [STOCK, ['courier-default']] }),
  c('还有库存吗？下午4点前付款今天能寄出吗', ['completed'], { top3: [STOCK, ['ship-time']], never: ['ship-arrival'] }),
  c('有现货没 包邮吗 发啥快递', [], { top3: [STOCK, ['courier-default']] }),
  c('xl码有现货吗 几天能到广东', ['paid'], { top3: [STOCK, ['ship-arrival']] }),
  c('这个颜色还有没有，能不能今天发出去，急着送人', ['paid'], { top3: [STOCK, ['ship-time']], never: ['ship-arrival'] }),
  c('请问这款有货吗？京东快递能送到吗', [], { top3: [STOCK, ['courier-default', 'order-confirm-postage', 'courier-unreachable']] }),
  c('有货不 发货快不快', [], { top3: [STOCK, ['ship-time']] }),
  c('主播同款还有吗 什么时候能发', [], { top3: [STOCK, ['ship-time']], never: ['ship-arrival'] }),
  // 线 typed for 现
  c('有线货吗 今天能发么', [], { top3: [STOCK, ['ship-time']] }),
  c('有货的话今天能发吗？发韵达还是中通', [], { top3: [STOCK, ['ship-time'], ['courier-default']] }),
  c('能开发票吗 有现货吗', [], { top3: [['invoice-after-receipt', 'invoice-info'], STOCK] }),
  c('有现货吗 可以便宜点吗', [], { top3: [STOCK, ['bargain-fixed-price', 'bargain-small-discount', 'bargain-gift', 'bargain-free-shipping']] }),
  c('今天能发吗 能发顺丰吗', ['paid'], { top3: [['courier-sf'], ['order-paid', 'ship-time']], never: ['ship-arrival'] }),
  // A size between 还有 and the question is a stock question; freight collect of a courier is no return's postage.
  c('还有37码吗 能不能发顺丰到付', [], { top3: [STOCK, ['courier-sf']], never: ['return-postage-buyer', 'return-postage-shop'], chipsNever: ['return-shipping'] }),
  c('有现货吗 能用花呗吗', [], { top3: [['pay-methods'], STOCK] }),
  // Two pieces in one order are no duplicate order.
  c('拍了两件 能便宜点吗 包邮吗', ['unpaid'], { top3: [['bargain-free-shipping', 'bargain-fixed-price', 'bargain-small-discount', 'bargain-gift']], never: ['pay-duplicate'] }),
  c('今天能发吗 能开发票吗', ['paid'], { top3: [['order-paid', 'ship-time'], ['invoice-after-receipt', 'invoice-info']] }),
];

/** When it ships, asked alone: 到货时间 answers when it arrives, not when it leaves. */
export const SHIP_DAY: WalkCase[] = [
  c('今天可以发出吗', ['paid'], { first: ['order-paid'], never: ['ship-arrival'] }),
  c('啥时候给我发货呢', ['paid'], { first: ['order-paid'], never: ['ship-arrival'] }),
  c('明天能发出吗 急用', ['paid'], { first: ['order-paid', 'delay-urged'] }),
  c('多久发货呀', [], { first: ['ship-time'] }),
  c('今天下午能给发吗', [], { first: ['ship-time'] }),
  c('几天能到', ['paid'], { first: ['ship-arrival'] }),
  c('今天能发吗 几天到', [], { first: ['ship-arrival'], top3: [['ship-time']] }),
];

/** Another size or colour for goods that do not fit or please, no fault named: no defect reply. */
export const SWAP_FOR_FIT: WalkCase[] = [
  c('L码大了想换个M码', [], { first: ['exchange-how'], never: DEFECT }),
  c('L码大了想换个M码', ['shipped'], { first: ['exchange-how'], never: DEFECT }),
  c('L码大了想换个M码', ['refunding'], { first: ['exchange-how'], never: DEFECT }),
  c('M码小了 能换个L码吗', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  c('鞋子大了半码 想换小一码', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  c('裤子长了 换短一点的可以吗', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  c('颜色不喜欢 能换个白色吗', ['completed'], { first: ['exchange-how', 'return-retain'], never: DEFECT }),
  c('穿着有点紧 换大一号', ['shipped'], { first: ['exchange-how'], never: DEFECT }),
  c('38的挤脚 换39', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  c('衣服偏大，我想换成S', ['completed'], { first: ['exchange-how'], never: [...DEFECT, 'size-exchange-ok'] }),
  c('收到了 颜色跟想象的不一样 想换个黑色', ['completed'], { first: ['exchange-how'], never: [...DEFECT, 'wrong-item'], chipsNever: ['wrong-item'] }),
  c('能换码吗 L的太肥了', ['completed'], { first: ['exchange-how'], never: [...DEFECT, 'size-exchange-ok'] }),
  c('XL码大了 换成L要补运费吗', ['completed'], { top3: [['postage-top-up', 'return-postage-buyer'], ['exchange-how']], never: DEFECT }),
  c('大了 换个小码 运费谁出', ['completed'], { top3: [['postage-top-up', 'return-postage-buyer']], never: DEFECT }),
  c('尺码不合适 想换一下 怎么弄', ['completed'], { top3: [['exchange-how']], never: DEFECT }),
  c('孩子穿着小了 换个大一码的 130的', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  // JD's polite request, Pinduoduo's clipped one, Douyin's 宝宝
  c('您好，收到的衬衫码数偏小，申请换大一号', ['completed'], { first: ['exchange-how'], never: [...DEFECT, ...WELCOMES] }),
  c('小了 换大的', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  c('宝宝 这个裙子我穿着有点大 能换S吗', ['completed'], { first: ['exchange-how'], never: DEFECT }),
  // 还 typed for 换 (both read huan)
  c('码子大了 想还个M码', ['completed'], { first: ['exchange-how'], never: [...DEFECT, 'size-exchange-ok'] }),
  c('不喜欢这个颜色 换一个可以吗 吊牌还在', ['completed'], { first: ['exchange-how', 'return-retain'], never: DEFECT }),
  // Before the parcel leaves, the order itself is changed.
  c('想换个颜色 还没发货吧', ['paid'], { first: ['cancel-paid'], never: DEFECT }),
];

/** Next to a swap for fit: a fault named keeps the defect replies; a return, a wrong item keep theirs. */
export const SWAP_NEIGHBOURS: WalkCase[] = [
  c('开线了 想换一件新的', ['completed'], { first: ['quality-photos', 'quality-options'], never: ['size-exchange-ok'] }),
  c('衣服有个洞 能换吗', ['completed'], { first: ['quality-photos'], never: ['size-exchange-ok'] }),
  c('鞋子一只大一只小 能换吗', ['completed'], { first: ['quality-photos'], never: ['size-exchange-ok'] }),
  c('洗了一次就缩水了 换个大一码', ['completed'], { first: ['quality-photos'], top3: [['exchange-how', 'return-retain']], never: ['quality-odor', 'quality-fading'] }),
  c('领口开线了 想退', ['completed'], { first: ['quality-photos'] }),
  c('小了 不想换了 直接退吧', ['completed'], { first: ['return-7day', 'return-retain'], never: DEFECT }),
  c('不喜欢 想退货', ['completed'], { first: ['return-7day', 'return-retain'], never: DEFECT }),
  c('收到的鞋子小了 能退吗', ['completed'], { first: ['return-7day', 'return-retain'], never: DEFECT }),
  c('码数不对 发错了吧 我拍的L 来的是M', ['completed'], { first: ['wrong-item'] }),
];

/** Closings at every hour: a thanks is answered with a goodbye, never a welcome. */
export const CLOSINGS: WalkCase[] = [
  c('谢谢亲亲 辛苦', [], { at: 10, first: ['bye-welcome'], never: WELCOMES, chipsNever: ['greeting'] }),
  c('好的亲 谢谢', ['paid'], { at: 21, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('好嘞 麻烦了亲', ['paid'], { at: 26, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('收到 谢谢你', ['completed'], { at: 9, first: BYE, never: WELCOMES }),
  c('ok 亲亲辛苦啦', [], { at: 23, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('你好，谢谢', [], { at: 7, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('嗯嗯 知道了 谢谢客服', [], { at: 15, first: BYE, never: WELCOMES }),
  c('感谢感谢 亲真好', ['shipped'], { at: 11, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('好的 那我先拍了 谢谢亲', [], { at: 16, first: BYE, never: [...WELCOMES, 'order-paid'], chipsNever: ['greeting'] }),
  c('您好 已经收到了 谢谢', ['completed'], { at: 20, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('没问题了 谢谢啦', ['completed'], { at: 22, first: BYE, never: WELCOMES }),
  c('谢谢啦 晚安', [], { at: 23, first: BYE, never: WELCOMES }),
  c('好的好的 辛苦了', ['paid'], { at: 12, first: BYE, never: [...WELCOMES, 'product-verify'] }),
  c('ok的 谢了', [], { at: 15, first: BYE, never: WELCOMES }),
  c('那就这样吧 谢谢亲', [], { at: 19, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('好的 拜拜', ['paid'], { at: 25, first: BYE, never: WELCOMES }),
  c('好的，谢谢您的耐心解答', [], { at: 13, first: BYE, never: WELCOMES }),
  c('亲爱的客服谢谢你哈', ['shipped'], { at: 8, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('谢谢亲 晚上好', [], { at: 21, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('多谢 您好', [], { at: 27, first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  c('3q亲', [], { first: BYE, never: WELCOMES, chipsNever: ['greeting'] }),
  // A goodnight's 早点 and the goods said received are no shipping question.
  c('OK 辛苦了 早点休息', ['paid'], { at: 23, first: BYE, never: [...WELCOMES, 'ship-arrival', 'ship-time'], chipsNever: ['shipping-time'] }),
  c('好的 收到货了 满意', ['completed'], { first: ['bye-five-star', ...BYE], never: WELCOMES, chipsNever: ['shipping-time'] }),
];

/** Greetings by the hour: the night reception at night only; 亲 beside a need is no greeting. */
export const GREETINGS: WalkCase[] = [
  c('在吗', [], { at: 23, first: ['welcome-night'] }),
  c('在吗', [], { at: 10, first: ['welcome-new', 'welcome-busy'], never: ['welcome-night'] }),
  c('你好', [], { at: 27, first: ['welcome-night'] }),
  c('晚上好 在吗', [], { at: 21, first: ['welcome-night'] }),
  c('早上好 在吗', [], { at: 9, never: ['welcome-night'] }),
  c('有没有人在线啊', [], { at: 19, never: ['welcome-night'] }),
  c('亲 在不在', ['paid'], { at: 22, first: ['welcome-night'] }),
  c('您好 请问有人吗', ['shipped'], { at: 6, first: ['welcome-night'] }),
  c('亲 有货吗', [], { at: 23, first: STOCK, never: WELCOMES, chipsNever: ['greeting'] }),
  c('亲 默认发哪家快递', [], { at: 10, first: ['courier-default'], never: WELCOMES, chipsNever: ['greeting'] }),
  c('亲 衣服开线了', ['completed'], { at: 2, first: ['quality-photos'], never: WELCOMES, chipsNever: ['greeting'] }),
];

/**
 * The after-sales walk of 2026-12-07 (seven messages found wrong, each fixed at its cause; the texts
 * here are our own, several per kind, in Taobao's 亲, JD's polite, Pinduoduo's clipped and Douyin's
 * 宝宝 styles).
 */
const BARGAIN = ['bargain-fixed-price', 'bargain-small-discount', 'bargain-gift', 'bargain-free-shipping', 'bargain-ask-supervisor'];
const PROMO = ['promo-coupon', 'promo-current', 'promo-full-reduction'];

/** A collar (领口, 衣领, 圆领) is a garment's part, no coupon to claim (领券, 在哪领). */
export const COLLAR: WalkCase[] = [
  c('衣服领口开线了，质量太差', ['completed'], { first: ['quality-photos'], never: PROMO, chipsNever: ['promotion'] }),
  c('领口脱线了', ['completed'], { first: ['quality-photos'], never: PROMO, chipsNever: ['promotion'] }),
  c('亲 衣领那里破了个口子', ['completed'], { first: ['quality-photos', 'damaged-signed'], never: PROMO, chipsNever: ['promotion'] }),
  c('宝宝 领子洗一次就变形了', ['completed'], { never: PROMO, chipsNever: ['promotion'] }),
  c('您好，收到的衬衫领口有污渍', ['completed'], { never: PROMO, chipsNever: ['promotion'] }),
  c('这件是圆领还是V领', [], { never: PROMO, chipsNever: ['promotion'] }),
  c('高领的有没有黑色', [], { never: PROMO, chipsNever: ['promotion'] }),
  c('领口太紧了 套不进头', ['completed'], { never: PROMO, chipsNever: ['promotion'] }),
  c('叫你们领导来', ['completed'], { never: PROMO, chipsNever: ['promotion'] }),
  // Neighbours that keep the coupon: claiming is still 领.
  c('优惠券在哪领', [], { first: ['promo-coupon'] }),
  c('领了券怎么用不了', ['unpaid'], { top3: [['promo-coupon']] }),
];

/** Goods short said now, after goods wrong said before: the latest words lead (漏发少件). */
export const SHORT_AFTER_WRONG: WalkCase[] = [
  c('少发了一条裤子', ['completed'], { before: ['发错颜色了'], first: ['missing-item'] }),
  c('还少了一双袜子', ['completed'], { before: ['颜色也发错了'], first: ['missing-item'] }),
  c('而且少发了一个', ['completed'], { before: ['发的颜色不对'], first: ['missing-item'] }),
  c('少寄了一件上衣', ['completed'], { before: ['尺码发错了 我要的是L'], first: ['missing-item'] }),
  c('另外漏了一个配件', ['completed'], { before: ['款式发错了'], first: ['missing-item'] }),
  c('还漏发了一个充电线', ['shipped'], { before: ['型号给我发错了'], first: ['missing-item'] }),
  c('亲 包裹里少了一只鞋', ['completed'], { before: ['鞋码发错了'], first: ['missing-item'] }),
  c('宝宝 还少发一瓶', ['completed'], { before: ['发错味道了'], first: ['missing-item'] }),
  // Beside an order being refunded (its return hint lifts 发错货, written for the return's postage too).
  c('少发了一条裤子', ['refunding'], { before: ['发错颜色了'], first: ['missing-item'] }),
  c('还少了一双袜子', ['refunding'], { before: ['颜色也发错了'], first: ['missing-item'] }),
  c('亲 包裹里少了一只鞋', ['refunding'], { before: ['鞋码发错了'], first: ['missing-item'] }),
  c('少寄了一件上衣', ['refunding', 'completed'], { before: ['尺码发错了 我要的是L'], first: ['missing-item'] }),
  c('另外漏了一个配件', ['refunding'], { before: ['款式发错了'], first: ['missing-item'] }),
  c('宝宝 还少发一瓶', ['refunding'], { before: ['发错味道了'], first: ['missing-item'] }),
  // And the other way round: wrong said now, short said before.
  c('而且颜色也发错了', ['completed'], { before: ['少发了一件'], first: ['wrong-item'] }),
  c('还有一件发成了别的款', ['completed'], { before: ['少了一双袜子'], first: ['wrong-item'] }),
];

/** An invoice question (抬头, 税号) is no payment one. */
export const INVOICE_ONLY: WalkCase[] = [
  c('公司抬头需要提供什么', [], { top3: [['invoice-info']], chipsNever: ['payment'] }),
  c('公司抬头需要提供什么', ['paid'], { top3: [['invoice-info']], chipsNever: ['payment'] }),
  c('开公司抬头要给你们哪些信息', ['completed'], { top3: [['invoice-info']], chipsNever: ['payment'] }),
  c('您好，发票抬头和税号发给谁', ['completed'], { top3: [['invoice-info']], chipsNever: ['payment'] }),
  c('单位的抬头怎么填', [], { top3: [['invoice-info']], chipsNever: ['payment'] }),
  c('个人抬头可以吗', ['paid'], { top3: [['invoice-info', 'invoice-after-receipt']], chipsNever: ['payment'] }),
  c('抬头写错了能重开吗', ['completed'], { chipsNever: ['payment'] }),
  c('税号需要提供吗', [], { chipsNever: ['payment'] }),
  c('开票要填抬头吗 宝宝', [], { top3: [['invoice-info']], chipsNever: ['payment'] }),
];

/** A bigger capacity or size of the goods asked about is a product question: no haggling, no stock reply. */
export const BIGGER_ONE: WalkCase[] = [
  c('有没有大一点的容量', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('有没有容量大一点的', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('宝宝 有更大容量的吗', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('这个保温杯有大一点的吗', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('有没有大一点尺寸的', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('充电宝有没有大一点毫安的', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('有没有小一点的规格', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  c('还有别的容量吗', [], { never: BARGAIN, chipsNever: ['bargain'] }),
  // Neighbours that still haggle.
  c('能不能便宜一点', [], { chipsNever: ['product-info'], top3: [BARGAIN] }),
  c('大一点的容量能便宜点吗', [], { top3: [BARGAIN] }),
];

const PAID_OK = ['order-paid'];
/** A closing late at night beside a paid order is no payment confirmation. */
export const LATE_CLOSINGS: WalkCase[] = [
  c('好的谢谢哈', ['paid'], { at: 23, first: BYE, never: PAID_OK }),
  c('好的呀 谢谢', ['paid'], { at: 26, first: BYE, never: PAID_OK }),
  c('好滴 谢谢', ['paid'], { at: 14, first: BYE, never: PAID_OK }),
  c('行 谢谢啦', ['paid'], { at: 24, first: BYE, never: PAID_OK }),
  c('好嘞 辛苦亲', ['paid'], { at: 25, first: BYE, never: PAID_OK }),
  c('谢谢亲亲', ['paid', 'completed'], { at: 23, first: BYE, never: PAID_OK }),
  c('嗯嗯 谢谢客服', ['paid'], { at: 27, first: BYE, never: PAID_OK }),
  c('好的，感谢您的答复', ['paid'], { at: 22, first: BYE, never: PAID_OK }),
  c('知道了 谢了', ['paid'], { at: 1 + 24, first: BYE, never: PAID_OK }),
  // A payment said made with the thanks still gets its confirmation.
  c('付好了 谢谢', ['paid'], { at: 23, top3: [PAID_OK] }),
];

/** A bad review threatened, not written: the reply aimed at the threat leads (差评之前先解决), no 上报主管. */
const THREAT_FIRST = ['review-threat'];
export const REVIEW_THREATS: WalkCase[] = [
  c('再不解决我就给差评了', ['completed'], { first: THREAT_FIRST, never: ['review-invite', 'bye-five-star', 'review-thanks'] }),
  c('再不解决我就给差评了', ['completed'], { at: 26, first: THREAT_FIRST }),
  c('你们再拖我就打差评', ['shipped'], { first: THREAT_FIRST }),
  c('不给我换的话就给中评', ['completed'], { first: THREAT_FIRST }),
  c('亲 今天不处理我就差评', ['completed'], { first: THREAT_FIRST }),
  c('宝宝 不退款就等着差评吧', ['refunding'], { first: THREAT_FIRST }),
  c('您好，若问题得不到解决，我会给差评', ['completed'], { first: THREAT_FIRST }),
  c('再没人管我就去给一星', ['completed'], { first: THREAT_FIRST }),
  c('小心我给你们差评', [], { first: THREAT_FIRST }),
  // Neighbours: a review posted, a good one given, a complaint threatened without a review.
  c('我已经给了你们差评', ['completed'], { first: ['review-bad'], never: THREAT_FIRST }),
  c('好评给过了', ['completed'], { never: THREAT_FIRST }),
  c('不然我就去投诉你们', ['completed'], { never: THREAT_FIRST }),
];

/**
 * The walks of 2026-12-07, second round (sugg6): plain messages still read wrong, each fixed at its cause.
 * Our own texts, in Taobao's 亲, JD's polite, Pinduoduo's clipped and Douyin's 宝宝 styles.
 */
const PURCHASE_CHIPS: ScenarioId[] = ['promotion', 'payment', 'bargain', 'stock'];
const PURCHASE_CARDS = [...PROMO, ...BARGAIN, 'pay-remind', 'pay-hesitate', 'pay-methods', 'pay-failed', 'stock-available', 'stock-low'];

/** A fault in goods in hand, asked how to handle (怎么弄, 咋整, 怎么处理): after the purchase, no coupon, haggling, payment or stock. */
export const FAULT_HOW: WalkCase[] = [
  c('领口脱线了 怎么弄', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('衣领开线了 怎么弄', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('领子脱线了怎么弄呢', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('鞋带断了 怎么弄', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('亲 拉链坏了 怎么弄', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('宝宝 拉链拉不上了 咋整', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('领口有个洞 怎么弄', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('您好，收到的水杯杯盖裂开了，请问应该怎么处理？', ['completed'], { never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('袖子脱线了 咋搞', ['completed'], { first: ['quality-photos'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('少发了一件 怎么弄', ['completed'], { first: ['missing-item'], never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  c('盒子压扁了 里面的也坏了 怎么办', ['shipped'], { never: PURCHASE_CARDS, chipsNever: PURCHASE_CHIPS }),
  // Neighbours: a purchase need named keeps its chip, beside a fault or alone.
  c('优惠券怎么弄', [], { first: ['promo-coupon'] }),
  c('领口开线了 能不能送张优惠券', ['completed'], { top3: [['promo-coupon'], ['quality-photos']] }),
  c('开线了 想换一件 还有货吗', ['completed'], { top3: [['quality-photos'], ['exchange-reserved', 'exchange-how', ...STOCK]] }),
];

const PRODUCT_CARDS = ['product-verify', 'product-material', 'product-color', 'product-usage', 'product-compare', 'product-genuine', 'product-match'];
/** A thanks with the agent called 宝宝 (or 宝贝, 宝子): a goodbye, no product question about a baby. */
export const THANKS_BAOBAO: WalkCase[] = [
  c('谢谢宝宝', [], { first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('谢谢宝宝', ['shipped'], { at: 22, first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('好的宝宝 谢谢', ['paid'], { first: BYE, never: [...PRODUCT_CARDS, 'order-paid'], chipsNever: ['product-info'] }),
  c('收到啦宝宝 谢谢', ['completed'], { first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('宝宝谢谢你呀', [], { first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('感谢宝宝耐心解答', [], { first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('好嘞宝宝', ['paid'], { first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('嗯嗯 谢谢宝宝 我等收货', ['shipped'], { first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('谢谢宝贝 辛苦啦', ['completed'], { at: 23, first: BYE, never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  // Neighbours: a baby in a question keeps the product's (or the size's) replies.
  c('宝宝能用吗 谢谢', [], { first: PRODUCT_CARDS }),
  c('这款宝宝能穿吗', [], { top3: [['size-ask', 'size-recommend', ...PRODUCT_CARDS]] }),
];

/** Fewer came than were bought (只收到两件 我拍了三件): 漏发少件 leads, not 发错货 on the library's order. */
export const FEWER_CAME: WalkCase[] = [
  c('只收到两件 我拍了三件', ['completed'], { first: ['missing-item'] }),
  c('亲 买了四双袜子 只来了三双', ['completed'], { first: ['missing-item'] }),
  c('您好，订单是两盒，目前只收到一盒', ['shipped'], { first: ['missing-item'] }),
  c('宝宝 我下单了5包 才到了3包', ['completed'], { first: ['missing-item'] }),
  c('拍了3件怎么只发了2件', ['completed'], { first: ['missing-item'] }),
  c('只寄了上衣 裤子没看到', ['completed'], { first: ['missing-item'] }),
  c('套装就来了一件上衣', ['completed'], { first: ['missing-item'] }),
  c('只到了一箱 还有一箱呢', ['shipped'], { first: ['missing-item'] }),
  c('只收到两件 我拍了三件', ['refunding'], { first: ['missing-item'] }),
  // Neighbours: another item, or one too many, keep theirs.
  c('收到的是蓝色 我拍的是黑色', ['completed'], { first: ['wrong-item'] }),
  c('多发了一件', ['completed'], { first: ['extra-item'] }),
];

/** A thanks beside an unpaid order: the goodbye leads, the reminder keeps one slot after it. */
const REMIND = ['pay-remind', 'pay-remind-stock'];
export const THANKS_UNPAID: WalkCase[] = [
  c('谢谢', ['unpaid'], { first: BYE, top3: [REMIND] }),
  c('好的呢 谢谢客服', ['unpaid'], { first: BYE, top3: [REMIND] }),
  c('谢谢你啊亲', ['unpaid'], { at: 23, first: BYE, top3: [REMIND], never: WELCOMES }),
  c('感谢客服耐心解答', ['unpaid'], { first: BYE, top3: [REMIND] }),
  c('好的 辛苦啦', ['unpaid'], { first: BYE, top3: [REMIND] }),
  c('多谢多谢', ['unpaid', 'completed'], { first: BYE, top3: [REMIND] }),
  c('谢谢宝宝', ['unpaid'], { at: 26, first: BYE, top3: [REMIND] }),
  c('您好，谢谢您的解答', ['unpaid'], { first: BYE, top3: [REMIND], never: WELCOMES }),
  c('ok 谢了', ['unpaid'], { first: BYE, top3: [REMIND] }),
  // Neighbours: an acknowledgement with no thanks in it, or a greeting, is about nothing in particular: the reminder leads.
  c('嗯嗯', ['unpaid'], { first: REMIND }),
  c('好的我看看', ['unpaid'], { first: REMIND, top3: [['bye-not-yet']] }),
  c('在吗', ['unpaid'], { first: REMIND }),
];

/** Beside a clear need, no chip for a word that only brushes a situation (宝宝, 这个, a 您好, a colour naming the goods). */
export const CLEAR_NEED: WalkCase[] = [
  c('宝宝 裤子拉链坏了 咋整', ['completed'], { first: ['quality-photos'], never: PRODUCT_CARDS, chipsNever: ['product-info', ...PURCHASE_CHIPS] }),
  c('您好，收到的杯子有裂缝，请问如何处理', ['completed'], { never: WELCOMES, chipsNever: ['greeting', 'product-info'] }),
  c('衣服掉色严重 怎么弄啊', ['completed'], { first: ['quality-fading', 'quality-photos'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('宝宝辛苦了', [], { first: BYE, never: ['quality-photos', ...PRODUCT_CARDS], chipsNever: ['quality', 'product-info'] }),
  c('谢谢亲 这个我先看看', [], { first: ['bye-not-yet', ...BYE], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('宝宝能穿吗 两岁', [], { first: ['size-ask', 'size-recommend'], chipsNever: ['product-info'] }),
  c('收到的衣服颜色发错了，我要的是黑色', ['completed'], { first: ['wrong-item'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('亲 发错了 我要的是黑色', ['completed'], { first: ['wrong-item'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('您好，收货电话填错了，麻烦修改一下', ['paid'], { first: ['address-change', 'address-check'], never: WELCOMES, chipsNever: ['repair', 'greeting'] }),
  // Neighbours: a real second need, or a product question beside a fault, keeps its chip.
  c('开线了 这是什么面料啊', ['completed'], { top3: [['quality-photos'], ['product-material']] }),
  c('发票什么时候开 能发顺丰吗', ['paid'], { top3: [['invoice-after-receipt', 'invoice-info'], ['courier-sf']] }),
];

/** Another size or colour asked for: an exchange, no return to talk the buyer out of (退货挽留), no size question. */
export const SWAP_NOT_RETURN: WalkCase[] = [
  c('换个M码', ['completed'], { first: ['exchange-how'], never: ['return-retain', 'size-exchange-ok', 'size-ask'], chipsNever: ['size-fit', 'return'] }),
  c('L码大了想换个M码', ['completed'], { first: ['exchange-how'], never: ['return-retain', 'size-exchange-ok', 'size-ask'], chipsNever: ['size-fit'] }),
  c('宝宝 这个裙子我穿着有点大 能换S吗', ['completed'], { first: ['exchange-how'], never: ['return-retain'] }),
  c('颜色不喜欢 能换个白色吗', ['completed'], { first: ['exchange-how'], never: ['return-retain'] }),
  c('您好，衣服小了，申请换大一码', ['completed'], { first: ['exchange-how'], never: ['return-retain', ...WELCOMES], chipsNever: ['size-fit', 'greeting'] }),
  c('鞋子挤脚 换39的', ['completed'], { first: ['exchange-how'], never: ['return-retain'] }),
  c('换大一码', ['completed'], { first: ['exchange-how'], never: ['return-retain', 'size-runs-small'] }),
  c('能换码吗 L的太肥了', ['shipped'], { first: ['exchange-how'], never: ['return-retain', 'size-exchange-ok'] }),
  // Neighbours: a return said, or a size asked about, keep theirs.
  c('不喜欢 想退货', ['completed'], { first: ['return-retain', 'return-7day'] }),
  c('小了 能退能换吗', ['completed'], { top3: [['return-retain']] }),
  c('换个M码 我165穿M合适吗', ['completed'], { top3: [['size-ask', 'size-recommend']] }),
];

/** The buyer's own details said wrong (地址写错了): an address change, no goods sent wrong. */
export const DETAILS_WRONG: WalkCase[] = [
  c('地址写错了', ['paid'], { first: ['address-change', 'address-check'], never: ['wrong-item', 'missing-item'], chipsNever: ['wrong-item'] }),
  c('亲 地址错了 帮我改下', ['paid'], { first: ['address-change', 'address-check'], chipsNever: ['wrong-item'] }),
  c('宝宝 收件人名字写错了', ['unpaid'], { top3: [['address-change', 'address-check']], chipsNever: ['wrong-item', 'product-info'] }),
  c('手机号输错了一位', ['paid'], { first: ['address-change', 'address-check'], chipsNever: ['wrong-item'] }),
  c('地址选错了 能改吗', ['paid'], { first: ['address-change', 'address-check'], chipsNever: ['wrong-item'] }),
  c('门牌号错了', ['shipped'], { first: ['address-change-shipped', 'address-check'], chipsNever: ['wrong-item'] }),
  c('您好 电话号码错了 麻烦帮忙改一下', ['paid'], { first: ['address-change', 'address-check'], chipsNever: ['wrong-item', 'repair'] }),
  // Neighbours: goods sent wrong keep 发错货.
  c('你们寄错了', ['completed'], { first: ['wrong-item'] }),
  c('颜色发错了 地址也不对', ['completed'], { top3: [['wrong-item']] }),
];

/**
 * The walks of 2026-12-07, third round: the leftovers of the second.
 * A gift at fault (broken or missing) is after-sales, no promotion question: 赠品坏了 led with 赠品规则.
 */
const GIFT_CARDS = ['promo-gift-rules', ...PROMO];
const DAMAGE = ['damaged-signed', 'damaged-refuse'];
export const GIFT_AT_FAULT: WalkCase[] = [
  c('赠品坏了', ['completed'], { first: DEFECT, never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('亲，送的那个小风扇收到就是坏的', ['completed'], { first: DEFECT, never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('您好，请问赠品杯子碎了怎么处理呢', ['completed'], { first: DAMAGE, never: [...GIFT_CARDS, ...WELCOMES], chipsNever: ['promotion', 'greeting'] }),
  c('宝宝 赠的小样没在盒子里', ['completed'], { first: ['missing-item'], never: GIFT_CARDS, chipsNever: ['promotion', 'product-info'] }),
  c('送的数据线用不了', ['shipped'], { first: DEFECT, never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('小礼物有划痕 还掉漆', ['completed'], { first: DEFECT, never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('赠品的耳机不响', [], { first: DEFECT, never: GIFT_CARDS, chipsNever: ['promotion'] }),
  // Neighbours: a gift asked about before buying keeps its reply.
  c('有赠品吗', [], { first: ['promo-gift-rules'] }),
  c('买两件送什么赠品', [], { first: ['promo-gift-rules'] }),
];

/** A part of the goods come off, loose or broken (拉链头掉了, 镜腿松了): a defect, no welcome, no swap for fit. */
export const PART_CAME_OFF: WalkCase[] = [
  c('您好，外套的拉链头掉了，这个怎么处理', ['completed'], { first: ['quality-photos'], never: WELCOMES, chipsNever: ['greeting', 'product-info'] }),
  c('亲 大衣纽扣刚穿就掉下来了', ['completed'], { first: ['quality-photos'], never: WELCOMES }),
  c('行李箱轮子掉了一个', ['completed'], { first: DEFECT }),
  c('您好，收到的眼镜镜腿松了，请问怎么处理', ['completed'], { first: DEFECT, never: WELCOMES, chipsNever: ['greeting'] }),
  c('宝宝 鞋跟掉了 才穿两天', ['completed'], { first: DEFECT, chipsNever: ['product-info'] }),
  c('水钻掉了好几颗', ['shipped'], { top3: [DEFECT] }),
  c('锅盖把手掉了 咋办', ['completed'], { first: DEFECT, chipsNever: ['promotion', 'payment'] }),
  c('包包肩带一拉就断掉', ['completed'], { first: DEFECT }),
  // Neighbours: a worry before buying, and 掉 done to something (扣掉, 花掉), name no part coming off.
  c('扣子会不会掉', [], { chipsNever: ['quality'], never: DEFECT }),
  c('优惠券怎么扣掉了', ['unpaid'], { first: PROMO, chipsNever: ['quality'] }),
];

/** Goods sent wrong are no address change: no 修改地址 chip beside 错发漏发 unless the address is named. */
const ADDRESS = ['address-change', 'address-check', 'address-change-shipped', 'address-changed-confirm'];
export const SENT_WRONG_NO_ADDRESS: WalkCase[] = [
  c('你们寄错了', ['completed'], { first: ['wrong-item'], never: ADDRESS, chipsNever: ['address-change'] }),
  c('亲 东西发错了啊', ['completed'], { first: ['wrong-item'], never: ADDRESS, chipsNever: ['address-change'] }),
  c('您好，我收到的商品型号不对，麻烦核实一下', ['completed'], { first: ['wrong-item'], never: [...ADDRESS, ...WELCOMES], chipsNever: ['address-change', 'greeting'] }),
  c('宝宝你们给我寄错颜色了', ['shipped'], { first: ['wrong-item'], never: ADDRESS, chipsNever: ['address-change'] }),
  c('寄错了吧 我买的不是这个', ['completed'], { first: ['wrong-item'], never: ADDRESS, chipsNever: ['address-change'] }),
  c('发错货了 退还是换', ['completed'], { first: ['wrong-item'], never: ADDRESS, chipsNever: ['address-change'] }),
  c('拉链坏了', ['completed'], { first: DEFECT, chipsNever: ['address-change'] }),
  // Neighbours: the address named keeps its chip.
  c('你们寄错地址了', ['shipped'], { top3: [['address-change-shipped', 'address-check']] }),
  c('地址写错了', ['paid'], { first: ['address-change', 'address-check'] }),
];

/** One of several came and the rest is asked after: missing or on its way, no goods sent wrong first. */
const REST_ON_WAY = ['missing-item', 'tracking-query', 'tracking-check'];
export const REST_MISSING: WalkCase[] = [
  c('到了一个 还有一个呢', ['shipped'], { first: ['missing-item'], top3: [['tracking-query', 'tracking-check']] }),
  c('到了一个 还有一个呢', ['completed'], { first: ['missing-item'] }),
  c('亲 收到一件 另一件呢', ['completed'], { first: ['missing-item'], never: [...BYE, ...WELCOMES], chipsNever: ['thanks', 'greeting'] }),
  c('您好，两盒到了一盒，请问另外一盒呢', ['shipped'], { first: ['missing-item'] }),
  c('宝宝 到了一双 还有一双没到', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']] }),
  c('收到两包 还差一包', ['completed'], { first: ['missing-item'] }),
  c('买了三瓶 到了一瓶 剩下的呢', ['shipped'], { first: REST_ON_WAY, never: ['wrong-item'] }),
  // Neighbours: goods sent wrong keep 发错货 first.
  c('发错了一个 还有一个是对的', ['completed'], { first: ['wrong-item'] }),
  c('收到的是蓝色 我拍的是黑色', ['completed'], { first: ['wrong-item'] }),
];

/** A plain stock question: the stock replies, no 商品咨询 chip for 这个 or a colour, no welcome for a 您好. */
const NO_SIDE = { never: [...WELCOMES, ...PRODUCT_CARDS], chipsNever: ['product-info', 'greeting'] as ScenarioId[] };
export const STOCK_ONLY: WalkCase[] = [
  c('您好 请问这个有现货吗', [], { first: STOCK, ...NO_SIDE }),
  c('亲 这款是现货吗', [], { first: STOCK, ...NO_SIDE }),
  c('你好，请问这个颜色有库存吗', [], { first: STOCK, ...NO_SIDE }),
  c('这个有货没', [], { first: [...STOCK, 'stock-restock'], ...NO_SIDE }),
  c('宝宝 这个还有现货吗 想今天拍', [], { first: STOCK, never: WELCOMES, chipsNever: ['product-info', 'greeting'] }),
  c('您好，这个黑色款还有货吗？', [], { first: STOCK, ...NO_SIDE }),
  c('请问这双鞋有现货吗？', ['completed'], { first: STOCK, ...NO_SIDE }),
  // Neighbours: a product question beside it keeps its chip.
  c('这个有夹层吗', [], { first: PRODUCT_CARDS }),
  c('有现货吗 是纯棉的吗', [], { top3: [STOCK, ['product-material']] }),
];

/**
 * The walks of 2026-12-07, fourth round: what the third left, each on a message agents see daily.
 * A broken gift is one defect: no 破损 or 错发漏发 chip the model reads into 收到就是坏的 or 送的 (a fault named
 * outright is that fault; another with no word of its own in the message is no second reading of it).
 */
export const ONE_FAULT: WalkCase[] = [
  c('送的那个小风扇收到就是坏的', ['completed'], { first: DEFECT, never: ['wrong-item', 'extra-item', 'missing-item', ...DAMAGE], chipsNever: ['damaged', 'wrong-item', 'promotion'] }),
  c('亲，送的小台灯收到就不亮', ['completed'], { first: DEFECT, never: ['wrong-item', 'extra-item', 'missing-item'], chipsNever: ['wrong-item', 'promotion'] }),
  c('送的台灯不亮', ['completed'], { first: DEFECT, never: ['wrong-item', 'extra-item'], chipsNever: ['wrong-item', 'promotion'] }),
  c('买衣服送的腰带 扣子坏了', ['completed'], { first: DEFECT, never: DAMAGE, chipsNever: ['damaged', 'promotion'] }),
  c('刚到的保温杯打不开 盖子坏了', ['shipped'], { first: DEFECT, chipsNever: ['wrong-item'] }),
  c('收到就是坏的', ['completed'], { first: DEFECT, never: DAMAGE, chipsNever: ['damaged', 'wrong-item'] }),
  // Neighbours: a second fault said keeps its chip, and a gift not come is goods short.
  c('送的小风扇坏了 还少了个配件', ['completed'], { top3: [['missing-item'], DEFECT] }),
  c('杯子碎了 盖子也少了一个', ['completed'], { top3: [DAMAGE, ['missing-item']] }),
  c('赠品没收到', ['completed'], { first: ['missing-item'] }),
  // …a smell asked about before buying keeps its product question, and an unpaid order its reminder beside a fault.
  c('新的会不会有味道呀', [], { top3: [PRODUCT_CARDS] }),
  c('领的券怎么用不了啊', ['unpaid'], { top3: [REMIND] }),
];

/** A greeting in front of a need is courtesy, no need: no 问候 chip, no welcome (在吗/人工 ask for someone and stay). */
export const GREETING_THEN_NEED: WalkCase[] = [
  c('您好，两盒到了一盒，请问另外一盒呢', ['shipped'], { first: ['missing-item'], never: WELCOMES, chipsNever: ['greeting'] }),
  c('您好，两盒到了一盒', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']], never: WELCOMES, chipsNever: ['greeting'] }),
  c('你好 买了三双袜子 到了两双', ['completed'], { first: ['missing-item'], never: WELCOMES, chipsNever: ['greeting'] }),
  c('你好，请问还有一件什么时候到', ['shipped'], { never: WELCOMES, chipsNever: ['greeting'] }),
  c('您好 亲 发票怎么开', ['completed'], { first: ['invoice-after-receipt', 'invoice-info'], never: WELCOMES, chipsNever: ['greeting'] }),
  c('hi 你们家鞋子偏大还是偏小', [], { never: WELCOMES, chipsNever: ['greeting'] }),
  // Neighbours: a greeting alone, or one that asks for someone, is the need.
  c('您好', [], { first: WELCOMES }),
  c('你好 有人在吗', [], { first: WELCOMES }),
];

/** A fault or a short delivery in a few words: 赠品 烂的, 拍了三个 还差两个, 两盒到了一盒. */
export const FEW_WORDS: WalkCase[] = [
  c('赠品 烂的', ['completed'], { first: [...DEFECT, ...DAMAGE], never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('小样 烂的', ['completed'], { first: [...DEFECT, ...DAMAGE], never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('送的那个杯子 碎的', ['completed'], { first: [...DEFECT, ...DAMAGE], never: GIFT_CARDS, chipsNever: ['promotion'] }),
  c('拍了三个 还差两个', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']] }),
  c('买了五包 还差一包没到', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']] }),
  c('还差一件没收到', ['completed'], { first: ['missing-item'] }),
  c('两盒到了一盒', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']] }),
  c('三瓶只收到两瓶', ['completed'], { first: ['missing-item'] }),
  // Neighbours: short of a threshold before buying, or a size off, is no goods short.
  c('还差两件包邮吗', [], { chipsNever: ['wrong-item'], never: ['missing-item'] }),
  c('还差一个就能满减了吧', [], { chipsNever: ['wrong-item'], never: ['missing-item'] }),
  c('鞋子差一个码 能换吗', ['completed'], { chipsNever: ['wrong-item'], never: ['missing-item'] }),
];

/** The address got wrong is no goods sent wrong: no 错发漏发 chip beside the address, no 退货地址 card. */
const WRONG_GOODS = ['wrong-item', 'missing-item', 'extra-item'];
export const ADDRESS_SENT_WRONG: WalkCase[] = [
  c('你们寄错地址了', ['shipped'], { top3: [['address-change-shipped', 'address-check']], never: [...WRONG_GOODS, 'return-address'], chipsNever: ['wrong-item', 'return-shipping'] }),
  c('发错地址了 我填的是北京', ['paid'], { first: ['address-change', 'address-check'], never: [...WRONG_GOODS, 'return-address'], chipsNever: ['wrong-item', 'return-shipping'] }),
  c('亲 你们是不是把地址寄错了', ['shipped'], { top3: [['address-change-shipped', 'address-check']], never: WRONG_GOODS, chipsNever: ['wrong-item'] }),
  c('地址发错了吧 不是我家', ['shipped'], { top3: [['address-change-shipped', 'address-check']], never: WRONG_GOODS, chipsNever: ['wrong-item'] }),
  c('怎么寄错了地址', ['shipped'], { top3: [['address-change-shipped', 'address-check']], never: WRONG_GOODS, chipsNever: ['wrong-item'] }),
  c('你们发错地址了 能改回来吗', ['paid'], { first: ['address-change', 'address-check'], never: WRONG_GOODS, chipsNever: ['wrong-item'] }),
  // Neighbours: goods sent wrong keep 发错货, and a return sent to the wrong place is the return's.
  c('你们寄错颜色了', ['completed'], { first: ['wrong-item'] }),
  c('退货寄到哪个地址', ['completed'], { first: ['return-address'] }),
];

/** A reply for one kind of defect (掉色处理, 新衣有气味) is no answer to another kind named (坏了, 裂了, 不亮). */
const FADE_ODOR = ['quality-fading', 'quality-odor'];
export const OTHER_DEFECT: WalkCase[] = [
  c('赠品坏了', ['completed'], { first: DEFECT, never: FADE_ODOR }),
  c('你好，衣服开线了', ['completed'], { first: DEFECT, never: FADE_ODOR }),
  c('你们送的杯子用了一次就裂了', ['completed'], { first: DEFECT, never: FADE_ODOR }),
  c('耳机没声音了', ['completed'], { first: DEFECT, never: FADE_ODOR }),
  c('鞋子开胶了', ['completed'], { first: DEFECT, never: FADE_ODOR }),
  c('拉链坏了', ['completed'], { first: DEFECT, never: FADE_ODOR }),
  c('衣服掉色严重', ['completed'], { first: ['quality-fading'], never: ['quality-odor'] }),
  // Neighbours: its own kind named keeps the reply, beside another kind too.
  c('新买的衣服有股味', ['completed'], { first: ['quality-odor'], never: ['quality-fading'] }),
  c('衣服开线了 还掉色', ['completed'], { top3: [['quality-fading'], DEFECT] }),
];

/** A thanks beside an order not paid: no five-star request for goods not bought yet (道别（邀五星好评）). */
export const THANKS_NOT_BOUGHT: WalkCase[] = [
  c('谢谢', ['unpaid'], { first: BYE, top3: [REMIND], never: ['bye-five-star', 'review-request'] }),
  c('好的 谢谢啦客服', ['unpaid'], { first: BYE, top3: [REMIND], never: ['bye-five-star'] }),
  c('谢谢亲亲 明白了', ['unpaid'], { at: 23, first: BYE, never: ['bye-five-star', ...WELCOMES] }),
  c('辛苦了', ['unpaid'], { first: BYE, never: ['bye-five-star'] }),
  c('多谢 我再想想', ['unpaid'], { never: ['bye-five-star'] }),
  c('感谢', ['unpaid'], { first: BYE, never: ['bye-five-star'] }),
  // Neighbours: goods bought (paid, shipped, received) may be asked for stars.
  c('好的 收到货了 满意', ['completed'], { first: ['bye-five-star', ...BYE] }),
  c('谢谢', ['completed'], { top3: [['bye-five-star', ...BYE]] }),
];

/**
 * The walks of 2026-12-07, fifth round. No more chips than cards: 还差一个就能满减了吧 showed four (优惠活动 and the
 * model's 质量问题, 取消订单, 议价), every model need at p ≥ 0.15 added beside the cue reading with no cap.
 */
const CANCEL = ['cancel-unpaid', 'cancel-paid', 'cancel-printed', 'cancel-check', 'cancel-shipped'];
export const NO_MORE_CHIPS: WalkCase[] = [
  c('还差一个就能满减了吧', [], { first: PROMO, maxChips: 3, chipsNever: ['quality', 'wrong-item', 'cancel-order'], never: ['missing-item', ...DEFECT, ...CANCEL] }),
  c('还差一个就能满减了吧', ['unpaid'], { top3: [PROMO], maxChips: 3, chipsNever: ['quality', 'wrong-item', 'cancel-order'], never: ['missing-item', ...DEFECT, ...CANCEL] }),
  c('还差一件就满减了吧', ['paid'], { top3: [PROMO], maxChips: 3, chipsNever: ['quality', 'wrong-item', 'cancel-order'], never: ['missing-item', ...DEFECT, ...CANCEL] }),
  c('再买一件是不是就满减了', [], { top3: [PROMO], maxChips: 3 }),
  c('差3块钱满减 能凑吗', [], { top3: [PROMO], maxChips: 3, chipsNever: ['quality', 'complaint'], never: DEFECT }),
  c('还差两包就能包邮了对吧', [], { maxChips: 3, chipsNever: ['quality', 'wrong-item'], never: ['missing-item', ...DEFECT] }),
  c('有现货吗 今天能发吗 发顺丰可以吗', ['paid'], { top3: [STOCK, ['ship-time'], ['courier-sf']], maxChips: 3 }),
  // Neighbours: an order called off keeps its chip, a threshold beside it or not.
  c('不想凑单了 订单取消吧', ['paid'], { first: CANCEL }),
  c('拍错了 帮我取消', ['unpaid'], { first: CANCEL }),
];

/** 差 + an amount is short by, not poor: 差两个小时就到了 showed the model's 质量问题 and 投诉 chips. */
export const SHORT_BY: WalkCase[] = [
  c('差两个小时就到了', ['shipped'], { chipsNever: ['quality', 'complaint'], never: [...DEFECT, 'complaint-soothe'] }),
  c('还差一天就到了吧', ['shipped'], { chipsNever: ['quality', 'complaint'], never: DEFECT }),
  c('差几分钟没赶上发货吗', ['paid'], { chipsNever: ['quality', 'complaint'], never: DEFECT }),
  c('就差一站了 怎么还不派送', ['shipped'], { chipsNever: ['quality'], never: DEFECT }),
  c('还差5块包邮', [], { chipsNever: ['quality', 'complaint'], never: DEFECT }),
  c('差一点就到了', ['shipped'], { chipsNever: ['quality', 'complaint'], never: DEFECT }),
  // Neighbours: poor quality or service said outright keeps its chip.
  c('质量太差了 两天就坏了', ['completed'], { first: DEFECT }),
  c('你们服务太差了 我要投诉', ['completed'], { chipsNever: ['tracking'], top3: [['complaint-soothe', 'complaint-escalate', 'complaint-platform']] }),
];

/** The buyer's own return sent to the wrong address is the return's way back, no goods sent wrong. */
export const RETURN_MISSENT: WalkCase[] = [
  c('我退货寄错地址了怎么办', ['completed'], { first: ['return-address'], never: ['wrong-item', 'extra-item'], chipsNever: ['wrong-item'] }),
  c('退货的时候地址写错了', ['refunding'], { never: ['wrong-item', 'extra-item'], chipsNever: ['wrong-item'] }),
  c('退回去的包裹寄错地址了', ['refunding'], { never: ['wrong-item', 'extra-item'], chipsNever: ['wrong-item'] }),
  c('换货寄回的时候发错地址了', ['completed'], { never: ['wrong-item', 'extra-item'], chipsNever: ['wrong-item'] }),
  c('你们寄错地址了', ['shipped'], { never: ['wrong-item', 'extra-item'] }),
  c('地址发错了 能帮我拦一下吗', ['shipped'], { never: ['wrong-item', 'extra-item'] }),
  // Neighbours: goods sent wrong keep 发错货.
  c('你们发错货了', ['completed'], { first: ['wrong-item'] }),
  c('收到的颜色不对 发错了', ['completed'], { first: ['wrong-item'] }),
];

/** 是不是 asking whether something happened (是不是把地址寄错了, 是不是漏发了) is no question about the goods. */
export const WHETHER_HAPPENED: WalkCase[] = [
  c('亲 你们是不是把地址寄错了', ['shipped'], { top3: [['address-change-shipped', 'address-check']], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('是不是寄错地址了', ['shipped'], { never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('你们是不是漏发了一件', ['completed'], { first: ['missing-item'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('是不是发错颜色了', ['completed'], { first: ['wrong-item'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('快递是不是丢了', ['shipped'], { never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('是不是还没发货', ['paid'], { never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  // Neighbours: 是不是 about the goods asks about them.
  c('这个是不是纯棉的', [], { top3: [PRODUCT_CARDS] }),
  c('是不是真皮的', [], { top3: [PRODUCT_CARDS] }),
];

/** The courier delivering to the wrong place (快递送错地址了) is the parcel's way, 查件: no address to change. */
const TRACKING = ['tracking-query', 'tracking-check', 'tracking-signed-missing', 'tracking-stuck'];
export const COURIER_MISDELIVERED: WalkCase[] = [
  c('快递送错地址了', ['shipped'], { first: TRACKING, chipsNever: ['wrong-item'] }),
  c('快递员送错地方了', ['shipped'], { first: TRACKING }),
  c('快递派错地址了 我没收到', ['shipped'], { first: TRACKING, chipsNever: ['wrong-item'] }),
  c('包裹被送到别人家了', ['shipped'], { first: TRACKING }),
  c('快递员把我的快递送错了', ['shipped'], { first: TRACKING, chipsNever: ['wrong-item'] }),
  c('物流显示送到了隔壁小区 地址送错了', ['shipped'], { first: TRACKING }),
  // Neighbours: the shop's parcel sent to the wrong address, or an address to change, stay the address's.
  c('你们寄错地址了', ['shipped'], { top3: [['address-change-shipped', 'address-check']] }),
  c('收货地址写错了 能改吗', ['paid'], { first: ['address-change', 'address-check'] }),
];

/**
 * The walks of 2026-12-07, sixth round: the pre-sale side, what a buyer writes before buying (our own texts, in
 * Taobao's 亲, JD's polite, Pinduoduo's clipped and Douyin's 宝宝 styles), and the fifth round's leftover.
 * Goods short named (拍了三个 还差两个) are no broken goods: the model's 破损 chip (p 0.24) put 签收后发现破损 second.
 */
const QUALITY_CARDS = [...DEFECT, ...DAMAGE, 'quality-fading', 'quality-odor'];
export const SHORT_NOT_BROKEN: WalkCase[] = [
  c('拍了三个 还差两个', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']], never: DAMAGE, chipsNever: ['damaged', 'quality'] }),
  c('拍了三个 还差两个', ['completed'], { first: ['missing-item'], never: DAMAGE, chipsNever: ['damaged', 'quality'] }),
  c('亲 买了四瓶 还差一瓶', ['shipped'], { first: REST_ON_WAY, never: DAMAGE, chipsNever: ['damaged', 'quality'] }),
  c('少发了一件', ['completed'], { first: ['missing-item'], never: DAMAGE, chipsNever: ['damaged', 'quality'] }),
  c('宝宝 少了一个', ['completed'], { first: ['missing-item'], never: DAMAGE, chipsNever: ['damaged', 'quality'] }),
  c('两盒到了一盒', ['shipped'], { first: REST_ON_WAY, never: DAMAGE, chipsNever: ['damaged'] }),
  // Neighbours: damage or a defect said beside the short goods keeps its chip.
  c('杯子碎了 盖子也少了一个', ['completed'], { top3: [DAMAGE, ['missing-item']] }),
  c('发错货了 还是坏的', ['completed'], { top3: [['wrong-item'], DEFECT] }),
];

/** Whether the goods are genuine, asked before buying (是不是正品, 保真吗): the genuine reply, no defect. */
export const GENUINE_ASKED: WalkCase[] = [
  c('是不是正品', [], { first: ['product-genuine'], chipsNever: ['quality', 'complaint'] }),
  c('是不是正品啊 亲', [], { first: ['product-genuine'], chipsNever: ['quality', 'greeting'] }),
  c('这个是不是真的', [], { first: ['product-genuine'] }),
  c('是不是假货啊', [], { first: ['product-genuine'], never: QUALITY_CARDS, chipsNever: ['quality', 'complaint'] }),
  c('保真吗 专柜同款？', [], { first: ['product-genuine'] }),
  c('是原装的吗', [], { first: ['product-genuine'] }),
  c('正品吗？能开发票不？', [], { top3: [['product-genuine'], ['invoice-info', 'invoice-after-receipt', 'invoice-special']] }),
  // Neighbours: goods had and called fake keep the after-sales reading.
  c('收到的不是正品', ['completed'], { top3: [DEFECT], chipsNever: ['stock'] }),
  c('这个是正品吗 有没有假的', [], { first: ['product-genuine'] }),
];

/** A defect asked about before buying with 会不会 (会不会掉色 深色的): a product question, no 质量问题. */
export const DEFECT_WHETHER: WalkCase[] = [
  c('会不会掉色 深色的', [], { first: PRODUCT_CARDS, never: [...DEFECT, 'quality-late'], chipsNever: ['quality'] }),
  c('会不会起球 穿久了', [], { first: PRODUCT_CARDS, never: DEFECT, chipsNever: ['quality'] }),
  c('会不会掉毛啊 白色的', [], { first: PRODUCT_CARDS, never: DEFECT, chipsNever: ['quality'] }),
  c('宝宝 这个会不会缩水 洗了', [], { first: PRODUCT_CARDS, never: DEFECT, chipsNever: ['quality'] }),
  c('会不会变形 放车里', [], { never: [...DEFECT, ...DAMAGE], chipsNever: ['quality', 'damaged'] }),
  c('亲，白色会不会发黄，用久了', [], { never: DEFECT, chipsNever: ['quality'] }),
  // Neighbours: the defect happened keeps its reply.
  c('洗了一次就掉色了', ['completed'], { first: ['quality-fading', ...DEFECT] }),
  c('收到洗了一下就掉色了 怎么办', ['completed'], { first: ['quality-fading', ...DEFECT], chipsNever: ['product-info'] }),
];

/** Postage to a place asked before buying (偏远地区加多少运费, 新疆能发吗 运费多少): the courier's, no return's.
 * With no order yet 偏远地区运费与能否发货 leads (sugg11): 运费与快递可达 (这单运费…已经算在订单金额里了) speaks of an
 * order placed, and 默认快递 names no far place; beside an unpaid order that one still leads. */
const RETURN_POSTAGE = ['return-postage-buyer', 'return-postage-shop', 'postage-top-up', 'return-address'];
const POSTAGE_FIRST = ['courier-default', 'order-confirm-postage', 'courier-unreachable', 'promo-current', 'bargain-free-shipping'];
export const POSTAGE_TO_PLACE: WalkCase[] = [
  c('偏远地区加多少运费', [], { first: ['postage-region'], top3: [['order-confirm-postage', 'courier-unreachable', 'courier-default']], never: RETURN_POSTAGE, chipsNever: ['return-shipping'] }),
  c('新疆能发吗 运费多少', [], { first: ['postage-region'], never: RETURN_POSTAGE, chipsNever: ['return-shipping'] }),
  c('内蒙古运费怎么算', [], { first: ['postage-region'], never: RETURN_POSTAGE, chipsNever: ['return-shipping'] }),
  c('海南运费多少', [], { first: ['postage-region'], never: RETURN_POSTAGE, chipsNever: ['return-shipping'] }),
  c('亲 发甘肃邮费要加吗', [], { first: ['postage-region'], never: RETURN_POSTAGE, chipsNever: ['return-shipping'] }),
  c('发到香港可以吗', [], { first: ['postage-region'], never: RETURN_POSTAGE }),
  c('西藏能寄吗', [], { first: ['postage-region'] }),
  c('寄到国外可以吗', [], { first: ['postage-region'] }),
  // Beside an order not yet paid its own postage is the answer; a parcel gone is past asking.
  c('新疆能发吗 运费多少', ['unpaid'], { first: POSTAGE_FIRST, never: RETURN_POSTAGE }),
  c('新疆能发吗', ['shipped'], { never: ['postage-region'] }),
  c('运费多少', ['unpaid'], { first: ['order-confirm-postage', 'pay-remind'], never: RETURN_POSTAGE, chipsNever: ['return-shipping'] }),
  // Neighbours: a return's postage, its insurance and an exchange's top-up stay the return's.
  c('退货运费谁出', ['completed'], { first: ['return-postage-buyer', 'return-postage-shop'] }),
  c('有运费险吗', [], { top3: [['return-postage-buyer', 'return-postage-shop']] }),
  c('换货要补运费吗', ['completed'], { top3: [['postage-top-up']] }),
];

/** Haggling and a size in one message (便宜点呗 我170 130斤穿多大): a card for each, not three size replies. */
export const BARGAIN_AND_SIZE: WalkCase[] = [
  c('便宜点呗 我170 130斤穿多大', [], { first: ['size-recommend'], top3: [BARGAIN] }),
  c('两件能便宜吗 顺便问下m码我穿得下不 155 90斤', [], { top3: [['size-recommend', 'size-ask'], BARGAIN] }),
  c('便宜点 160 100斤穿s还是m', [], { top3: [['size-recommend', 'size-between'], BARGAIN] }),
  c('能便宜点吗 平时穿38的鞋 拍多大', [], { first: ['size-usual'], top3: [BARGAIN] }),
  c('老板少点 我165该拍哪个码', [], { top3: [['size-ask', 'size-recommend'], BARGAIN] }),
  c('我165 110斤 还有L码吗', [], { top3: [['size-recommend'], STOCK] }),
  // Neighbours: a size named in a stock question is the goods (no size reply), one need keeps its three.
  c('能不能包邮 还有L码吗', [], { top3: [STOCK], never: ['size-ask', 'size-recommend'], chipsNever: ['size-fit'] }),
  c('我165 52公斤穿什么码', [], { first: ['size-recommend'], never: BARGAIN }),
  // The size usually worn given (平时穿38的鞋): 按平时尺码推荐 answers from it (sugg11); 询问身高体重 asked for it again.
  c('平时穿38的鞋 要拍多大', [], { first: ['size-usual'] }),
  c('我平时穿M码 这款拍什么码', [], { first: ['size-usual'] }),
  c('平常穿40码的鞋 这双选哪个码', [], { first: ['size-usual'] }),
  c('亲 我平时穿L 这件会小吗', [], { first: ['size-usual'] }),
  // Neighbour: a height and weight beside it keep 推荐尺码 first.
  c('我一般穿xl 165 130斤', [], { first: ['size-recommend'], top3: [['size-usual']] }),
];

/** Goods for a present: wrapping or a card asked (送人的 能帮忙包装一下吗), no damage, parcel, merge or gift offer;
 * 礼品包装与贺卡 leads (sugg11: 细节待核实 did). */
export const GIFT_WRAP: WalkCase[] = [
  c('送人的 能帮忙包装一下吗', [], { first: ['gift-wrap'], never: [...DAMAGE, 'merge-ask', 'merge-orders', 'tracking-check'], chipsNever: ['damaged', 'merge-orders', 'tracking'] }),
  c('帮我包装好一点 送人的', [], { first: ['gift-wrap'], never: [...DAMAGE, 'bargain-gift', 'tracking-check'], chipsNever: ['damaged', 'tracking', 'bargain'] }),
  c('可以帮忙包起来吗 要送礼', [], { first: ['gift-wrap'], never: ['merge-ask', 'merge-orders'], chipsNever: ['merge-orders'] }),
  c('可以写贺卡吗 送女朋友的', [], { first: ['gift-wrap'], never: ['pay-by-friend', 'promo-current'], chipsNever: ['payment', 'promotion'] }),
  c('有礼盒装吗 送长辈', [], { first: ['gift-wrap'], chipsNever: ['promotion', 'damaged'] }),
  c('宝宝 有礼品袋吗', [], { first: ['gift-wrap'], chipsNever: ['damaged'] }),
  c('能帮我包一下吗 过生日用', [], { first: ['gift-wrap'] }),
  c('有没有礼盒 想送客户', [], { first: ['gift-wrap'] }),
  // Neighbours: packing broken is damage, a gift asked for is a promotion.
  c('包装破了', ['completed'], { first: DAMAGE }),
  c('买两件送什么赠品', [], { first: ['promo-gift-rules'] }),
];

/** Paying extra for a courier (补差价也行 发顺丰): the courier's price, no price protection. */
export const COURIER_EXTRA: WalkCase[] = [
  c('发什么快递 能发顺丰吗 补差价也行', [], { top3: [['courier-sf']], never: ['promo-price-protect'], chipsNever: ['promotion'] }),
  c('发顺丰的话补多少差价', [], { first: ['courier-sf'], never: ['promo-price-protect'], chipsNever: ['promotion'] }),
  c('顺丰要补多少钱', [], { first: ['courier-sf'], never: ['product-verify'], chipsNever: ['product-info', 'promotion'] }),
  c('加钱能发京东吗', [], { never: ['promo-price-protect', 'refund-check'], chipsNever: ['promotion', 'refund-status'] }),
  c('补邮费发顺丰可以不 宝宝', [], { top3: [['courier-sf']], never: ['promo-price-protect', ...RETURN_POSTAGE], chipsNever: ['promotion'] }),
  c('急用 加急的话要加多少钱', [], { never: ['promo-price-protect'], chipsNever: ['promotion'] }),
  // Neighbours: a price fallen after buying is price protection.
  c('买了以后降价了能补差价吗', ['paid'], { first: ['promo-price-protect'] }),
  c('昨天买的今天便宜了 能退差价吗', ['paid'], { top3: [['promo-price-protect']] }),
];

/** A purchase announced (是正品的话我就拍了): nothing to call off, no defect. */
export const ABOUT_TO_BUY: WalkCase[] = [
  c('是正品的话我就拍了', [], { first: ['product-genuine'], never: CANCEL, chipsNever: ['cancel-order'] }),
  c('质量好的话我就下单了', [], { never: [...CANCEL, ...DEFECT], chipsNever: ['cancel-order', 'quality'] }),
  c('今天能发的话我就拍了', [], { never: CANCEL, chipsNever: ['cancel-order'] }),
  c('有货的话我马上拍', [], { never: CANCEL, chipsNever: ['cancel-order'] }),
  c('能包邮的话那我就买了', [], { never: CANCEL, chipsNever: ['cancel-order'] }),
  c('好的 那我现在就去下单', [], { never: CANCEL, chipsNever: ['cancel-order'] }),
  // Neighbours: an order called off keeps its chip.
  c('拍错了 帮我取消', ['unpaid'], { first: CANCEL }),
  c('不想要了 能取消吗', ['paid'], { first: CANCEL }),
];

/** What an invoice is like (电子的还是纸质的) or when a colour comes back (这个颜色啥时候补货): no 商品咨询 beside it. */
export const PRE_SALE_ONE_NEED: WalkCase[] = [
  c('发票是电子的还是纸质的', [], { top3: [['invoice-info', 'invoice-after-receipt', 'invoice-special']], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('开的发票是纸质的还是电子的', [], { never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('亲 发票给纸质的还是电子的', ['paid'], { never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('这个颜色啥时候补货', [], { first: ['stock-restock'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('黑色什么时候补货', [], { first: ['stock-restock'], never: PRODUCT_CARDS, chipsNever: ['product-info'] }),
  c('xl码多久能到货', [], { never: [...PRODUCT_CARDS, 'size-ask'], chipsNever: ['product-info', 'size-fit'] }),
  // Neighbours: which of two kinds the goods are is a product question.
  c('这款是纸质的还是电子的', [], { first: PRODUCT_CARDS }),
  c('这个颜色显白吗', [], { first: ['product-color'] }),
];

/**
 * The walks of 2026-12-07, seventh round (pre-sale, our own texts). Whether the packing survives the
 * trip (包装牢固吗 路上会不会压坏, 外包装是啥样的), asked before buying: the 破损 chip, whose 破损可拒签 tells
 * what to do with a parcel come crushed; no apology for goods broken that nobody has.
 */
export const PACKING_ASKED: WalkCase[] = [
  c('包装牢固吗 路上会不会压坏', [], { chips: ['damaged'], top3: [['damaged-refuse']], never: ['damaged-signed'] }),
  c('外包装是啥样的', [], { chips: ['damaged'] }),
  c('亲 玻璃瓶的 包装结不结实 怕碎', [], { chips: ['damaged'], never: ['damaged-signed'] }),
  c('快递箱会不会被压扁 里面有泡沫吗', [], { chips: ['damaged'] }),
  c('外箱是纸箱还是袋子装的', [], { chips: ['damaged'] }),
  c('宝宝 寄过来包装厚不厚 怕磕坏', [], { chips: ['damaged'], never: ['damaged-signed'] }),
  // Neighbours: packing come broken is damage after delivery, wrapping for a present is no damage.
  c('外包装都压烂了', ['completed'], { first: DAMAGE }),
  c('能帮忙包装成礼盒吗 送人', [], { first: ['gift-wrap'], chipsNever: ['damaged'] }),
];

/** 包邮 to a far place, before buying (新疆包邮吗): 当前活动介绍 says what is free, 偏远地区运费与能否发货 what a
 * far place pays. */
export const FAR_FREE_SHIPPING: WalkCase[] = [
  c('发西藏包邮吗', [], { first: ['promo-current'], second: ['postage-region'], never: RETURN_POSTAGE }),
  c('青海包不包邮', [], { first: ['promo-current'], second: ['postage-region'] }),
  c('亲 寄到内蒙古也包邮吗', [], { first: ['promo-current'], second: ['postage-region'] }),
  c('宝宝 宁夏包邮不', [], { first: ['promo-current'], second: ['postage-region'] }),
  // 偏远地区 names the far place's reply outright: either may lead, both on the first two cards.
  c('偏远地区包邮吗', [], { first: ['promo-current', 'postage-region'], second: ['promo-current', 'postage-region'] }),
  c('海南能包邮吗 亲', [], { first: ['promo-current'], second: ['postage-region'] }),
  // Neighbours: 包邮 asked with no place has no far place's card; the postage of a far place keeps it first.
  c('包邮吗', [], { never: ['postage-region'] }),
  c('甘肃运费多少钱', [], { first: ['postage-region'] }),
];

/**
 * The walks of 2026-12-07, eighth round (pre-sale, our own texts). A worry about the goods before buying (会不会穿久了
 * 发黄, 会不会是假货, 这个颜色显白吗, 质量好的话我就下单了) is a question about the goods: the product, genuine or colour
 * reply, and no chip the model adds with nothing of the buyer's behind it (库存 at p 0.27–0.38, 议价 at 0.18, 尺码 at
 * 0.15). 白色的会不会穿久了发黄 had 质量问题 and 质量问题请拍照 first: words between 会不会 and the defect.
 */
const NOT_STOCK = ['stock-available', 'stock-low', 'stock-restock', 'pay-remind-stock'];
export const WORRY_BEFORE_BUYING: WalkCase[] = [
  c('白色的会不会穿久了发黄', [], { first: PRODUCT_CARDS, never: [...DEFECT, ...NOT_STOCK], chipsNever: ['quality', 'stock'] }),
  c('浅色这件会不会洗几次就变色', [], { first: PRODUCT_CARDS, never: [...DEFECT, ...NOT_STOCK], chipsNever: ['quality', 'stock'] }),
  c('会不会变形啊 我要放车里', [], { first: PRODUCT_CARDS, never: [...NOT_STOCK, 'size-ask'], chipsNever: ['stock', 'size-fit', 'damaged'] }),
  c('会不会是假货', [], { first: ['product-genuine'], never: NOT_STOCK, chipsNever: ['stock', 'quality'] }),
  c('这个会不会是仿的啊 宝宝', [], { first: ['product-genuine'], never: NOT_STOCK, chipsNever: ['stock'] }),
  c('质量好的话我就下单了', [], { first: PRODUCT_CARDS, never: [...BARGAIN, ...CANCEL], chipsNever: ['bargain', 'cancel-order'] }),
  c('这个颜色显白吗', [], { first: ['product-color'], never: NOT_STOCK, chipsNever: ['stock'] }),
  c('这款灰色衬不衬肤色', [], { first: ['product-color'], never: NOT_STOCK, chipsNever: ['stock'] }),
  // Neighbours: stock asked beside the worry keeps its chip and card; a defect had keeps its reply.
  c('这个颜色显白吗 还有M码吗', [], { top3: [['product-color'], STOCK] }),
  c('会不会掉色 有现货吗', [], { top3: [PRODUCT_CARDS, STOCK] }),
  c('白色的穿了一个月就发黄了', ['completed'], { top3: [DEFECT], chipsNever: ['stock'] }),
];

/** The postage to a far place asked before buying, in its fewest words (寄台湾多少钱): the far place's reply, no repair's
 * postage (the model read 寄…多少钱 as sending goods in for repair: 维修 at p 0.74, and 保修政策 a card). */
export const FAR_POSTAGE_PRICE: WalkCase[] = [
  c('寄台湾多少钱', [], { first: ['postage-region'], never: ['repair-warranty', 'repair-send', ...RETURN_POSTAGE], chipsNever: ['repair', 'return-shipping'] }),
  c('发香港要多少钱', [], { first: ['postage-region'], never: ['repair-warranty', 'repair-send'], chipsNever: ['repair'] }),
  c('寄新疆多少钱啊 亲', [], { first: ['postage-region'], never: ['repair-warranty', 'repair-send'], chipsNever: ['repair'] }),
  c('寄到国外得多少钱', [], { first: ['postage-region'], chipsNever: ['repair'] }),
  c('宝宝 发西藏贵不贵', [], { first: ['postage-region'], chipsNever: ['repair'] }),
  c('澳门能寄吗 多少钱', [], { first: ['postage-region'], chipsNever: ['repair'] }),
  // Neighbours: sending goods back for repair keeps the repair's reply; the price of the goods stays a price.
  c('寄回去修要多少钱', ['completed'], { top3: [['repair-send', 'repair-warranty']] }),
  c('这个多少钱', [], { never: ['postage-region'] }),
];

/** Goods short with a parcel on its way (拍了三个 还差两个, shipped): 漏发少件 leads, the rest maybe in another parcel (查询物流)
 * beside it; 发错货 (a wrong item) came second, ahead of any tracking reply. */
export const SHORT_ON_WAY: WalkCase[] = [
  c('拍了三个 还差两个', ['shipped'], { first: ['missing-item'], top3: [['tracking-query', 'tracking-check']], never: ['wrong-item'], chips: ['wrong-item', 'tracking'] }),
  c('亲 买了四瓶 还差一瓶', ['shipped'], { first: ['missing-item'], top3: [['tracking-query', 'tracking-check']], never: ['wrong-item'] }),
  // Not come said outright (没到, 没收到): where the parcel is may lead.
  c('下单五包 还差两包没到', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']], never: ['wrong-item'] }),
  c('订了两双 还差一双呢', ['shipped'], { first: ['missing-item'], never: ['wrong-item'] }),
  c('还差一件没收到', ['shipped'], { first: REST_ON_WAY, top3: [['missing-item']], never: ['wrong-item'] }),
  c('买了6盒 还差3盒', ['completed'], { first: ['missing-item'], never: ['wrong-item'] }),
  // Neighbours: a wrong item said keeps 发错货; a threshold to reach is no goods short.
  c('还差两个 而且发的颜色也不对', ['shipped'], { top3: [['missing-item'], ['wrong-item']] }),
  c('还差一件就包邮了吧', [], { never: ['missing-item', 'wrong-item'], chipsNever: ['wrong-item'] }),
];
