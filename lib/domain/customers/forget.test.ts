import { describe, expect, it } from 'vitest';
import { anonymised, forgetClock, forgetDrafts, forgetFollowups, forgetOverrides, forgetPending, remindedWithout, isBuyersItem, keptAbout, NAME_GONE, picksNaming, type ForgetBuyer } from './forget';
import { followupsFromOrders, handoverFollowup, manualFollowup, panelFollowup } from '../followups/rules';
import { complete } from '../followups/view';
import { fnv1a } from '../hash';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup } from '../followups/types';

const NOW = Date.UTC(2026, 2, 2, 3); // 11:00 Beijing
const PHONE = '13912345678';
const sunny: ForgetBuyer = { platform: 'demo', nickname: '阳光明媚的日子', buyerId: 'u-1001', key: 'demo#u-1001' };
const promised = panelFollowup('promised-answer', '阳光明媚的日子', NOW, S, undefined, { platform: 'demo', buyerId: 'u-1001', note: `回电 ${PHONE}，张晓红`, url: 'http://127.0.0.1/chat?buyer=u-1001', stamp: 'r1' });
const inquiry = panelFollowup('inquiry', '阳光明媚的日子', NOW, S, undefined, { platform: 'demo', buyerId: 'u-1001' });
const unpaid = followupsFromOrders([{ orderId: '4012938475610293847', buyer: '阳光明媚的日子', buyerId: 'u-1001', platform: 'demo', status: 'unpaid', createdAt: NOW - 3_600_000, flag: 'gray', remark: '' }], [], S, NOW).upserts[0]!;
const doneInquiry = complete(panelFollowup('inquiry', '阳光明媚的日子', NOW, S, undefined, { platform: 'demo' }), NOW, '已下单');
const someoneElse = panelFollowup('inquiry', '米粒妈妈', NOW, S, undefined, { platform: 'demo', buyerId: 'u-1002' });
const sameNameElsewhere = panelFollowup('inquiry', '阳光明媚的日子', NOW, S, undefined, { platform: 'pdd', buyerId: '7205118833' });
const todo = manualFollowup({ title: '给阳光明媚的日子回电', stamp: 't1' }, NOW, S);
const handover = handoverFollowup({ title: '晚班：阳光明媚的日子要退款', stamp: 'h1' }, NOW, S);
const list: Followup[] = [promised, inquiry, unpaid, doneInquiry, someoneElse, sameNameElsewhere, todo, handover];

