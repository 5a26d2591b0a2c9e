import { describe, expect, it } from 'vitest';
import { EMPTY_GUARD_CONFIG, type GuardConfig } from './types';
import { loadGuardEngine, type GuardAsk } from './engine';
import type { RuleSet } from '../remarks/types';

/** A worker that answers the guard settings with `config` (an Error: unreadable) and has no remark rules to read. */
const worker = (config: GuardConfig | Error): GuardAsk =>
  ((verb: string) => (verb === 'getGuardConfig' ? (config instanceof Error ? Promise.reject(config) : Promise.resolve(config)) : Promise.reject(new Error('no rules')))) as GuardAsk;

describe('loadGuardEngine (the page’s guard and the side panel’s held copy, one loader)', () => {
  it('checks with the shop’s settings: a rule the shop turned off holds nothing', async () => {
    const off = await loadGuardEngine(worker({ ...EMPTY_GUARD_CONFIG, disabled: ['contact-wechat'] }), 'pdd', () => EMPTY_GUARD_CONFIG);
    const on = await loadGuardEngine(worker(EMPTY_GUARD_CONFIG), 'pdd', () => EMPTY_GUARD_CONFIG);
    expect(on.check('添加微信发图给您').map((f) => f.ruleId)).toContain('contact-wechat');
    expect(off.check('添加微信发图给您').map((f) => f.ruleId)).not.toContain('contact-wechat');
  });

  it('unreadable settings: the caller’s fallback — every built-in rule for the side panel, no engine for the page', async () => {
    const side = await loadGuardEngine(worker(new Error('worker asleep')), 'pdd', () => EMPTY_GUARD_CONFIG);
    expect(side.check('添加微信发图给您').some((f) => f.severity === 'block')).toBe(true);
    const page = loadGuardEngine(worker(new Error('worker asleep')), 'pdd', (err) => {
      throw err;
    });
    await expect(page).rejects.toThrow('worker asleep');
  });

  it('unreadable remark rules: the default money limits', async () => {
    const limits = { agentDiscountYuan: 5, postageYuan: 0 } as RuleSet['limits'];
    const ask = ((verb: string) => Promise.resolve(verb === 'getGuardConfig' ? EMPTY_GUARD_CONFIG : ({ limits } as RuleSet))) as GuardAsk;
    const shop = await loadGuardEngine(ask, 'pdd', () => EMPTY_GUARD_CONFIG);
    const dflt = await loadGuardEngine(worker(EMPTY_GUARD_CONFIG), 'pdd', () => EMPTY_GUARD_CONFIG);
    expect(shop.check('给您优惠10元').length).toBeGreaterThan(dflt.check('给您优惠10元').length);
  });
});
