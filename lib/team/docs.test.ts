import { describe, expect, it } from 'vitest';
import { applyRuleResult, complete, followupsFromOrders, followupsFromRemarkFacts, manualFollowup, panelFollowup, reopen, snooze, DEFAULT_FOLLOWUP_SETTINGS as S, type Followup } from '../domain/followups';
import { buyerBody, maskedBuyerBody, mergeBuyerBodies, mergeFollowup, mergeNoteLines, type BuyerBody } from './docs';
import { newCustomer } from '../domain/customers';
import type { RemarkFact } from '../domain/remarks';

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

describe('mergeFollowup: a reopen on one machine and a close on another, made at about the same time', () => {
  /** Beijing wall time on 2026-12-07 as epoch ms. */
  const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 11, 7 + day, h - 8, m);
  const base = manualFollowup({ title: '给王姐回电话', buyer: '王姐' }, bj(9), {});
  const both = (a: Followup, b: Followup) => {
    const ab = mergeFollowup(a, b);
    expect(mergeFollowup(b, a)).toEqual(ab);
    return ab;
  };

  it('a reopen made after the colleague’s close, by the clock, wins; the close made after a reopen wins', () => {
    // Both machines had it done at 10:00. Here the agent finds it is not finished and reopens it at 10:30;
    // meanwhile a colleague had reopened and closed it again at 10:20, a reason of their own.
    const doneBefore = complete(base, bj(10));
    const reopenedHere = reopen(doneBefore, bj(10, 30));
    const closedThere = complete(reopen(doneBefore, bj(10, 15)), bj(10, 20), '已回电');
    expect(both(reopenedHere, closedThere)).toMatchObject({ status: 'open', reopenedAt: bj(10, 30) });
    expect(both(reopenedHere, closedThere).closedAt).toBeUndefined();
    // The colleague's close at 10:40, after the reopen: closed, with their reason.
    const closedLater = complete(reopen(doneBefore, bj(10, 15)), bj(10, 40), '已回电');
    expect(both(reopenedHere, closedLater)).toMatchObject({ status: 'done', closedAt: bj(10, 40), closedReason: '已回电' });
  });

  it('a close with no reopen against it still beats a snooze or an open copy (done over a snooze stands)', () => {
    const closed = complete(base, bj(10));
    expect(both(closed, snooze(base, bj(15)))).toMatchObject({ status: 'done', closedAt: bj(10) });
    expect(both(closed, { ...base, note: '打了没接' })).toMatchObject({ status: 'done', note: '打了没接' });
    // An open copy and a snooze of it: the snooze, as before.
    expect(both({ ...base, note: '打了没接' }, snooze(base, bj(15))).status).toBe('snoozed');
  });

  it('a reopen counts once: a copy that saw it and was snoozed or closed after it is not undone by it', () => {
    const reopened = reopen(complete(base, bj(10)), bj(10, 30));
    // Synced; then one machine adds a note, the other snoozes it.
    expect(both({ ...reopened, note: '买家说下午再联系' }, snooze(reopened, bj(15)))).toMatchObject({ status: 'snoozed', note: '买家说下午再联系' });
    expect(both({ ...reopened, note: '买家说下午再联系' }, complete(reopened, bj(11)))).toMatchObject({ status: 'done', closedAt: bj(11) });
  });

  it('gives one result for three machines’ versions, whatever order they are merged in', () => {
    const doneBefore = complete(base, bj(10));
    const versions = [complete(base, bj(10, 10), '已回电'), reopen(doneBefore, bj(10, 30)), snooze(base, bj(15)), { ...base, note: '打了没接' }];
    const orders = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
    const results = orders.map((o) => JSON.stringify(o.map((i) => versions[i]!).reduce((x, y) => mergeFollowup(x, y))));
    expect(new Set(results).size).toBe(1);
    expect(JSON.parse(results[0]!)).toMatchObject({ status: 'open', reopenedAt: bj(10, 30), note: '打了没接' });
  });

  it('a delay the page brought back on one machine and a colleague’s close of it: closed, and back again counted from that close', () => {
    const paid = bj(10, 0, -3);
    const page = [{ orderId: '2001', buyer: '小明', status: 'paid' as const, createdAt: paid, flag: 'gray' as const, remark: '' }];
    const read = (items: Followup[], now: number) => applyRuleResult(items, followupsFromOrders(page, items, S, now), now);
    // Told the buyer on the 4th; the order is still not shipped on the 7th: both machines' pages bring it back.
    const told = read([], bj(0, 30, -3)).map((f) => complete(f, bj(10, 0, -3), '已告知买家'));
    const [here] = read(told, bj(8, 5));
    expect(here).toMatchObject({ status: 'open' });
    // The colleague calls the buyer at 09:00 and marks it done; the two versions meet.
    const [there] = read(told, bj(7, 55)).map((f) => complete(f, bj(9), '买家同意再等'));
    const merged = both(here!, there!);
    expect(merged).toMatchObject({ status: 'done', closedAt: bj(9), closedReason: '买家同意再等' });
    // The page read again today brings nothing back; three days after the colleague's close it does.
    expect(followupsFromOrders(page, [merged], S, bj(14)).upserts).toEqual([]);
    expect(followupsFromOrders(page, [merged], S, bj(7, 0, 3)).upserts[0]).toMatchObject({ status: 'open', dueAt: bj(8, 0, 3) });
  });
});

