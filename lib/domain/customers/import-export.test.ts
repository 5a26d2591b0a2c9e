import { describe, expect, it } from 'vitest';
import { applyPatch, appendEvent, makeEvent, newCustomer } from './customer';
import { exportCustomers, IMPORT_MAX, joinImported, parseCustomersImport } from './import-export';

const NOW = Date.UTC(2026, 5, 1);
const a = appendEvent(
  applyPatch(newCustomer('taobao', '小明', NOW), { tags: ['VIP'], sizes: { heightCm: 165 } }, NOW, { maskPii: false }),
  makeEvent('note', NOW, '问了尺码'),
);
const b = newCustomer('jd', '小红', NOW);
const masking = (maskPii: boolean) => ({ shop: { locale: 'zh-CN' as const }, privacy: { maskPii } });

function file(customers: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'kefu-customers', version: 1, exportedAt: NOW, customers, ...extra });
}

describe('exportCustomers / parseCustomersImport', () => {
  it('masks phones and e-mails as a save masks them when the shop masks, and leaves the text as written when it does not', () => {
    const clear = appendEvent(
      applyPatch(newCustomer('demo', '阿杰', NOW), { note: '电话13812345678 邮箱qianqi@qq.com', preferences: '备用 13900001111', addressNote: '寄给 wuwu@163.com', tags: ['mimi@qq.com'] }, NOW, { maskPii: false }),
      makeEvent('note', NOW, '回电 13712345678'),
    );
    const r = parseCustomersImport(exportCustomers([clear], NOW), NOW, masking(true));
    expect(r.ok && r.customers.map((c) => [c.note, c.preferences, c.addressNote, c.tags, c.history.map((e) => e.text)])).toEqual([
      ['电话138****5678 邮箱qi***@qq.com', '备用 139****1111', '寄给 wu***@163.com', ['mi***@qq.com'], ['回电 137****5678']],
    ]);
    // Masked twice is masked once: the shop's own export comes back unchanged.
    const again = parseCustomersImport(exportCustomers(r.ok ? r.customers : [], NOW), NOW, masking(true));
    expect(again.ok && again.customers).toEqual(r.ok && r.customers);
    expect(parseCustomersImport(exportCustomers([clear], NOW), NOW, masking(false))).toMatchObject({ ok: true, customers: [{ note: clear.note }] });
  });

  it('round-trips an export', () => {
    const json = exportCustomers([a, b], NOW);
    expect(JSON.parse(json)).toMatchObject({ format: 'kefu-customers', version: 2, exportedAt: NOW });
    const parsed = parseCustomersImport(json, NOW + 1);
    expect(parsed).toEqual({ ok: true, customers: [b, a], over: [] });
  });

  it('imports back an export of a 100 000-buyer store, and refuses a file over the cap unread', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => newCustomer('demo', `买家${i}`, NOW));
    const parsed = parseCustomersImport(exportCustomers(many, NOW), NOW);
    expect(parsed.ok && parsed.customers.length).toBe(100_000);
    const over = parseCustomersImport({ format: 'kefu-customers', version: 1, exportedAt: NOW, customers: new Array(IMPORT_MAX + 1).fill(0) }, NOW);
    expect(over.ok).toBe(false);
    // A size test, not a timing test: the shared 2-core machine can take longer than vitest's 5 s default.
  }, 60_000);

  it('accepts a file saved with a UTF-8 BOM', () => {
    expect(parseCustomersImport(`\uFEFF${file([b])}`, NOW).ok).toBe(true);
  });

  it('rejects a cut-off file, saying in Chinese what likely happened and that nothing changed', () => {
    const cut = file([a, b]).slice(0, -40);
    const res = parseCustomersImport(cut, NOW);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatch(/^文件不是有效的 JSON：可能.*被截断.*导出的客户文件。$/);
    expect(res.errors[0]!.replace('JSON', '')).not.toMatch(/[A-Za-z]/);
    expect(parseCustomersImport(cut, NOW, 'en')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^The file is not valid JSON: it may have been cut off.*exported by this extension\.$/)] });
  });

  it('rejects another kind of file and another file version', () => {
    const other = parseCustomersImport(JSON.stringify({ format: 'kefu-templates', version: 1, templates: [] }), NOW);
    expect(other.ok).toBe(false);
    expect(other).toEqual({ ok: false, errors: ['这不是客户档案的导出文件：请选择在“客户档案”页用“导出全部客户”保存的文件（文件名类似 kefu-customers-20261203.json）'] });
    expect(parseCustomersImport(file([], { version: 0 }), NOW)).toEqual({ ok: false, errors: ['文件版本 0 无法识别（本插件读取版本 2），文件可能被改动过'] });
    expect(parseCustomersImport(file([], { version: 0 }), NOW, 'en')).toEqual({ ok: false, errors: ['File version 0 is not one this extension knows (this one reads version 2); the file may have been edited'] });
  });

  it('says a file from a newer version of the extension needs an update, in the words of every import', () => {
    expect(parseCustomersImport(file([], { version: 3 }), NOW)).toEqual({ ok: false, errors: ['文件版本 3 来自更新版本的插件（本插件读取版本 2），请先升级插件'] });
    expect(parseCustomersImport(file([], { version: 3 }), NOW, 'en')).toEqual({
      ok: false,
      errors: ['File version 3 comes from a newer version of the extension (this one reads version 2); update the extension first'],
    });
    // Never the old 不支持的文件版本：3.
    expect(JSON.stringify(parseCustomersImport(file([], { version: 3 }), NOW))).not.toContain('不支持');
  });

  it('lists every problem of every entry, naming the entry by number (from 1) and nickname, history entries from 1 too', () => {
    const bad = [
      a,
      { ...b, platform: 'ebay' },
      { ...a, key: 'taobao:小明2', nickname: '小明2', sizes: { heightCm: 1650 }, history: [{ id: 1 }] },
      { v: 1, platform: 'jd' },
    ];
    const res = parseCustomersImport(file(bad), NOW);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual([
      '第 2 条「小红」：平台无效：ebay',
      '第 3 条「小明2」：尺码 heightCm 不是合理的数值',
      '第 3 条「小明2」：第 1 条历史记录无效',
      '第 4 条：缺少昵称',
    ]);
    // The shop's interface in English: the same list in English only.
    expect(parseCustomersImport(file(bad), NOW, 'en')).toEqual({
      ok: false,
      errors: [
        'entry 2 "小红": unknown platform: ebay',
        'entry 3 "小明2": sizes.heightCm is not a plausible number',
        'entry 3 "小明2": history entry 1 is invalid',
        'entry 4: missing nickname',
      ],
    });
  });

  it('rejects the same customer twice in one file', () => {
    const res = parseCustomersImport(file([a, b, a]), NOW);
    expect(res).toEqual({
      ok: false,
      errors: ['第 3 条「小明」：与第 1 条是同一位客户'],
    });
  });

  it('requires timestamps on current entries but fills them in for prototype (v0) entries', () => {
    const { createdAt: _c, ...noCreated } = b;
    expect(parseCustomersImport(file([noCreated]), NOW).ok).toBe(false);
    const res = parseCustomersImport(file([{ nick: '老客户', size: '鞋码38' }]), NOW);
    expect(res.ok && res.customers[0]).toMatchObject({ key: 'taobao:老客户', sizes: { shoeSize: 38 }, createdAt: NOW });
  });
});

