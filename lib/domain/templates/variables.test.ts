import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onComputerZone } from '../testing';
import { fromWall, isoDay } from '../time';
import {
  formatChineseDate,
  hasPlaceholders,
  listVariables,
  namesCutoffDeadline,
  parseCutoff,
  renderTemplate,
  shippingDay,
  todayDeadline,
  type RenderContext,
} from './variables';

const BEIJING = 480;

/** A moment given as Beijing wall time (the shop's), so the tests mean the same thing in any zone. */
function at(y: number, mo: number, d: number, h: number, mi: number, s = 0): Date {
  return new Date(fromWall(y, mo, d, h * 60 + mi, BEIJING) + s * 1000);
}

const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({
  buyer: '小鹿买买买',
  agentName: '小美',
  shopName: '棉麻小铺',
  now: at(2024, 11, 23, 10, 30),
  cutoff: '16:00',
  zone: BEIJING,
  ...over,
});

describe('shippingDay', () => {
  it('ships today when paid before the cut-off', () => {
    const d = shippingDay(at(2024, 11, 23, 15, 59, 59), '16:00', BEIJING);
    expect(d.isToday).toBe(true);
    expect(d.label).toBe('今天（11月23日）');
    expect(d.dateText).toBe('11月23日');
    expect(d.date.getTime()).toBe(at(2024, 11, 23, 0, 0).getTime());
  });

  it('ships tomorrow when paid exactly at the cut-off', () => {
    const d = shippingDay(at(2024, 11, 23, 16, 0, 0), '16:00', BEIJING);
    expect(d.isToday).toBe(false);
    expect(d.label).toBe('明天（11月24日）');
  });

  it('ships tomorrow when paid after the cut-off', () => {
    expect(shippingDay(at(2024, 11, 23, 20, 15), '16:00', BEIJING).label).toBe('明天（11月24日）');
  });

  it('rolls over month and year ends', () => {
    expect(shippingDay(at(2024, 11, 30, 23, 59), '16:00', BEIJING).label).toBe('明天（12月1日）');
    const d = shippingDay(at(2024, 12, 31, 18, 0), '16:00', BEIJING);
    expect(d.label).toBe('明天（1月1日）');
    expect(isoDay(d.date.getTime(), BEIJING)).toBe('2025-01-01');
  });

  it('counts just after midnight as a fresh day that still ships today', () => {
    expect(shippingDay(at(2024, 11, 24, 0, 5), '16:00', BEIJING).label).toBe('今天（11月24日）');
  });

  it('honours a custom cut-off like 15:30', () => {
    expect(shippingDay(at(2024, 11, 23, 15, 29), '15:30', BEIJING).isToday).toBe(true);
    expect(shippingDay(at(2024, 11, 23, 15, 30), '15:30', BEIJING).isToday).toBe(false);
    expect(shippingDay(at(2024, 11, 23, 15, 45), '15:30', BEIJING).label).toBe('明天（11月24日）');
  });

  it('falls back to 16:00 when the cut-off cannot be read', () => {
    expect(shippingDay(at(2024, 11, 23, 15, 0), 'soon', BEIJING).isToday).toBe(true);
    expect(shippingDay(at(2024, 11, 23, 16, 30), '25:00', BEIJING).isToday).toBe(false);
  });
});

describe('parseCutoff / formatChineseDate', () => {
  it('reads HH:MM, H:MM and a full-width colon, rejects nonsense', () => {
    expect(parseCutoff('16:00')).toBe(960);
    expect(parseCutoff('9:05')).toBe(545);
    expect(parseCutoff('15：30')).toBe(930);
    expect(parseCutoff('24:00')).toBeNull();
    expect(parseCutoff('16:60')).toBeNull();
    expect(parseCutoff('')).toBeNull();
  });

  it('writes dates the way agents do', () => {
    expect(formatChineseDate(at(2024, 1, 5, 12, 0), BEIJING)).toBe('1月5日');
  });
});

