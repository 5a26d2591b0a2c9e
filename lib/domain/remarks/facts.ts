/**
 * What a remark tells the follow-up list and the customer notes. Facts come from the rule's
 * intent (flags) or kind (records) and from field keys, so edited and custom rule sets keep working.
 */
import { readMoney } from './fields';
import { dict } from '../own';
import { getRule, isRecordKind } from './rules';
import { validateValues } from './validate';
import type { FlagIntent, ParsedRemark, RemarkTarget, RuleSet } from './types';

interface FactBase {
  orderId: string;
  buyer: string;
  /** The flag or record the remark line was read as. */
  source: RemarkTarget;
  agent?: string;
  /** YYYY-MM-DD the remark was signed. */
  writtenOn?: string;
}

export type RemarkFactBody =
  /** Purple/delay: the order must ship by `date`; check on it and tell the buyer. */
  | { kind: 'ship-promised'; date: string; reason?: string }
  /** A return or exchange parcel is on its way back to the shop. */
  | { kind: 'return-pending'; exchange: boolean; fromStyle?: string; toStyle?: string }
  /**
   * Money to pay back to the buyer. `afterReturn`: for goods coming back, paid once the parcel is
   * received and checked (the shop's own 退款到账时间 reply says so), not the day the return is agreed.
   */
  | { kind: 'refund-pending'; amountYuan?: number; afterReturn?: boolean }
  /** Quality problem: the buyer advanced the postage, the shop owes it (the amount when the remark says it). */
  | { kind: 'postage-refund-pending'; amountYuan?: number }
  /** Non-quality exchange: the buyer must top the postage up (补运费). */
  | { kind: 'postage-topup-pending'; amountYuan?: number }
  /** Compensation (折价) to report to finance and pay. */
  | { kind: 'compensation-pending'; amountYuan: number; defect?: string; account?: string; supervisor?: string }
  /** The after-sale record says it is not yet entered in the shop's register. */
  | { kind: 'record-pending' }
  /** Address/recipient/phone/courier changed: the customer notes keep the newest. */
  | { kind: 'contact-changed'; address?: string; recipient?: string; phone?: string; courier?: string }
  | { kind: 'courier-requested'; courier: string }
  | { kind: 'orders-merged'; orders: string[]; buyers?: string }
  | { kind: 'price-changed'; amountYuan: number; supervisor?: string }
  /** An open problem on an unshipped or shipped order. */
  | { kind: 'issue-open'; shipped: boolean; reason?: string }
  | { kind: 'invalid-order'; reason?: string }
  | { kind: 'verified' };

export type RemarkFact = FactBase & RemarkFactBody;
export type RemarkFactKind = RemarkFactBody['kind'];

