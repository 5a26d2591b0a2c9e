/**
 * The two flag conventions from the training material (../shared/domain.md, "Order remarks with
 * flags") and the four after-sale record formats. Titles and labels are our own wording.
 */
import type { FieldSpec, RecordKind, RecordRule, RuleLimits, RuleSet } from './types';
import { remarkPresetsEn } from '../../i18n/messages/remarks-presets';

const supervisor: FieldSpec = {
  key: 'supervisor',
  label: '主管同意',
  type: 'agent',
  required: false,
  aliases: ['主管', '主管批准', '主管审批'],
  help: '超出客服权限时填写同意的主管姓名',
};

const reason = (required: boolean, help?: string): FieldSpec => ({
  key: 'reason',
  label: '原因',
  type: 'text',
  required,
  aliases: ['事由', '问题'],
  ...(help ? { help } : {}),
});

const note: FieldSpec = { key: 'note', label: '说明', type: 'text', required: false, aliases: ['备注'] };

export const DEFAULT_LIMITS: RuleLimits = { agentDiscountYuan: 20, postageYuan: 10 };

/** After-sale records: the same in both conventions. */
export function presetRecords(): Record<RecordKind, RecordRule> {
  return {
    'quality-exchange': {
      title: '质量换货',
      meaning: '质量问题换货：店铺承担来回运费（买家先垫付，收货后退到支付宝）',
      aliases: ['质量问题换货'],
      fields: [
        { key: 'defect', label: '质量问题', type: 'text', required: true, aliases: ['问题', '瑕疵'], help: '例如：袖口开线' },
        { key: 'fromStyle', label: '退回款式', type: 'style', required: true, aliases: ['原款', '退回'] },
        { key: 'toStyle', label: '换款式', type: 'style', required: true, aliases: ['换款', '新款', '换成'] },
        { key: 'postage', label: '运费', type: 'money', required: true, aliases: ['邮费'] },
        { key: 'refunded', label: '已退运费', type: 'yesno', required: true, aliases: ['运费已退', '已充值'] },
        { key: 'recorded', label: '已登记', type: 'yesno', required: true, aliases: ['登记'] },
      ],
    },
    'nonquality-exchange': {
      title: '非质量换货',
      meaning: '非质量问题换货：买家承担运费',
      aliases: ['非质量问题换货'],
      fields: [
        reason(true, '买家的原因，例如：尺码偏小'),
        { key: 'fromStyle', label: '退回款式', type: 'style', required: true, aliases: ['原款', '退回'] },
        { key: 'toStyle', label: '换款式', type: 'style', required: true, aliases: ['换款', '新款', '换成'] },
        { key: 'topUp', label: '需补运费', type: 'yesno', required: true, aliases: ['补运费'] },
        {
          key: 'postage', label: '运费', type: 'money', required: false, aliases: ['邮费'],
          requiredWhen: { key: 'topUp', equals: '是' },
        },
        { key: 'recorded', label: '已登记', type: 'yesno', required: true, aliases: ['登记'] },
      ],
    },
    return: {
      title: '退货',
      meaning: '退货退款',
      aliases: ['退货退款'],
      fields: [
        reason(true),
        { key: 'style', label: '款式', type: 'style', required: true, aliases: ['退回款式'] },
        { key: 'amount', label: '退款金额', type: 'money', required: true, aliases: ['退款', '金额'] },
      ],
    },
    compensation: {
      title: '折价补偿',
      meaning: '小瑕疵折价补偿：一般不超过运费，超过须主管同意；同时报财务（店铺、账号、原因、金额、时间）',
      aliases: ['折价', '补偿'],
      fields: [
        { key: 'defect', label: '质量问题', type: 'text', required: true, aliases: ['问题', '瑕疵'] },
        { key: 'amount', label: '补偿金额', type: 'money', required: true, aliases: ['金额', '补偿'], limit: 'postage' },
        { key: 'postage', label: '运费', type: 'money', required: false, aliases: ['邮费'], help: '不填则按店铺默认运费比较' },
        { key: 'account', label: '买家账号', type: 'text', required: false, aliases: ['账号', '支付宝'], help: '报财务用' },
        supervisor,
      ],
    },
  };
}

