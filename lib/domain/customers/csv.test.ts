import { describe, expect, it } from 'vitest';
import { customersFromCsv, sheetDate, vipTagOf, type BuyerCsvOptions } from './csv';
import { applyPatch, newCustomer } from './customer';
import { parseCustomersImport } from './import-export';
import { csvCell } from '../followups/csv';

const NOW = Date.UTC(2026, 11, 3, 4); // 2026-12-03 12:00 Beijing
const opts = (o: Partial<BuyerCsvOptions> = {}): BuyerCsvOptions => ({ now: NOW, platform: 'taobao', maskPii: true, zone: 480, existing: [], locale: 'zh-CN', ...o });

/** A shop's VIP list as Excel saves it: a note with a comma and a line break, a phone, a level column, a blank row, bad rows. */
const SHEET = [
  '旺旺,平台,VIP等级,标签,备注,手机,最近购买（日期）,店员',
  '小鹿乱撞0521,淘宝,3,"老客,爱买裙子","只发顺丰\n不要催付",13812345678,2026-05-20,小美',
  'tb_8834729_88,天猫,否,批发,,,2026/11/28,小美',
  '',
  ',淘宝,VIP1,,没写买家,,,',
  '米粒妈妈,闲鱼,是,,,,,',
  '星辰大海ing,拼多多,是,,,,昨天,',
  '小鹿乱撞0521,淘宝,2,,又写了一遍,,,',
].join('\r\n');

