import { describe, expect, it } from 'vitest';
import { applyPatch, LIMITS, newCustomer, tagsOver } from './customer';
import { draftTagsOver, editDraftOf } from './edit';
import { customersFromCsv } from './csv';
import { parseCustomersImport } from './import-export';

const NOW = Date.UTC(2026, 11, 4, 4);
/** A tag of `n` characters, in the agent's own words. */
const tagOf = (n: number, start = '尺码') => (start + '偏大要换小一号的那种款式特别注意').repeat(3).slice(0, n);
const many = (n: number) => Array.from({ length: n }, (_, i) => `标签${i + 1}`);

describe('the tag rule: short labels, never cut', () => {
  it(`allows ${LIMITS.tags} tags of ${LIMITS.tag} characters, and says each tag over and by how much, or how many tags too many`, () => {
    expect(LIMITS).toMatchObject({ tag: 20, tags: 30 });
    expect(tagsOver([tagOf(20), ...many(29)])).toBeNull();
    expect(tagsOver([tagOf(23), 'VIP', tagOf(21, '不要')])).toEqual({ long: [{ tag: tagOf(23), over: 3 }, { tag: tagOf(21, '不要'), over: 1 }], extra: 0 });
    expect(tagsOver(many(32))).toEqual({ long: [], extra: 2 });
    // Measured as stored: spaces around a tag and a repeat (any case) do not count.
    expect(tagsOver([` ${tagOf(20)} `, ...many(28), 'VIP', 'vip', ' 标签1 '])).toBeNull();
  });

  it('stores a tag list as given: no tag cut to 20 characters, no tag after the 30th dropped', () => {
    const c = newCustomer('demo', '小鹿乱撞0521', NOW);
    expect(applyPatch(c, { tags: [tagOf(25)] }, NOW, { maskPii: false }).tags).toEqual([tagOf(25)]);
    expect(applyPatch(c, { tags: many(31) }, NOW, { maskPii: false }).tags).toHaveLength(31);
  });

  it('the edit form says the tags it would save that break the rule, only when the agent changed them', () => {
    const stored = applyPatch(newCustomer('demo', '小鹿乱撞0521', NOW), { tags: ['老客'] }, NOW, { maskPii: false });
    const d = editDraftOf(stored);
    expect(draftTagsOver(stored, d)).toBeNull();
    expect(draftTagsOver(stored, { ...d, tags: `老客，${tagOf(22)}` })).toEqual({ long: [{ tag: tagOf(22), over: 2 }], extra: 0 });
    expect(draftTagsOver(null, { ...d, tags: many(31).join(' ') })).toEqual({ long: [], extra: 1 });
  });

  it('a CSV row breaking it is left out, naming its Excel row, the tag and by how much; the other rows are taken', () => {
    const r = customersFromCsv(`买家,标签\n阿杰,${tagOf(24)}、老客\n米粒妈妈,${many(31).join('；')}\n阿花,${many(61).join('；')}\n星辰大海ing,老客\n`, {
      now: NOW,
      platform: 'taobao',
      maskPii: true,
      zone: 480,
      existing: [],
      locale: 'zh-CN',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.skipped).toEqual([
      { row: 2, reason: `标签“${tagOf(24)}”多了 4 个字（每个标签最多 20 个字）` },
      { row: 4, reason: '标签有 61 个，导入最多收 60 个（上限 30 个的两倍）：请先删掉这位买家的一些标签，留 60 个以内' },
    ]);
    // Over 30 within what joining two records gives (60) is taken whole and said, as the buyer file takes it.
    expect(r.report.over).toEqual([{ row: 3, reason: '标签有 31 个，多了 1 个（最多 30 个）' }]);
    expect(r.customers.map((c) => [c.nickname, c.tags.length])).toEqual([['米粒妈妈', 31], ['星辰大海ing', 1]]);
  });

  it('a buyer file breaking it is refused, naming the entry, the tag and by how much', () => {
    const c = { ...newCustomer('jd', '阿杰', NOW), tags: ['老客', tagOf(21)] };
    const r = parseCustomersImport({ format: 'kefu-customers', version: 2, exportedAt: NOW, customers: [newCustomer('jd', '小红', NOW), c] }, NOW, 'en');
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining(`"${tagOf(21)}" is 1 character too long (at most 20 a tag)`)] });
    expect(r.ok || r.errors[0]).toMatch(/^entry 2 .*阿杰/);
  });
});
