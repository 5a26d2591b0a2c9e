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