describe('mergeFollowup: a purple remark’s new promise and a colleague’s close of the old one', () => {
  const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 11, 7 + day, h - 8, m);
  const promise = (date: string): RemarkFact => ({ kind: 'ship-promised', source: 'purple', orderId: '3001', buyer: '小明', date });
  /** The remark's facts applied to a machine's items: `written` when the agent saved it there (recordRemark), else read from a page. */
  const remark = (items: Followup[], date: string, now: number, written: boolean) => applyRuleResult(items, followupsFromRemarkFacts([promise(date)], items, S, now, written), now);
  const both = (a: Followup, b: Followup) => {
    const ab = mergeFollowup(a, b);
    expect(mergeFollowup(b, a)).toEqual(ab);
    return ab;
  };
  // Both machines hold the purple remark's promise of the 9th, open (synced).
  const synced = remark([], '2026-12-09', bj(9), false);

  it('a new date saved after the colleague marked the old promise done is open right after the merge, due on the new date', () => {
    // The colleague tells the buyer at 10:00 and marks it done; here, not synced yet, the agent saves a new date at 10:30.
    const [there] = synced.map((f) => complete(f, bj(10), '已告知买家'));
    const [here] = remark(synced, '2026-12-10', bj(10, 30), true);
    const merged = both(here!, there!);
    expect(merged).toMatchObject({ status: 'open', dueAt: bj(15, 30, 3), reopenedAt: bj(10, 30) });
    // The item here had been closed already (synced with the colleague's close): the new date opens it alike.
    const [reopenedHere] = remark([there!], '2026-12-10', bj(10, 30), true);
    expect(both(reopenedHere!, there!)).toMatchObject({ status: 'open', dueAt: bj(15, 30, 3) });
  });

  it('a close of the old date made after the new one was saved, on a machine that had not seen it, leaves the new promise open; a close by one that had it wins', () => {
    const [here] = remark(synced, '2026-12-10', bj(10), true);
    const [there] = synced.map((f) => complete(f, bj(10, 30), '已告知买家'));
    expect(both(here!, there!)).toMatchObject({ status: 'open', dueAt: bj(15, 30, 3), promisedAt: bj(10), why: { params: { date: '2026-12-10' } } });
    // Synced first: the colleague closes the new promise itself at 10:30 — closed.
    const closedNew = complete(both(here!, synced[0]!), bj(10, 30), '已告知买家');
    expect(both(here!, closedNew)).toMatchObject({ status: 'done', closedAt: bj(10, 30), dueAt: bj(15, 30, 3) });
    // Three versions (the old promise closed, the new one, the new one closed) in any order: one result.
    const versions = [there!, here!, closedNew];
    const results = [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]].map((o) => JSON.stringify(o.map((i) => versions[i]!).reduce((x, y) => mergeFollowup(x, y))));
    expect(new Set(results).size).toBe(1);
    expect(JSON.parse(results[0]!)).toMatchObject({ status: 'done', closedAt: bj(10, 30), dueAt: bj(15, 30, 3) });
  });

  it('a promise only read from a page, or saved again unchanged, adds no time', () => {
    // Read on a list at 10:30: when it was written is not known, the colleague's close stands until the remark's next read.
    const [seen] = remark(synced, '2026-12-10', bj(10, 30), false);
    expect(seen!.reopenedAt).toBeUndefined();
    const [closed] = synced.map((f) => complete(f, bj(10), '已告知买家'));
    expect(both(seen!, closed!)).toMatchObject({ status: 'done' });
    // The same date saved again is no new promise: the item is left as it was.
    expect(followupsFromRemarkFacts([promise('2026-12-09')], synced, S, bj(11), true).upserts).toEqual([]);
  });
});