/**
 * The agent's computer is not always on Beijing time (outsourced teams, travel, a mis-set OS). The
 * process zone is set to Los Angeles here (Node applies a TZ change at once) so that browser-local
 * arithmetic would show; the shop's zone must decide instead.
 */
describe('in shop time, on a computer in Los Angeles', () => {
  onComputerZone('America/Los_Angeles');
  // 2026-11-23 15:30 in Beijing = 07:30 UTC = 23:30 on the 22nd in Los Angeles.
  const beijing1530 = new Date(Date.UTC(2026, 10, 23, 7, 30));
  // 16:30 in Beijing = 08:30 UTC = 00:30 in Los Angeles, the same date.
  const beijing1630 = new Date(Date.UTC(2026, 10, 23, 8, 30));

  it('the computer really is on Los Angeles time in these tests', () => {
    expect(beijing1530.getDate()).toBe(22);
    expect(beijing1530.getHours()).toBe(23);
  });

  it('at 15:30 Beijing (23:30 the evening before in Los Angeles) an order still ships today, Beijing’s date', () => {
    const d = shippingDay(beijing1530, '16:00', BEIJING);
    expect(d.isToday).toBe(true);
    expect(d.label).toBe('今天（11月23日）');
    expect(isoDay(d.date.getTime(), BEIJING)).toBe('2026-11-23');
  });

  it('at 16:30 Beijing (00:30 in Los Angeles, before its own 16:00) the cut-off has passed: tomorrow', () => {
    expect(shippingDay(beijing1630, '16:00', BEIJING).label).toBe('明天（11月24日）');
  });

  it('fills {今天} and {发货日} with the shop’s day', () => {
    const r = renderTemplate('今天是{今天}，{截单时间}前付款{发货日}发出', ctx({ now: beijing1530 }));
    expect(r.text).toBe('今天是11月23日，16:00前付款今天（11月23日）发出');
    // 07:30 Beijing on the 24th is still the 23rd in Los Angeles.
    expect(renderTemplate('{今天}', ctx({ now: new Date(Date.UTC(2026, 10, 23, 23, 30)) })).text).toBe('11月24日');
  });

  it('the zone given decides, not the computer: the same moment in Los Angeles shop time, and null for the computer’s zone', () => {
    expect(shippingDay(beijing1530, '16:00', -480).label).toBe('明天（11月23日）');
    expect(shippingDay(beijing1630, '16:00', null).label).toBe('今天（11月23日）');
    expect(formatChineseDate(beijing1530, null)).toBe('11月22日');
  });
});

describe('listVariables', () => {
  it('lists each variable once, in order, with its kind', () => {
    const vars = listVariables('{买家}您好，{尺码?}码有货，{buyer}，{单号？}，{尺码}，{卖家}');
    expect(vars.map((v) => [v.name, v.kind])).toEqual([
      ['买家', 'known'],
      ['尺码', 'fill'],
      ['单号', 'fill'],
      ['卖家', 'unknown'],
    ]);
    expect(vars[0]?.key).toBe('buyer');
  });

  it('accepts full-width braces and ignores brace runs that are not names', () => {
    const vars = listVariables('｛店铺｝欢迎您 {} { 空格 } {这个名字实在是太长了超过了二十个字的限制所以不算}');
    expect(vars.map((v) => v.name)).toEqual(['店铺']);
  });

  it('knows the English aliases, case-insensitively', () => {
    const keys = listVariables('{buyer}{agent}{shop}{today}{shipDay}{shipday}{cutoff}').map((v) => v.key);
    expect(keys).toEqual(['buyer', 'agent', 'shop', 'today', 'shipDay', 'cutoff']);
  });
});

