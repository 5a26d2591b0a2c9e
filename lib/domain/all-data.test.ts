import { describe, expect, it } from 'vitest';
import { countAreas, joinFollowupNotes, mergeClock, mergeOverrides, mergeUsage, readAllData, type Here } from './all-data';
import { newCustomer } from './customers/customer';
import { exportCustomers } from './customers/import-export';
import { manualFollowup } from './followups/rules';
import { DEFAULT_FOLLOWUP_SETTINGS } from './followups/types';
import type { RemarkOverride } from '../storage/rules';
import { REMINDED_MAX, importedReminders, type RemindedFact } from './followups/reminded';

const NOW = Date.UTC(2026, 2, 2, 3);
const override = (at: number, orderId: string): RemarkOverride => ({ at, platform: 'demo', orderId, buyer: '小鹿', flag: 'red', agent: '小美', reason: '急', problems: [{ code: 'agent', message: '缺少经办人' }], text: '已核对可发货 小美 12/3' });
const HOUR = 3_600_000;
const reminded = (buyer: string, at: number, buyerId?: string): RemindedFact => ({ platform: 'demo', buyer, ...(buyerId ? { buyerId } : {}), at });
const todo = manualFollowup({ title: '回电', stamp: 'a' }, NOW, DEFAULT_FOLLOWUP_SETTINGS);

function file(over: Record<string, unknown> = {}) {
  return {
    format: 'kefu-all-data',
    version: 1,
    exportedAt: NOW,
    library: { format: 'kefu-library', version: 1, groups: [], templates: [] },
    customers: JSON.parse(exportCustomers([newCustomer('demo', '小鹿', NOW, 'u-1')], NOW)),
    buyerNames: { v: 1, entries: [['demo:小鹿', { v: 1, ids: ['u-1'] }], ['demo#u-1', { v: 1, notSame: ['demo:S*n'] }]] },
    followups: { v: 2, items: [todo] },
    learned: { kind: 'kf-learned', v: 1, exportedAt: NOW, picks: [{ id: 'p1', at: NOW, text: '还没发货', scenario: 'address-change', templateId: null, source: 'chip' }] },
    settings: { v: 1, shop: { agentName: '小美' } },
    usage: { v: 1, templates: { hi: { count: 3, lastUsed: NOW, byScenario: { greeting: 3 } } } },
    replyClock: { v: 1, days: { '2026-03-01': { demo: { conversations: ['h1'], firstMs: [40_000] } } } },
    remarkOverrides: { v: 1, items: [override(1, 'o1')] },
    reminded: { v: 1, list: [reminded('小鹿', NOW - HOUR, 'u-1')] },
    ...over,
  };
}

