/**
 * Buyer messages written for this project (our own words, not evaluation data), each with the
 * states of the orders shown beside the chat, and the starter replies that are right (or merely
 * acceptable) at Alt+1. slot-one.test.ts runs them through the panel's path (cues + trained model,
 * then rankTemplates on the starter library). `orders: []` = no order is shown.
 */
import type { OrderStatus } from '../templates/types';

export interface SlotOneCase {
  text: string;
  orders: OrderStatus[];
  right: string[];
  ok?: string[];
  /** Replies that must not be among the three cards at all. */
  never?: string[];
}

export const SLOT_ONE_CASES: SlotOneCase[] = [
  // 库存 / stock
  { text: '黑色什么时候能补货呀', orders: [], right: ['stock-restock'] },
  { text: '这个米色卖完了吗，还会再上吗', orders: [], right: ['stock-restock'] },
  { text: '白色M码还有货吗', orders: [], right: ['stock-available'], ok: ['stock-low'] },
  { text: '我还没拍，想问下L码有现货吗', orders: ['completed'], right: ['stock-available'], ok: ['stock-low'] },
  { text: '还没下单，想问问S码还有吗', orders: [], right: ['stock-available'], ok: ['stock-low'] },
  { text: '38码还有吗 想买', orders: [], right: ['stock-available'], ok: ['stock-low'] },
  // 延迟发货 / delay
  { text: '付款五天了还没发货，怎么回事', orders: ['paid'], right: ['delay-apology', 'delay-urged', 'delay-check'] },
  { text: '都一个星期了还不发货吗', orders: ['paid'], right: ['delay-apology', 'delay-urged', 'delay-check'] },
  { text: '为什么还没发货，我急着用', orders: ['paid'], right: ['delay-apology', 'delay-urged', 'delay-check'] },
  { text: '说好两天内发的，到现在还没动静', orders: ['paid'], right: ['delay-apology', 'delay-urged', 'delay-check'] },
  // 发货时间 / shipping time
  { text: '今天下单什么时候发货', orders: [], right: ['ship-time'], ok: ['stock-available', 'ship-arrival'] },
  { text: '现在拍几天能到', orders: [], right: ['ship-arrival'], ok: ['ship-time'] },
  { text: '我刚付了款，今天能发出吗', orders: ['paid'], right: ['order-paid'], ok: ['delay-urged', 'ship-time'] },
  // 质量问题 / quality
  { text: '裤子穿了一次线就开了', orders: ['completed'], right: ['quality-photos', 'quality-options'], ok: ['return-postage-shop', 'quality-late'] },
  { text: '衣服上有个洞，质量太差了', orders: ['shipped'], right: ['quality-photos', 'quality-options'], ok: ['return-postage-shop'] },
  { text: '收到的衣服有股怪味', orders: ['shipped'], right: ['quality-odor'], ok: ['quality-photos'] },
  { text: '扣子掉了一颗，刚收到的', orders: ['completed'], right: ['quality-photos', 'quality-options'] },
  { text: '鞋子穿了两天就开胶了', orders: ['completed'], right: ['quality-photos', 'quality-options'], ok: ['quality-late'] },
  { text: '新买的外套味道好大，正常吗', orders: ['shipped'], right: ['quality-odor'], ok: ['quality-photos'] },
  // 结束语 / closing
  { text: '好嘞，谢谢哈', orders: [], right: ['bye-welcome'], ok: ['bye-not-yet'] },
  { text: '好的，谢谢亲', orders: ['paid'], right: ['bye-welcome', 'bye-ordered'], ok: ['order-paid'] },
  { text: '知道了谢谢', orders: ['completed'], right: ['bye-welcome'], ok: ['bye-after-sale', 'bye-five-star'] },
  { text: '嗯嗯好的 谢啦', orders: [], right: ['bye-welcome'], ok: ['bye-not-yet'] },
  { text: '好评已经给了哦', orders: ['completed'], right: ['review-thanks'], ok: ['bye-welcome'] },
  // 付款 / payment
  { text: '付款一直失败怎么办', orders: ['unpaid'], right: ['pay-failed'], ok: ['pay-by-friend'] },
  { text: '付不了款，提示超过限额', orders: ['unpaid'], right: ['pay-failed'], ok: ['pay-by-friend'] },
  { text: '能找人代付吗', orders: ['unpaid'], right: ['pay-by-friend'] },
  { text: '订单状态：买家已付款 实付款：89.00元 这单怎么样了', orders: ['paid'], right: ['order-paid', 'delay-urged', 'delay-check'], ok: ['ship-time'] },
  { text: '钱已经付过了，你看下', orders: ['paid'], right: ['order-paid'], ok: ['delay-check', 'ship-time'] },
  // 换货 / exchange
  { text: '收到的衣服小了，能换大一码吗', orders: ['completed'], right: ['exchange-how', 'return-retain'], ok: ['exchange-price-rules', 'size-exchange-ok', 'postage-top-up'] },
  { text: '换货的那件你们给我留着了吗', orders: ['refunding'], right: ['exchange-reserved'], ok: ['exchange-how'] },
  { text: '想换个颜色，要补差价吗', orders: ['completed'], right: ['exchange-price-rules'], ok: ['exchange-how', 'postage-top-up'] },
  // 尺码 / size
  { text: '165 120斤穿什么码', orders: [], right: ['size-recommend', 'size-ask'], ok: ['size-chart', 'product-verify'] },
  // Height and weight given, an unpaid order beside the chat: recommend a size; 放心拍…可换码 does not lead.
  { text: '我身高160，体重98斤，这条裤子拍哪个码好', orders: ['unpaid'], right: ['size-recommend'], ok: ['pay-remind'] },
  { text: '这件我该穿多大码', orders: [], right: ['size-ask'], ok: ['size-chart'] },
  // 合并发货 / merge
  { text: '我拍了两件，可以一起发吗', orders: ['paid', 'paid'], right: ['merge-orders', 'merge-ask'] },
  { text: '两个订单能合并发货吗', orders: ['paid', 'shipped'], right: ['merge-orders', 'merge-ask'] },
  { text: '能合并发货吗', orders: [], right: ['merge-ask', 'merge-orders'] },
  { text: '之前那单已经发了，新拍的这件能跟它一起吗', orders: ['shipped'], right: ['merge-ask'] },
  // 改地址 / address
  { text: '地址填错了，帮我改一下', orders: ['paid'], right: ['address-change'] },
  { text: '已经发货了还能改地址吗', orders: ['shipped'], right: ['address-change-shipped'] },
  // 查件 / tracking
  { text: '快递到哪了', orders: ['shipped'], right: ['tracking-query'], ok: ['tracking-stuck'] },
  { text: '物流三天没更新了', orders: ['shipped'], right: ['tracking-stuck'], ok: ['tracking-query'] },
  { text: '显示签收了但我没收到', orders: ['shipped'], right: ['tracking-signed-missing'] },
  // 退货 / return, refund
  { text: '不喜欢，想退货', orders: ['completed'], right: ['return-7day', 'return-retain'] },
  { text: '退货运费谁出', orders: ['completed'], right: ['return-postage-buyer'], ok: ['return-postage-shop'] },
  { text: '退款什么时候到账', orders: ['refunding'], right: ['refund-time', 'refund-progress'] },
  // 议价 / bargain, promotion
  { text: '能便宜点吗', orders: [], right: ['bargain-fixed-price'], ok: ['bargain-gift', 'bargain-free-shipping', 'bargain-small-discount'] },
  { text: '有优惠券吗', orders: [], right: ['promo-coupon'], ok: ['promo-current'] },
  { text: '我买了第二天就降价了，能退差价吗', orders: ['shipped'], right: ['promo-price-protect'] },
  // 取消 / cancel
  { text: '不想要了，能取消订单吗', orders: ['paid'], right: ['cancel-paid'], ok: ['cancel-printed'] },
  { text: '刚拍的还没付款，怎么取消', orders: ['unpaid'], right: ['cancel-unpaid'] },
  // 其他情境
  { text: '这单能给开个发票吗', orders: [], right: ['invoice-after-receipt'], ok: ['invoice-info'] },
  { text: '快递到了盒子压扁了，里面的杯子碎了', orders: ['shipped'], right: ['damaged-signed'], ok: ['damaged-refuse'] },
  { text: '这款是纯棉的吗', orders: [], right: ['product-material'] },
  { text: '发错颜色了，我买的是白色', orders: ['shipped'], right: ['wrong-item'] },
  { text: '少发了一件', orders: ['shipped'], right: ['missing-item'], ok: ['wrong-item'] },
  { text: '在吗', orders: [], right: ['welcome-new'], ok: ['welcome-human', 'welcome-busy'] },
  // QA re-check (2026-12-04): a review already given is not asked for again.
  { text: '东西挺好的，已经给了五星', orders: ['shipped'], right: ['review-thanks'], ok: ['bye-welcome'] },
  { text: '给你们五星好评了', orders: ['shipped'], right: ['review-thanks'], ok: ['bye-welcome'] },
  { text: '已经打了五星哦，下次还来', orders: ['shipped'], right: ['review-thanks'], ok: ['bye-welcome'] },
  { text: '衣服很喜欢，刚写了好评', orders: ['completed'], right: ['review-thanks'], ok: ['bye-welcome'] },
  // A negated receipt (还没收到货) is a parcel on its way, not after-sale.
  { text: '还没收到货，想把收件地址改到公司', orders: ['shipped'], right: ['address-change-shipped'] },
  { text: '还没收到货呢，能改个地址吗', orders: ['shipped'], right: ['address-change-shipped'] },
  { text: '快递还没收到，地址能改到公司吗', orders: ['shipped'], right: ['address-change-shipped'] },
  { text: '退款还没收到', orders: ['refunding'], right: ['refund-progress', 'refund-time'] },
  // An unpaid order's reminder does not go before the answer to a clear ask; it still leads small talk.
  { text: '我刚拍的地址填错了，还没付款能改吗', orders: ['unpaid'], right: ['address-change'], ok: ['address-check'] },
  { text: '还没付款，地址能改吗', orders: ['unpaid'], right: ['address-change'], ok: ['address-check'] },
  { text: '订单还没付，收件人能改成我妈吗', orders: ['unpaid'], right: ['address-change'], ok: ['address-check'] },
  { text: '能不能再便宜一点', orders: ['unpaid'], right: ['bargain-fixed-price'], ok: ['bargain-gift', 'bargain-free-shipping', 'bargain-small-discount'] },
  { text: '再少点吧，少十块我就付', orders: ['unpaid'], right: ['bargain-fixed-price'], ok: ['bargain-gift', 'bargain-free-shipping', 'bargain-small-discount'] },
  { text: '好的我看看', orders: ['unpaid'], right: ['pay-remind'], ok: ['bye-not-yet'] },
  { text: '嗯嗯', orders: ['unpaid'], right: ['pay-remind'] },
  // No order shown and a purchase only announced: no thanks for a payment.
  { text: '那我先拍了', orders: [], right: ['bye-welcome'], ok: ['bye-ordered'], never: ['order-paid'] },
  { text: '那我这就去下单啦', orders: [], right: ['bye-welcome'], ok: ['bye-ordered'], never: ['order-paid'] },
];