describe('renderTemplate', () => {
  it('substitutes every known variable', () => {
    const r = renderTemplate(
      '{买家}您好，我是{店铺}的{客服}。今天是{今天}，{截单时间}前付款{发货日}发出。',
      ctx(),
    );
    expect(r.text).toBe('小鹿买买买您好，我是棉麻小铺的小美。今天是11月23日，16:00前付款今天（11月23日）发出。');
    expect(r.missing).toEqual([]);
  });

  it('says tomorrow after the cut-off', () => {
    const r = renderTemplate('{发货日}发货', ctx({ now: at(2024, 11, 23, 17, 0) }));
    expect(r.text).toBe('明天（11月24日）发货');
  });

  it('uses a custom cut-off in both {截单时间} and {发货日}', () => {
    const r = renderTemplate('{截单时间}前付款{发货日}发', ctx({ cutoff: '15:30', now: at(2024, 11, 23, 15, 40) }));
    expect(r.text).toBe('15:30前付款明天（11月24日）发');
  });

  it('accepts the English aliases', () => {
    const r = renderTemplate('{buyer}/{agent}/{shop}/{today}/{shipDay}', ctx());
    expect(r.text).toBe('小鹿买买买/小美/棉麻小铺/11月23日/今天（11月23日）');
  });

  it('leaves unfilled fill-ins visible and lists them once', () => {
    const r = renderTemplate('建议拍{尺码?}，单号{单号?}，再确认一下{尺码?}', ctx());
    expect(r.text).toBe('建议拍{尺码?}，单号{单号?}，再确认一下{尺码?}');
    expect(r.missing).toEqual(['尺码', '单号']);
  });

  it('fills fill-ins from the agent, by name or by token', () => {
    const r = renderTemplate('建议拍{尺码?}，单号{单号?}', ctx(), { 尺码: 'L', '单号?': 'SF123' });
    expect(r.text).toBe('建议拍L，单号SF123');
    expect(r.missing).toEqual([]);
  });

  it('treats a blank fill as missing', () => {
    const r = renderTemplate('建议拍{尺码?}', ctx(), { 尺码: '  ' });
    expect(r.missing).toEqual(['尺码']);
  });

  it('keeps an unknown name visible and asks for it', () => {
    const r = renderTemplate('{卖家}你好', ctx());
    expect(r.text).toBe('{卖家}你好');
    expect(r.missing).toEqual(['卖家']);
  });

  it('asks for the buyer or agent name when the context lacks it', () => {
    const r = renderTemplate('{买家}您好，我是{客服}', ctx({ buyer: undefined, agentName: '' }));
    expect(r.text).toBe('{买家}您好，我是{客服}');
    expect(r.missing).toEqual(['买家', '客服']);
    const filled = renderTemplate('{买家}您好，我是{客服}', ctx({ buyer: undefined, agentName: '' }), {
      买家: '阿花',
      agent: '小李',
    });
    expect(filled.text).toBe('阿花您好，我是小李');
  });

  it('inserts a hostile buyer name as literal text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = renderTemplate('{买家}您好', ctx({ buyer: evil }));
    expect(r.text).toBe(`${evil}您好`);
  });

  it('drops a nickname\'s direction controls, so the reply after it is not reversed for the buyer; the shop\'s own text stays', () => {
    const nick = '\u202Egnp.exe';
    for (const preview of [false, true]) {
      expect(renderTemplate('{买家}您好，欢迎光临{店铺}', ctx({ buyer: nick }), {}, preview).text).toBe('gnp.exe您好，欢迎光临棉麻小铺');
    }
    expect(renderTemplate('单号{单号?}\u200F', ctx(), { 单号: '\u2067SF123\u2069' }).text).toBe('单号SF123\u200F');
    expect(renderTemplate('{买家}\u202E您好', ctx({ buyer: nick }), {}, true).text).toBe('gnp.exe⟨RLO⟩您好');
    // Nothing left of the name but controls: still asked for, never filled with nothing.
    expect(renderTemplate('{买家}您好', ctx({ buyer: '\u202E\u202C' }), {}, true)).toMatchObject({ text: '【买家】您好', missing: ['买家'] });
  });

  it('never re-expands or pattern-interprets a value', () => {
    const r = renderTemplate('{买家}，{店铺}', ctx({ buyer: '{店铺}$&$1$$' }));
    expect(r.text).toBe('{店铺}$&$1$$，棉麻小铺');
    expect(r.missing).toEqual([]);
  });

  it('flags leftover placeholders', () => {
    expect(hasPlaceholders('单号{单号?}')).toBe(true);
    expect(hasPlaceholders('单号SF123')).toBe(false);
  });
});

