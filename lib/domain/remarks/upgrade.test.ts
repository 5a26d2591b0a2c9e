import { describe, expect, it } from 'vitest';
import { PRESET_A, PRESET_B, cloneRuleSet } from './presets';
import { updateField } from './ruleset';
import { checkRemark } from './check';
import { upgradeRuleRecord, upgradeRuleSet } from './upgrade';
import type { RuleSet } from './types';

/** Convention B as a shop stored it when it picked B before 2026-12-05: the price change needed its amount. */
function oldB(): RuleSet {
  const b = cloneRuleSet(PRESET_B);
  b.flags.yellow.fields[0]!.required = true;
  return b;
}

/** Convention A as stored before 2026-12-05: the ship date's help said "after today". */
function oldA(): RuleSet {
  const a = cloneRuleSet(PRESET_A);
  a.flags.purple.fields[0]!.help = '必须晚于今天';
  return a;
}

const yellowB = (rs: RuleSet) => checkRemark('改价 小美 2026-12-05', { ruleSet: rs, flag: 'yellow', today: '2026-12-05', agent: '小美' });

describe('upgradeRuleSet: corrected preset defaults for a stored set', () => {
  it("lets an old convention B's yellow take a price change without its amount", () => {
    expect(yellowB(oldB()).map((p) => p.code)).toContain('missing-field');
    const up = upgradeRuleSet(oldB())!;
    expect(up.changed).toEqual(['yellow.discount']);
    expect(up.ruleSet).toEqual(PRESET_B);
    expect(yellowB(up.ruleSet)).toEqual([]);
    // Above the agent's limit it still needs the supervisor.
    expect(checkRemark('【改价】改价金额：30元｜小美 2026-12-05', { ruleSet: up.ruleSet, flag: 'yellow', today: '2026-12-05' }).map((p) => p.code)).toEqual(['needs-supervisor']);
  });

  it("gives an old convention A's ship date the help that matches the check", () => {
    const up = upgradeRuleSet(oldA())!;
    expect(up.changed).toEqual(['purple.shipDate']);
    expect(up.ruleSet).toEqual(PRESET_A);
  });

  it('keeps the other fields of a set the shop edited elsewhere (convention custom)', () => {
    const edited = updateField(oldB(), 'purple', 0, { label: '问题' });
    const up = upgradeRuleSet(edited)!;
    expect(up.ruleSet.flags.yellow.fields[0]!.required).toBe(false);
    expect(up.ruleSet.flags.purple.fields[0]!.label).toBe('问题');
    expect(up.ruleSet.convention).toBe('custom');
  });

  it("leaves a field the shop edited in any way as the shop has it", () => {
    const relabelled = updateField(oldB(), 'yellow', 0, { label: '优惠金额' });
    expect(upgradeRuleSet(relabelled)).toBeNull();
    const lowerHelp = updateField(oldA(), 'purple', 0, { help: '写最晚哪天发' });
    expect(upgradeRuleSet(lowerHelp)).toBeNull();
  });

  it('changes nothing in current sets, and does not change the set it is given', () => {
    expect(upgradeRuleSet(PRESET_A)).toBeNull();
    expect(upgradeRuleSet(PRESET_B)).toBeNull();
    const old = oldB();
    upgradeRuleSet(old);
    expect(old.flags.yellow.fields[0]!.required).toBe(true);
  });

  it('only under a flag of the same intent: the old amount field copied to another flag stays', () => {
    const rs = oldB();
    rs.flags.red.fields.push({ ...rs.flags.yellow.fields[0]! });
    const up = upgradeRuleSet(rs)!;
    expect(up.changed).toEqual(['yellow.discount']);
    expect(up.ruleSet.flags.red.fields.at(-1)!.required).toBe(true);
  });
});

describe('upgradeRuleRecord: the stored record', () => {
  it('keeps when the set was saved, and reads the bare set stored before records were versioned', () => {
    expect(upgradeRuleRecord({ v: 1, ruleSet: oldB(), updatedAt: 5 })).toEqual({ v: 1, ruleSet: PRESET_B, updatedAt: 5 });
    expect(upgradeRuleRecord(oldB())).toEqual(PRESET_B);
    expect(upgradeRuleRecord({ v: 1, ruleSet: PRESET_B, updatedAt: 5 })).toBeNull();
  });

  it('leaves damaged data for the reader to refuse, without throwing', () => {
    for (const bad of [undefined, 3, 'x', { v: 1, ruleSet: { flags: 3 } }, { v: 1, ruleSet: { flags: { yellow: { fields: 'x' } } } }, { v: 1, ruleSet: null }]) {
      expect(upgradeRuleRecord(bad)).toBeNull();
    }
  });
});
