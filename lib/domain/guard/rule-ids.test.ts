import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULE_IDS } from './rule-ids';
import { BUILT_IN_RULES } from './rules';
import { validateGuardConfig } from './config';

describe('the built-in rule ids the worker checks settings against', () => {
  it('are exactly the ids of the built-in rules, in order', () => {
    expect(BUILT_IN_RULE_IDS).toEqual(BUILT_IN_RULES.map((r) => r.id));
  });

  it('let every built-in rule be switched off, and drop ids no rule has', () => {
    const r = validateGuardConfig({ v: 1, disabled: [...BUILT_IN_RULES.map((x) => x.id), 'no-such-rule'], rules: [] });
    expect(r.ok && r.config.disabled).toEqual(BUILT_IN_RULES.map((x) => x.id));
  });
});
