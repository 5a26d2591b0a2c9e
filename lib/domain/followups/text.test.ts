import { describe, expect, it } from 'vitest';
import { followups as messages, followupsMadeZh, followupsWorker } from '../../i18n/messages/followups';
import { followupsFromOrders, followupsFromRemarkFacts, handoverFollowup, manualFollowup, panelFollowup } from './rules';
import { migrateFollowup } from './migrate';
import { closedReasonText, followupReason, followupTitle, reasonOf, sayFrom, sayIn, workerReasonOf } from './text';
import { snooze } from './view';
import { followupsToCsv } from './csv';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup } from './types';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const now = bj(2026, 12, 3, 15, 0);
const en = sayFrom(messages.en);
const zh = sayFrom(messages.zh);

/** Through storage and back, as the popup receives it. */
const stored = (f: Followup): Followup => migrateFollowup(JSON.parse(JSON.stringify(f)), now);

describe('an item reads in the interface’s language, whichever language it was made in', () => {
  it('a panel item: title and reason in English, and in Chinese', () => {
    const f = stored(panelFollowup('inquiry', 'en_buyer', now, S));
    expect(followupTitle(f, en)).toBe('Asked, not ordered: en_buyer');
    expect(followupReason(f, en)).toBe('Asked but did not order; find out why and follow up');
    expect(followupTitle(f, zh)).toBe('咨询未拍：en_buyer');
    expect(followupReason(f, zh)).toBe('咨询后未下单，了解原因后跟进');
  });

  it('reasons with values keep them (times, amounts)', () => {
    const handover = stored(handoverFollowup({ title: '给买家回电话' }, bj(2026, 12, 3, 15, 0), S));
    expect(followupReason(handover, en)).toBe('Handed from the day to the night shift: the night shift takes it from 20:00, finish by 2026-12-03 23:59');
    expect(followupReason(handover, zh)).toBe('白班交给夜班：夜班 20:00 接班后处理，2026-12-03 23:59 前处理完');
    // One stored before: its own words (its due time was the night shift's start).
    const older = { ...handover, dueAt: bj(2026, 12, 3, 20, 0), why: { key: 'followups.reason.handoverToNight', params: { due: '2026-12-03 20:00' } } };
    expect(followupReason(older, en)).toBe('Handed from the day to the night shift; finish by 2026-12-03 20:00');
    const [refund] = followupsFromRemarkFacts([{ kind: 'refund-pending', orderId: '5001', buyer: '小明', amountYuan: 20 }], [], S, now).upserts;
    expect(followupReason(stored(refund!), en)).toBe('A refund or compensation is still to be paid (¥20.00)');
    // Ordered after yesterday's cut-off, read today before 15:30 (one read ten days later is due before that day's cut-off: rules.test.ts).
    const [late] = followupsFromOrders([{ orderId: '1002', buyer: '小明', status: 'unpaid', createdAt: bj(2026, 12, 2, 17, 14), flag: 'gray', remark: '' }], [], S, now).upserts;
    expect(followupReason(stored(late!), en)).toBe('Unpaid for over 30 min; missed the 16:00 cut-off on 2026-12-02, remind by 2026-12-03 15:30');
  });

  it('a to-do keeps the agent’s words; its reason and an empty title are ours', () => {
    const typed = stored(manualFollowup({ title: '回电话给买家确认尺码', buyer: '米粒妈妈' }, now, S));
    expect(followupTitle(typed, en)).toBe('回电话给买家确认尺码');
    expect(followupReason(typed, en)).toBe('Added by hand');
    const untitled = stored(manualFollowup({ title: '  ' }, now, S));
    expect(untitled.title).toBe('其他待办');
    expect(followupTitle(untitled, en)).toBe('Other');
  });

  it('the buyer’s own card can leave the buyer out of a rule’s title, never out of the agent’s', () => {
    const f = stored(panelFollowup('promised-answer', '京东用户_小满', now, S));
    expect(followupTitle(f, en, false)).toBe('Promised answer');
    expect(followupTitle(f, zh, false)).toBe('承诺答复');
    const typed = stored(manualFollowup({ title: '开好专票后告诉小满', buyer: '京东用户_小满' }, now, S));
    expect(followupTitle(typed, en, false)).toBe('开好专票后告诉小满');
  });

  it('close reasons from the rules read in the interface’s language; the agent’s own stay as written', () => {
    expect(closedReasonText('买家已付款', en)).toBe('Buyer paid');
    expect(closedReasonText('买家已付款', zh)).toBe('买家已付款');
    expect(closedReasonText('买家说不要了', en)).toBe('买家说不要了');
  });
});