/**
 * {付款发货}: the payment reminder's promise, true at any hour. The QA pass saw the old wording at
 * 23:10 Beijing with a 22:10 cut-off: "今天22:10前付款的订单明天（12月4日）就能发出" — a deadline
 * already past, and orders paid before it shipping tomorrow. The computer runs on UTC here, as the
 * agents' machines and CI may; the shop's clock is Beijing's.
 */
describe('{付款发货} in shop time, on a UTC computer', () => {
  onComputerZone('UTC');
  // 2026-12-03 in Beijing; the cut-off at 22:10 as in the QA pass, and the default 16:00.
  const beijing = (h: number, mi: number, s = 0) => at(2026, 12, 3, h, mi, s);
  const payShip = (now: Date, cutoff: string) => renderTemplate('{付款发货}', ctx({ now, cutoff })).text;

  it('the computer really is on UTC in these tests (23:10 Beijing is 15:10 UTC)', () => {
    expect(beijing(23, 10).getHours()).toBe(15);
  });

  it('before the cut-off names today’s deadline and today’s date', () => {
    expect(payShip(beijing(15, 59), '16:00')).toBe('今天16:00前付款，今天（12月3日）就能发出');
    expect(payShip(beijing(21, 0), '22:10')).toBe('今天22:10前付款，今天（12月3日）就能发出');
  });

  it('at the cut-off minute (already too late) and after it, promises only tomorrow, with no deadline', () => {
    expect(payShip(beijing(16, 0), '16:00')).toBe('现在付款，明天（12月4日）就能发出');
    expect(payShip(beijing(23, 10), '22:10')).toBe('现在付款，明天（12月4日）就能发出');
    expect(payShip(beijing(23, 10), '22:10')).not.toMatch(/22:10/);
  });

  it('just after midnight in Beijing (16:30 UTC the day before) is a new shop day that still ships today', () => {
    expect(payShip(at(2026, 12, 4, 0, 30), '16:00')).toBe('今天16:00前付款，今天（12月4日）就能发出');
  });

  it('rolls over the month and the year, and accepts the English alias', () => {
    expect(payShip(at(2026, 12, 31, 17, 0), '16:00')).toBe('现在付款，明天（1月1日）就能发出');
    expect(renderTemplate('{payShip}', ctx({ now: at(2026, 11, 30, 16, 5) })).text).toBe('现在付款，明天（12月1日）就能发出');
  });
});

describe('a shop’s own reply that names the cut-off as a deadline', () => {
  onComputerZone('UTC');
  const own = '亲，今天{截单时间}前付款的订单{发货日}就能发出～';

  it('is flagged after the cut-off (and at it), never before; its text is left as the shop wrote it', () => {
    const before = renderTemplate(own, ctx({ now: at(2026, 12, 3, 21, 0), cutoff: '22:10' }));
    const atCut = renderTemplate(own, ctx({ now: at(2026, 12, 3, 22, 10), cutoff: '22:10' }));
    const after = renderTemplate(own, ctx({ now: at(2026, 12, 3, 23, 10), cutoff: '22:10' }));
    expect(before.pastCutoff).toBe(false);
    expect(atCut.pastCutoff).toBe(true);
    expect(after.pastCutoff).toBe(true);
    expect(after.text).toBe('亲，今天22:10前付款的订单明天（12月4日）就能发出～');
  });

  it('tells a deadline from the daily rule, which is true at any hour', () => {
    expect(namesCutoffDeadline('今天{截单时间}前付款')).toBe(true);
    expect(namesCutoffDeadline('{cutoff}前付款{发货日}发')).toBe(true);
    expect(namesCutoffDeadline('每天{截单时间}前付款的订单当天发出')).toBe(false);
    expect(namesCutoffDeadline('{截单时间}前付款当天发货，之后的订单次日发出')).toBe(false);
    expect(namesCutoffDeadline('今天{截单时间}前付款当天发出')).toBe(true);
    expect(namesCutoffDeadline('{付款发货}，早付款早收到')).toBe(false);
    const rule = renderTemplate('每天{截单时间}前付款的订单当天发出，您现在付款{发货日}发出', ctx({ now: at(2026, 12, 3, 23, 10) }));
    expect(rule.pastCutoff).toBe(false);
  });
});

