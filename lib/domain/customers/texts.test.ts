import { describe, expect, it } from 'vitest';
import { readAllData } from '../all-data';
import { appendEvent, applyPatch, combineCustomers, LIMITS, makeEvent, newCustomer } from './customer';
import { checkCustomer } from './check';
import { customersFromCsv, type BuyerCsvOptions } from './csv';
import { exportCustomers, parseCustomersImport } from './import-export';
import { customerFromV0, migrateCustomer } from './migrate';

const NOW = Date.UTC(2026, 11, 4, 5);
/** A text of `n` characters, in the agent's own words; its end differs from its start, so a cut shows. */
const textOf = (n: number, end = '尾') => '发货前先打电话确认一下收件人在不在家'.repeat(Math.ceil(n / 18)).slice(0, n - 1) + end;
const opts = (o: Partial<BuyerCsvOptions> = {}): BuyerCsvOptions => ({ now: NOW, platform: 'taobao', maskPii: false, zone: 480, existing: [], locale: 'zh-CN', ...o });
const fileOf = (...customers: unknown[]) => ({ format: 'kefu-customers', version: 2, exportedAt: NOW, customers });

describe('备注, 偏好 and 地址备注 in imports: never cut, said and held', () => {
  it(`keeps the limits (${LIMITS.note}, ${LIMITS.preferences}, ${LIMITS.addressNote}) and a stored record's texts whole when read`, () => {
    expect(LIMITS).toMatchObject({ note: 5000, preferences: 1000, addressNote: 500 });
    const raw = { ...newCustomer('jd', '阿杰', NOW), note: textOf(5001), preferences: textOf(1001), addressNote: textOf(501) };
    const c = migrateCustomer(raw, NOW, customerFromV0);
    expect([c.note, c.preferences, c.addressNote]).toEqual([textOf(5001), textOf(1001), textOf(501)]);
  });

  it('a buyer file takes a text over its limit whole up to what joining two records makes (2 × limit + 1), naming the entry, the field and by how much', () => {
    const fine = newCustomer('jd', '小红', NOW);
    const long = { ...newCustomer('jd', '阿杰', NOW), note: textOf(5001), preferences: textOf(1001), addressNote: textOf(501) };
    const zh = parseCustomersImport(fileOf(fine, long), NOW, 'zh-CN');
    expect(zh.ok && zh.customers.map((c) => [c.nickname, c.note, c.preferences, c.addressNote])).toEqual([
      ['小红', '', '', ''],
      ['阿杰', textOf(5001), textOf(1001), textOf(501)],
    ]);
    expect(zh.ok && zh.over).toEqual([
      expect.stringMatching(/^第 2 条.*阿杰.*备注多了 1 个字（最多 5000 个字）/),
      expect.stringMatching(/^第 2 条.*阿杰.*偏好多了 1 个字（最多 1000 个字）/),
      expect.stringMatching(/^第 2 条.*阿杰.*地址备注多了 1 个字（最多 500 个字）/),
    ]);
    // Two full notes joined (a line break between) is the most an import takes.
    const joined = { ...long, note: textOf(10001), preferences: textOf(2001), addressNote: textOf(1001) };
    const most = parseCustomersImport(fileOf(fine, joined), NOW, 'en');
    expect(most.ok && most.customers[1]!.note).toBe(textOf(10001));
    expect(most.ok && most.over).toEqual([
      expect.stringMatching(/^entry 2 .*阿杰.*the note is 5001 characters too long \(at most 5000\)$/),
      expect.stringMatching(/the preferences are 1001 characters too long \(at most 1000\)$/),
      expect.stringMatching(/the address note is 501 characters too long \(at most 500\)$/),
    ]);
    const atLimit = { ...long, note: textOf(5000), preferences: textOf(1000), addressNote: textOf(500) };
    expect(parseCustomersImport(fileOf(fine, atLimit), NOW)).toMatchObject({ ok: true, over: [] });
  });

  it('a text longer than joining two records can make is refused, naming the entry, the field, its length and the most an import takes', () => {
    const fine = newCustomer('jd', '小红', NOW);
    const long = { ...newCustomer('jd', '阿杰', NOW), note: textOf(10002), preferences: textOf(2002), addressNote: textOf(1002) };
    expect(parseCustomersImport(fileOf(fine, long), NOW, 'zh-CN')).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^第 2 条.*阿杰.*备注有 10002 个字，导入最多收 10001 个字（上限 5000 个字的两倍/),
        expect.stringMatching(/^第 2 条.*阿杰.*偏好有 2002 个字，导入最多收 2001 个字/),
        expect.stringMatching(/^第 2 条.*阿杰.*地址备注有 1002 个字，导入最多收 1001 个字/),
      ],
    });
    const en = parseCustomersImport(fileOf(fine, { ...long, preferences: '', addressNote: '' }), NOW, 'en');
    expect(en.ok || en.errors).toEqual([expect.stringMatching(/^entry 2 .*阿杰.*the note has 10002 characters; an import takes at most 10001 \(twice the limit of 5000/)]);
  });

  it('the app\'s own export of two records joined past the limits comes back whole, tags included', () => {
    const tags = (from: number) => Array.from({ length: 30 }, (_, i) => `标签${from + i}`);
    const older = applyPatch(newCustomer('demo', '阿杰', NOW), { note: textOf(5000, '甲'), tags: tags(0) }, NOW, { maskPii: false });
    const newer = applyPatch(newCustomer('demo', '阿杰', NOW), { note: textOf(5000, '乙'), tags: tags(30) }, NOW + 5, { maskPii: false });
    const joined = combineCustomers(older, newer);
    expect([joined.note.length, joined.tags.length]).toEqual([10001, 60]);
    const r = parseCustomersImport(exportCustomers([joined], NOW), NOW, 'zh-CN');
    expect(r.ok && r.customers).toEqual([joined]);
    expect(r.ok && r.over).toEqual([expect.stringMatching(/标签有 60 个，多了 30 个（最多 30 个）/), expect.stringMatching(/备注多了 5001 个字/)]);
    const more = parseCustomersImport(fileOf({ ...joined, tags: tags(0).concat(tags(30), ['再一个']) }), NOW, 'zh-CN');
    expect(more.ok || more.errors).toEqual([expect.stringMatching(/标签有 61 个，导入最多收 60 个/)]);
  });

  it('a buyer joined more than once, past what an import takes, is named with what to do (the file is refused)', () => {
    const twice = { ...newCustomer('demo', '阿杰', NOW), note: textOf(15002) };
    const r = parseCustomersImport(exportCustomers([twice], NOW), NOW, 'zh-CN');
    expect(r.ok || r.errors).toEqual(['第 1 条「阿杰」：备注有 15002 个字，导入最多收 10001 个字（上限 5000 个字的两倍）：请先把这位买家的备注删到 10001 个字以内']);
  });

  it('a CSV row adding to a buyer whose text is already long says what the buyer has and what the row makes of it', () => {
    const here = [{ ...newCustomer('taobao', '阿杰', NOW), note: textOf(15002) }, { ...newCustomer('taobao', '小鹿', NOW), note: textOf(10000) }];
    const r = customersFromCsv('买家,备注\n阿杰,再加一句\n小鹿,这位再加几句话\n', opts({ existing: here }));
    expect(r.ok && r.report.skipped).toEqual([
      { row: 2, reason: '这位买家的备注已有 15002 个字，加上这一行共 15007 个字，导入最多收 10001 个字（上限 5000 个字的两倍）：请先在客户档案里把这位买家的备注删短，再导入这一行' },
      { row: 3, reason: '这位买家的备注已有 10000 个字，加上这一行共 10008 个字，导入最多收 10001 个字（上限 5000 个字的两倍）：请先在客户档案里把这位买家的备注删短，再导入这一行' },
    ]);
    const en = customersFromCsv('买家,备注\n阿杰,再加一句\n', opts({ existing: here, locale: 'en' }));
    expect(en.ok && en.report.skipped).toEqual([
      { row: 2, reason: "this buyer's note here already has 15002 characters, 15007 with this row; an import takes at most 10001 (twice the limit of 5000): shorten the buyer's note in Buyer notes first, then import this row" },
    ]);
  });

  it('the all-data import takes its buyers the same way: kept whole and named, refused past the most', () => {
    const long = { ...newCustomer('demo', '小鹿', NOW), note: textOf(5001) };
    const file = (c: unknown) => ({ format: 'kefu-all-data', version: 1, exportedAt: NOW, customers: JSON.parse(exportCustomers([c as never], NOW)) });
    const r = readAllData(file(long), 'zh-CN', NOW);
    expect(r.ok && [r.data.customers![0]!.note, r.data.over]).toEqual([textOf(5001), [expect.stringMatching(/^客户档案：第 1 条.*小鹿.*备注多了 1 个字（最多 5000 个字）/)]]);
    const refused = readAllData(file({ ...long, note: textOf(10002) }), 'zh-CN', NOW);
    expect(refused.ok || refused.errors).toEqual([expect.stringMatching(/^客户档案：第 1 条.*小鹿.*备注有 10002 个字/)]);
  });

  it('a CSV row whose 备注 or 偏好 would go past the most is left out, naming its Excel row; one over the limit within it is taken whole and named', () => {
    const r = customersFromCsv(`买家,备注,偏好\n阿杰,${textOf(10002)},\n米粒妈妈,只发顺丰,${textOf(2002)}\n星辰大海ing,只发顺丰,喜欢宽松\n小鹿,${textOf(5001)},\n`, opts());
    expect(r.ok && r.report.skipped).toEqual([
      { row: 2, reason: expect.stringMatching(/^备注有 10002 个字，导入最多收 10001 个字/) },
      { row: 3, reason: expect.stringMatching(/^偏好有 2002 个字，导入最多收 2001 个字/) },
    ]);
    expect(r.ok && r.report.over).toEqual([{ row: 5, reason: '备注多了 1 个字（最多 5000 个字）' }]);
    expect(r.ok && r.customers.map((c) => [c.nickname, c.note, c.preferences])).toEqual([
      ['星辰大海ing', '只发顺丰', '喜欢宽松'],
      ['小鹿', textOf(5001), ''],
    ]);
    const en = customersFromCsv(`买家,备注\n阿杰,${textOf(5002)}\n`, opts({ locale: 'en' }));
    expect(en.ok && en.report.over).toEqual([{ row: 2, reason: 'the note is 2 characters too long (at most 5000)' }]);
  });

  it('a CSV row adding to a buyer here is measured with what the buyer has: over the limit is taken and said, past the most left out', () => {
    const here = applyPatch(newCustomer('taobao', '阿杰', NOW - 5000), { note: textOf(4990) }, NOW - 5000, { maskPii: false });
    // The row's 10 characters, joined on a new line, make 5,001.
    const r = customersFromCsv(`买家,备注\n阿杰,再发一次顺丰到付就好\n`, opts({ existing: [here] }));
    expect(r.ok && [r.report.skipped, r.report.over]).toEqual([[], [{ row: 2, reason: '备注多了 1 个字（最多 5000 个字）' }]]);
    expect(r.ok && r.customers.map((c) => c.note)).toEqual([`${textOf(4990)}\n再发一次顺丰到付就好`]);
    const full = { ...here, note: textOf(10000) };
    const past = customersFromCsv(`买家,备注\n阿杰,再发一次顺丰到付就好\n`, opts({ existing: [full] }));
    expect(past.ok && past.report.skipped).toEqual([{ row: 2, reason: expect.stringMatching(/^这位买家的备注已有 10000 个字，加上这一行共 10011 个字/) }]);
    expect(past.ok && past.customers).toEqual([]);
  });
});

