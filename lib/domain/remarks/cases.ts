/**
 * The fields the remark form asks for, for the case the agent picked. Convention A's green flag
 * (退换货) is one rule for two cases: a return (类型 退货) needs the reason and, if she wants, the
 * style sent back and the postage; an exchange (类型 换货) needs from → to style, the difference
 * either way and the postage. Until 2026-12-07 the form showed every field for both, so a return
 * was typed by tabbing past 换款, 补差价 and 退差价 to 原因.
 *
 * Only the form's view changes: the line is still written by `buildRemark` in the rule's own field
 * order, from the values of the fields shown (a 换款 typed before the agent switched to 退货 is not
 * written), and hand-typed lines are checked as before. Like facts.ts, this goes by the flag's
 * intent and the field keys, so an edited or custom set keeps it; a 类型 value the set added itself
 * (neither the return nor the exchange word) shows every field, as does no pick yet.
 */
import type { FieldSpec, FlagRule, RecordRule } from './types';

/** What only an exchange has: the wanted style and a price difference (either way). */
const EXCHANGE_ONLY = new Set(['toStyle', 'priceDiffIn', 'priceDiffOut']);
/** A return's fields in the order the agent fills them: the case, why, then the optional ones. */
const RETURN_FIRST = ['kind', 'reason'];
const RETURN_WORD = '退货';

/** The fields the form shows for these values, in the order the agent fills them. */
export function formFields(rule: FlagRule | RecordRule, values: Record<string, string>): FieldSpec[] {
  if (!('intent' in rule) || rule.intent !== 'return-exchange') return rule.fields;
  const kind = rule.fields.find((f) => f.key === 'kind');
  if (!kind || values.kind !== RETURN_WORD || !(kind.options ?? []).includes(RETURN_WORD)) return rule.fields;
  const shown = rule.fields.filter((f) => !EXCHANGE_ONLY.has(f.key));
  const rank = (f: FieldSpec) => {
    const i = RETURN_FIRST.indexOf(f.key);
    return i < 0 ? RETURN_FIRST.length : i;
  };
  // A stable sort: the fields after the first ones keep the rule's order.
  return shown.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

/** The values of the fields shown: what the form writes (a hidden field's value is kept in the form, not written). */
export function formValues(rule: FlagRule | RecordRule, values: Record<string, string>): Record<string, string> {
  const keys = new Set(formFields(rule, values).map((f) => f.key));
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
}