describe('mergeFollowup: the check before a far-off promise, closed on one machine while the other reads the remark again', () => {
  const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 11, 7 + day, h - 8, m);
  const fact: RemarkFact = { kind: 'ship-promised', source: 'purple', orderId: '5001', buyer: '小鹿', date: '2026-12-21' };
  const page = [{ orderId: '5001', buyer: '小鹿', status: 'paid' as const, createdAt: bj(10, 0, -2), flag: 'purple' as const, remark: '' }];
  /** One machine's order page read at `now`: the remark's facts, then the list's row, applied. */
  const visit = (items: Followup[], now: number, written = false) => {
    const seen = applyRuleResult(items, followupsFromRemarkFacts([fact], items, S, now, written), now);
    return applyRuleResult(seen, followupsFromOrders(page, seen, S, now), now);
  };
  const both = (a: Followup, b: Followup) => {
    const ab = mergeFollowup(a, b);
    expect(mergeFollowup(b, a)).toEqual(ab);
    expect(mergeFollowup(ab, a)).toEqual(ab);
    expect(mergeFollowup(ab, b)).toEqual(ab);
    return ab;
  };
  // Both machines hold the check of the remark read on the 7th (synced): due the 10th, 08:00.
  const [synced] = visit([], bj(10));

  it('the close stands on both machines; the other machine’s reads neither move nor reopen it; both bring it back alike three days on', () => {
    expect(synced).toMatchObject({ status: 'open', dueAt: bj(8, 0, 3), why: { key: 'followups.reason.delayCheck' } });
    // A checks the stock at 09:00 on the 10th and marks it done. B, not synced, opens the order page at 09:30 and at 14:00: nothing to write.
    const there = complete(synced!, bj(9, 0, 3), '厂家说下周到');
    expect(visit([synced!], bj(9, 30, 3))).toEqual([synced]);
    expect(visit([synced!], bj(14, 0, 3))).toEqual([synced]);
    // B adds a note meanwhile: the versions meet.
    const here: Followup = { ...synced!, note: '买家问能不能先发一件' };
    const merged = both(here, there);
    expect(merged).toMatchObject({ status: 'done', closedAt: bj(9, 0, 3), closedReason: '厂家说下周到', note: '买家问能不能先发一件' });
    // Either machine's reads before the 13th change nothing; on the 13th both bring back the same item.
    for (const d of [3, 4, 5]) expect(visit([merged], bj(15, 0, d))).toEqual([merged]);
    const [backA] = visit([merged], bj(7, 30, 6));
    const [backB] = visit([merged], bj(7, 45, 6));
    expect(backA).toEqual(backB);
    // Read after 08:00 on one machine it is due by the shift's end there: the two open versions merge to one, either way.
    const [later] = visit([merged], bj(9, 0, 6));
    expect(both(backA!, later!)).toMatchObject({ status: 'open', why: { key: 'followups.reason.delayCheckAgain' } });
    expect(backA).toMatchObject({ status: 'open', dueAt: bj(8, 0, 6), note: '买家问能不能先发一件', why: { key: 'followups.reason.delayCheckAgain', params: { date: '2026-12-21', done: '2026-12-10' } } });
    // A stale copy of the close against the check brought back: the close (a rule's reopen sets no time), and the next read brings it back again.
    expect(both(backA!, there).status).toBe('done');
    // Three versions, any order: one result.
    const versions = [here, there, backA!];
    const results = [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]].map((o) => JSON.stringify(o.map((i) => versions[i]!).reduce((x, y) => mergeFollowup(x, y))));
    expect(new Set(results).size).toBe(1);
  });

  it('a new far date saved on one machine while the other closes the check of the old one: the new date’s check, open on both', () => {
    const there = complete(synced!, bj(9, 0, 3), '厂家说下周到');
    const [here] = applyRuleResult([synced!], followupsFromRemarkFacts([{ ...fact, date: '2026-12-28' }], [synced!], S, bj(8, 30, 3), true), bj(8, 30, 3));
    expect(both(here!, there)).toMatchObject({ status: 'open', dueAt: bj(8, 0, 6), promisedAt: bj(8, 30, 3), why: { key: 'followups.reason.delayCheck', params: { date: '2026-12-28' } } });
  });
});