export const PRESET_A: RuleSet = {
  version: 1,
  id: 'preset-a',
  name: '方案A（红=可发货 黄=改信息 绿=退换 蓝=合并 紫=延迟 灰=无效）',
  convention: 'A',
  flags: {
    red: {
      title: '已核对可发货',
      meaning: '已核对无误，可以发货',
      intent: 'verified',
      inUse: true,
      tag: '可发货',
      aliases: ['核对无误', '可发货', '已核对'],
      fields: [
        { key: 'discount', label: '优惠', type: 'money', required: false, aliases: ['改价', '优惠金额'], limit: 'agent-discount' },
        supervisor,
        note,
      ],
    },
    yellow: {
      title: '信息变更',
      meaning: '地址、收件人、电话或快递有改动，或分开发往不同地址',
      intent: 'info-changed',
      inUse: true,
      tag: '改信息',
      aliases: ['改地址', '修改地址', '改电话', '地址变更'],
      atLeastOne: ['address', 'recipient', 'phone', 'courier', 'note'],
      fields: [
        { key: 'address', label: '新地址', type: 'address', required: false, aliases: ['地址', '新收货地址', '收货地址'] },
        { key: 'recipient', label: '新收件人', type: 'text', required: false, aliases: ['收件人', '收货人'] },
        { key: 'phone', label: '新电话', type: 'phone', required: false, aliases: ['电话', '手机', '新手机'], help: '手机 11 位，或座机 区号-号码（如 021-12345678）' },
        { key: 'courier', label: '改快递', type: 'courier', required: false, aliases: ['快递'] },
        { ...note, help: '分开发货时写明各件发往哪里' },
      ],
    },
    green: {
      title: '退换货',
      meaning: '付款后申请退货或换货',
      intent: 'return-exchange',
      inUse: true,
      tag: '退换',
      aliases: ['退换', '退货换货'],
      fields: [
        { key: 'kind', label: '类型', type: 'text', required: true, options: ['退货', '换货'] },
        { key: 'fromStyle', label: '原款', type: 'style', required: false, aliases: ['退回款式'], requiredWhen: { key: 'kind', equals: '换货' } },
        { key: 'toStyle', label: '换款', type: 'style', required: false, aliases: ['换款式', '新款'], requiredWhen: { key: 'kind', equals: '换货' } },
        { key: 'priceDiffIn', label: '补差价', type: 'money', required: false, help: '买家补给店铺（与退差价只填一项）' },
        { key: 'priceDiffOut', label: '退差价', type: 'money', required: false, help: '店铺退给买家（与补差价只填一项）' },
        { key: 'postage', label: '运费', type: 'money', required: false, aliases: ['邮费'] },
        reason(false),
      ],
    },
    blue: {
      title: '合并发货',
      meaning: '多个订单（同一或不同买家）发往同一地址，合并发货',
      intent: 'merged',
      inUse: true,
      tag: '合并',
      aliases: ['合并', '合单'],
      fields: [
        { key: 'orders', label: '合并订单', type: 'order', required: true, aliases: ['订单', '订单号'], help: '至少两个不同的订单号（含本单），用 / 分开' },
        { key: 'buyers', label: '买家', type: 'text', required: true, aliases: ['旺旺', '买家账号'], help: '这些订单属于哪些买家' },
      ],
    },
    purple: {
      title: '延迟发货',
      meaning: '延迟发货或缺货',
      intent: 'delay',
      inUse: true,
      tag: '延迟',
      aliases: ['缺货', '延期发货', '延迟'],
      fields: [
        {
          key: 'shipDate', label: '可发货日', type: 'date', required: true, future: true,
          aliases: ['发货日', '发货日期', '可发货日期', '预计发货'], help: '今天或以后',
        },
        reason(false, '例如：缺货'),
      ],
    },
    gray: {
      title: '无效订单',
      meaning: '无效订单（灰旗也是所有未插旗订单的默认颜色，所以必须写明“无效订单”）',
      intent: 'invalid',
      inUse: true,
      mustSay: '无效订单',
      tag: '无效',
      aliases: ['无效'],
      fields: [reason(false, '例如：重复拍下')],
    },
  },
  records: presetRecords(),
  limits: { ...DEFAULT_LIMITS },
};

