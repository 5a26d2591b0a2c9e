import type { MessageBundle } from '../index';

/**
 * Follow-up strings the worker needs too (the rest, the popup's and options page's own, are in
 * followups-ui.ts, which background.js does not carry). `followups.reason.*`, `followups.title` and
 * `followups.closed.*` are written into stored items in Chinese (by lib/domain/followups), and an
 * item names its reason's key and values (`why`), so the popup, the buyer card and the CSV show it in
 * the interface's language (lib/domain/followups/text.ts). Stored items name these keys: a reason
 * whose placeholders change gets a new key. Reasons are read days later: no 今天/明天, dates instead.
 *
 * In three parts, so that background.js, which Chrome parses at every worker wake, carries only the
 * words it says or stores itself:
 * - `followupsWorker`, which the worker registers and reads: the kinds' names (a stored item without
 *   a title gets its kind's), the toolbar badge's title, the cut-off notification, a refused handover
 *   (also in English), and an unpaid reminder's reasons (the popup's 推迟 past the cut-off words them
 *   again in the worker: unpaidAfterSnooze).
 * - `followupsMadeZh`: the Chinese of every other reason, the rules' title and the close reasons.
 *   Only the code that makes and closes items (worker-extras.js: the order, remark and VIP rules, the
 *   to-dos, handovers and chat panel kinds of addFollowup) and the code that shows them (the pages,
 *   the CSV in worker-extras.js) use them, so background.js carries none (about 1.7 KB).
 * - An item's words in English, made where they are shown (popup, buyer card, the CSV in
 *   worker-extras.js): background.js carries none of them either (about 2.7 KB).
 * The pages register `followups`, which has all (its Chinese alone: `followupsZh`).
 */
export const followupsWorker = {
  zh: {
    'followups.kind.unpaid': '拍下未付',
    'followups.kind.inquiry': '咨询未拍',
    'followups.kind.delay': '延迟发货',
    'followups.kind.return-pending': '待收退货',
    'followups.kind.refund-to-pay': '待付退款',
    'followups.kind.postage-refund': '待退运费',
    'followups.kind.handover': '交接',
    'followups.kind.vip-revisit': 'VIP 回访',
    'followups.kind.bad-review': '中差评',
    'followups.kind.promised-answer': '承诺答复',
    'followups.kind.call-back': '约定回电',
    'followups.kind.manual': '其他待办',

    'followups.view.badge': '{count} 项待跟进',

    'followups.reason.unpaid': '拍下超过 {minutes} 分钟未付款，{cutoff} 截单前催付',
    'followups.reason.unpaidLate': '拍下超过 {minutes} 分钟未付款，已过 {missed} {cutoff} 截单，{due} 前催付',
    'followups.reason.unpaidOffDay': '拍下超过 {minutes} 分钟未付款，{off} 店铺不发货，{due} 前催付',

    'followups.handover.notMember': '“{person}”不在本店的团队成员名单里（可能刚被移除）。请重新打开后从名单里选择。',

    'followups.popup.title': '今日跟进',

    'followups.notify.title': '{cutoff} 截单前还有 {count} 单未付款',
  },
  en: {
    'followups.view.badge': '{count} to follow up',
    'followups.popup.title': "Today's follow-ups",
    'followups.notify.title': '{count} order{count||s} still unpaid before the {cutoff} cut-off',
    'followups.handover.notMember': '“{person}” is not on the shop’s team list (perhaps just removed). Reopen and pick from the list.',
  },
} satisfies MessageBundle;