describe('maskedBuyerBody: the texts a merge replaced (clash) go masked with the profile', () => {
  const T0 = Date.UTC(2026, 11, 4, 2, 0);
  const DOOR = '文三路88号3幢201室';
  const MASKED = '文三路**号*幢***室';
  /** A version of one buyer whose note was written at `at`. */
  const version = (note: string, at: number): BuyerBody => {
    const c = newCustomer('demo', '楼下的猫', T0);
    return buyerBody({ ...c, note, updatedAt: at, fieldAt: { note: at } });
  };
  const base = version('', T0);
  // Two machines of an older version wrote the note at the same time as each other; the later wins.
  const merged = mergeBuyerBodies([version(`改寄 ${DOOR}`, T0 + 1000), version(`电话 13987654321，改寄 ${DOOR}`, T0 + 2000)], base);

  it('keeps no door or phone of the replaced text, and the entry still names the same text and time', () => {
    expect(merged.clash?.note).toEqual([{ text: `改寄 ${DOOR}`, at: T0 + 1000 }]);
    const m = maskedBuyerBody(merged);
    expect(JSON.stringify(m)).not.toMatch(/88号|201室|13987654321/);
    expect(m.clash?.note).toEqual([{ text: `改寄 ${MASKED}`, at: T0 + 1000 }]);
    expect(m.customer.note).not.toContain('13987654321');
  });

  it('texts equal once masked are one entry; one that masks to the field’s own value is none; masking again changes nothing', () => {
    const m = maskedBuyerBody({
      ...merged,
      clash: {
        note: [
          { text: `改寄 ${DOOR}`, at: T0 + 1000 },
          { text: `改寄 ${MASKED}`, at: T0 + 1000 },
          // The field's own text at its own time, in clear (an older version's copy of it).
          { text: merged.customer.note, at: T0 + 2000 },
        ],
      },
    });
    expect(m.clash).toEqual({ note: [{ text: `改寄 ${MASKED}`, at: T0 + 1000 }] });
    expect(maskedBuyerBody(m)).toEqual(m);
    // A merge of the masked profile with another masked copy of it records nothing new.
    expect(mergeBuyerBodies([m, maskedBuyerBody(merged)])).toEqual(m);
  });
});