export const PRESET_B: RuleSet = {
  version: 1,
  id: 'preset-b',
  name: '方案B（黄=改价 紫=未发货问题 蓝=已发货问题 红=特殊处理 绿=可退款）',
  convention: 'B',
  flags: {
    yellow: {
      title: '改价',
      meaning: '普通改价',
      intent: 'price-change',
      inUse: true,
      tag: '改价',
      aliases: ['修改价格', '优惠'],
      fields: [
        {
          // The shop's rule asks only who changed the price (一般修正价格：客服名); the amount is
          // optional, and above the agent's limit it needs the supervisor.
          key: 'discount', label: '改价金额', type: 'money', required: false, aliases: ['优惠', '优惠金额', '改价'],
          limit: 'agent-discount', help: '超过客服权限须主管同意',
        },
        supervisor,
      ],
    },
    purple: {
      title: '未发货问题',
      meaning: '未发货的订单有问题',
      intent: 'issue-unshipped',
      inUse: true,
      tag: '未发货',
      aliases: ['未发货'],
      fields: [
        reason(true),
        { key: 'shipDate', label: '可发货日', type: 'date', required: false, future: true, aliases: ['发货日', '发货日期'] },
      ],
    },
    blue: {
      title: '已发货问题',
      meaning: '已发货的订单有问题',
      intent: 'issue-shipped',
      inUse: true,
      tag: '已发货',
      aliases: ['已发货'],
      fields: [reason(true)],
    },
    red: {
      title: '特殊处理',
      meaning: '特殊处理，例如指定快递',
      intent: 'special-handling',
      inUse: true,
      tag: '特殊',
      aliases: ['特别备注', '指定快递'],
      fields: [
        { key: 'courier', label: '快递', type: 'courier', required: true, aliases: ['发快递', '指定快递'] },
        note,
      ],
    },
    green: {
      title: '可退款',
      meaning: '订单可以退款',
      intent: 'refundable',
      inUse: true,
      tag: '可退款',
      aliases: ['退款'],
      fields: [
        { key: 'amount', label: '退款金额', type: 'money', required: false, aliases: ['退款', '金额'] },
        reason(false),
      ],
    },
    gray: {
      title: '备注',
      meaning: '本方案不使用灰旗（未插旗订单的默认颜色）',
      intent: 'none',
      inUse: false,
      fields: [note],
    },
  },
  records: presetRecords(),
  limits: { ...DEFAULT_LIMITS },
};

export const PRESETS: Record<'A' | 'B', RuleSet> = { A: PRESET_A, B: PRESET_B };

/** A fresh, independent copy (rule sets are edited by the options page). */
export function cloneRuleSet(ruleSet: RuleSet): RuleSet {
  return JSON.parse(JSON.stringify(ruleSet)) as RuleSet;
}

/**
 * A rule set's name to show: a preset's in the interface language, any other as the shop wrote it.
 * The English is the form's own (lib/i18n/messages/remarks-presets.ts), so the editor's "Current:" line
 * and the form name a preset alike: until 2026-12-06 this file kept a second English for convention B
 * (purple = unshipped with an issue) beside the form's (purple = issue before shipping).
 */
export function ruleSetName(ruleSet: Pick<RuleSet, 'name'>, locale: 'zh-CN' | 'en'): string {
  const preset = ruleSet.name === PRESET_A.name || ruleSet.name === PRESET_B.name;
  return (locale === 'en' && preset && remarkPresetsEn[ruleSet.name]) || ruleSet.name;
}