/**
 * Written after the weights above were chosen on SLOT_ONE_CASES, and run once: a check that the
 * rules carry to messages they were not tuned on.
 */
export const SLOT_ONE_FRESH: SlotOneCase[] = [
  { text: '藏青色断码了吗，过几天还有没有', orders: [], right: ['stock-restock'], ok: ['stock-available'] },
  { text: '我拍的那件付了四天了还在仓库没动', orders: ['paid'], right: ['delay-apology', 'delay-urged', 'delay-check'] },
  { text: '下单之前问下，XL还有吗', orders: ['completed'], right: ['stock-available'], ok: ['stock-low'] },
  { text: '洗了一次就缩水了', orders: ['completed'], right: ['quality-photos', 'quality-options'], ok: ['quality-late'] },
  { text: '这包包拉链拉不动，刚到的', orders: ['shipped'], right: ['quality-photos', 'quality-options'] },
  { text: '行，明白了，谢谢', orders: ['completed'], right: ['bye-welcome', 'bye-after-sale'], ok: ['bye-five-star'] },
  { text: 'OK谢谢客服', orders: [], right: ['bye-welcome'], ok: ['bye-not-yet'] },
  { text: '刚给你们打了五星', orders: ['completed'], right: ['review-thanks'], ok: ['bye-welcome'] },
  { text: '一直付款不成功，换了卡也不行', orders: ['unpaid'], right: ['pay-failed'] },
  { text: '我那单都付完款了，怎么还显示待发货', orders: ['paid'], right: ['delay-apology', 'delay-urged', 'delay-check', 'order-paid'], ok: ['ship-time'] },
  { text: '鞋子大了，想换小半码', orders: ['completed'], right: ['exchange-how', 'return-retain'], ok: ['exchange-price-rules', 'postage-top-up'] },
  { text: '昨天拍了一件今天又拍一件，一起寄行吗', orders: ['paid', 'paid'], right: ['merge-orders', 'merge-ask'] },
  { text: '新地址发你了，改好了吗', orders: ['paid'], right: ['address-changed-confirm'], ok: ['address-change'] },
  { text: '已经发了的话还能取消吗', orders: ['shipped'], right: ['cancel-shipped'], ok: ['cancel-check'] },
  { text: '我的快递一直显示在路上，好几天了', orders: ['shipped'], right: ['tracking-stuck'], ok: ['tracking-query'] },
  { text: '退回去的运费你们报销吗', orders: ['refunding'], right: ['return-postage-buyer', 'return-postage-shop'] },
  { text: '退款怎么还没到', orders: ['refunding'], right: ['refund-progress', 'refund-time'] },
  { text: '便宜点吧老板', orders: [], right: ['bargain-fixed-price'], ok: ['bargain-gift', 'bargain-free-shipping', 'bargain-small-discount', 'bargain-ask-supervisor'] },
  { text: '满减怎么算的', orders: [], right: ['promo-full-reduction'], ok: ['promo-current'] },
  { text: '发票抬头写公司的，税号一会发你', orders: ['completed'], right: ['invoice-info'], ok: ['invoice-after-receipt'] },
  { text: '到手外箱全是破的，东西也摔坏了', orders: ['shipped'], right: ['damaged-signed'], ok: ['damaged-refuse'] },
  { text: '袜子少了两双', orders: ['completed'], right: ['missing-item'], ok: ['wrong-item'] },
  { text: '这件衣服衣服闻着有点刺鼻', orders: ['shipped'], right: ['quality-odor'], ok: ['quality-photos'] },
  { text: '能发顺丰吗', orders: [], right: ['courier-sf'], ok: ['courier-default'] },
];