describe('a deleted buyer’s follow-ups', () => {
  it('are the items the buyer’s card lists: same console and id (or name), and not another console’s buyer of that name', () => {
    expect(list.filter((f) => isBuyersItem(f, { buyers: [sunny] })).map((f) => f.id)).toEqual([promised.id, inquiry.id, unpaid.id, doneInquiry.id]);
    expect(isBuyersItem(someoneElse, { all: [] })).toBe(true);
    expect(isBuyersItem(todo, { all: [] })).toBe(false);
  });

  it("are all deleted when the agent says so, done or not; other items only lose the buyer's name from their words", () => {
    const r = forgetFollowups(list, { buyers: [sunny] }, 'delete', NOW);
    expect(r).toMatchObject({ open: 3, done: 1 });
    expect(r.del.sort()).toEqual([promised.id, inquiry.id, unpaid.id, doneInquiry.id].sort());
    expect(r.put.map((f) => [f.id, f.title])).toEqual([
      [todo.id, `给${NAME_GONE}回电`],
      [handover.id, `晚班：${NAME_GONE}要退款`],
    ]);
    expect(JSON.stringify(r.put)).not.toContain('阳光明媚的日子');
  });

  it('keep the open work anonymous when the agent keeps it: the order number stays, the name, id, link and phone go', () => {
    const r = forgetFollowups(list, { buyers: [sunny] }, 'keep', NOW);
    expect(r.del).toContain(doneInquiry.id);
    const kept = r.put.filter((f) => f.kind !== 'manual' && f.kind !== 'handover');
    expect(kept).toHaveLength(3);
    const json = JSON.stringify(kept);
    for (const gone of ['阳光明媚的日子', 'u-1001', PHONE, 'http']) expect(json).not.toContain(gone);
    const order = kept.find((f) => f.kind === 'unpaid')!;
    expect(order).toMatchObject({ id: unpaid.id, orderId: '4012938475610293847', title: '拍下未付', status: 'open', dueAt: unpaid.dueAt });
    // An id that named the buyer is replaced (and the old one deleted).
    const answer = kept.find((f) => f.kind === 'promised-answer')!;
    expect(answer.id).not.toBe(promised.id);
    expect(r.del).toContain(promised.id);
    expect(answer).toMatchObject({ title: '承诺答复', note: '回电 139****5678，张晓红' });
  });

  it('with everyone deleted: every item naming a buyer goes (or is kept anonymous), and every text is masked', () => {
    const withPhone = manualFollowup({ title: `回电 ${PHONE}`, stamp: 't2' }, NOW, S);
    // The names come from the buyers' records (and the items themselves): a to-do naming one loses it.
    const r = forgetFollowups([...list, withPhone], { all: ['Lily'] }, 'delete', NOW);
    expect(r).toMatchObject({ open: 5, done: 1 });
    expect(r.put.map((f) => f.title)).toEqual([`给${NAME_GONE}回电`, `晚班：${NAME_GONE}要退款`, '回电 139****5678']);
    const kept = forgetFollowups(list, { all: [] }, 'keep', NOW);
    expect(kept.put.every((f) => !f.buyer && !f.buyerId)).toBe(true);
    expect(JSON.stringify(kept.put)).not.toContain('米粒妈妈');
  });

  it('deletes an open VIP revisit with its buyer even when open work is kept: a revisit of nobody is no work (it held the re-imported buyers’ daily places)', () => {
    const vip: Followup = { ...inquiry, id: 'vip-revisit:demo#u-1001', kind: 'vip-revisit', title: 'VIP 回访：阳光明媚的日子' };
    const r = forgetFollowups([vip, unpaid], { buyers: [sunny] }, 'keep', NOW);
    expect(r.del).toEqual([vip.id]);
    expect(r.put.map((f) => f.id)).toEqual([unpaid.id]);
    // Counted with what goes, not with the open work the agent is asked about.
    expect(r).toMatchObject({ open: 1, done: 1 });
    const all = forgetFollowups([vip, unpaid], { all: [] }, 'keep', NOW);
    expect(all.put.some((f) => f.kind === 'vip-revisit')).toBe(false);
  });

  it('anonymises a VIP revisit under a new id (its id is the buyer’s key)', () => {
    const vip: Followup = { ...inquiry, id: 'vip-revisit:demo#u-1001', kind: 'vip-revisit', title: 'VIP 回访：阳光明媚的日子' };
    expect(isBuyersItem(vip, { buyers: [{ ...sunny, buyerId: null, nickname: '别的名字' }] })).toBe(true);
    const a = anonymised(vip, NOW, 0);
    expect(a.id).toMatch(/^vip-revisit:gone-/);
    expect(a.title).toBe('VIP 回访');
  });
});

