import { describe, expect, it } from 'vitest';
import { parseMessageTime, parseRowTime, parseWaitedFor } from './dom';

describe('parseMessageTime', () => {
  const now = new Date(2026, 11, 1, 9, 30, 0).getTime();
  it('reads full dates in both styles as local time', () => {
    expect(parseMessageTime('2026年09月08日 17:12:14', now)).toBe(new Date(2026, 8, 8, 17, 12, 14).getTime());
    expect(parseMessageTime('2026-11-30 20:14:30', now)).toBe(new Date(2026, 10, 30, 20, 14, 30).getTime());
  });
  it('reads a month-day time as this year, or last year when it would lie in the future', () => {
    expect(parseMessageTime('橙子不酸11-30 20:21:07', now)).toBe(new Date(2026, 10, 30, 20, 21, 7).getTime());
    expect(parseMessageTime('12-31 23:00:00', now)).toBe(new Date(2025, 11, 31, 23, 0, 0).getTime());
  });
  it('reads a time of day as today', () => {
    expect(parseMessageTime('08:05', now)).toBe(new Date(2026, 11, 1, 8, 5, 0).getTime());
  });
  it('gives undefined for text without a time', () => {
    expect(parseMessageTime('昨天', now)).toBeUndefined();
    expect(parseMessageTime(null, now)).toBeUndefined();
  });
});

describe('list labels of a buyer’s wait', () => {
  const now = new Date(2026, 11, 1, 9, 30, 0).getTime();
  it('reads how long a label says the buyer waited', () => {
    expect(parseWaitedFor('已等待6分钟')).toBe(6 * 60_000);
    expect(parseWaitedFor('已等待1小时')).toBe(3_600_000);
    expect(parseWaitedFor('1小时5分钟')).toBe(65 * 60_000);
    expect(parseWaitedFor('30秒')).toBe(30_000);
    expect(parseWaitedFor('已超时')).toBeUndefined();
    expect(parseWaitedFor(null)).toBeUndefined();
  });
  it('reads a row’s time of day as its latest occurrence not after now', () => {
    expect(parseRowTime(' 09:10 ', now)).toBe(new Date(2026, 11, 1, 9, 10).getTime());
    expect(parseRowTime('23:50', now)).toBe(new Date(2026, 10, 30, 23, 50).getTime());
    expect(parseRowTime('昨天', now)).toBeUndefined();
  });
});