/**
 * Replies whose text would tell the buyer something false at Alt+1 (QA pass N, 2026-12-05, defects
 * 3, 4, 6): a refund called done when no refund is on the page, "照片看到了，确实是我们的问题" before
 * any photo, 让您久等了 to a buyer who has just paid, 可以拒签 after signing, 发错了 for an extra item,
 * 运费需要您承担 to a buyer who advanced the postage. Written for this change, in our own words.
 */
export const SLOT_ONE_QA_N: SlotOneCase[] = [
  { text: '退款到现在还没收到，都过去五天了', orders: ['shipped'], right: ['refund-check'], never: ['refund-done'] },
  { text: '我的退款处理到哪了', orders: ['completed'], right: ['refund-check'], never: ['refund-done'] },
  { text: '申请了退款一直没动静', orders: ['paid'], right: ['refund-check'], never: ['refund-done'] },
  { text: '钱什么时候能退给我', orders: ['shipped'], right: ['refund-check'], ok: ['refund-time'], never: ['refund-done'] },
  { text: '退款进度怎么样了', orders: ['refunding'], right: ['refund-progress'] },
  { text: '退款怎么还没退到支付宝，都等一周了', orders: ['shipped'], right: ['refund-check'], never: ['refund-done'] },
  { text: '退款怎么还没到账呢，等了好几天了', orders: ['shipped'], right: ['refund-check'], never: ['refund-done', 'tracking-stuck'] },
  { text: '鞋底才穿三天就裂开了，要退', orders: ['completed'], right: ['quality-photos'], ok: ['quality-late'], never: ['quality-options'] },
  { text: '裙子拉链坏了，质量太差', orders: ['shipped'], right: ['quality-photos'] },
  { text: '图片发你了，领口脱线了', orders: ['completed'], right: ['quality-options'], ok: ['quality-photos'] },
  { text: '不太喜欢这个颜色，想退掉', orders: ['completed'], right: ['return-7day', 'return-retain'], never: ['quality-options', 'quality-photos'] },
  { text: '七天无理由可以退吗，没穿过', orders: ['shipped'], right: ['return-7day'], ok: ['return-retain'], never: ['quality-options'] },
  { text: '刚拍下付了钱就不想要了，还没发吧', orders: ['paid'], right: ['cancel-paid'], ok: ['cancel-check'], never: ['delay-apology', 'order-paid'] },
  { text: '快递拿到手里面的碗就碎了，箱子看着好好的', orders: ['shipped'], right: ['damaged-signed'] },
  { text: '你们多寄了一双袜子给我', orders: ['completed'], right: ['extra-item'] },
  { text: '包裹里多出来一个杯子，不是我买的', orders: ['shipped'], right: ['extra-item'], ok: ['wrong-item'] },
  { text: '寄回去的运费是我垫付的，能退给我吗', orders: ['refunding'], right: ['return-postage-shop'] },
  { text: '退货的快递单号在哪里填', orders: ['shipped'], right: ['return-tracking-number'], never: ['wrong-item'] },
  { text: '少算我五块钱行不行，便宜点', orders: [], right: ['bargain-fixed-price'], ok: ['bargain-small-discount', 'bargain-gift', 'bargain-free-shipping'], never: ['missing-item'] },
];

