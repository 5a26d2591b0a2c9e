/**
 * A flag that tells the warehouse to ship (intent `verified`, convention A's red 已核对可发货) set on
 * an order the warehouse must not ship: not paid yet, closed, in a refund, already shipped or done.
 * Said as a warning the agent can go past (the shop may have its reasons), never as a hold.
 * Decided from the intent, never the colour: convention B's red (special handling) is not "ship it".
 */
import type { OrderStatus } from '../../sites/types';
import { FLAG_NAMES } from './rules';
import type { FlagColor, Problem, RuleSet } from './types';

/** Why shipping makes no sense in each status, Chinese then English; absent: shipping is fine (paid). */
const WHY: Partial<Record<OrderStatus, { zh: string; en: string; risk: { zh: string; en: string } }>> = {
  unpaid: {
    zh: '这单还没付款（等待买家付款）',
    en: 'This order is not paid yet (waiting for the buyer to pay)',
    risk: { zh: '仓库可能把没付款的订单发出去', en: 'the warehouse would ship an order nobody has paid for' },
  },
  closed: {
    zh: '这单已关闭（交易关闭）',
    en: 'This order is closed',
    risk: { zh: '仓库可能把已关闭的订单发出去', en: 'the warehouse would ship a closed order' },
  },
  refunding: {
    zh: '这单在退款中',
    en: 'This order has a refund under way',
    risk: { zh: '仓库可能发出买家正在退款的货', en: 'the warehouse would ship goods the buyer is being refunded for' },
  },
  shipped: {
    zh: '这单已经发货',
    en: 'This order has already shipped',
    risk: { zh: '仓库可能再发一次', en: 'the warehouse may ship it a second time' },
  },
  completed: {
    zh: '这单已交易成功',
    en: 'This order is already completed',
    risk: { zh: '仓库可能再发一次', en: 'the warehouse may ship it a second time' },
  },
};

export interface StatusOptions {
  /**
   * The remark is one already saved (the order list), not one being written: it was true when it
   * was written, and an order verified then shipped, refunded or closed is the normal course. Only
   * an unpaid order contradicts it (no order goes back to unpaid).
   */
  saved?: boolean;
}

/**
 * The warning for `flag` on an order in `status`, or null: the flag does not mean "ship it", the
 * status allows shipping, or the status is not known ('unknown', undefined: nothing is claimed).
 */
export function flagStatusWarning(
  ruleSet: RuleSet,
  flag: FlagColor | null | undefined,
  status: OrderStatus | 'unknown' | undefined,
  opts: StatusOptions = {},
): Problem | null {
  if (!flag || !status || status === 'unknown') return null;
  const rule = ruleSet.flags[flag];
  if (!rule?.inUse || rule.intent !== 'verified') return null;
  if (opts.saved && status !== 'unpaid') return null;
  const why = WHY[status];
  if (!why) return null;
  const name = FLAG_NAMES[flag];
  return {
    code: 'status-contradicts-flag',
    field: 'flag',
    message: `${why.zh}：${name.zh}表示“${rule.title}”，${why.risk.zh}。请确认，或换一个旗帜。`,
    messageEn: `${why.en}: the ${name.en} says "${rule.title}" (ready to ship), so ${why.risk.en}. Make sure, or pick another flag.`,
  };
}