describe('a shop’s own reply that writes today’s deadline out as a clock time (QA: 今天16:00前 typed, not {截单时间})', () => {
  onComputerZone('UTC');
  const hm = (m: number | null) => (m === null ? null : `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`);

  it('reads the common ways of writing a time today as that time of the shop’s day', () => {
    const cases: [string, string][] = [
      ['亲，今天16:00前付款当天就给您发出', '16:00'],
      ['今天１６：３０前拍下都能发', '16:30'],
      ['今天16点前付款哦', '16:00'],
      ['今天下午4点前拍下今天发', '16:00'],
      ['今天下午四点半以前付款可以当天走', '16:30'],
      ['当天十六点之前付款的都能发', '16:00'],
      ['今日17时前下单', '17:00'],
      ['今天的17点前', '17:00'],
      ['今晚8点前付款明早第一批发', '20:00'],
      ['今天晚上12点前都可以改', '24:00'],
      ['今天中午12点前付款，下午就发', '12:00'],
      ['今天中午1点前付款', '13:00'],
      ['今天5点前拍好', '17:00'], // an hour written with 点 and no part of the day: the afternoon
      ['{今天}16点前付款当天发', '16:00'],
      ['16点前付款，今天就能给您发出', '16:00'], // no daily-rule word: today's promise
      ['今天上午11点前付款上午发，今天16点前付款下午发', '11:00'], // the earliest deadline it sets
    ];
    for (const [body, want] of cases) expect(hm(todayDeadline(body)), body).toBe(want);
  });

  it('sets no deadline for a span, another day, a time after, or the daily rule', () => {
    for (const body of [
      '付款后48小时内发货',
      '明天10点前给您回复',
      '明天下午4点前发出',
      '今天付款，明天10点前发出', // the time is tomorrow's
      '12月5日16点前会到',
      '周五16点前发货',
      '每天16点前付款当天发出',
      '16点前付款当天发货，之后的次日发', // the daily rule: true at any hour
      '今天16点后付款的明天发',
      '2小时前已经发出了',
      '亲，{付款发货}，早付款早收到',
      '今天{截单时间}前付款当天发出', // the cut-off variable: namesCutoffDeadline's
    ]) expect(todayDeadline(body), body).toBeNull();
  });

  it('is flagged from that minute of the shop’s day (Beijing, on a computer on UTC), never before, its text as written', () => {
    const own = '亲，今天16:00前付款当天发出哦';
    // The shop's cut-off is later: the written time decides, not the setting.
    const c = (h: number, m: number) => ctx({ now: at(2026, 12, 3, h, m), cutoff: '18:00' });
    expect(renderTemplate(own, c(15, 59)).pastCutoff).toBe(false);
    expect(renderTemplate(own, c(16, 0)).pastCutoff).toBe(true);
    expect(renderTemplate(own, c(23, 10)).pastCutoff).toBe(true);
    expect(renderTemplate(own, c(23, 10)).text).toBe(own);
    // Just after Beijing's midnight (16:10 UTC the day before) it is a new day: not past.
    expect(renderTemplate(own, c(0, 10)).pastCutoff).toBe(false);
    expect(renderTemplate('今天下午4点前付款当天发出', c(17, 0)).pastCutoff).toBe(true);
    expect(renderTemplate('明天下午4点前发出', c(17, 0)).pastCutoff).toBe(false);
    expect(renderTemplate('付款后48小时内发货', c(23, 0)).pastCutoff).toBe(false);
  });
});

