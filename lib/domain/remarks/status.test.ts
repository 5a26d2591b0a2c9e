import { describe, expect, it } from 'vitest';
import { PRESET_A, PRESET_B, cloneRuleSet } from './presets';
import { flagStatusWarning } from './status';

describe('flagStatusWarning: a "ready to ship" flag on an order the warehouse must not ship', () => {
  it('warns of convention A\'s red (已核对可发货) on an unpaid order, in Chinese and English', () => {
    const w = flagStatusWarning(PRESET_A, 'red', 'unpaid');
    expect(w?.code).toBe('status-contradicts-flag');
    expect(w?.message).toContain('还没付款');
    expect(w?.message).toContain('已核对可发货');
    expect(w?.messageEn).toContain('not paid yet');
  });

  it('warns of it on a closed, refunding, shipped or completed order too, each saying why', () => {
    for (const [status, zh] of [['closed', '已关闭'], ['refunding', '退款中'], ['shipped', '已经发货'], ['completed', '交易成功']] as const) {
      expect(flagStatusWarning(PRESET_A, 'red', status)?.message).toContain(zh);
    }
  });

  it('says nothing on a paid order, nor where the status was not read', () => {
    expect(flagStatusWarning(PRESET_A, 'red', 'paid')).toBeNull();
    expect(flagStatusWarning(PRESET_A, 'red', 'unknown')).toBeNull();
    expect(flagStatusWarning(PRESET_A, 'red', undefined)).toBeNull();
  });

  it('goes by the flag\'s intent, not its colour: other flags, and convention B\'s red (special handling), say nothing', () => {
    expect(flagStatusWarning(PRESET_A, 'purple', 'unpaid')).toBeNull();
    expect(flagStatusWarning(PRESET_A, null, 'unpaid')).toBeNull();
    expect(flagStatusWarning(PRESET_B, 'red', 'unpaid')).toBeNull();
    const moved = cloneRuleSet(PRESET_A);
    moved.flags.blue = { ...moved.flags.red, title: '可以发货' };
    expect(flagStatusWarning(moved, 'blue', 'unpaid')?.message).toContain('蓝旗');
  });

  it('on a saved remark (the order list) only unpaid contradicts it: verified, then shipped or refunded, is the normal course', () => {
    expect(flagStatusWarning(PRESET_A, 'red', 'unpaid', { saved: true })?.code).toBe('status-contradicts-flag');
    for (const status of ['shipped', 'completed', 'refunding', 'closed'] as const) {
      expect(flagStatusWarning(PRESET_A, 'red', status, { saved: true })).toBeNull();
    }
  });
});