describe('a deleted buyer elsewhere', () => {
  it('forgets learned picks that still hold the name (case aside), none for a masked or one-letter name; everyone’s names when everyone goes', () => {
    const picks = [
      { id: 'a', text: '我是阳光明媚的日子 地址改一下' },
      { id: 'b', text: 'lily 还没发货' },
      { id: 'c', text: '还没发货' },
    ];
    expect(picksNaming(picks, { buyers: [sunny, { platform: 'demo', nickname: 'Lily', key: 'demo:Lily' }] })).toEqual(['a', 'b']);
    expect(picksNaming(picks, { buyers: [{ platform: 'pdd', nickname: 'S*******n', key: 'pdd#1' }, { platform: 'pdd', nickname: '还', key: 'pdd#2' }] })).toEqual([]);
    expect(picksNaming(picks, { all: ['LILY', '米粒妈妈'] })).toEqual(['b']);
  });

  it('全部删除 at shop scale: 200,000 buyers’ names are read without overflowing the stack (100,000 failed in the worker)', () => {
    const everyone = Array.from({ length: 200_000 }, (_, i) => `买家${i}`);
    const picks = [{ id: 'named', text: '买家199999 还没发货' }, { id: 'plain', text: '还没发货' }];
    expect(picksNaming(picks, { all: everyone })).toEqual(['named']);
    const item = manualFollowup({ title: '给买家199999回电', stamp: 't9' }, NOW, S);
    expect(forgetFollowups([item], { all: everyone }, 'keep', NOW).put.map((f) => f.title)).toEqual([`给${NAME_GONE}回电`]);
  });

  it('全部删除 at shop scale: 20,000 buyers with 2,000 open items kept and 2,000 overrides take a moment, not minutes', () => {
    // Each kept item and override rebuilt the deletion’s whole name list (20,000 names × 4,000 times): 151 s on the old code, loaded machine.
    const everyone = Array.from({ length: 20_000 }, (_, i) => `买家${i}`);
    const open = Array.from({ length: 2_000 }, (_, i) => panelFollowup('inquiry', `买家${i * 7}`, NOW, S, undefined, { platform: 'demo', buyerId: `u-${i}`, note: `问买家${i * 7 + 1}的尺码` }));
    const overrides = Array.from({ length: 2_000 }, (_, i) => ({ platform: 'demo', buyer: `买家${i}`, orderId: String(i), text: `remark ${i}`, reason: `买家${i}急要`, problems: [] }));
    const t0 = performance.now();
    const r = forgetFollowups(open, { all: everyone }, 'keep', NOW);
    const o = forgetOverrides(overrides, { all: everyone });
    const ms = performance.now() - t0;
    expect(r.put).toHaveLength(2_000);
    expect(r.put[1]!.note).toBe(`问${NAME_GONE}的尺码`);
    expect(r.put.every((f) => f.buyer === undefined)).toBe(true);
    expect(o.items[5]).toMatchObject({ buyer: '', text: '', reason: `${NAME_GONE}急要` });
    expect(ms).toBeLessThan(3_000);
  });

  it('keeps the remark override log as the order’s record (order, flag, rule, time), without the buyer’s name or the remark quoting their recipient and address', () => {
    const problems = [{ code: 'phone', message: `新电话“${PHONE}0”不是有效的大陆电话` }];
    const items = [
      { platform: 'demo', buyer: '阳光明媚的日子', orderId: '1', text: `改地址 陈冬梅 ${PHONE} 滨江区江南大道8号 小美 12/1`, reason: '阳光明媚的日子急要', problems },
      { platform: 'pdd', buyer: '阳光明媚的日子', orderId: '2', text: '缺货', reason: 'x', problems: [] },
      { platform: 'demo', buyer: '米粒妈妈', orderId: '3', text: `电话 ${PHONE}`, reason: 'y', problems: [] },
    ];
    const r = forgetOverrides(items, { buyers: [sunny] });
    expect(r.changed).toBe(1);
    expect(r.items[0]).toEqual({
      platform: 'demo',
      buyer: '',
      orderId: '1',
      text: '',
      reason: `${NAME_GONE}急要`,
      problems: [{ code: 'phone', message: `新电话“${PHONE}0”不是有效的大陆电话` }],
    });
    expect(r.items.slice(1)).toEqual(items.slice(1));
    expect(forgetOverrides(items, { all: [] }).items.map((o) => o.buyer)).toEqual(['', '', '']);
  });

  it('drops the unsaved drafts typed for the buyer (card notes of any tab, 承诺答复 drafts), and only theirs', () => {
    const promise = (buyer: string, buyerId: string | null) => JSON.stringify({ buyer, buyerId, note: `回电 ${PHONE}` });
    const kept = {
      'kf:note-draft:demo#u-1001': `她电话${PHONE}`,
      'kf:note-draft@7:demo#u-1001': `她电话${PHONE}`,
      'kf:note-draft@7:demo:阳光明媚的日子': '住滨江',
      'kf:note-draft:demo#u-1002': '米粒妈妈的',
      'kf:note-draft:pdd:阳光明媚的日子': '另一个平台的同名买家',
      'kf:promise@7': { o: 'http://127.0.0.1', d: { a: promise('阳光明媚的日子', 'u-1001'), b: promise('米粒妈妈', 'u-1002') } },
      'kf:promise@8': { o: 'http://127.0.0.1', d: { a: promise('阳光明媚的日子', null) } },
      'kf:whole-wait': 'delete',
    };
    const r = forgetDrafts(kept, { buyers: [sunny] });
    expect(r.remove.sort()).toEqual(['kf:note-draft:demo#u-1001', 'kf:note-draft@7:demo#u-1001', 'kf:note-draft@7:demo:阳光明媚的日子', 'kf:promise@8'].sort());
    expect(r.set).toEqual({ 'kf:promise@7': { o: 'http://127.0.0.1', d: { b: promise('米粒妈妈', 'u-1002') } } });
    // A masked name shared by two buyers with ids: only the id's drafts are theirs.
    const masked: ForgetBuyer = { platform: 'pdd', nickname: 'S*******n', buyerId: '1', key: 'pdd#1' };
    expect(forgetDrafts({ 'kf:note-draft:pdd:S*******n': 'x', 'kf:note-draft:pdd#1': 'y' }, { buyers: [masked] }).remove).toEqual(['kf:note-draft:pdd#1']);
    const everyone = forgetDrafts(kept, { all: [] });
    expect(everyone.remove.sort()).toEqual(Object.keys(kept).filter((k) => k !== 'kf:whole-wait').sort());
    expect(everyone.set).toEqual({});
  });

  it('drops the chat suggestion waiting for the buyer', () => {
    const pending = [
      { buyer: '阳光明媚的日子', buyerId: 'u-1001', platform: 'demo' as const, scenario: 'payment', followupId: 'x', expiresAt: NOW },
      { buyer: '米粒妈妈', platform: 'demo' as const, scenario: 'payment', followupId: 'y', expiresAt: NOW },
    ];
    expect(forgetPending(pending, { buyers: [sunny] }).map((p) => p.buyer)).toEqual(['米粒妈妈']);
    expect(forgetPending(pending, { all: [] })).toEqual([]);
  });

  it('drops the 催付 reminders kept for their orders not listed yet, is in their export, and leaves a namesake’s behind a masked name', () => {
    const kept = {
      v: 1,
      list: [
        { platform: 'demo', buyer: '阳光明媚的日子', buyerId: 'u-1001', at: NOW },
        { platform: 'demo', buyer: '米粒妈妈', at: NOW },
        { platform: 'pdd', buyer: 'S*******n', buyerId: '2', at: NOW },
      ],
    };
    expect(remindedWithout(kept, { buyers: [sunny] })).toEqual({ v: 1, list: kept.list.slice(1) });
    const masked: ForgetBuyer = { platform: 'pdd', nickname: 'S*******n', buyerId: '1', key: 'pdd#1' };
    // Nothing of theirs: the record itself (a backup holding none is not rewritten).
    expect(remindedWithout(kept, { buyers: [masked] })).toBe(kept);
    expect(remindedWithout(kept, { all: [] })).toEqual({ v: 1, list: [] });
    expect(remindedWithout(undefined, { all: [] })).toBeUndefined();
    expect(keptAbout({ buyers: [sunny] }, null, [], [], [], kept.list).reminders).toEqual([kept.list[0]]);
    expect(keptAbout({ buyers: [masked] }, null, [], [], [], kept.list).reminders).toEqual([]);
  });
});

describe('forgetClock', () => {
  const log = (conversations: string[]) => ({ v: 1, days: { '2026-03-02': { demo: { conversations, firstMs: conversations.map((_, i) => i * 1000) } } } });
  it("blanks the hashes of a deleted buyer's id and name, keeping every first response and other buyers' hashes", () => {
    const [id, name, other] = ['demo\u0000u-1001', 'demo\u0000阳光明媚的日子', 'demo\u0000u-1002'].map(fnv1a);
    expect(forgetClock(log([id!, other!, name!]), { buyers: [sunny] })).toEqual(log(['', other!, '']));
  });
  it('blanks every hash when everyone is deleted, and leaves what is not a log alone', () => {
    expect(forgetClock(log(['a', 'b']), { all: [] })).toEqual(log(['', '']));
    expect(forgetClock(undefined, { all: [] })).toBeUndefined();
  });
});