describe('joinImported: an import’s records where the identity step puts the buyer', () => {
  const byName = appendEvent(newCustomer('demo', '小明', NOW), makeEvent('note', NOW, '要发票'));
  const underId = appendEvent(newCustomer('demo', '小明', NOW, 'u-3'), makeEvent('note', NOW + 1, '已开票'));

  it('files a nickname-only record under the one id claimed for its name, and joins two that land on one key', () => {
    expect(joinImported([byName, b], ['u-3', null], NOW).map((c) => [c.key, c.buyerId])).toEqual([['demo#u-3', 'u-3'], ['jd:小红', undefined]]);
    const [one, ...rest] = joinImported([underId, byName], [undefined, 'u-3'], NOW);
    expect(rest).toEqual([]);
    expect(one!.key).toBe('demo#u-3');
    expect(one!.history.map((e) => e.text).sort()).toEqual(['已开票', '要发票']);
  });

  it('leaves a record with its own id, and one no single id claimed, where it is', () => {
    expect(joinImported([underId, byName], ['u-9', null], NOW).map((c) => c.key)).toEqual(['demo#u-3', 'demo:小明']);
  });

  it('leaves a nickname-only record by its name when the import brings another id of that name (two buyers share it)', () => {
    const other = newCustomer('demo', '小明', NOW, 'u-4');
    expect(joinImported([underId, other, byName], [undefined, undefined, 'u-3'], NOW).map((c) => c.key)).toEqual(['demo#u-3', 'demo#u-4', 'demo:小明']);
  });
});
