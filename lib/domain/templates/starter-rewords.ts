import type { TemplateLibrary } from './types';

/**
 * Starter replies whose wording was changed because the old one told buyers something false, with
 * every earlier starter wording. 2026-12-03 (QA pass F, defect 1): after the cut-off 催付（截单提醒）
 * read "今天22:10前付款的订单明天（12月4日）就能发出" and 有现货 "22:10前付款明天…发出" — a deadline
 * already past; both now use {付款发货}, which is worded for the hour. 2026-12-05: four more (below).
 */
export const STARTER_REWORDS: Readonly<Record<string, readonly string[]>> = {
  'pay-remind': ['亲，看到您拍下的宝贝还没付款哦～今天{截单时间}前付款的订单{发货日}就能发出，早付款早收到，有什么疑问也可以问我～'],
  'stock-available': ['亲，您看中的这款目前有现货，{截单时间}前付款{发货日}就能发出，喜欢的话可以放心拍下哦～'],
  // 2026-12-05 (QA pass N, defect 11): claims no rule backs — a courier reaching an address nobody
  // checked, a fixed refund time, a 7-day return with no exceptions, postage charged for a refusal.
  'order-confirm-postage': ['亲，这单运费是{运费?}元，已经算在订单金额里了。您所在的地区我们默认的快递可以正常派送，付款后就能安排。'],
  'pay-hesitate': ['亲是不是还有什么顾虑呢？尺码、质量或者售后，有任何不确定都可以问我～我们支持七天无理由退换，收到不满意也有保障，您放心。', '亲是不是还有什么顾虑呢？规格、质量或者售后，有任何不确定都可以问我～我们支持七天无理由退换（定制等特殊商品除外），收到不满意也有保障，您放心。'],
  'cancel-shipped': ['亲，包裹已经发出，没办法拦截了。快递送到时您直接拒签就好，包裹退回仓库后我们给您退款；已经产生的运费需要亲承担，请理解～'],
  'return-7day': ['亲，支持七天无理由退货的～请保持吊牌完好、商品没有穿着洗涤，在订单里点「申请售后」选择退货退款，审核通过后系统会给您退货地址。', '亲，支持七天无理由退货的（定制等特殊商品，以及宝贝页面注明不支持七天无理由的除外）～请保持商品完好、吊牌和配件齐全、没有使用过，在订单里点「申请售后」选择退货退款，审核通过后系统会给您退货地址。'],
  'refund-time': ['亲，仓库收到退货、检查无误后，会在 1–2 个工作日内给您退款，钱原路退回。到账时间看支付渠道，一般余额很快，银行卡会稍慢一点。'],
  // 2026-12-06 (a supervisor's read of the starter): wordings that spoke of clothes in replies
  // every shop sends (尺码、面料、搭配 in the welcome, 这个码, 换的尺码), promised what nobody checked
  // (同款其他颜色现货都很足, 很快就能送到, 尽最大努力满足您 whatever is asked), or read stiffly
  // (谢谢亲的…, 亲自己承担, 很多亲, a 亲 on every line).
  'welcome-new': ['{买家}您好，欢迎光临{店铺}！我是客服{客服}，很高兴为您服务～看中哪款宝贝可以直接把链接发给我，尺码、面料、搭配都可以问我哦。'],
  'welcome-returning': ['{买家}，欢迎回来呀！上次买的宝贝穿着还满意吗？这次想看点什么，{客服}陪您一起慢慢挑～'],
  // 2026-12-06: the busy-hours welcome kept its 亲 when the other welcomes opened with
  // 您好 or the buyer's name, and promised a 马上 answer in the line that says replies are slow.
  'welcome-busy': ['亲，现在咨询的朋友比较多，回复会稍慢一点，还请多包涵～您的问题我都看到了，马上按顺序给您答复！'],
  // 2026-12-06: the night-shift welcome was the last greeting still opening with 亲.
  'welcome-night': ['亲，现在是夜间值班时间，简单的问题我先帮您解答；需要查仓库或办理售后的，白班同事明天上午会第一时间跟进，并在中午前给您回复。'],
  'welcome-late-reply': ['亲，不好意思刚才没能及时回复您，现在{客服}在线啦。您留言的问题我来跟进，方便的时候回我一句就好～'],
  'product-usage': ['亲，使用和安装方法在详情页最后几张图里有图解，包裹里也附了说明书。简单说就是：{使用步骤?}。操作时有不清楚的地方随时找我，我一步步陪您弄好。'],
  'product-verify': ['亲，这个细节我要跟仓库同事核实一下，不想给您一个不准的答案。最晚 24 小时内给您回复，查到了会第一时间告诉您，辛苦稍等哦～'],
  'product-genuine': ['亲请放心，本店宝贝都是正品，支持七天无理由退换（定制等特殊商品除外）。收到如果不满意，联系我们就能处理，让您买得安心～'],
  'product-match': ['亲眼光真好！这件配我们家的{搭配款?}特别好看，很多亲都是一起带走的，一起拍还能凑满减，更划算哦～'],
  'stock-restock': ['亲，不好意思，这个颜色/规格暂时卖断了，预计{补货日期?}补货到仓。您可以先收藏宝贝，到货后我第一时间通知您；也可以看看同款的其他颜色，现货都很足～'],
  'stock-low': ['亲，这个码只剩最后几件了，活动期间走得比较快，确定要的话建议早点拍下，库存以付款为准哦。'],
  'size-exchange-ok': ['亲放心拍，收到如果尺码不合适，吊牌完好、没有穿着洗涤的话可以申请换码。不过换码不属于质量问题，来回运费需要亲自己承担，所以咱们先把码选准最省心～'],
  'promo-current': ['亲，店里正在做{活动内容?}，{活动截止?}结束，现在下单最划算。也可以逛逛店里其他宝贝，凑单更优惠哦～'],
  'promo-full-reduction': ['满减是按同一个订单里参加活动的商品合计金额来算的：满{满减门槛?}元减{减免金额?}元，付款时自动扣减；分开拍的订单不能合并计算哦。'],
  'promo-gift-rules': ['亲，赠品会随订单一起发出，数量有限、送完即止。赠品不能折现，如果退货需要把赠品一起寄回哦。'],
  'order-paid': ['收到您的付款啦，谢谢亲的支持！订单{发货日}发出，之后在订单详情里可以随时查看物流，有问题随时找我～'],
  'invoice-info': ['好的亲，请把开票信息发我一下：发票抬头、税号（个人抬头写姓名即可），以及接收电子发票的邮箱。确认收货后我们会尽快开好发到您的邮箱。'],
  'tracking-query': ['亲，帮您查了一下，包裹已经由{快递?}发出，单号{单号?}，目前到了{物流位置?}，很快就能送到，请留意快递员的电话～'],
  'address-change': ['亲，没问题～请把新的收货人、电话和详细地址发给我，我帮您改好并做好备注，改完再跟您核对一遍。'],
  'cancel-unpaid': ['亲，还没付款的订单，您在「我的订单」里直接点「取消订单」就可以了，不会产生任何费用哦。'],
  'exchange-reserved': ['亲，您要换的{颜色尺码?}我查过了有货，已经帮您留好。寄回后记得在订单里填好单号，我们收到就安排换新发出～'],
  'exchange-check': ['亲，我马上帮您查一下换货进度：您已经寄回的包裹仓库收到没有，新的那件（换的款式、颜色或尺码）什么时候发出。仓库收到寄回的包裹就给您换新的寄出，新的快递单号我会发给您，请稍等～'],
  'exchange-back-received': ['亲，您退回的商品仓库签收了，让您久等了！换的{颜色尺码?}会在{换新发出日?}发出，发出后把快递单号发您，请留意查收～'],
  'refund-progress': ['亲，帮您查了一下，您的退货目前{退货进度?}。我已经提醒同事加急处理，退款一有进展马上通知您～'],
  'complaint-apology': ['亲，非常抱歉让您有这么不好的体验，您的心情我完全能理解。请把情况详细告诉我，我一定认真负责地帮您处理到底。'],
  // 2026-12-07 (after-sales walk): 上报主管 (and 超过三天的质量问题) promised "主管今天之内" — at 02:00 a day nobody has started, and
  // at 23:40 twenty minutes. Now true at any hour, as 夜班接待 (明天上午跟进) is.
  'quality-late': ['亲，您反馈的问题我已经记下了。因为收货已经超过 3 天，需要报给主管一起商量怎么处理最合适，今天之内给您回复方案，请稍等～'],
  'complaint-escalate': ['亲，您的问题我已经上报主管，主管今天之内会亲自联系您给出处理方案。这期间有任何情况您随时找我，我一直都在。'],
  // 2026-12-07 (walk, second round): 已催仓库 said 您的订单今天优先处理 — sent at 23:00, or after the day's
  // print run, a day already over. Now the day it leaves in shop time ({发货日}).
  'delay-urged': ['亲，已经帮您催过仓库了，您的订单今天优先处理，发出后我把单号发给您。耽误您的时间了，再次说声抱歉。'],
  // 2026-12-07 (walk, second round): 差评之前先解决, added to stored libraries by the update of the same day
  // (starter-additions.ts), admitted a fault before anyone knew what happened (这次确实是我们没做好) and offered
  // the buyer a free pick of 补发、换货还是退款, beyond what an agent may give without the supervisor.
  'review-threat': ['亲，先消消气，这次确实是我们没做好，让您不开心了。怎么评价是您的权利，我们不会为难您；只想请您先给我们一次弥补的机会：补发、换货还是退款，您选一个告诉我，我这边马上给您办。'],
  'complaint-resolve-first': ['亲，真的很抱歉让事情到了这一步。我们非常重视您的意见，也希望先由我们直接来解决：您希望怎么处理，告诉我，我们尽最大努力满足您。'],
  'review-thanks': ['谢谢亲的好评和认可！您的支持是我们最大的动力，以后有任何问题也随时来找{客服}～'],
  'bye-five-star': ['谢谢亲～收到宝贝满意的话，记得给我们一个五星好评哦，这对我们真的很重要！祝您生活愉快～'],
  'bye-not-yet': ['好的亲，不着急，可以先把喜欢的宝贝加入购物车或者收藏起来，想好了随时来找我，{客服}一直都在～'],
};

