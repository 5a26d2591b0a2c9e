/**
 * The fixed scenario catalogue (see ../shared/domain.md). Every template carries one or more of
 * these ids and every buyer message is classified into them. The order here is the display order.
 */
export const SCENARIO_IDS = [
  'greeting', 'size-fit', 'product-info', 'stock', 'bargain', 'promotion', 'invoice',
  'shipping-time', 'courier', 'payment', 'address-change', 'cancel-order', 'merge-orders', 'delay',
  'tracking', 'return', 'exchange', 'refund-status', 'return-shipping', 'wrong-item', 'damaged',
  'quality', 'repair', 'complaint', 'review', 'thanks', 'other',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];
export type Stage = 'pre' | 'in' | 'after' | 'any';

export interface ScenarioInfo {
  id: ScenarioId;
  stage: Stage;
  /** Short chip label shown to the agent. */
  zh: string;
  en: string;
}

export const SCENARIOS: Record<ScenarioId, ScenarioInfo> = {
  greeting: { id: 'greeting', stage: 'pre', zh: '问候', en: 'Greeting' },
  'size-fit': { id: 'size-fit', stage: 'pre', zh: '尺码', en: 'Size & fit' },
  'product-info': { id: 'product-info', stage: 'pre', zh: '商品咨询', en: 'Product info' },
  stock: { id: 'stock', stage: 'pre', zh: '库存', en: 'Stock' },
  bargain: { id: 'bargain', stage: 'pre', zh: '议价', en: 'Bargaining' },
  promotion: { id: 'promotion', stage: 'pre', zh: '优惠活动', en: 'Promotion' },
  invoice: { id: 'invoice', stage: 'any', zh: '发票', en: 'Invoice' },
  'shipping-time': { id: 'shipping-time', stage: 'pre', zh: '发货时间', en: 'Shipping time' },
  courier: { id: 'courier', stage: 'pre', zh: '快递', en: 'Courier' },
  payment: { id: 'payment', stage: 'in', zh: '付款', en: 'Payment' },
  'address-change': { id: 'address-change', stage: 'in', zh: '改地址', en: 'Address change' },
  'cancel-order': { id: 'cancel-order', stage: 'in', zh: '取消订单', en: 'Cancel order' },
  'merge-orders': { id: 'merge-orders', stage: 'in', zh: '合并发货', en: 'Merge orders' },
  delay: { id: 'delay', stage: 'in', zh: '延迟发货', en: 'Delay' },
  tracking: { id: 'tracking', stage: 'after', zh: '查件', en: 'Tracking' },
  return: { id: 'return', stage: 'after', zh: '退货', en: 'Return' },
  exchange: { id: 'exchange', stage: 'after', zh: '换货', en: 'Exchange' },
  'refund-status': { id: 'refund-status', stage: 'after', zh: '退款进度', en: 'Refund status' },
  'return-shipping': { id: 'return-shipping', stage: 'after', zh: '退货运费', en: 'Return shipping' },
  'wrong-item': { id: 'wrong-item', stage: 'after', zh: '错发漏发', en: 'Wrong/missing item' },
  damaged: { id: 'damaged', stage: 'after', zh: '破损', en: 'Damaged' },
  quality: { id: 'quality', stage: 'after', zh: '质量问题', en: 'Quality' },
  repair: { id: 'repair', stage: 'after', zh: '保修维修', en: 'Repair' },
  complaint: { id: 'complaint', stage: 'after', zh: '投诉', en: 'Complaint' },
  review: { id: 'review', stage: 'after', zh: '评价', en: 'Review' },
  thanks: { id: 'thanks', stage: 'any', zh: '结束语', en: 'Closing' },
  other: { id: 'other', stage: 'any', zh: '其他', en: 'Other' },
};

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}