describe('buyers from a CSV sheet', () => {
  it('makes a buyer of each good row, by the columns’ Chinese names, and names each row left out by its Excel row number', () => {
    const r = customersFromCsv(SHEET, opts());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.columns).toEqual({ nickname: '旺旺', platform: '平台', vip: 'VIP等级', tags: '标签', note: '备注', phone: '手机', lastSeen: '最近购买（日期）' });
    expect(r.report.ignored).toEqual(['店员']);
    expect(r.report.skipped).toEqual([
      { row: 5, reason: '“旺旺”为空' },
      { row: 6, reason: '平台“闲鱼”不认识（可写淘宝、天猫、京东、拼多多、抖音、快手）' },
      { row: 7, reason: '“最近购买（日期）”的日期“昨天”看不懂（请写成 2026-11-28）' },
      { row: 8, reason: '与第 2 行是同一位买家（重复），已略过' },
    ]);
    expect(r.report).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const [a, b] = r.customers;
    // The phone kept in the note, masked as a note typed in the panel is.
    expect(a).toMatchObject({ key: 'taobao:小鹿乱撞0521', tags: ['老客', '爱买裙子', 'VIP3'], segment: 'vip', note: '只发顺丰\n不要催付；电话：138****5678', lastSeenAt: Date.UTC(2026, 4, 19, 16) });
    expect(b).toMatchObject({ key: 'taobao:tb_8834729_88', tags: ['批发'], segment: 'new', lastSeenAt: Date.UTC(2026, 10, 27, 16) });
    // What the buyer import then checks whole passes.
    expect(parseCustomersImport({ format: 'kefu-customers', version: 2, exportedAt: NOW, customers: r.customers }, NOW)).toMatchObject({ ok: true });
  });

  it('keeps the phone as typed when the shop does not mask', () => {
    const r = customersFromCsv('买家,电话\n阿杰,13812345678', opts({ maskPii: false }));
    expect(r.ok && r.customers[0]!.note).toBe('电话：13812345678');
  });

  it('adds to a buyer here: their notes and tags stay, the row’s are added once; a row adding nothing changes nothing', () => {
    const here = applyPatch(newCustomer('taobao', '小鹿乱撞0521', NOW - 5000), { note: '只发顺丰', tags: ['老客'], preferences: '喜欢宽松' }, NOW - 5000, { maskPii: true });
    const r = customersFromCsv('买家,标签,备注,偏好\n小鹿乱撞0521,VIP2,要发票,喜欢宽松\n', opts({ existing: [here] }));
    expect(r.ok && r.customers).toMatchObject([{ key: here.key, tags: ['老客', 'VIP2'], note: '只发顺丰\n要发票', preferences: '喜欢宽松', createdAt: here.createdAt }]);
    expect(r.ok && r.report).toMatchObject({ added: 0, updated: 1 });
    const again = customersFromCsv('买家,标签,备注\n小鹿乱撞0521,老客,只发顺丰\n', opts({ existing: [here] }));
    expect(again.ok && again.report).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(again.ok && again.customers).toEqual([]);
  });

  it('does not add the row’s masked copy of a line the buyer here keeps in clear: one line, masked', () => {
    // Saved before masking was on: the note holds the phone in clear.
    const here = applyPatch(newCustomer('taobao', '橘子汽水', NOW - 5000), { note: '回访 13812345678 没接' }, NOW - 5000, { maskPii: false });
    const r = customersFromCsv('买家,备注\n橘子汽水,回访 138****5678 没接\n', opts({ existing: [here] }));
    expect(r.ok && r.customers.map((c) => c.note)).toEqual(['回访 138****5678 没接']);
    const more = customersFromCsv('买家,备注\n橘子汽水,要发票\n', opts({ existing: [here] }));
    expect(more.ok && more.customers.map((c) => c.note)).toEqual(['回访 138****5678 没接\n要发票']);
  });

  it('files a row without an id under the one buyer with an id shown by that name, never a masked name', () => {
    const withId = newCustomer('pdd', '米粒妈妈', NOW - 5000, 'u-88');
    const masked = newCustomer('pdd', 'S*******n', NOW - 5000, 'u-99');
    const r = customersFromCsv('买家,平台,标签\n米粒妈妈,拼多多,VIP\nS*******n,pdd,VIP\n', opts({ existing: [withId, masked] }));
    expect(r.ok && r.customers.map((c) => c.key)).toEqual(['pdd#u-88', 'pdd:S*******n']);
  });

  it('reads English headers, tab-separated files, a sheet without a platform column as the chosen platform, and takes off the export’s formula guard', () => {
    const r = customersFromCsv("Nickname\tTags\tNote\n'=阿杰\tvip\tok\n", opts({ platform: 'jd', locale: 'en' }));
    expect(r.ok && r.customers).toMatchObject([{ key: 'jd:=阿杰', tags: ['vip'], note: 'ok' }]);
  });

  it('splits a tag cell on the separators shop sheets use (; ； 、 ， | and commas), trimmed, empty ones dropped, each tag once', () => {
    const sheet = ['买家,标签', '阿杰,老客;爱买裙子； 批发 ;;', '小鹿,"VIP2、老客，老客|爱砍价 | ｜"', '米粒,单个标签'].join('\n');
    const r = customersFromCsv(sheet, opts());
    expect(r.ok && r.customers.map((c) => c.tags)).toEqual([['老客', '爱买裙子', '批发'], ['VIP2', '老客', '爱砍价'], ['单个标签']]);
    expect(r.ok && r.report.skipped).toEqual([]);
  });

  it('keeps a cell that starts like a formula as the text written, names its Excel row and column, and the export guards it again; a phone, a number or “-” alone is no formula', () => {
    const sheet = [
      '买家,标签,备注,手机',
      '阿杰,老客,"=HYPERLINK(""http://x.example"",""点我"")",',
      '小鹿,@SUM(A1),-,+86 138 1234 5678',
      '米粒,-5,- 不要催,',
      "'=星辰,老客,'+A1,",
    ].join('\n');
    const r = customersFromCsv(sheet, opts({ maskPii: false }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.formulas).toEqual([
      { row: 2, reason: '“备注”的“=HYPERLINK("http://x.exa…”像表格公式：按普通文字导入，不会计算' },
      { row: 3, reason: '“标签”的“@SUM(A1)”像表格公式：按普通文字导入，不会计算' },
    ]);
    const [a, b, c, d] = r.customers;
    expect(a!.note).toBe('=HYPERLINK("http://x.example","点我")');
    expect(b).toMatchObject({ tags: ['@SUM(A1)'], note: '-；电话：+86 138 1234 5678' });
    expect(c).toMatchObject({ tags: ['-5'], note: '- 不要催' });
    // Our own export's guarded cells come back as written, with nothing to say.
    expect(d).toMatchObject({ nickname: '=星辰', note: '+A1' });
    expect(csvCell(a!.note)).toBe('"\'=HYPERLINK(""http://x.example"",""点我"")"');
    expect(csvCell(d!.nickname)).toBe("'=星辰");
    const en = customersFromCsv(sheet, opts({ locale: 'en' }));
    expect(en.ok && en.report.formulas[1]!.reason).toBe('"标签": "@SUM(A1)" looks like a spreadsheet formula; imported as plain text, never calculated');
  });

  it('finds the header under a title row (the same rule as the reply library’s import), names the rows above it, and counts rows as Excel does', () => {
    const sheet = ['小鹿家居VIP客户名单（2026）,,', '导出人：店长,,', '旺旺,VIP等级,备注', '阿杰,3,只发顺丰', ',VIP1,没写买家'].join('\r\n');
    const r = customersFromCsv(sheet, opts());
    expect(r.ok && [r.report.headerRow, r.report.above, r.report.columns]).toEqual([
      3,
      [{ row: 1, text: '小鹿家居VIP客户名单（2026）' }, { row: 2, text: '导出人：店长' }],
      { nickname: '旺旺', vip: 'VIP等级', note: '备注' },
    ]);
    expect(r.ok && r.customers.map((c) => [c.nickname, c.tags])).toEqual([['阿杰', ['VIP3']]]);
    expect(r.ok && r.report.skipped).toEqual([{ row: 5, reason: '“旺旺”为空' }]);
    // No buyer column in the first rows: refused, naming the first row as the header it read.
    expect(customersFromCsv('名单,\n手机,备注\n138,x', opts())).toMatchObject({ ok: false, errors: [expect.stringContaining('表头（第 1 行）')] });
  });

  it('refuses a sheet without a buyer column, naming its columns, and one whose quote never closes', () => {
    expect(customersFromCsv('手机,备注\n138,x', opts())).toMatchObject({ ok: false, errors: [expect.stringMatching(/^找不到买家所在的列.*文件的列是：“手机”、“备注”/)] });
    expect(customersFromCsv('买家,备注\n阿杰,"没写完', opts())).toMatchObject({ ok: false, errors: [expect.stringContaining('第 2 行的引号没有闭合')] });
  });
});

describe('a VIP cell', () => {
  it('gives a level, a yes, a VIP word as written, or nothing', () => {
    expect(['3', 'V3', 'vip3', 'VIP 2', '是', '√', 'Y', '贵宾', '黄金会员', '否', '', 'no', '0'].map(vipTagOf)).toEqual(['VIP3', 'VIP3', 'VIP3', 'VIP2', 'VIP', 'VIP', 'VIP', '贵宾', 'VIP', null, null, null, null]);
  });
});

describe('a date in a sheet', () => {
  it('reads the ways Excel and WPS show a date, in the shop’s zone, and Excel’s serial day numbers', () => {
    const day = Date.UTC(2026, 10, 27, 16);
    for (const v of ['2026-11-28', '2026/11/28', '2026.11.28', '2026年11月28日']) expect(sheetDate(v, 480), v).toBe(day);
    expect(sheetDate('2026-11-28 14:30', 480)).toBe(day + 14.5 * 3_600_000);
    expect(sheetDate('46354', 480)).toBe(day);
    expect(sheetDate('2026-02-30', 480)).toBeNull();
    expect(sheetDate('昨天', 480)).toBeNull();
  });
});
