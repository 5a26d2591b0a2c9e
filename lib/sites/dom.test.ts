import { describe, expect, it } from 'vitest';
import { parseChineseDateTime, parseMessageTime, parseRowTime, parseWaitedFor } from './dom';
import { beijing as bj } from './testing';
import { onComputerZone } from '../domain/testing';

const H = 3_600_000;

// The consoles print Beijing time; the computer may be anywhere (an agent abroad, a VM left on UTC).
for (const tz of ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
  describe(`console times read as shop time (Beijing) on a computer in ${tz}`, () => {
    onComputerZone(tz);
    // 2026-12-01 09:30 in Beijing (01:30 UTC; still Nov 30 in Los Angeles, Dec 1 15:30 in Kiritimati).
    const now = bj(2026, 12, 1, 9, 30);

    it('reads full dates in both styles as Beijing time', () => {
      expect(parseMessageTime('2026年09月08日 17:12:14', now)).toBe(bj(2026, 9, 8, 17, 12, 14));
      expect(parseMessageTime('2026-11-30 20:14:30', now)).toBe(bj(2026, 11, 30, 20, 14, 30));
      expect(parseChineseDateTime('创建时间: 2026-11-23 09:14:05')).toBe(bj(2026, 11, 23, 9, 14, 5));
      expect(parseChineseDateTime('2026-11-23T09:14')).toBe(bj(2026, 11, 23, 9, 14));
    });
    it('reads a message stamped 3.5 minutes ago in Beijing time as 3.5 minutes ago', () => {
      const at = Math.floor((Date.now() - 210_000) / 1000) * 1000;
      const stamp = new Date(at + 8 * H).toISOString().replace('T', ' ').slice(0, 19); // as JD 咚咚 prints it
      expect(parseMessageTime(stamp)).toBe(at);
    });
    it('reads a month-day time as this year (Beijing’s), or last year when it would lie in the future', () => {
      expect(parseMessageTime('橙子不酸11-30 20:21:07', now)).toBe(bj(2026, 11, 30, 20, 21, 7));
      expect(parseMessageTime('12-31 23:00:00', now)).toBe(bj(2025, 12, 31, 23, 0, 0));
      // Beijing's new year while the computer is still on Dec 31.
      expect(parseMessageTime('01-01 00:10', bj(2027, 1, 1, 0, 20))).toBe(bj(2027, 1, 1, 0, 10));
    });
    it('reads a time of day as today in Beijing, or yesterday when today’s would be more than a few minutes ahead', () => {
      expect(parseMessageTime('08:05', now)).toBe(bj(2026, 12, 1, 8, 5));
      expect(parseMessageTime('09:33', now)).toBe(bj(2026, 12, 1, 9, 33)); // the clocks disagree by 3 minutes
      expect(parseMessageTime('09:40', now)).toBe(bj(2026, 11, 30, 9, 40));
      expect(parseMessageTime('23:50', now)).toBe(bj(2026, 11, 30, 23, 50));
      expect(parseMessageTime('昨天 09:10', now)).toBe(bj(2026, 11, 30, 9, 10));
      // Just after Beijing midnight (still the afternoon before in UTC and Los Angeles).
      expect(parseMessageTime('00:02', bj(2026, 12, 1, 0, 5))).toBe(bj(2026, 12, 1, 0, 2));
      expect(parseMessageTime('23:58', bj(2026, 12, 1, 0, 5))).toBe(bj(2026, 11, 30, 23, 58));
    });
    it('gives undefined for text without a time', () => {
      expect(parseMessageTime('昨天', now)).toBeUndefined();
      expect(parseMessageTime('11-28', now)).toBeUndefined();
      expect(parseMessageTime(null, now)).toBeUndefined();
    });
    it('reads a list row’s time as its latest occurrence, never after now', () => {
      expect(parseRowTime(' 09:10 ', now)).toBe(bj(2026, 12, 1, 9, 10));
      expect(parseRowTime('23:50', now)).toBe(bj(2026, 11, 30, 23, 50));
      expect(parseRowTime('09:33', now)).toBe(now);
      expect(parseRowTime('昨天', now)).toBeUndefined();
    });
  });
}

describe('a zone handed to the parsers', () => {
  it('reads the same text in that zone (UTC+9, UTC)', () => {
    expect(parseChineseDateTime('2026-11-30 20:14:30', 540)).toBe(Date.UTC(2026, 10, 30, 11, 14, 30));
    expect(parseMessageTime('20:14', Date.UTC(2026, 10, 30, 21, 0), 0)).toBe(Date.UTC(2026, 10, 30, 20, 14));
  });
});

describe('list labels of a buyer’s wait', () => {
  it('reads how long a label says the buyer waited', () => {
    expect(parseWaitedFor('已等待6分钟')).toBe(6 * 60_000);
    expect(parseWaitedFor('已等待1小时')).toBe(3_600_000);
    expect(parseWaitedFor('1小时5分钟')).toBe(65 * 60_000);
    expect(parseWaitedFor('30秒')).toBe(30_000);
    expect(parseWaitedFor('已超时')).toBeUndefined();
    expect(parseWaitedFor(null)).toBeUndefined();
  });
});
