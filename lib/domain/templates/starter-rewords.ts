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
  'pay-hesitate': ['亲是不是还有什么顾虑呢？尺码、质量或者售后，有任何不确定都可以问我～我们支持七天无理由退换，收到不满意也有保障，您放心。'],
  'cancel-shipped': ['亲，包裹已经发出，没办法拦截了。快递送到时您直接拒签就好，包裹退回仓库后我们给您退款；已经产生的运费需要亲承担，请理解～'],
  'return-7day': ['亲，支持七天无理由退货的～请保持吊牌完好、商品没有穿着洗涤，在订单里点「申请售后」选择退货退款，审核通过后系统会给您退货地址。'],
  'refund-time': ['亲，仓库收到退货、检查无误后，会在 1–2 个工作日内给您退款，钱原路退回。到账时间看支付渠道，一般余额很快，银行卡会稍慢一点。'],
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
