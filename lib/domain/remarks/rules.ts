/** Looking rules up in a rule set and naming them in messages. */
import { FLAG_COLORS, RECORD_KINDS } from './types';
import type { FieldSpec, FlagColor, FlagRule, RecordKind, RecordRule, RemarkTarget, RuleSet } from './types';
import { remarkPresetsEn } from '../../i18n/messages/remarks-presets';

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

export function isFlagColor(value: unknown): value is FlagColor {
  return typeof value === 'string' && (FLAG_COLORS as readonly string[]).includes(value);
}

export function isRemarkTarget(value: unknown): value is RemarkTarget {
  return isFlagColor(value) || isRecordKind(value);
}

export function getRule(ruleSet: RuleSet, target: RemarkTarget): FlagRule | RecordRule {
  return isRecordKind(target) ? ruleSet.records[target] : ruleSet.flags[target];
}

export function getFlagRule(ruleSet: RuleSet, target: RemarkTarget): FlagRule | undefined {
  return isRecordKind(target) ? undefined : ruleSet.flags[target];
}

/** Every target of a rule set, flags first. */
export function allTargets(): RemarkTarget[] {
  return [...FLAG_COLORS, ...RECORD_KINDS];
}

export const FLAG_NAMES: Record<FlagColor, { zh: string; en: string }> = {
  gray: { zh: '灰旗', en: 'gray flag' },
  red: { zh: '红旗', en: 'red flag' },
  yellow: { zh: '黄旗', en: 'yellow flag' },
  green: { zh: '绿旗', en: 'green flag' },
  blue: { zh: '蓝旗', en: 'blue flag' },
  purple: { zh: '紫旗', en: 'purple flag' },
};

/**
 * A rule set's own word (a title, label, meaning) in an English message: the preset's English, as
 * the English form shows it (lib/i18n/messages/remarks-presets.ts), or — for a word the shop wrote
 * itself, which has no English — the word quoted as the remark writes it ("尺码备注"): the Chinese
 * is then the shop's data, never presented as English.
 */
export function ruleWordEn(zh: string): string {
  return (Object.hasOwn(remarkPresetsEn, zh) && remarkPresetsEn[zh]) || `"${zh}"`;
}

/**
 * A rule's title naming a record or a remark in an English message: the preset's English
 * ("Quality exchange"), or a title the shop wrote itself as the remark writes it (【等货】).
 */
export function titleEn(title: string): string {
  return (Object.hasOwn(remarkPresetsEn, title) && remarkPresetsEn[title]) || `【${title}】`;
}

/** How an English message names a field: "Ship date", or a label the shop added quoted ("尺码备注"). */
export function fieldEn(spec: Pick<FieldSpec, 'label'>): string {
  return ruleWordEn(spec.label);
}

/**
 * "紫旗（延迟发货）" / "【质量换货】记录" — how messages name a target ("the purple flag (Delayed shipping)",
 * "the Quality exchange record" in English; a shop's own record title as written: "the 【换货单】 record").
 */
export function targetName(ruleSet: RuleSet, target: RemarkTarget): { zh: string; en: string } {
  const rule = getRule(ruleSet, target);
  if (isRecordKind(target)) return { zh: `【${rule.title}】记录`, en: `the ${titleEn(rule.title)} record` };
  const f = FLAG_NAMES[target];
  return { zh: `${f.zh}（${rule.title}）`, en: `the ${f.en} (${ruleWordEn(rule.title)})` };
}

/**
 * How messages name a flag that was read from the remark's own text because the page shows none
 * (JD's order list): "按内容判断为【延迟发货】的备注", never "紫旗（延迟发货）", which would claim a flag the
 * agent cannot see there.
 */
export function inferredName(ruleSet: RuleSet, target: RemarkTarget): { zh: string; en: string } {
  const title = getRule(ruleSet, target).title;
  // “The remark judged from its text to be Delayed shipping is missing…” read as a translation.
  return { zh: `按内容判断为【${title}】的备注`, en: `this ${titleEn(title)} remark (going by its wording)` };
}

/** A name at the start of an English sentence. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether a field must be filled, given the other (normalised) values. */
export function isRequired(spec: FieldSpec, values: Record<string, string>): boolean {
  if (spec.required) return true;
  if (spec.requiredWhen) return values[spec.requiredWhen.key] === spec.requiredWhen.equals;
  return false;
}