/**
 * Found after the rules above (2026-12-05), in our own words: a review threatened in a
 * conditional frame (再不…就, 不然, 要是…就) against one already posted; a colour that runs; a return
 * already on its way with its number. `cards` lists the replies that must be the cards, in order.
 */
export const SLOT_ONE_THREAT_FADE_RETURN: (SlotOneCase & { cards?: string[] })[] = [
  { text: '再不给我处理就给你们差评了', orders: ['shipped'], right: ['review-threat'], ok: ['complaint-resolve-first'], never: ['review-request'] },
  { text: '今天不退款的话我就去投诉你们', orders: ['completed'], right: ['complaint-resolve-first'] },
  // Read as 中差评 alone (no complaint chip): the threat still brings the complaint's replies.
  { text: '再不回复我，我马上就给差评了', orders: ['completed'], right: ['review-threat'], ok: ['complaint-resolve-first'], never: ['review-request'] },
  { text: '裙子寄回去了，单号是ZT7788990011223', orders: ['shipped'], right: ['return-sent'], never: ['return-7day', 'return-retain'] },
  { text: '赶紧给个说法，不然我就打12315', orders: ['completed'], right: ['complaint-resolve-first'] },
  { text: '要是明天还不发货我就给差评了', orders: ['paid'], right: ['complaint-resolve-first', 'delay-apology', 'delay-urged', 'delay-check'], never: ['review-bad', 'review-request'] },
  { text: '我已经给了你们差评', orders: ['completed'], right: ['review-bad'] },
  { text: '东西太差了，刚评价了一星', orders: ['completed'], right: ['review-bad'] },
  { text: '牛仔裤一洗就掉色，把白衣服都染蓝了', orders: ['completed'], right: ['quality-fading'], ok: ['quality-photos'], never: ['quality-odor'] },
  { text: '这条毛巾掉色太厉害了', orders: ['shipped'], right: ['quality-fading'], ok: ['quality-photos'], never: ['quality-odor'] },
  {
    text: '退的那件已经寄出了，快递单号SF0012345678901',
    orders: ['refunding'],
    right: ['return-sent'],
    cards: ['return-sent', 'return-tracking-number'],
    never: ['return-7day', 'return-retain', 'quality-photos', 'quality-options', 'tracking-query', 'tracking-check', 'refund-only'],
  },
  { text: '你们发的快递单号是多少', orders: ['shipped'], right: ['tracking-query', 'tracking-check'], never: ['return-sent'] },
  { text: '退货单号要填到哪里', orders: ['completed'], right: ['return-tracking-number'] },
];