describe('renderTemplate preview (what a suggestion card shows)', () => {
  it('is the inserted text, with what is still missing marked 【名称】 instead of raw braces', () => {
    const body = '{买家}您好，我是{客服}，建议拍{尺码?}，{付款发货}';
    const c = ctx({ buyer: undefined });
    const inserted = renderTemplate(body, c);
    const shown = renderTemplate(body, c, {}, true);
    expect(shown.text).toBe('【买家】您好，我是小美，建议拍【尺码】，今天16:00前付款，今天（11月23日）就能发出');
    expect(shown.text).not.toMatch(/[{}｛｝]/);
    expect(shown.missing).toEqual(inserted.missing);
    expect(inserted.text.replace('{买家}', '【买家】').replace('{尺码?}', '【尺码】')).toBe(shown.text);
  });
});

describe('renderTemplate before the owner confirmed the cut-off', () => {
  const rule = '亲，每天{截单时间}前付款的订单当天发出，之后付款的第二天发。您现在付款的话，{发货日}就能发出哦～';

  it('promises no time: the cut-off is asked once, and the shipping day waits for it', () => {
    const r = renderTemplate(rule, ctx({ cutoffUnconfirmed: true, now: at(2024, 11, 23, 15, 0) }));
    expect(r.missing).toEqual(['截单时间']);
    expect(r.text).toBe(rule);
    expect(r.text).not.toContain('16:00');
    const card = renderTemplate(rule, ctx({ cutoffUnconfirmed: true, now: at(2024, 11, 23, 15, 0) }), {}, true);
    expect(card.text).toBe('亲，每天【截单时间】前付款的订单当天发出，之后付款的第二天发。您现在付款的话，【发货日】就能发出哦～');
  });

  it('takes the time the agent gives for everything that follows from it', () => {
    // 15:00 is before a 16:00 default but after the shop's real 14:00: tomorrow.
    const r = renderTemplate(rule, ctx({ cutoffUnconfirmed: true, now: at(2024, 11, 23, 15, 0) }), { 截单时间: '14:00' });
    expect(r.missing).toEqual([]);
    expect(r.text).toBe('亲，每天14:00前付款的订单当天发出，之后付款的第二天发。您现在付款的话，明天（11月24日）就能发出哦～');
    // A reply with only {发货日} asks for the cut-off too, which is what the agent can answer.
    expect(renderTemplate('{发货日}发出', ctx({ cutoffUnconfirmed: true })).missing).toEqual(['截单时间']);
    expect(renderTemplate('{付款发货}', ctx({ cutoffUnconfirmed: true, now: at(2024, 11, 23, 13, 0) }), { 截单时间: '14:00' }).text).toBe('今天14:00前付款，今天（11月23日）就能发出');
  });

  it('reads the cut-off as shops write it (下午2点, 14点, 2:30pm, 傍晚5点半); what is not a time fills in no shipping day', () => {
    const shipDay = (typed: string) => renderTemplate('{发货日}发出', ctx({ cutoffUnconfirmed: true, now: at(2024, 11, 23, 15, 0) }), { 截单时间: typed });
    // 15:00: after 14:00 / 14:30, before 17:30.
    for (const typed of ['下午2点', '14点', '2:30pm', '下午两点半']) expect([typed, shipDay(typed).text]).toEqual([typed, '明天（11月24日）发出']);
    expect(shipDay('傍晚5点半').text).toBe('今天（11月23日）发出');
    // Not a time: still asked for, nothing promised.
    expect(shipDay('四点多').missing).toEqual(['截单时间']);
    expect(shipDay('四点多').text).toBe('{发货日}发出');
  });

  it('is the shop’s confirmed cut-off as before once it is confirmed', () => {
    const r = renderTemplate(rule, ctx({ cutoffUnconfirmed: false, now: at(2024, 11, 23, 15, 0) }));
    expect(r.missing).toEqual([]);
    expect(r.text).toContain('每天16:00前付款');
  });
});