/** What the update did, kept on the stored library for the options page's 话术库 tab to tell. */
export interface Reworded {
  /** The starter ids whose text was replaced, in library order. */
  ids: string[];
  /** When (epoch ms): the notice's dismissal is kept per update. */
  at: number;
  /**
   * What brought the old wordings back in (absent: the update itself): a restored backup, or an
   * imported library file (导入话术库, 导入全部数据), both made before the update.
   */
  from?: 'restore' | 'import';
}

/**
 * A stored library with its untouched copies of reworded starter replies (same id, text exactly an
 * earlier starter wording) given the starter's current text; a copy the agent edited is the agent's
 * own and stays as written. Null when there is none (then nothing is saved). Idempotent: a second
 * run finds none. The rest of each reply (title, code, groups, conditions) is kept.
 * The one step for every way an old library comes in: the update (`from` absent), a backup restored
 * and a library file imported (QA pass P, defect 3: both brought the retracted wordings back).
 */
export function rewordStarter(lib: TemplateLibrary, starter: TemplateLibrary, now = Date.now(), from?: Reworded['from']): (TemplateLibrary & { reworded: Reworded }) | null {
  const current = new Map(starter.templates.map((t) => [t.id, t.body]));
  const ids: string[] = [];
  const templates = lib.templates.map((t) => {
    const body = current.get(t.id);
    if (!body || body === t.body || !STARTER_REWORDS[t.id]?.includes(t.body)) return t;
    ids.push(t.id);
    return { ...t, body };
  });
  return ids.length ? { groups: lib.groups, templates, reworded: { ids, at: now, ...(from && { from }) } } : null;
}