/**
 * A second look at the set above (2026-12-05), in our own words: a colour question asked before buying
 * (not 掉色处理, which apologises and promises a quality claim), a fade the buyer has seen; a review
 * threatened without a condition word (no 中差评沟通 first, no five-star request); a return posted
 * back with no number (no how-to-post postage reply). `cards`: the replies that must lead, in order.
 */
export const SLOT_ONE_COLOUR_THREAT_POSTED: (SlotOneCase & { cards?: string[] })[] = [
  { text: '这条裙子会掉色吗', orders: [], right: ['product-verify', 'product-material'], never: ['quality-fading'] },
  { text: '黑色那款掉色吗', orders: ['unpaid'], right: ['product-verify', 'product-material'], never: ['quality-fading'] },
  { text: '洗了以后会不会褪色', orders: ['completed'], right: ['product-verify', 'product-material'], never: ['quality-fading'] },
  { text: '这种棉的容易掉色不', orders: [], right: ['product-verify', 'product-material'], never: ['quality-fading'] },
  { text: '第一次洗就掉色了', orders: [], right: ['quality-fading'], ok: ['quality-photos'] },
  { text: '掉色特别严重', orders: ['completed'], right: ['quality-fading'], ok: ['quality-photos'] },
  { text: '上衣洗完有点脱色', orders: ['shipped'], right: ['quality-fading'] },
  { text: '你们再这么拖我就差评了', orders: ['completed'], right: ['review-threat'], ok: ['complaint-resolve-first'], never: ['review-request'] },
  { text: '行，你们就等着差评吧', orders: ['completed'], right: ['review-threat'], ok: ['complaint-resolve-first'], never: ['review-request'] },
  { text: '小心我去给你们差评', orders: ['shipped'], right: ['review-threat'], ok: ['complaint-resolve-first'], never: ['review-request'] },
  { text: '我要给你们打差评', orders: ['completed'], right: ['review-threat'], ok: ['complaint-resolve-first'], never: ['review-request'] },
  { text: '差评已经给了，你们自己看吧', orders: ['completed'], right: ['review-bad'] },
  { text: '东西我寄回去了', orders: ['refunding'], right: ['return-sent'], never: ['return-postage-shop', 'return-postage-buyer'] },
  { text: '我寄回去了，来回运费谁出', orders: ['completed'], right: ['return-postage-buyer', 'return-postage-shop'] },
];