/** The Chinese of what only the makers and the pages say (see above): a reason, the rules' title, why an item closed. */
export const followupsMadeZh: Record<string, string> = {
  'followups.title': '{kind}：{buyer}',

  'followups.reason.delayOverdue': '{placed} 下单，按 {cutoff} 截单应在 {date} 发出，至今未发货：告知买家并提供换款或退款',
  'followups.reason.delayPromised': '备注承诺 {date} 发货，当天确认发出并告知买家',
  'followups.reason.delayRecheck': '{done} 已跟进，订单仍未发货：再次告知买家进度，提供换款或退款（未发货期间每 {days} 天查看一次）',
  'followups.reason.delayCheck': '承诺 {date} 发货，日子还没到：先查一次备货，货到没到、买家还愿不愿意等',
  'followups.reason.delayCheckAgain': '承诺 {date} 发货，{done} 已查过：再查一次备货（承诺日前每 {days} 天查看一次）',
  'followups.reason.returnPending': '退换货等买家寄回，每 {days} 天查看一次物流',
  'followups.reason.exchangePending': '换货等买家寄回，收到后尽快换发，每 {days} 天查看一次物流',
  'followups.reason.refundToPay': '有退款或补偿待支付',
  'followups.reason.refundToPayAmount': '有退款或补偿待支付（¥{amount}）',
  'followups.reason.refundAfterReturn': '收到退货、检查无误后退款',
  'followups.reason.refundAfterReturnAmount': '收到退货、检查无误后退款（¥{amount}）',
  'followups.reason.postageRefund': '有运费待退还给买家',
  'followups.reason.postageRefundAmount': '有运费待退还给买家（¥{amount}）',
  'followups.reason.handover': '夜班交接，{due} 前处理完',
  'followups.reason.handoverToNight': '白班交给夜班，{due} 前处理完',
  'followups.reason.handoverAllDay': '交给下一位，{due} 前处理完',
  'followups.reason.handoverForNight': '白班交给夜班：夜班 {start} 接班后处理，{due} 前处理完',
  'followups.reason.vipRevisit': 'VIP 客户，距上次联系将满 {days} 天，回访问候',
  'followups.reason.vipRevisitSince': 'VIP 客户，上次联系 {date}，已 {days} 天，回访问候',
  'followups.reason.vipRevisitBacklog': 'VIP 客户，上次联系 {date}，已 {days} 天未联系，回访问候（积压的回访每天安排 {perDay} 位）',
  'followups.reason.badReview': '中差评或投诉，当天联系买家解决',
  'followups.reason.promisedAnswer': '答应过买家尽快答复（{hours} 小时内）',
  'followups.reason.promisedAnswerAt': '答应过买家在 {due} 前答复',
  'followups.reason.callBack': '约好 {due} 联系买家',
  'followups.reason.inquiry': '咨询后未下单，了解原因后跟进',
  'followups.reason.manual': '手动添加',

  'followups.closed.paid': '买家已付款',
  'followups.closed.shipped': '已发货',
  'followups.closed.refunding': '买家已申请退款',
  'followups.closed.orderClosed': '订单已关闭',
  'followups.closed.completed': '交易已完成',
  'followups.closed.ordered': '买家已下单',
  'followups.closed.notVip': '已不是 VIP 客户',
  'followups.closed.contacted': '近期已联系过',
  'followups.closed.reminded': '已催付',
  'followups.closed.remindedCopied': '已催付（已复制）',
  'followups.closed.buyerGone': '买家已删除',
};

/** All the Chinese (lib/domain/followups/text.ts reads it without the English). */
export const followupsZh: Record<string, string> = { ...followupsWorker.zh, ...followupsMadeZh };

