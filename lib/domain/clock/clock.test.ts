import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onComputerZone } from '../testing';
import { addAnswered, clockCsv, clockLevel, countedMs, formatWait, msUntilNextLevel, normaliseClockLog, normaliseClockSettings, summariseDay, waitingSince, DEFAULT_CLOCK_SETTINGS, type ClockLog } from './index';
import { fromWall } from '../time';

const MIN = 60_000;
const BEIJING = 480;
/** December 2026, Beijing wall time (the shop's). */
const at = (h: number, m: number, day = 1) => fromWall(2026, 12, day, h * 60 + m, BEIJING);

describe('waitingSince', () => {
  it('is the oldest buyer message after the shop’s last reply', () => {
    expect(waitingSince([{ from: 'buyer', at: 1 }, { from: 'agent', at: 2 }, { from: 'buyer', at: 3 }, { from: 'buyer', at: 4 }])).toBe(3);
  });
  it('is null once the shop has answered, or when nothing carries a time', () => {
    expect(waitingSince([{ from: 'buyer', at: 1 }, { from: 'agent', at: 2 }])).toBeNull();
    expect(waitingSince([{ from: 'buyer' }])).toBeNull();
    expect(waitingSince([])).toBeNull();
  });
});

describe('countedMs', () => {
  it('counts all the time without a window', () => {
    expect(countedMs(at(23, 30), at(8, 2, 2), undefined, BEIJING)).toBe((8 * 60 + 32) * MIN);
  });
  it('counts only 08:00–23:00 on Douyin: 23:30 answered at 08:02 waited 2 minutes', () => {
    const w = DEFAULT_CLOCK_SETTINGS.douyin.window;
    expect(countedMs(at(23, 30), at(8, 2, 2), w, BEIJING)).toBe(2 * MIN);
    expect(countedMs(at(22, 58), at(8, 1, 2), w, BEIJING)).toBe(3 * MIN);
    expect(countedMs(at(10, 0), at(10, 4), w, BEIJING)).toBe(4 * MIN);
    expect(countedMs(at(10, 4), at(10, 0), w, BEIJING)).toBe(0);
    // Two nights: 22:00 on the 1st to 09:00 on the 3rd counts 1 + 15 + 1 hours.
    expect(countedMs(at(22, 0), at(9, 0, 3), w, BEIJING)).toBe(17 * 60 * MIN);
  });
});

/**
 * The agent's computer on Los Angeles time (Node applies a TZ change at once): the day's figures
 * and the platform's counting hours still follow the shop's (Beijing) clock.
 */
describe('in shop time, on a computer in Los Angeles', () => {
  onComputerZone('America/Los_Angeles');

  it('the computer really is on Los Angeles time in these tests', () => {
    expect(new Date(at(7, 30, 2)).getDate()).toBe(1);
  });

  it('files a reply at 07:30 Beijing (15:30 the day before in Los Angeles) under Beijing’s day', () => {
    const log = addAnswered({ v: 1, days: {} }, { platform: 'pdd', conversation: 'a', since: at(7, 28, 2), at: at(7, 30, 2) }, BEIJING);
    expect(Object.keys(log.days)).toEqual(['2026-12-02']);
    expect(summariseDay(log, '2026-12-02')).toEqual([{ platform: 'pdd', answered: 1, medianSec: 120, p90Sec: 120, redSec: 180, withinRed: 1 }]);
  });

  it('counts Douyin’s 08:00–23:00 on Beijing’s clock', () => {
    const w = DEFAULT_CLOCK_SETTINGS.douyin.window;
    expect(countedMs(at(23, 30), at(8, 2, 2), w, BEIJING)).toBe(2 * MIN);
    const log = addAnswered({ v: 1, days: {} }, { platform: 'douyin', conversation: 'a', since: at(23, 30), at: at(8, 2, 2) }, BEIJING);
    expect(log.days['2026-12-02']?.douyin?.firstMs).toEqual([2 * MIN]);
  });
});

