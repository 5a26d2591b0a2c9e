/**
 * A stored rule set keeps the presets' fields as they were when the shop picked (or edited) it. When a
 * preset field's default changes because it was wrong, a shop that picked the preset before keeps
 * the wrong one: convention B's yellow asked for 改价金额 until 2026-12-05, though the shop's rule asks
 * only who changed the price, so its agents could not record a plain price change. `upgradeRuleSet`
 * gives such fields the new default — only a field still exactly as the preset had it (every
 * property, so a field the shop edited in any way stays theirs) and only under a flag of the same
 * intent. Pure and idempotent; the storage runs it once (lib/storage/rules.ts).
 */
import { own } from '../own';
import type { FieldSpec, FlagIntent, RuleSet } from './types';

interface FieldChange {
  intent: FlagIntent;
  old: FieldSpec;
  next: Partial<FieldSpec>;
}

const CHANGES: FieldChange[] = [
  // Convention B yellow: the amount became optional (domain: 一般修正价格：客服名).
  {
    intent: 'price-change',
    old: { key: 'discount', label: '改价金额', type: 'money', required: true, aliases: ['优惠', '优惠金额', '改价'], limit: 'agent-discount', help: '超过客服权限须主管同意' },
    next: { required: false },
  },
  // Convention A purple: a ship date of today is accepted; the help said "after today".
  {
    intent: 'delay',
    old: { key: 'shipDate', label: '可发货日', type: 'date', required: true, future: true, aliases: ['发货日', '发货日期', '可发货日期', '预计发货'], help: '必须晚于今天' },
    next: { help: '今天或以后' },
  },
];

/** Same JSON value, whatever the order of an object's keys. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => own(a as Record<string, unknown>, k) !== undefined);
  const kb = Object.keys(b).filter((k) => own(b as Record<string, unknown>, k) !== undefined);
  return ka.length === kb.length && ka.every((k) => same(own(a as Record<string, unknown>, k), own(b as Record<string, unknown>, k)));
}

/**
 * The rule set with every field that still equals an old preset default given the new one, and
 * where each was (`flag.field key`, e.g. `yellow.discount`); null when nothing changed.
 */
export function upgradeRuleSet(ruleSet: RuleSet): { ruleSet: RuleSet; changed: string[] } | null {
  const changed: string[] = [];
  if (!ruleSet || typeof ruleSet.flags !== 'object' || ruleSet.flags === null) return null;
  const flags = { ...ruleSet.flags };
  for (const [color, rule] of Object.entries(flags) as [keyof RuleSet['flags'], RuleSet['flags'][keyof RuleSet['flags']]][]) {
    // Stored data can be damaged: what is not a rule with fields is left for the reader to refuse.
    if (!rule || !Array.isArray(rule.fields)) continue;
    let touched = false;
    const fields = rule.fields.map((f) => {
      const c = CHANGES.find((x) => x.intent === rule.intent && same(f, x.old));
      if (!c) return f;
      touched = true;
      changed.push(`${color}.${f.key}`);
      return { ...f, ...c.next };
    });
    if (touched) flags[color] = { ...rule, fields };
  }
  return changed.length ? { ruleSet: { ...ruleSet, flags }, changed } : null;
}

/**
 * A stored rule-set record (`{ v: 1, ruleSet, updatedAt }`, or the bare set stored before records
 * were versioned) with upgradeRuleSet applied, its other properties (when it was saved) kept; null
 * when nothing changes.
 */
export function upgradeRuleRecord(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return null;
  const rec = raw as Record<string, unknown>;
  const wrapped = 'ruleSet' in rec;
  const up = upgradeRuleSet((wrapped ? rec.ruleSet : rec) as RuleSet);
  return up && (wrapped ? { ...rec, ruleSet: up.ruleSet } : up.ruleSet);
}