describe('items stored before they named their reason', () => {
  // As the previous version stored them: Chinese text only, no `why`.
  const old = (over: Record<string, unknown>) =>
    migrateFollowup({ v: 2, id: 'x', kind: 'unpaid', title: '拍下未付：小明', reason: '', buyer: '小明', createdAt: now, dueAt: now, status: 'open', source: 'order', ...over }, now);

  it('still show their stored text, as before', () => {
    const f = old({ reason: '拍下超过 30 分钟未付款，今天已过 16:00 截单，明天截单前催付' });
    expect(f.why).toBeUndefined();
    expect(followupReason(f, zh)).toBe('拍下超过 30 分钟未付款，今天已过 16:00 截单，明天截单前催付');
    expect(followupReason(f, en)).toBe('拍下超过 30 分钟未付款，今天已过 16:00 截单，明天截单前催付');
  });

  it('a rule’s title and a fixed reason are shown in English too', () => {
    const f = old({ kind: 'inquiry', title: '咨询未拍：en_buyer', buyer: 'en_buyer', reason: '咨询后未下单，了解原因后跟进', source: 'panel' });
    expect(followupTitle(f, en)).toBe('Asked, not ordered: en_buyer');
    expect(followupReason(f, en)).toBe('Asked but did not order; find out why and follow up');
    expect(followupReason(old({ kind: 'manual', title: '打电话', reason: '手动添加', source: 'manual' }), en)).toBe('Added by hand');
  });

  it('a reason key this copy does not know (a newer copy’s) or a damaged one falls back to the stored text', () => {
    expect(followupReason(old({ reason: '新的原因', why: { key: 'followups.reason.fromTheFuture' } }), en)).toBe('新的原因');
    expect(followupReason(old({ reason: '原因', why: { key: 'followups.title', params: { kind: 'x' } } }), en)).toBe('原因');
    expect(followupReason(old({ reason: '原因', why: 'followups.reason.manual' }), en)).toBe('原因');
    expect(followupReason(old({ reason: '原因', why: { key: 'followups.reason.unpaid', params: 'x' } }), en)).toBe('Unpaid for over {minutes} min; remind before the {cutoff} cut-off');
    const kept = old({ why: { key: 'followups.reason.unpaid', params: { minutes: 30, cutoff: '16:00' } } });
    expect(followupReason(kept, en)).toBe('Unpaid for over 30 min; remind before the 16:00 cut-off');
  });

  it('still carry the Chinese text the previous version and exports read', () => {
    const f = stored(panelFollowup('inquiry', 'en_buyer', now, S));
    expect(f).toMatchObject({ title: '咨询未拍：en_buyer', reason: '咨询后未下单，了解原因后跟进' });
    const csv = followupsToCsv([f], now);
    expect(csv).toContain('咨询后未下单，了解原因后跟进');
    expect(followupsToCsv([f], now, 'en')).toContain('Asked but did not order; find out why and follow up');
  });
});

describe('reason messages', () => {
  it('say nothing relative to the day they were written (今天, 明天): they are read days later', () => {
    for (const [key, text] of Object.entries(messages.zh)) if (key.startsWith('followups.reason.')) expect(text, key).not.toMatch(/今天|明天|昨天/);
    for (const [key, text] of Object.entries(messages.en)) if (key.startsWith('followups.reason.')) expect(text, key).not.toMatch(/\b(today|tomorrow|yesterday)\b/i);
  });
});

describe('the worker’s own words (background.js carries only these)', () => {
  it('are part of the one Chinese dictionary, word for word, and no message is in both parts', () => {
    expect(Object.keys(followupsWorker.zh).filter((key) => Object.hasOwn(followupsMadeZh, key))).toEqual([]);
    expect(messages.zh).toEqual({ ...followupsWorker.zh, ...followupsMadeZh });
  });

  it('word an unpaid reminder snoozed past the cut-off as the order rule does, in Chinese and in English', () => {
    const [item] = followupsFromOrders([{ orderId: '1003', buyer: '小明', status: 'unpaid', createdAt: bj(2026, 12, 3, 14, 0), flag: 'gray', remark: '' }], [], S, now).upserts;
    const snoozed = snooze(item!, bj(2026, 12, 3, 17, 0), S);
    expect(snoozed.reason).toBe('拍下超过 30 分钟未付款，已过 2026-12-03 16:00 截单，2026-12-04 15:30 前催付');
    expect(snoozed.reason).toBe(zh(snoozed.why!.key, snoozed.why!.params));
    expect(followupReason(stored(snoozed), en)).toBe('Unpaid for over 30 min; missed the 16:00 cut-off on 2026-12-03, remind by 2026-12-04 15:30');
    expect(workerReasonOf('followups.reason.unpaidOffDay', { minutes: 30, cutoff: '16:00', off: '2026-12-06', due: '2026-12-07 15:30' })).toEqual(
      reasonOf('followups.reason.unpaidOffDay', { minutes: 30, cutoff: '16:00', off: '2026-12-06', due: '2026-12-07 15:30' }),
    );
  });

  it('refuse a handover to someone not on the team in the shop’s language', () => {
    expect(sayIn('zh-CN')('followups.handover.notMember', { person: '小李' })).toBe('“小李”不在本店的团队成员名单里（可能刚被移除）。请重新打开后从名单里选择。');
    expect(sayIn('en')('followups.handover.notMember', { person: '小李' })).toBe('“小李” is not on the shop’s team list (perhaps just removed). Reopen and pick from the list.');
  });
});