describe('levels and display', () => {
  const t = DEFAULT_CLOCK_SETTINGS.pdd;
  it('turns amber at 2 minutes and red at 3 by default', () => {
    expect(clockLevel(119_000, t)).toBe('ok');
    expect(clockLevel(120_000, t)).toBe('amber');
    expect(clockLevel(180_000, t)).toBe('red');
  });
  it('says when the next change is due, for the one countdown timer', () => {
    expect(msUntilNextLevel(100_000, t)).toBe(20_000);
    expect(msUntilNextLevel(150_000, t)).toBe(30_000);
    expect(msUntilNextLevel(200_000, t)).toBeNull();
  });
  it('says a wait in words of the interface language, seconds only while they matter', () => {
    // QA saw "74h56", "1h17" and "41:02" side by side in the Chinese panel.
    expect(formatWait(45_000, 'zh-CN')).toBe('45秒');
    expect(formatWait(125_000, 'zh-CN')).toBe('2分5秒');
    expect(formatWait(120_000, 'zh-CN')).toBe('2分');
    expect(formatWait(2_462_000, 'zh-CN')).toBe('41分');
    expect(formatWait(4_620_000, 'zh-CN')).toBe('1小时17分');
    expect(formatWait(86_340_000, 'zh-CN')).toBe('23小时59分');
    // Past a day, days and hours (a JD list showed 已等待 189小时4分): minutes no longer matter.
    expect(formatWait(269_760_000, 'zh-CN')).toBe('3天2小时');
    expect(formatWait((189 * 60 + 4) * 60_000, 'zh-CN')).toBe('7天21小时');
    expect(formatWait(48 * 3_600_000 + 59 * 60_000, 'zh-CN')).toBe('2天');
    expect(formatWait((189 * 60 + 4) * 60_000, 'en')).toBe('7d 21h');
    expect(formatWait(0, 'zh-CN')).toBe('0秒');
    expect(formatWait(125_000, 'en')).toBe('2m 5s');
    expect(formatWait(2_462_000, 'en')).toBe('41m');
    expect(formatWait(4_620_000, 'en')).toBe('1h 17m');
    expect(formatWait(7_200_000, 'en')).toBe('2h');
  });
});

