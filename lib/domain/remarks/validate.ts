/**
 * Field-level rules shared by build (what the form writes) and check (what the agent typed):
 * presence, type, and the business rules with numbers (ship date after today, supervisor above
 * the agent's limits).
 */
import { normalizeField, readMoney } from './fields';
import { dict, own } from '../own';
import { cap, fieldEn, getFlagRule, getRule, isRequired, targetName } from './rules';
import type { FieldSpec, Problem, RemarkTarget, RuleSet } from './types';
import { helpZh } from '../../i18n/messages/remarks-presets';

export interface ValuesResult {
  /** Normalised values of the fields that are present and valid. */
  values: Record<string, string>;
  problems: Problem[];
}

function present(raw: string | undefined): raw is string {
  return raw !== undefined && raw.trim() !== '';
}

export function validateValues(
  ruleSet: RuleSet,
  target: RemarkTarget,
  raw: Record<string, string | undefined>,
  today?: string,
  /** How messages name the rule, when not by its flag (checkRemark: a flag read from the text). */
  named?: { zh: string; en: string },
  /**
   * The order waits for no ship date any more (shipped, completed, closed: checkRemark's status):
   * a promised date (`future`) is neither required nor said to be passed.
   */
  opts: { noShipDate?: boolean } = {},
): ValuesResult {
  const rule = getRule(ruleSet, target);
  const name = named ?? targetName(ruleSet, target);
  const values = dict<string>();
  const problems: Problem[] = [];

  for (const spec of rule.fields) {
    const v = own(raw, spec.key);
    if (!present(v)) continue;
    const r = normalizeField(spec, v, today ? { today } : {});
    if (r.ok) values[spec.key] = r.value;
    else problems.push({ code: 'invalid-field', field: spec.key, message: r.message, messageEn: r.messageEn });
  }

  for (const spec of rule.fields) {
    if (present(own(raw, spec.key)) || !isRequired(spec, values)) continue;
    if (opts.noShipDate && spec.type === 'date' && spec.future) continue;
    const when = spec.requiredWhen && !spec.required ? `（${labelOf(rule.fields, spec.requiredWhen.key)}为“${spec.requiredWhen.equals}”时）` : '';
    // Say exactly what to write: each allowed value as the line would carry it, or the label and its colon.
    const write = spec.options?.length ? spec.options.map((o) => `“${spec.label}：${o}”`) : [`“${spec.label}：…”`];
    const whenEn = spec.requiredWhen && !spec.required ? ` (when ${enOf(rule.fields, spec.requiredWhen.key)} is "${spec.requiredWhen.equals}")` : '';
    problems.push({
      code: 'missing-field',
      field: spec.key,
      message: `${name.zh}缺少必填项“${spec.label}”${when}${spec.help ? `（${helpZh(spec.help)}）` : ''}：请写${write.join('或')}。`,
      // The label is named in English; what to write into the remark is quoted as the remark says it.
      messageEn: `${cap(name.en)} is missing the required field ${fieldEn(spec)}${whenEn}: add ${write.map((w) => `"${w.slice(1, -1)}"`).join(' or ')}.`,
    });
  }

  if (rule.atLeastOne && rule.atLeastOne.length > 0 && !rule.atLeastOne.some((k) => present(own(raw, k)))) {
    const labels = rule.atLeastOne.map((k) => labelOf(rule.fields, k));
    problems.push({
      code: 'missing-field',
      field: rule.atLeastOne[0],
      message: `${name.zh}至少要写明一项：${labels.join('、')}。`,
      messageEn: `${cap(name.en)} needs at least one of: ${rule.atLeastOne.map((k) => enOf(rule.fields, k)).join(', ')}.`,
    });
  }

  const merged = getFlagRule(ruleSet, target)?.intent === 'merged';
  for (const spec of rule.fields) {
    const v = values[spec.key];
    if (v === undefined) continue;
    if (merged && spec.type === 'order' && !v.includes('/')) problems.push(singleOrder(spec, v, own(raw, spec.key) ?? ''));
    // A ship date of today is a promise still open (the restock comes in this morning and the order
    // goes out with today's batch: 推迟到几号可以发货 may be today); only a date already past is broken.
    if (spec.type === 'date' && spec.future && today && v < today && !opts.noShipDate) {
      // A promise already broken, on a remark being written or on a colleague's saved one: say so.
      problems.push({
        code: 'ship-date-not-future',
        field: spec.key,
        message: `${spec.label} ${v} 已过（今天是 ${today}）：请写今天或以后的日期，例如“${spec.label}：${today}”。`,
        messageEn: `${fieldEn(spec)} ${v} has passed (today is ${today}); write today or a later date, e.g. "${spec.label}：${today}".`,
      });
    }
    if (spec.type === 'money' && spec.limit) {
      const amount = Number(v);
      const { limit, zh, en } = limitFor(ruleSet, spec, rule.fields, values);
      if (amount > limit && !present(values.supervisor)) {
        problems.push({
          code: 'needs-supervisor',
          field: spec.key,
          message: `${spec.label} ${amount} 元超过${zh}（${limit} 元），需要主管同意：请填写“主管同意：姓名”。`,
          messageEn: `${fieldEn(spec)} of ${amount} yuan is above ${en} (${limit} yuan) and needs a supervisor: add "${labelOf(rule.fields, 'supervisor', '主管同意')}：<name>".`,
        });
      }
    }
  }
  problems.push(...conflicts(rule.fields, values));
  return { values, problems };
}