export const followups: MessageBundle = {
  zh: followupsZh,
  en: {
    ...followupsWorker.en,
    'followups.kind.unpaid': 'Unpaid order',
    'followups.kind.inquiry': 'Asked, not ordered',
    'followups.kind.delay': 'Shipping delay',
    'followups.kind.return-pending': 'Return on its way',
    'followups.kind.refund-to-pay': 'Refund to pay',
    'followups.kind.postage-refund': 'Postage to refund',
    'followups.kind.handover': 'Handover',
    'followups.kind.vip-revisit': 'VIP revisit',
    'followups.kind.bad-review': 'Bad review',
    'followups.kind.promised-answer': 'Promised answer',
    'followups.kind.call-back': 'Call back',
    'followups.kind.manual': 'Other',

    'followups.title': '{kind}: {buyer}',
    'followups.reason.unpaid': 'Unpaid for over {minutes} min; remind before the {cutoff} cut-off',
    'followups.reason.unpaidLate': 'Unpaid for over {minutes} min; missed the {cutoff} cut-off on {missed}, remind by {due}',
    'followups.reason.unpaidOffDay': 'Unpaid for over {minutes} min; the shop does not ship on {off}, remind by {due}',
    'followups.reason.delayOverdue': 'Ordered {placed}: with the {cutoff} cut-off it should have shipped on {date} and has not; tell the buyer, offer a swap or refund',
    'followups.reason.delayPromised': 'Remark promises shipping on {date}; make sure it ships and tell the buyer',
    'followups.reason.delayRecheck': 'Followed up on {done} and still not shipped: tell the buyer where it stands, offer a swap or refund (checked every {days} day{days||s} until it ships)',
    'followups.reason.delayCheck': 'Promised to ship on {date}, not there yet: check the stock once before then — is it in, will the buyer still wait?',
    'followups.reason.delayCheckAgain': 'Promised to ship on {date}, checked on {done}: check the stock again (every {days} day{days||s} until that date)',
    'followups.reason.returnPending': 'Waiting for the returned parcel; check tracking every {days} day{days||s}',
    'followups.reason.exchangePending': 'Waiting for the exchange parcel; send the new item on arrival, check every {days} day{days||s}',
    'followups.reason.refundToPay': 'A refund or compensation is still to be paid',
    'followups.reason.refundToPayAmount': 'A refund or compensation is still to be paid (¥{amount})',
    'followups.reason.refundAfterReturn': 'Refund once the returned parcel is in and checked',
    'followups.reason.refundAfterReturnAmount': 'Refund once the returned parcel is in and checked (¥{amount})',
    'followups.reason.postageRefund': 'Postage is still to be refunded to the buyer',
    'followups.reason.postageRefundAmount': 'Postage is still to be refunded to the buyer (¥{amount})',
    'followups.reason.handover': 'Night-shift handover; finish by {due}',
    'followups.reason.handoverToNight': 'Handed from the day to the night shift; finish by {due}',
    'followups.reason.handoverAllDay': 'For whoever is on next; finish by {due}',
    'followups.reason.handoverForNight': 'Handed from the day to the night shift: the night shift takes it from {start}, finish by {due}',
    'followups.reason.vipRevisit': 'VIP buyer, almost {days} day{days||s} since the last contact; say hello',
    'followups.reason.vipRevisitSince': 'VIP buyer, last contact {date}, {days} day{days||s} ago; say hello',
    'followups.reason.vipRevisitBacklog': 'VIP buyer, no contact since {date} ({days} day{days||s}); say hello (overdue revisits are spread, {perDay} a day)',
    'followups.reason.badReview': 'Bad review or complaint; contact the buyer the same day',
    'followups.reason.promisedAnswer': 'Promised the buyer an answer (within {hours} h)',
    'followups.reason.promisedAnswerAt': 'Promised the buyer an answer by {due}',
    'followups.reason.callBack': 'Agreed to contact the buyer at {due}',
    'followups.reason.inquiry': 'Asked but did not order; find out why and follow up',
    'followups.reason.manual': 'Added by hand',

    'followups.closed.paid': 'Buyer paid',
    'followups.closed.shipped': 'Shipped',
    'followups.closed.refunding': 'Buyer asked for a refund',
    'followups.closed.orderClosed': 'Order closed',
    'followups.closed.completed': 'Order completed',
    'followups.closed.ordered': 'Buyer placed an order',
    'followups.closed.notVip': 'No longer a VIP',
    'followups.closed.contacted': 'Contacted recently',
    'followups.closed.reminded': 'Reminded to pay',
    'followups.closed.remindedCopied': 'Reminded to pay (reply copied)',
    'followups.closed.buyerGone': 'Buyer deleted',
  },
};