describe('导入全部数据: reading the file', () => {
  it('reads every section of a file written by 导出全部数据', () => {
    const r = readAllData(file(), 'zh-CN', NOW);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.data.customers!.map((c) => c.key)).toEqual(['demo#u-1']);
    expect(r.data.followups!.map((f) => f.id)).toEqual([todo.id]);
    expect(r.data.learned!.map((p) => p.id)).toEqual(['p1']);
    expect(r.data.buyerNames).toHaveLength(2);
    expect(r.data.usage!.templates.hi!.count).toBe(3);
    expect(Object.keys(r.data.replyClock!.days)).toEqual(['2026-03-01']);
    expect(r.data.remarkOverrides).toEqual([override(1, 'o1')]);
    expect(r.data.settings).toEqual({ v: 1, shop: { agentName: '小美' } });
    expect(r.data.reminded).toEqual([reminded('小鹿', NOW - HOUR, 'u-1')]);
  });

  it('keeps the 催付 reminders still inside their 24 h, dropping older ones without a word, names normalised as the worker keeps them', () => {
    const list = [reminded('过期的', NOW - 25 * HOUR), reminded('  小鹿 ', NOW - 23 * HOUR, ' u-1 '), reminded('刚催', NOW - 60_000), reminded('将来', NOW + 2 * HOUR)];
    const r = readAllData(file({ reminded: { v: 1, list } }), 'zh-CN', NOW);
    expect(r.ok ? r.data.reminded : r.errors).toEqual([reminded('小鹿', NOW - 23 * HOUR, 'u-1'), reminded('刚催', NOW - 60_000)]);
    // An older file without the section: the reminders here are left as they are.
    const { reminded: _, ...older } = file();
    const o = readAllData(older, 'zh-CN', NOW);
    expect(o.ok && 'reminded' in o.data).toBe(false);
  });

  it('refuses a file with a malformed 催付 reminder as any damaged part, naming the entry, in the shop’s language', () => {
    const bad = [
      reminded('小鹿', NOW - HOUR),
      { platform: 'demo', buyer: '小鹿', at: '一小时前' },
      { platform: 'ebay', buyer: '小鹿', at: NOW },
      { platform: 'demo', buyer: '   ', at: NOW },
      { platform: 'demo', buyer: '小鹿', buyerId: 7, at: NOW },
      // Malformed and expired: still named (the file was damaged, whatever its age).
      { platform: 'demo', at: NOW - 30 * HOUR },
    ];
    const zh = readAllData(file({ reminded: { v: 1, list: bad } }), 'zh-CN', NOW);
    expect(zh).toEqual({ ok: false, errors: [2, 3, 4, 5, 6].map((n) => `「催付记录」第 ${n} 条不完整或已损坏`) });
    expect(readAllData(file({ reminded: { v: 1, list: bad } }), 'en', NOW)).toMatchObject({ ok: false, errors: expect.arrayContaining(['“payment reminders” entry 2 is incomplete or damaged']) });
    expect(readAllData(file({ reminded: [reminded('小鹿', NOW)] }), 'zh-CN', NOW)).toEqual({ ok: false, errors: ['「催付记录」部分已损坏（文件可能被改动过）'] });
    expect(readAllData(file({ reminded: { v: 1 } }), 'zh-CN', NOW)).toEqual({ ok: false, errors: ['「催付记录」部分已损坏（文件可能被改动过）'] });
  });

  it('masks the learned picks it reads while the shop masks, as a pick made here is stored', () => {
    const picks = [{ id: 'p1', at: NOW, text: '换号了 13912345678 发货了吗', scenario: 'tracking', templateId: null, source: 'chip' }];
    const how = (maskPii: boolean) => ({ shop: { locale: 'zh-CN' as const }, privacy: { maskPii } });
    const read = (maskPii: boolean) => {
      const r = readAllData(file({ learned: { kind: 'kf-learned', v: 1, exportedAt: NOW, picks } }), how(maskPii), NOW);
      return r.ok ? r.data.learned!.map((p) => p.text) : r.errors;
    };
    expect(read(true)).toEqual(['换号了 发货了吗']);
    expect(read(false)).toEqual(['换号了 13912345678 发货了吗']);
  });

  it('takes a file without some sections: those areas are left as they are', () => {
    const r = readAllData({ format: 'kefu-all-data', version: 1, followups: { v: 2, items: [] } }, 'zh-CN', NOW);
    expect(r).toEqual({ ok: true, data: { exportedAt: 0, followups: [] } });
  });

  it('refuses another kind of file, and a newer one, saying what to do', () => {
    expect(readAllData({ format: 'kefu-library', version: 1 }, 'zh-CN', NOW)).toEqual({ ok: false, errors: [expect.stringMatching(/^这不是「全部数据」导出文件/)] });
    expect(readAllData('x', 'en', NOW)).toEqual({ ok: false, errors: [expect.stringMatching(/^This is not an “all data” export/)] });
    expect(readAllData(file({ version: 2 }), 'zh-CN', NOW)).toEqual({ ok: false, errors: ['文件版本 2 来自更新版本的插件，请先升级插件。'] });
  });

  it('refuses a damaged file whole, naming each section and entry, in the shop’s language', () => {
    const bad = file({
      followups: { v: 2, items: [todo, { id: 'x', kind: 'nonsense' }] },
      usage: { v: 1, templates: { hi: { count: 'many' } } },
      remarkOverrides: { v: 1, items: [override(1, 'o1'), { at: 'yesterday' }] },
      buyerNames: { v: 1, entries: [['k', { v: 1, ids: [1] }]] },
      settings: 'dark mode',
      customers: { format: 'kefu-customers', version: 2, exportedAt: 1, customers: [{ v: 2, nickname: '' }] },
    });
    const zh = readAllData(bad, 'zh-CN', NOW);
    expect(zh.ok).toBe(false);
    const errors = !zh.ok ? zh.errors : [];
    expect(errors).toEqual(
      expect.arrayContaining([
        '「跟进」第 2 条不完整或已损坏',
        '「使用统计」部分已损坏（文件可能被改动过）',
        '「备注例外记录」第 2 条不完整或已损坏',
        '「买家身份记录」第 1 条不完整或已损坏',
        '「设置」部分已损坏（文件可能被改动过）',
        expect.stringMatching(/^客户档案：第 1 条/),
      ]),
    );
    const en = readAllData(bad, 'en', NOW);
    expect(!en.ok && en.errors).toContain('“follow-ups” entry 2 is incomplete or damaged');
  });
});

