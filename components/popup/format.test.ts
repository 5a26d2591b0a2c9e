import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerMessages, setLocale } from '@/lib/i18n';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { shopZoneLabel } from './format';

registerMessages(followupsUi);
const now = Date.UTC(2026, 11, 3, 9, 42);
/** The computer's zone, as minutes east of UTC (getTimezoneOffset is the other way round). */
const computerAt = (eastMinutes: number) => vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(-eastMinutes);

afterEach(() => {
  vi.restoreAllMocks();
  setLocale('zh-CN');
});

describe('which zone the popup’s times are in', () => {
  it('says 北京时间 once when the computer is in another zone (Los Angeles, UTC), nothing when it is on Beijing time', () => {
    computerAt(-8 * 60);
    expect(shopZoneLabel(480, now)).toBe('时间均为北京时间');
    computerAt(0);
    expect(shopZoneLabel(480, now)).toBe('时间均为北京时间');
    setLocale('en');
    expect(shopZoneLabel(480, now)).toBe('Times are Beijing time');
    computerAt(480);
    expect(shopZoneLabel(480, now)).toBeNull();
  });

  it('names another shop zone by its offset, and says nothing when the shop uses the computer’s zone', () => {
    computerAt(480);
    expect(shopZoneLabel(540, now)).toBe('时间均为店铺时间（UTC+9）');
    expect(shopZoneLabel(330, now)).toBe('时间均为店铺时间（UTC+5:30）');
    expect(shopZoneLabel(-180, now)).toBe('时间均为店铺时间（UTC-3）');
    expect(shopZoneLabel(null, now)).toBeNull();
  });
});
