import { describe, expect, it } from 'vitest';
import { guardPromptMessages } from './guard-prompt';
import { BUILT_IN_RULES } from '../../domain/guard/rules';

describe('the held-reply prompt in English says what the Chinese says', () => {
  it('names no platform rule: the guard also holds money over the shop’s own limits and the shop’s own rules', () => {
    // 这条回复可能违规 read "may break platform rules" in English, also over a discount above the agent's 20 yuan.
    expect(BUILT_IN_RULES.some((r) => r.category === 'over-limit' && r.severity === 'block')).toBe(true);
    for (const key of ['guard.held', 'guard.heldCopy', 'guard.typed']) {
      expect(guardPromptMessages.zh[key], key).toMatch(/可能违规/);
      expect(guardPromptMessages.en[key], key).not.toMatch(/platform/i);
      expect(guardPromptMessages.en[key], key).toMatch(/may break a rule/);
    }
  });
});