describe('daily summary', () => {
  const empty: ClockLog = { v: 1, days: {} };
  it('counts each conversation’s first response of the day once, per platform', () => {
    let log = addAnswered(empty, { platform: 'pdd', conversation: 'a', since: at(10, 0), at: at(10, 1) }, BEIJING);
    log = addAnswered(log, { platform: 'pdd', conversation: 'a', since: at(10, 5), at: at(10, 30) }, BEIJING);
    log = addAnswered(log, { platform: 'pdd', conversation: 'b', since: at(11, 0), at: at(11, 5) }, BEIJING);
    log = addAnswered(log, { platform: 'pdd', conversation: 'c', since: at(12, 0), at: at(12, 2) }, BEIJING);
    log = addAnswered(log, { platform: 'jd', conversation: 'a', since: at(12, 0), at: at(12, 0) }, BEIJING);
    const s = summariseDay(log, '2026-12-01');
    expect(s).toEqual([
      { platform: 'jd', answered: 1, medianSec: 0, p90Sec: 0, redSec: 180, withinRed: 1 },
      { platform: 'pdd', answered: 3, medianSec: 120, p90Sec: 300, redSec: 180, withinRed: 2 / 3 },
    ]);
    expect(summariseDay(log, '2026-12-02')).toEqual([]);
  });
  it('keeps at most 62 days', () => {
    let log = empty;
    for (let d = 0; d < 70; d++) log = addAnswered(log, { platform: 'jd', conversation: 'x', since: 0, at: fromWall(2026, 1, 1 + d, 12 * 60, BEIJING) }, BEIJING);
    expect(Object.keys(log.days)).toHaveLength(62);
    expect(Object.keys(log.days).sort()[0]).toBe('2026-01-09');
  });
  it('exports CSV that Excel opens (BOM, CRLF) with a row per day and platform', () => {
    const log = addAnswered(empty, { platform: 'douyin', conversation: 'a', since: at(10, 0), at: at(10, 4) }, BEIJING);
    const csv = clockCsv(log, DEFAULT_CLOCK_SETTINGS, { douyin: '抖店' });
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2026-12-01,抖店,1,240,240,0.000,180');
  });
  it('counts the share within the shop’s own red threshold, not a fixed 3 minutes (and the CSV says which)', () => {
    // An after-sale desk that set red at 5 minutes (domain.md: after-sale messages within 5 min).
    const shop = normaliseClockSettings({ pdd: { amberSec: 240, redSec: 300 }, jd: { amberSec: 60, redSec: 90 } });
    let log = addAnswered(empty, { platform: 'pdd', conversation: 'a', since: at(10, 0), at: at(10, 4) }, BEIJING);
    log = addAnswered(log, { platform: 'pdd', conversation: 'b', since: at(11, 0), at: at(11, 6) }, BEIJING);
    log = addAnswered(log, { platform: 'jd', conversation: 'a', since: at(12, 0), at: at(12, 2) }, BEIJING);
    expect(summariseDay(log, '2026-12-01', shop)).toEqual([
      { platform: 'jd', answered: 1, medianSec: 120, p90Sec: 120, redSec: 90, withinRed: 0 },
      { platform: 'pdd', answered: 2, medianSec: 240, p90Sec: 360, redSec: 300, withinRed: 1 / 2 },
    ]);
    expect(clockCsv(log, shop).slice(1).split('\r\n').slice(0, 2)).toEqual([
      '日期 day,平台 platform,已回复会话 answered,首次响应中位数(秒) median s,首次响应P90(秒) p90 s,红色阈值内占比 within red,红色阈值(秒) red s',
      '2026-12-01,jd,1,120,120,0.000,90',
    ]);
  });
  it('keeps the sound parts of a damaged record', () => {
    const log = normaliseClockLog({ v: 1, days: { '2026-12-01': { pdd: { conversations: ['a'], firstMs: [1000] }, jd: { conversations: ['a'], firstMs: [] } }, nonsense: {} } });
    expect(log).toEqual({ v: 1, days: { '2026-12-01': { pdd: { conversations: ['a'], firstMs: [1000] } } } });
    expect(normaliseClockLog(null)).toEqual({ v: 1, days: {} });
  });
});

describe('shop thresholds', () => {
  it('keeps valid values, falls back on bad ones, and never lets red come before amber', () => {
    const s = normaliseClockSettings({ pdd: { amberSec: 30, redSec: 10 }, jd: { amberSec: 'x' }, douyin: { window: null } });
    expect(s.pdd).toEqual({ amberSec: 30, redSec: 30 });
    expect(s.jd).toEqual(DEFAULT_CLOCK_SETTINGS.jd);
    expect(s.douyin.window).toBeNull();
    expect(normaliseClockSettings(undefined).douyin.window).toEqual({ from: '08:00', to: '23:00' });
  });
  it('a window of null counts every hour and stays so when read again; absent or malformed is the platform’s default', () => {
    const night = [at(23, 30), at(8, 2, 2)] as const;
    const once = normaliseClockSettings({ douyin: { amberSec: 60, redSec: 90, window: null }, pdd: { window: null } });
    const again = normaliseClockSettings(JSON.parse(JSON.stringify(once)));
    expect(again).toEqual(once);
    expect(again.douyin).toEqual({ amberSec: 60, redSec: 90, window: null });
    expect(countedMs(...night, again.douyin.window, BEIJING)).toBe((8 * 60 + 32) * MIN);
    // A platform with no default window: none either way, nothing to keep.
    expect(again.pdd).toEqual(DEFAULT_CLOCK_SETTINGS.pdd);
    for (const window of [undefined, { from: '25:00', to: '23:00' }, { from: '23:00', to: '08:00' }, '08:00-23:00', {}]) {
      const s = normaliseClockSettings({ douyin: { window } });
      expect(s.douyin.window, JSON.stringify(window)).toEqual({ from: '08:00', to: '23:00' });
      expect(countedMs(...night, s.douyin.window, BEIJING)).toBe(2 * MIN);
    }
    expect(normaliseClockSettings({ douyin: { window: { from: '09:00', to: '22:00' } } }).douyin.window).toEqual({ from: '09:00', to: '22:00' });
  });
});
