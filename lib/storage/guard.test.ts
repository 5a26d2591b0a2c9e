import { describe, expect, it } from 'vitest';
import { loadClockLog, loadGuardConfig, recordAnsweredWait, saveGuardConfig, GuardConfigInvalid } from './guard';
import { DEFAULT_CLOCK_SETTINGS, summariseDay } from '../domain/clock';
import { isoDay } from '../domain/time';

describe('guard storage', () => {
  it('starts with no shop rules; saves a valid config and refuses an invalid one without writing', async () => {
    expect(await loadGuardConfig()).toEqual({ v: 1, disabled: [], rules: [] });
    const cfg = { v: 1 as const, disabled: ['absolute-first'], rules: [{ id: 'a', words: ['秒发'], severity: 'warn' as const, platforms: ['any' as const], reason: '不承诺' }] };
    await saveGuardConfig(cfg);
    await expect(saveGuardConfig({ v: 1, rules: [{ id: 'b' }] })).rejects.toBeInstanceOf(GuardConfigInvalid);
    expect(await loadGuardConfig()).toEqual(cfg);
  });

  it('records answered waits into the day’s summary', async () => {
    const now = Date.now();
    await recordAnsweredWait({ platform: 'demo', conversation: 'abc', since: now - 200_000, at: now }, DEFAULT_CLOCK_SETTINGS, 480);
    await recordAnsweredWait({ platform: 'demo', conversation: 'abc', since: now - 10_000, at: now }, DEFAULT_CLOCK_SETTINGS, 480);
    const [s] = summariseDay(await loadClockLog(), isoDay(now, 480));
    expect(s).toMatchObject({ platform: 'demo', answered: 1, medianSec: 200, redSec: 180, withinRed: 0 });
  });
});
