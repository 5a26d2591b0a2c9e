import { describe, expect, it } from 'vitest';
import { panelFollowup } from '../domain/followups';
import { mergeFollowup, mergeNoteLines } from './docs';

describe('mergeNoteLines: a follow-up log appended to on two machines', () => {
  it('keeps the order the lines were written in, whichever side is first', () => {
    const here = '第一次回电，没人接\n第二次回电，说周五再联系';
    const there = '第一次回电，没人接\n第二次回电，说周五再联系\n周五已回电，同意退款';
    const want = ['第一次回电，没人接', '第二次回电，说周五再联系', '周五已回电，同意退款'];
    expect(mergeNoteLines(here, there)).toEqual(want);
    expect(mergeNoteLines(there, here)).toEqual(want);
  });

  it('two machines adding different lines: each line once, the same result both ways', () => {
    const a = '约好明天上午联系\n买家要发票';
    const b = '约好明天上午联系\n买家改了地址';
    expect(mergeNoteLines(a, b)).toEqual(mergeNoteLines(b, a));
    expect(new Set(mergeNoteLines(a, b))).toEqual(new Set(['约好明天上午联系', '买家要发票', '买家改了地址']));
    expect(mergeNoteLines(a, b)[0]).toBe('约好明天上午联系');
  });

  it('is idempotent and empty sides add nothing', () => {
    expect(mergeNoteLines('甲\n乙', '甲\n乙')).toEqual(['甲', '乙']);
    expect(mergeNoteLines(undefined, '甲')).toEqual(['甲']);
    expect(mergeNoteLines('', undefined)).toEqual([]);
  });
});

describe('mergeNoteLines: the same line written more than once is more than one entry', () => {
  const sorted = (lines: string[]) => [...lines].sort();

  it('keeps a line written twice (two unanswered calls) when the other side added a line', () => {
    const here = '打过去没人接\n打过去没人接\n下午回电了';
    const there = '打过去没人接\n打过去没人接\n下午回电了\n买家同意换尺码';
    const want = ['打过去没人接', '打过去没人接', '下午回电了', '买家同意换尺码'];
    expect(mergeNoteLines(here, there)).toEqual(want);
    expect(mergeNoteLines(there, here)).toEqual(want);
  });

  it('keeps a line max(k, m) times: written twice here and three times there is three times', () => {
    const a = '催发货\n催发货\n已加急';
    const b = '催发货\n催发货\n催发货';
    expect(mergeNoteLines(a, b).filter((l) => l === '催发货')).toHaveLength(3);
    expect(mergeNoteLines(a, b).filter((l) => l === '已加急')).toHaveLength(1);
  });

  it('is commutative as a multiset and idempotent with either side', () => {
    const logs = ['未回复\n未回复\n答应周三发', '未回复\n要发票\n未回复\n要发票', '未回复', '', '答应周三发\n答应周三发\n答应周三发\n未回复', '甲\n乙\n甲'];
    for (const a of logs)
      for (const b of logs) {
        const m = mergeNoteLines(a, b);
        expect(sorted(m), `${a} | ${b}`).toEqual(sorted(mergeNoteLines(b, a)));
        expect(mergeNoteLines(m.join('\n'), b), `${a} | ${b}`).toEqual(m);
        expect(mergeNoteLines(m.join('\n'), a), `${a} | ${b}`).toEqual(m);
        expect(mergeNoteLines(b, m.join('\n')), `${a} | ${b}`).toEqual(m);
      }
  });
});

describe('mergeFollowup', () => {
  it('keeps a log in time order when one machine appended to it', () => {
    const now = Date.UTC(2026, 11, 4, 6);
    const base = panelFollowup('inquiry', '小鹿', now, {}, undefined, { platform: 'demo', note: '问了发货时间' });
    const later = { ...base, note: '问了发货时间\n答应今天下午回复' };
    expect(mergeFollowup(base, later).note).toBe('问了发货时间\n答应今天下午回复');
    expect(mergeFollowup(later, base).note).toBe('问了发货时间\n答应今天下午回复');
  });
});