describe('nothing cuts a buyer\'s text on the way in', () => {
  it('applyPatch stores a text over its limit whole (the worker refuses such a patch before it; it never stores it cut)', () => {
    const c = applyPatch(newCustomer('demo', '阿杰', NOW), { note: textOf(5001), preferences: textOf(1001), addressNote: textOf(501) }, NOW, { maskPii: false });
    expect([c.note, c.preferences, c.addressNote]).toEqual([textOf(5001), textOf(1001), textOf(501)]);
  });

  it('two records of one buyer joined keep both texts and every tag, even past the limits', () => {
    const tags = (from: number) => Array.from({ length: 20 }, (_, i) => `标签${from + i}`);
    const older = applyPatch(newCustomer('demo', '阿杰', NOW), { note: textOf(3000, '甲'), preferences: textOf(800, '甲'), tags: tags(0) }, NOW, { maskPii: false });
    const newer = applyPatch(newCustomer('demo', '阿杰', NOW), { note: textOf(3000, '乙'), preferences: textOf(800, '乙'), tags: tags(20) }, NOW + 5, { maskPii: false });
    const c = combineCustomers(older, newer);
    expect(c.note).toBe(`${textOf(3000, '甲')}\n${textOf(3000, '乙')}`);
    expect(c.preferences).toBe(`${textOf(800, '甲')}\n${textOf(800, '乙')}`);
    expect(c.tags).toEqual([...tags(0), ...tags(20)]);
  });

  it('a history entry is kept whole up to LIMITS.eventText: a long remark line, read back from a stored record too', () => {
    expect(LIMITS).toMatchObject({ eventText: 4000, pageEvent: 500 });
    const line = textOf(1200);
    const c = appendEvent(newCustomer('demo', '阿杰', NOW), makeEvent('remark-saved', NOW, line, '100200300'), { maskPii: false });
    expect(c.history.map((e) => e.text)).toEqual([line]);
    expect(checkCustomer(JSON.parse(JSON.stringify(c)), NOW).customer!.history.map((e) => e.text)).toEqual([line]);
    expect(parseCustomersImport(fileOf(c), NOW, 'zh-CN')).toMatchObject({ ok: true, customers: [{ history: [{ text: line }] }] });
  });

  it('an imported history entry longer than any producer writes is refused naming the entry, never cut', () => {
    const c = appendEvent(newCustomer('demo', '阿杰', NOW), makeEvent('remark-saved', NOW, textOf(4002), '100200300'), { maskPii: false });
    expect(parseCustomersImport(fileOf(c), NOW, 'zh-CN')).toEqual({ ok: false, errors: [expect.stringMatching(/^第 1 条.*阿杰.*第 1 条历史记录多了 2 个字（最多 4000 个字）$/)] });
    expect(parseCustomersImport(fileOf(c), NOW, 'en')).toEqual({ ok: false, errors: [expect.stringMatching(/history entry 1 is 2 characters too long \(at most 4000\)$/)] });
  });
});