function money(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = readMoney(v);
  return n === null ? undefined : n;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const POSTAGE = '(?:来回|往返|退回|寄回)?(?:运费|邮费)(?!险)';
const SHOP = '(?:店铺|卖家|商家|本店|店家|我们|我方|掌柜)';
const BUYER = '(?:买家|顾客|客户|亲)';
const GAP = '[^，,。；;｜|\\s]{0,3}?';
/** 运费店铺承担, 店铺出运费, 退买家运费, 运费退给买家, 报销来回运费. */
const SHOP_PAYS = new RegExp(
  `${POSTAGE}${GAP}${SHOP}来?(?:承担|出|付|负责|报销)|${SHOP}来?(?:承担|出|付|负责|报销)(?:来回|往返)?的?(?:运费|邮费)|(?:退|返还?|报销|补偿)给?${BUYER}?(?:来回|往返)?(?:运费|邮费)(?!险)|${POSTAGE}(?:退|返还?)给?${BUYER}`,
);
/** 运费买家出, 买家承担运费, 运费自理, 补运费: the buyer pays. */
const BUYER_PAYS = new RegExp(`${POSTAGE}${GAP}${BUYER}自?(?:承担|出|付|负责|自理)|${BUYER}自?己?(?:承担|出|付|负责)(?:来回|往返)?的?(?:运费|邮费)|(?:运费|邮费)自理|补(?:运费|邮费)`);
/** 已退运费, 运费已退: paid back already. */
const POSTAGE_PAID = /(?:已经?|已于)(?:退|返还?|报销|付)[^，,。；;｜|]{0,3}(?:运费|邮费)|(?:运费|邮费)[^，,。；;｜|]{0,2}已经?(?:退|返|报销|付)/;
/** 质量问题, 质量有问题 (not 非质量问题). */
const QUALITY = /质量有?问题/;
const NOT_QUALITY = /(?:非|不是|不属于|不算|没有|无)质量有?问题/;

/**
 * Whether a return or exchange line says the shop owes the buyer the postage: it says the shop pays
 * it, or names a quality problem (domain: the shop pays the postage both ways, the buyer advances
 * it) — unless it says the buyer pays, or that the postage was paid back already.
 */
function postageOwed(text: string): boolean {
  if (BUYER_PAYS.test(text) || POSTAGE_PAID.test(text)) return false;
  return SHOP_PAYS.test(text) || (QUALITY.test(text) && !NOT_QUALITY.test(text));
}

function flagFacts(intent: FlagIntent, f: Record<string, string>, text: string): RemarkFactBody[] {
  switch (intent) {
    case 'verified':
      return [{ kind: 'verified' }];
    case 'info-changed': {
      const out: RemarkFactBody[] = [];
      if (f.address || f.recipient || f.phone || f.courier) {
        out.push({ kind: 'contact-changed', ...opt('address', f.address), ...opt('recipient', f.recipient), ...opt('phone', f.phone), ...opt('courier', f.courier) });
      }
      return out;
    }
    case 'return-exchange': {
      // Money goes back to the buyer only where the remark says so: a return (the goods' price) or an
      // exchange the shop settles with 退差价. An exchange at no difference, one the buyer tops up
      // (补差价), or a line that does not say return or exchange owes the buyer nothing.
      const exchange = f.kind === '换货' || (f.kind !== '退货' && Boolean(f.toStyle));
      const out: RemarkFactBody[] = [{ kind: 'return-pending', exchange, ...opt('fromStyle', f.fromStyle), ...opt('toStyle', f.toStyle) }];
      const back = money(f.priceDiffOut);
      if (back !== undefined) out.push({ kind: 'refund-pending', amountYuan: back, afterReturn: true });
      else if (f.kind === '退货') out.push({ kind: 'refund-pending', afterReturn: true });
      // The postage the buyer advances for a quality return or exchange is the shop's to refund.
      if (postageOwed(text)) out.push({ kind: 'postage-refund-pending', ...opt('amountYuan', money(f.postage)) });
      return out;
    }
    case 'merged':
      return f.orders ? [{ kind: 'orders-merged', orders: f.orders.split('/'), ...opt('buyers', f.buyers) }] : [];
    case 'delay':
      return f.shipDate ? [{ kind: 'ship-promised', date: f.shipDate, ...opt('reason', f.reason) }] : [];
    case 'invalid':
      return [{ kind: 'invalid-order', ...opt('reason', f.reason) }];
    case 'price-change': {
      const a = money(f.discount);
      return a === undefined ? [] : [{ kind: 'price-changed', amountYuan: a, ...opt('supervisor', f.supervisor) }];
    }
    case 'issue-unshipped': {
      const out: RemarkFactBody[] = [{ kind: 'issue-open', shipped: false, ...opt('reason', f.reason) }];
      if (f.shipDate) out.push({ kind: 'ship-promised', date: f.shipDate, ...opt('reason', f.reason) });
      return out;
    }
    case 'issue-shipped':
      return [{ kind: 'issue-open', shipped: true, ...opt('reason', f.reason) }];
    case 'special-handling':
      return f.courier ? [{ kind: 'courier-requested', courier: f.courier }] : [];
    case 'refundable':
      return [{ kind: 'refund-pending', ...opt('amountYuan', money(f.amount)) }];
    case 'none':
      return [];
  }
}

function recordFacts(kind: string, f: Record<string, string>): RemarkFactBody[] {
  const out: RemarkFactBody[] = [];
  switch (kind) {
    case 'quality-exchange': {
      out.push({ kind: 'return-pending', exchange: true, ...opt('fromStyle', f.fromStyle), ...opt('toStyle', f.toStyle) });
      const p = money(f.postage);
      if (p !== undefined && f.refunded !== '是') out.push({ kind: 'postage-refund-pending', amountYuan: p });
      break;
    }
    case 'nonquality-exchange':
      out.push({ kind: 'return-pending', exchange: true, ...opt('fromStyle', f.fromStyle), ...opt('toStyle', f.toStyle) });
      if (f.topUp === '是') out.push({ kind: 'postage-topup-pending', ...opt('amountYuan', money(f.postage)) });
      break;
    case 'return':
      // The record's 退款金额 is the amount refunded (domain: "amount refunded"): written once the
      // refund is made, so it owes nothing more; a payment item would invite a second refund.
      out.push({ kind: 'return-pending', exchange: false, ...opt('fromStyle', f.style) });
      break;
    case 'compensation': {
      const a = money(f.amount);
      if (a !== undefined) {
        out.push({ kind: 'compensation-pending', amountYuan: a, ...opt('defect', f.defect), ...opt('account', f.account), ...opt('supervisor', f.supervisor) });
      }
      break;
    }
  }
  if (f.recorded === '否') out.push({ kind: 'record-pending' });
  return out;
}

/** Facts that pay the buyer money. */
const PAYING: ReadonlySet<RemarkFactKind> = new Set(['refund-pending', 'compensation-pending', 'postage-refund-pending']);

/**
 * Whether the line's values fail the shop's rules (what checkRemark says of them, e.g. compensation
 * over the limit without 主管同意): such a line orders no payment.
 */
function valuesFail(parsed: ParsedRemark, target: RemarkTarget, ruleSet: RuleSet, today?: string): boolean {
  const raw: Record<string, string> = { ...parsed.fields };
  // As checkRemark: a 主管… label the rule does not name still counts as the supervisor's approval.
  if (raw.supervisor === undefined && getRule(ruleSet, target).fields.some((f) => f.key === 'supervisor')) {
    const sup = parsed.unknown.find((u) => u.label.startsWith('主管'));
    if (sup) raw.supervisor = sup.value;
  }
  return validateValues(ruleSet, target, raw, today).problems.length > 0;
}

/**
 * The facts of the line `parsed` describes (the newest one). Values that did not normalise
 * (e.g. a ship date that is not a date) produce no fact rather than a wrong one. With `check` (the
 * shop's rules), a line whose values fail them makes no payment fact: the order list marks it, and
 * money is owed only once the line is corrected.
 */
export function remarkFacts(parsed: ParsedRemark, orderId: string, buyer: string, check?: { ruleSet: RuleSet; today?: string }): RemarkFact[] {
  const target = parsed.target;
  if (!target) return [];
  const f = parsed.fields;
  const clean = dict<string>();
  for (const [k, v] of Object.entries(f)) {
    if (k === 'shipDate' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) continue;
    clean[k] = v;
  }
  let bodies = isRecordKind(target) ? recordFacts(target, clean) : flagFacts(parsed.intent ?? 'none', clean, parsed.lines[parsed.latestIndex]?.raw ?? '');
  if (check && bodies.some((b) => PAYING.has(b.kind)) && valuesFail(parsed, target, check.ruleSet, check.today)) bodies = bodies.filter((b) => !PAYING.has(b.kind));
  const base: FactBase = { orderId, buyer, source: target, ...opt('agent', parsed.agent), ...opt('writtenOn', parsed.date) };
  return bodies.map((b) => ({ ...base, ...b }));
}

/**
 * The line a compensation is reported to finance with (店铺、账号、原因、金额、时间), in the same
 * 标签:值｜ style as remarks. The buyer id stands in when the remark names no account.
 */
export function financeLine(fact: Extract<RemarkFact, { kind: 'compensation-pending' }>, shop: string): string {
  return [
    `店铺:${shop}`,
    `账号:${fact.account ?? fact.buyer}`,
    `原因:${fact.defect ?? ''}`,
    `金额:${fact.amountYuan}元`,
    `时间:${fact.writtenOn ?? ''}`,
  ].join('｜');
}