/** A merged shipment joins at least two orders: one number (or the same one twice) is a slip. */
function singleOrder(spec: FieldSpec, order: string, raw: string): Problem {
  const repeated = raw.split(/[\s/,，、;；]+/).filter(Boolean).length > 1;
  return {
    code: 'invalid-field',
    field: spec.key,
    message: `${spec.label}只有 1 个订单号（${order}）${repeated ? '，重复的订单号只算一个' : ''}：合并发货至少要写两个不同的订单号（包括本单），用 / 分开。`,
    messageEn: `${fieldEn(spec)} has a single order number (${order})${repeated ? '; a repeated number counts once' : ''}: a merged shipment needs at least two different order numbers (this one included), separated by /.`,
  };
}

/**
 * Field keys that exclude each other, as facts.ts reads them: a price difference goes one way, the
 * buyer tops up (priceDiffIn) or the shop pays back (priceDiffOut), never both in one remark.
 */
const EXCLUSIVE: [string, string][] = [['priceDiffIn', 'priceDiffOut']];

function conflicts(fields: FieldSpec[], values: Record<string, string>): Problem[] {
  return EXCLUSIVE.filter(([a, b]) => values[a] !== undefined && values[b] !== undefined).map(([a, b]) => {
    const [la, lb] = [labelOf(fields, a), labelOf(fields, b)];
    const [ea, eb] = [enOf(fields, a), enOf(fields, b)];
    return {
      code: 'conflicting-fields',
      field: b,
      message: `${la}和${lb}只能填一项：差价要么由买家补给店铺（${la}），要么由店铺退给买家（${lb}），不会两样都有。请只留下实际发生的那一项。`,
      messageEn: `Fill in ${ea} or ${eb}, not both: a price difference is either paid by the buyer (${ea}) or refunded by the shop (${eb}). Keep only the one that happened.`,
    };
  });
}

function limitFor(
  ruleSet: RuleSet,
  spec: FieldSpec,
  fields: FieldSpec[],
  values: Record<string, string>,
): { limit: number; zh: string; en: string } {
  if (spec.limit === 'agent-discount') {
    return { limit: ruleSet.limits.agentDiscountYuan, zh: '客服可自行处理的额度', en: "the agent's own limit" };
  }
  const postageField = fields.find((f) => f.key === 'postage' && f !== spec);
  const stated = postageField && values.postage !== undefined ? readMoney(values.postage) : null;
  return stated !== null
    ? { limit: stated, zh: '运费', en: 'the postage' }
    : { limit: ruleSet.limits.postageYuan, zh: '店铺默认运费', en: "the shop's usual postage" };
}

function labelOf(fields: FieldSpec[], key: string, otherwise = key): string {
  return fields.find((f) => f.key === key)?.label ?? otherwise;
}

/** A field of the rule named in English (fieldEn); a key the rule lacks, as it is. */
function enOf(fields: FieldSpec[], key: string): string {
  const spec = fields.find((f) => f.key === key);
  return spec ? fieldEn(spec) : key;
}
