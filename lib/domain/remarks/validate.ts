/**
 * Field-level rules shared by build (what the form writes) and check (what the agent typed):
 * presence, type, and the business rules with numbers (ship date after today, supervisor above
 * the agent's limits).
 */
import { normalizeField, readMoney } from './fields';
import { dict, own } from '../own';
import { getRule, isRequired, targetName } from './rules';
import type { FieldSpec, Problem, RemarkTarget, RuleSet } from './types';

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
): ValuesResult {
  const rule = getRule(ruleSet, target);
  const name = targetName(ruleSet, target);
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
    const when = spec.requiredWhen && !spec.required ? `（${labelOf(rule.fields, spec.requiredWhen.key)}为“${spec.requiredWhen.equals}”时）` : '';
    const whenEn = spec.requiredWhen && !spec.required ? ` (when ${spec.requiredWhen.key} is ${spec.requiredWhen.equals})` : '';
    problems.push({
      code: 'missing-field',
      field: spec.key,
      message: `${name.zh}缺少必填项“${spec.label}”${when}${spec.help ? `（${spec.help}）` : ''}。`,
      messageEn: `${cap(name.en)} is missing the required field ${spec.label} (${spec.key})${whenEn}.`,
    });
  }

  if (rule.atLeastOne && rule.atLeastOne.length > 0 && !rule.atLeastOne.some((k) => present(own(raw, k)))) {
    const labels = rule.atLeastOne.map((k) => labelOf(rule.fields, k));
    problems.push({
      code: 'missing-field',
      field: rule.atLeastOne[0],
      message: `${name.zh}至少要写明一项：${labels.join('、')}。`,
      messageEn: `${cap(name.en)} needs at least one of: ${rule.atLeastOne.join(', ')}.`,
    });
  }

  for (const spec of rule.fields) {
    const v = values[spec.key];
    if (v === undefined) continue;
    if (spec.type === 'date' && spec.future && today && v <= today) {
      problems.push({
        code: 'ship-date-not-future',
        field: spec.key,
        message: `${spec.label}必须晚于今天（${today}），现在写的是 ${v}。`,
        messageEn: `${spec.label} (${spec.key}) must be after today (${today}); it is ${v}.`,
      });
    }
    if (spec.type === 'money' && spec.limit) {
      const amount = Number(v);
      const { limit, zh, en } = limitFor(ruleSet, spec, rule.fields, values);
      if (amount > limit && !present(values.supervisor)) {
        problems.push({
          code: 'needs-supervisor',
          field: spec.key,
          message: `${spec.label} ${amount} 元超过${zh}（${limit} 元），需要主管同意：请填写“主管同意:姓名”。`,
          messageEn: `${spec.label} of ${amount} yuan is above ${en} (${limit} yuan) and needs a supervisor: add 主管同意:<name>.`,
        });
      }
    }
  }
  return { values, problems };
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

function labelOf(fields: FieldSpec[], key: string): string {
  return fields.find((f) => f.key === key)?.label ?? key;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