describe('导入全部数据: counting and merging', () => {
  const here: Here = {
    customers: ['demo#u-1', 'demo:老王'],
    buyerNames: [],
    followups: [],
    learned: ['p1'],
    remarkOverrides: [override(1, 'o1'), override(2, 'o2')],
    usage: { v: 1, templates: {} },
    replyClock: { v: 1, days: {} },
    reminded: [reminded('小鹿', NOW - HOUR, 'u-1'), reminded('老王', NOW - 2 * HOUR)],
  };

  it('counts per area what is in the file, what is here and what of the file is not here yet', () => {
    const r = readAllData(file(), 'zh-CN', NOW);
    if (!r.ok) throw new Error('unreadable');
    expect(countAreas(r.data, here)).toEqual({
      customers: { file: 1, here: 2, fresh: 0 },
      followups: { file: 1, here: 0, fresh: 1 },
      learned: { file: 1, here: 1, fresh: 0 },
      remarkOverrides: { file: 1, here: 2, fresh: 0 },
      usage: { file: 1, here: 0, fresh: 1 },
      replyClock: { file: 1, here: 0, fresh: 1 },
      buyerNames: { file: 2, here: 0, fresh: 2 },
      reminded: { file: 1, here: 2, fresh: 0 },
    });
  });

  it('merges usage by the larger count (a file imported twice counts nothing twice)', () => {
    const a = { v: 1 as const, templates: { hi: { count: 5, lastUsed: 10, byScenario: { greeting: 5 } } } };
    const b = { v: 1 as const, templates: { hi: { count: 3, lastUsed: 20, byScenario: { greeting: 2, thanks: 1 } }, bye: { count: 1, lastUsed: 5, byScenario: {} } } };
    const m = mergeUsage(a, b);
    expect({ ...m.templates }).toEqual({ hi: { count: 5, lastUsed: 20, byScenario: { greeting: 5, thanks: 1 } }, bye: { count: 1, lastUsed: 5, byScenario: {} } });
    expect({ ...mergeUsage(m, b).templates }).toEqual({ ...m.templates });
  });

  it('keeps the days the clock recorded here, adding the others; and the override log oldest first, each once, the newest kept', () => {
    const day = (ms: number) => ({ demo: { conversations: ['h'], firstMs: [ms] } });
    expect(mergeClock({ v: 1, days: { '2026-03-01': day(1) } }, { v: 1, days: { '2026-03-01': day(2), '2026-02-28': day(3) } })).toEqual({
      v: 1,
      days: { '2026-03-01': day(1), '2026-02-28': day(3) },
    });
    expect(mergeOverrides([override(1, 'a'), override(3, 'c')], [override(2, 'b'), override(3, 'c')], 10).map((o) => o.orderId)).toEqual(['a', 'b', 'c']);
    expect(mergeOverrides([override(1, 'a'), override(3, 'c')], [override(2, 'b')], 2).map((o) => o.orderId)).toEqual(['b', 'c']);
  });
});

describe('导入全部数据: the 催付 reminders kept 24 h', () => {
  const a = reminded('小鹿', NOW - 3 * HOUR, 'u-1');
  const b = reminded('老王', NOW - 2 * HOUR);
  const c = reminded('小鹿', NOW - HOUR, 'u-1');

  it('merged: those here and the file’s, each once, oldest first; those here that expired meanwhile go', () => {
    const expired = reminded('旧的', NOW - 30 * HOUR);
    expect(importedReminders({ v: 1, list: [expired, a, c] }, [b, c], NOW, true)).toEqual({ v: 1, list: [a, b, c] });
    // Imported again: nothing changes.
    expect(importedReminders({ v: 1, list: [a, b, c] }, [b, c], NOW, true)).toEqual({ v: 1, list: [a, b, c] });
    // Nothing here yet (or something else stored there).
    expect(importedReminders(undefined, [c, b], NOW, true)).toEqual({ v: 1, list: [b, c] });
    expect(importedReminders('junk', [b], NOW, true)).toEqual({ v: 1, list: [b] });
  });

  it('replacing: the file’s alone', () => {
    expect(importedReminders({ v: 1, list: [a] }, [b], NOW, false)).toEqual({ v: 1, list: [b] });
  });

  it('keeps the newest 300 when the two together hold more', () => {
    const many = (buyer: string, n: number, from: number) => Array.from({ length: n }, (_, i) => reminded(`${buyer}${i}`, from + i * 1000));
    const here = many('本机', 200, NOW - 10 * HOUR);
    const theirs = many('文件', 200, NOW - 5 * HOUR);
    const out = importedReminders({ v: 1, list: here }, theirs, NOW, true).list;
    expect(out).toHaveLength(REMINDED_MAX);
    expect(out).toEqual([...here.slice(100), ...theirs]);
  });
});