/**
 * 2026-12-06, in our own words: a bad review the buyer says is already posted (中差评沟通
 * first, the apology next; no five-star request, no thanks for a good review anywhere on the cards);
 * goods said to be sent back with no word of an exchange (the return's replies, never 换货进度).
 */
export const SLOT_ONE_BAD_REVIEW_SENT_BACK: (SlotOneCase & { cards?: string[] })[] = [
  { text: '我已经给了你们差评', orders: ['completed'], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '我给你们打了个中评', orders: ['shipped'], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '给了一星，你们看着办', orders: ['completed'], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '东西太差了，刚评价了一星', orders: ['completed'], right: ['review-bad'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '差评已经给了，你们自己看吧', orders: ['completed'], right: ['review-bad'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '已经寄回去了', orders: ['completed'], right: ['return-sent'], ok: ['refund-check'], never: ['exchange-check', 'exchange-back-received', 'exchange-back-on-way'] },
  { text: '已经寄回去了', orders: ['refunding'], right: ['return-sent', 'refund-progress'], ok: ['refund-check'], never: ['exchange-check', 'exchange-back-received', 'exchange-back-on-way'] },
  { text: '已经寄回去了', orders: [], right: ['return-sent'], ok: ['refund-check', 'refund-progress'], never: ['exchange-check', 'exchange-back-received', 'exchange-back-on-way'] },
  // Read as 退货 alone (no refund or postage chip): the return's own replies had all gone (寄回了 rules
  // out how to start one), and 换货进度 was the only card.
  { text: '我已经寄回了', orders: ['completed'], right: ['return-sent'], ok: ['refund-check'], never: ['exchange-check', 'exchange-back-received', 'exchange-back-on-way'] },
];

/**
 * 2026-12-06, later, in our own words: a product question asked before paying (付款前, 支付以前,
 * 付钱之前: when, not what about — 付款 read as a payment question and 面料材质 was not on the cards); a bad
 * review said posted in another word order (评价我已经写了，差评; 差评我早就写过了); a good review said
 * given (好评早就给了, 五星给过了: 邀请五星评价 was still on the cards).
 */
export const SLOT_ONE_BEFORE_PAYING: (SlotOneCase & { cards?: string[] })[] = [
  // The model alone put the payment chip back (付款): 打消顾虑 led, 面料材质 second.
  { text: '付款前想问问面料', orders: [], right: ['product-material'], never: ['pay-hesitate', 'pay-remind', 'order-paid'] },
  { text: '支付前问一下面料', orders: [], right: ['product-material'], never: ['pay-hesitate', 'pay-remind', 'order-paid'] },
  { text: '付款前想问一下这件的面料', orders: [], right: ['product-material'], never: ['order-paid'] },
  { text: '支付以前问问是什么材质', orders: ['unpaid'], right: ['product-material'], never: ['order-paid'] },
  { text: '付钱之前确认下有没有色差', orders: [], right: ['product-color'], never: ['order-paid'] },
  { text: '付款之前问下尺码偏大吗', orders: [], right: ['size-runs-small'], ok: ['size-ask'], never: ['order-paid'] },
  { text: '拍之前想问下这个颜色显黑吗', orders: [], right: ['product-color'] },
  { text: '支付前想问问今天能发吗', orders: [], right: ['ship-time'], never: ['order-paid'] },
  { text: '评价我已经写了，差评', orders: ['completed'], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '差评我早就写过了', orders: ['completed'], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '中评我都打过了', orders: ['shipped'], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '已经写过评价了，差评', orders: ['completed'], right: ['review-bad'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '差评早就给过了，你们看着办', orders: ['completed'], right: ['review-bad'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '评价早写了，给的中评', orders: ['completed'], right: ['review-bad'], never: ['review-request', 'review-thanks', 'bye-five-star'] },
  { text: '好评已经给了哦', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '好评早就给了', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '五星给过了', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '已经给过好评了', orders: ['shipped'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '评价我早写了，五星', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '好评我都写过了', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '我给过五星了哦', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
  { text: '东西不错，五星好评早就打了', orders: ['completed'], right: ['review-thanks'], never: ['review-request', 'bye-five-star'] },
];

/**
 * How many days until it arrives, asked before paying (our own words). The answer is the delivery
 * time: the day it ships (from the cut-off) plus the days in transit — 到货时间 first (it names the
 * days asked for), 发货时间 next (the day it leaves). 运费与快递可达 (postage, whether the courier reaches
 * the buyer) shared the first place with 发货时间 on the 能到 in 几天能到, and the library's order decided.
 * A postage or reachability question, and a payment question framed the same way, keep their answers.
 */
export const SLOT_ONE_ARRIVAL: (SlotOneCase & { cards?: string[] })[] = [
  { text: '付款以前问下几天能到', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'], never: ['pay-remind', 'order-paid'] },
  { text: '付款前问下大概几天能送到', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  { text: '支付之前问一下多久能收到', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  { text: '付钱前问下什么时候能送到', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  { text: '付款前问问发到广州要几天', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  { text: '拍之前问问几天能到', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  { text: '明天能到吗', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  { text: '付款之前问下，发货后几天到', orders: [], right: ['ship-arrival'], cards: ['ship-arrival', 'ship-time'] },
  // When it ships, not when it arrives: 发货时间 still leads.
  { text: '付款前问下今天能发吗', orders: [], right: ['ship-time'] },
  // Whether it reaches the buyer at all, before paying: postage and reachability still answer.
  { text: '付款前问下新疆能到吗', orders: [], right: ['order-confirm-postage', 'courier-default', 'courier-unreachable'] },
  // A payment question in the same frame is still one: which ways of paying (支付方式), no reminder of an order not placed.
  { text: '付款前能用花呗吗', orders: [], right: ['pay-methods'], never: ['ship-time', 'ship-arrival'] },
];

/**
 * Which ways of paying the shop takes, asked by a buyer who has not ordered, or with an order beside
 * the chat (our own words, 2026-12-06): 支付方式 first. The two reminders (催付: 您拍下的宝贝还没付款) led
 * 付款前能用花呗吗 with no order anywhere; they answer nothing asked and say an order is placed. With an
 * unpaid order shown a reminder is true and may follow; with none it is never the first card.
 */
export const SLOT_ONE_PAY_METHODS: SlotOneCase[] = [
  { text: '付款前能用花呗吗', orders: [], right: ['pay-methods'] },
  { text: '下单前问下，可以刷信用卡不', orders: [], right: ['pay-methods'] },
  { text: '还没拍，能用花呗分期吗', orders: [], right: ['pay-methods'], never: ['delay-check', 'delay-apology'] },
  { text: '想买这个，支持白条吗', orders: [], right: ['pay-methods'] },
  { text: '能分期付款吗？分几期', orders: [], right: ['pay-methods'] },
  { text: '拍之前想确认一下能不能用信用卡', orders: [], right: ['pay-methods'] },
  { text: '你们家支持先用后付吗', orders: [], right: ['pay-methods'] },
  { text: '可以用花呗付款吗', orders: ['unpaid'], right: ['pay-methods'] },
  { text: '我拍了还没付，能用信用卡吗', orders: [], right: ['pay-methods'] },
  { text: '可以货到付款吗', orders: ['completed'], right: ['pay-methods'] },
];

/**
 * A one- or two-star review said given in the buyer's short forms (our own words): it is a bad review
 * posted, as 差评已经给了 is — 中差评沟通 first, the apology next, no five-star request nor thanks for a
 * good review. 一星早就打了 had no cue at all and showed no chip; 一颗星早给了 put 邀请五星评价 first.
 */
export const SLOT_ONE_LOW_STARS: (SlotOneCase & { cards?: string[] })[] = [
  { text: '一星早就打了', orders: ['completed'] },
  { text: '一星早打了', orders: ['completed'] },
  { text: '给了一星', orders: ['completed'] },
  { text: '已经打了一颗星', orders: ['completed'] },
  { text: '一颗星早给了', orders: ['completed'] },
  { text: '两星已经给了', orders: ['shipped'] },
  { text: '给你们打了1星', orders: ['completed'] },
  { text: '只给了一颗星，自己看着办', orders: ['completed'] },
  { text: '东西不行，一星都打完了', orders: ['completed'] },
].map((c) => ({ ...c, orders: c.orders as OrderStatus[], right: ['review-bad'], cards: ['review-bad', 'complaint-apology'], never: ['review-request', 'review-thanks', 'bye-five-star'] }));

/**
 * A good review the buyer says is given (our own words): 中差评沟通 (看到您的评价…追评或者修改) answers a
 * bad one and is not on the cards at all, as the five-star requests are not; until then it only lost
 * ground and stayed third.
 */
export const SLOT_ONE_GOOD_REVIEW: SlotOneCase[] = [
  { text: '好评已经给了哦', orders: ['completed'] },
  { text: '五星给过了', orders: ['completed'] },
  { text: '评价我早写了，五星', orders: ['completed'] },
  { text: '已经给了五星', orders: ['shipped'] },
  { text: '刚写了好评，衣服挺好看', orders: ['completed'] },
  { text: '给你们五星好评了', orders: ['shipped'] },
  { text: '五星好评早就打了', orders: ['completed'] },
  { text: '评价写好了，五星哈', orders: ['completed'] },
  { text: '好评给了，东西不错', orders: ['completed'] },
].map((c) => ({ ...c, orders: c.orders as OrderStatus[], right: ['review-thanks'], never: ['review-bad', 'review-request', 'bye-five-star'] }));

/**
 * Where the goods ship from (our own words): 发货地 answers it; 发货时间 (when, not where) led before the
 * starter had a reply for it. A question when it ships still gets 发货时间 first.
 */
export const SLOT_ONE_SHIP_FROM: SlotOneCase[] = [
  { text: '从哪里发货', orders: [], right: ['ship-from'] },
  { text: '哪里发的货呀', orders: [], right: ['ship-from'] },
  { text: '你们发货地是哪', orders: [], right: ['ship-from'] },
  { text: '支付之前问问从哪里发货', orders: [], right: ['ship-from'] },
  { text: '是从哪个城市发出的', orders: [], right: ['ship-from'] },
  { text: '东西从哪发的', orders: ['paid'], right: ['ship-from'] },
  { text: '今天下午能发出去吗', orders: [], right: ['ship-time'], never: ['ship-from'] },
];
