/**
 * English for the wording of the two preset remark conventions (lib/domain/remarks/presets.ts):
 * rule-set names, titles, meanings, field labels, help texts and choices, keyed by the Chinese text.
 *
 * A rule set is the shop's data, stored and edited in Chinese, and what it says is also what the
 * remark says (【信息变更】新地址：…): the remark itself stays Chinese in every interface language.
 * Only where the form *shows* the rules to the agent does the English interface put these words in
 * their place. Keyed by the text rather than by rule and field: a label the shop renamed, or a field
 * it added, has no English here and is shown as the shop wrote it.
 */
import { getLocale } from '../lookup';

export const remarkPresetsEn: Record<string, string> = {
  // Rule-set names
  '方案A（红=可发货 黄=改信息 绿=退换 蓝=合并 紫=延迟 灰=无效）':
    'Convention A (red = ready to ship, yellow = details changed, green = return/exchange, blue = merged, purple = delayed, gray = invalid)',
  '方案B（黄=改价 紫=未发货问题 蓝=已发货问题 红=特殊处理 绿=可退款）':
    'Convention B (yellow = price change, purple = issue before shipping, blue = issue after shipping, red = special handling, green = may be refunded)',
  // Titles
  已核对可发货: 'Checked, ready to ship',
  信息变更: 'Details changed',
  退换货: 'Return or exchange',
  合并发货: 'Merged shipment',
  延迟发货: 'Delayed shipping',
  无效订单: 'Invalid order',
  质量换货: 'Quality exchange',
  非质量换货: 'Non-quality exchange',
  退货: 'Return',
  折价补偿: 'Compensation',
  改价: 'Price change',
  未发货问题: 'Issue before shipping',
  已发货问题: 'Issue after shipping',
  特殊处理: 'Special handling',
  可退款: 'May be refunded',
  备注: 'Remark',
  // Meanings
  '已核对无误，可以发货': 'Checked and correct, ready to ship',
  '地址、收件人、电话或快递有改动，或分开发往不同地址': 'Address, recipient, phone or courier changed, or parts sent to different addresses',
  付款后申请退货或换货: 'Return or exchange asked for after payment',
  '多个订单（同一或不同买家）发往同一地址，合并发货': 'Several orders (same or different buyers) to one address, shipped together',
  延迟发货或缺货: 'Shipping delayed or out of stock',
  '无效订单（灰旗也是所有未插旗订单的默认颜色，所以必须写明“无效订单”）':
    'Invalid order (gray is also the colour of every unflagged order, so the remark must say “无效订单”)',
  '质量问题换货：店铺承担来回运费（买家先垫付，收货后退到支付宝）':
    'Exchange for a quality problem: the shop pays postage both ways (the buyer pays first and is refunded to Alipay on receipt)',
  '非质量问题换货：买家承担运费': 'Exchange for another reason: the buyer pays the postage',
  退货退款: 'Return and refund',
  '小瑕疵折价补偿：一般不超过运费，超过须主管同意；同时报财务（店铺、账号、原因、金额、时间）':
    'Compensation for a minor defect: normally at most the postage, more needs a supervisor; also reported to finance (shop, account, reason, amount, time)',
  普通改价: 'Ordinary price change',
  未发货的订单有问题: 'An unshipped order has an issue',
  已发货的订单有问题: 'A shipped order has an issue',
  '特殊处理，例如指定快递': 'Special handling, e.g. a named courier',
  订单可以退款: 'The order may be refunded',
  '本方案不使用灰旗（未插旗订单的默认颜色）': 'This convention does not use gray (the colour of every unflagged order)',
  // Field labels
  优惠: 'Discount',
  主管同意: 'Supervisor approval',
  说明: 'Note',
  新地址: 'New address',
  新收件人: 'New recipient',
  新电话: 'New phone',
  改快递: 'New courier',
  类型: 'Type',
  原款: 'Original style',
  换款: 'New style',
  补差价: 'Buyer tops up',
  退差价: 'Shop refunds difference',
  运费: 'Postage',
  原因: 'Reason',
  合并订单: 'Merged orders',
  买家: 'Buyers',
  可发货日: 'Ship date',
  质量问题: 'Defect',
  退回款式: 'Style returned',
  换款式: 'Style wanted',
  已退运费: 'Postage refunded',
  已登记: 'Recorded',
  需补运费: 'Postage top-up needed',
  款式: 'Style',
  退款金额: 'Amount refunded',
  补偿金额: 'Compensation amount',
  买家账号: 'Buyer account',
  改价金额: 'Price change amount',
  快递: 'Courier',
  // Choices
  换货: 'Exchange',
  // Help texts
  超出客服权限时填写同意的主管姓名: 'Above the agent’s limit: the name of the supervisor who agreed',
  '手机 11 位，或座机 区号-号码（如 021-12345678）': 'A mobile of 11 digits, or a landline as area code-number (e.g. 021-12345678)',
  分开发货时写明各件发往哪里: 'When parts ship separately: where each goes',
  '买家补给店铺（与退差价只填一项）': 'The buyer pays the shop (fill in this or the refund, not both)',
  '店铺退给买家（与补差价只填一项）': 'The shop pays the buyer back (fill in this or the top-up, not both)',
  '至少两个不同的订单号（含本单），用 / 分开': 'At least two different order numbers (this one included), separated by /',
  这些订单属于哪些买家: 'Which buyers these orders belong to',
  今天或以后: 'Today or later',
  '例如：缺货': 'e.g. 缺货 (out of stock)',
  '例如：重复拍下': 'e.g. 重复拍下 (ordered twice)',
  '例如：袖口开线': 'e.g. 袖口开线 (cuff seam open), 外壳磕碰 (dented casing), 包装破损 (damaged pack)',
  '买家的原因，例如：尺码偏小': 'The buyer’s reason, e.g. 尺码偏小 (runs small), 拍错规格 (ordered the wrong variant), 不想要了 (changed their mind)',
  不填则按店铺默认运费比较: 'Left empty: compared with the shop’s usual postage',
  报财务用: 'For the report to finance',
  超过客服权限须主管同意: 'Above the agent’s limit a supervisor must agree',
};

/**
 * The presets' two examples were a clothing shop's (袖口开线, 尺码偏小): an agent selling phones or
 * tea read them as someone else's form. The stored field keeps the help exactly as the preset wrote
 * it — upgradeRuleSet (lib/domain/remarks/upgrade.ts) and any comparison with a preset match a field
 * by every property, so new text there would make an untouched preset field look like the shop's own
 * edit and stop later preset fixes reaching it — and the interface shows, for that exact text only,
 * examples from other kinds of goods beside the clothing one. A help the shop wrote is shown as written.
 */
const PRESET_EXAMPLES_ZH: Record<string, string> = {
  '例如：袖口开线': '例如：袖口开线、外壳磕碰、包装破损',
  '买家的原因，例如：尺码偏小': '买家的原因，例如：尺码偏小、拍错规格、不想要了',
};

/** A field's help as the Chinese interface and the checker's messages show it (PRESET_EXAMPLES_ZH). */
export function helpZh(help: string): string {
  return (Object.hasOwn(PRESET_EXAMPLES_ZH, help) && PRESET_EXAMPLES_ZH[help]) || help;
}

/** A rule set's wording as the interface shows it: the preset's English in the English UI, else as written (a preset example widened). */
export function ruleText(zh: string): string {
  return (getLocale() === 'en' && Object.hasOwn(remarkPresetsEn, zh) && remarkPresetsEn[zh]) || helpZh(zh);
}