describe('导入全部数据 (合并): a follow-up here and in the file', () => {
  const here = { ...todo, note: '第一次：没人接\n本机：改约周六' };
  const theirs = { ...todo, status: 'done' as const, note: '第一次：没人接\n对方：要专票' };
  const other = manualFollowup({ title: '回访', stamp: 'b' }, NOW, DEFAULT_FOLLOWUP_SETTINGS);

  it('joins the file’s note lines onto the item here, keeping everything else of it, and adds the items not here', () => {
    const r = joinFollowupNotes([here], [theirs, other]);
    expect(r.joined).toBe(1);
    expect(r.over).toEqual([]);
    expect(r.put).toEqual([{ ...here, note: '第一次：没人接\n本机：改约周六\n对方：要专票' }, other]);
  });

  it('changes nothing when the file has no line the item lacks (the same file imported again)', () => {
    const once = joinFollowupNotes([here], [theirs]).put[0]!;
    expect(joinFollowupNotes([once], [theirs])).toEqual({ put: [], joined: 0, over: [] });
    expect(joinFollowupNotes([here], [{ ...todo, note: '本机：改约周六' }])).toEqual({ put: [], joined: 0, over: [] });
  });

  it('keeps a line the item here has twice (two calls logged) when it joins the file’s lines, and a line the file has more often', () => {
    const twice = { ...todo, note: '电话没人接\n电话没人接\n晚上回电了' };
    const file = { ...todo, note: '电话没人接\n电话没人接\n晚上回电了\n对方：同意换货' };
    expect(joinFollowupNotes([twice], [file]).put[0]!.note).toBe('电话没人接\n电话没人接\n晚上回电了\n对方：同意换货');
    const once = { ...todo, note: '电话没人接\n晚上回电了' };
    expect(joinFollowupNotes([once], [twice]).put.map((f) => f.note)).toEqual(['电话没人接\n电话没人接\n晚上回电了']);
    expect(joinFollowupNotes([twice], [once])).toEqual({ put: [], joined: 0, over: [] });
  });

  it('with masking on, a line here in clear and the file’s masked copy of it are one line, kept masked', () => {
    const clear = { ...todo, note: '回访 13812345678 没接\n下午再打' };
    const file = { ...todo, note: '回访 138****5678 没接\n下午再打\n对方：改成周五送' };
    const r = joinFollowupNotes([clear], [file], true);
    expect(r.joined).toBe(1);
    expect(r.put.map((f) => f.note)).toEqual(['回访 138****5678 没接\n下午再打\n对方：改成周五送']);
    // Nothing new in the file: still one line, masked, as it is stored now; imported again, nothing changes.
    const same = joinFollowupNotes([clear], [{ ...todo, note: '回访 138****5678 没接\n下午再打' }], true);
    expect(same).toEqual({ put: [{ ...clear, note: '回访 138****5678 没接\n下午再打' }], joined: 0, over: [] });
    expect(joinFollowupNotes(same.put, [file], true).put.map((f) => f.note)).toEqual(['回访 138****5678 没接\n下午再打\n对方：改成周五送']);
    expect(joinFollowupNotes(r.put, [file], true)).toEqual({ put: [], joined: 0, over: [] });
  });

  it('with masking off, the lines are compared as they are', () => {
    const clear = { ...todo, note: '回访 13812345678 没接' };
    expect(joinFollowupNotes([clear], [{ ...todo, note: '回访 138****5678 没接' }]).put.map((f) => f.note)).toEqual(['回访 13812345678 没接\n回访 138****5678 没接']);
  });

  it('names an item whose joined notes would pass 5,000 characters and leaves it as it is', () => {
    const full = { ...todo, note: 'x'.repeat(4990) };
    const r = joinFollowupNotes([full], [{ ...todo, note: `${full.note}\n对方：买家同意先退一半再等验货` }]);
    expect(r.put).toEqual([]);
    expect(r.over).toEqual([{ item: { id: todo.id, kind: todo.kind, title: todo.title, buyer: todo.buyer, buyerId: todo.buyerId }, lines: 1, length: 4990 + 1 + 15 }]);
  });
});
