import { describe, expect, it } from 'vitest';
import { libraryFromCsv, libraryToCsv, parseCsv, readGroupScenarios, scenariosForGroup, type GroupScenarios } from './csv';
import { planLibraryImport } from './import-plan';
import { STARTER_LIBRARY } from './starter';
import type { TemplateLibrary } from './types';

const EMPTY: TemplateLibrary = { groups: [], templates: [] };

/** A shop's quick-phrase sheet as Excel saves it: CRLF, a multi-line cell, commas and quotes in cells, a blank row. */
const SHEET = [
  '分组,标题,快捷编码,话术内容,备注',
  '议价,不议价,/yj,"亲，本店商品都是实价哦，不议价的呢，可以送您一张5元券~",老板定的',
  '催付,催付款,cf,"亲，您的订单还没付款哦\n今天16:00前付款当天发货",',
  '售后常用,七天无理由,,"支持七天无理由退换，""吊牌""不要剪哦",',
  '',
  ',,,  ,空行',
  '欢迎语,,hy,亲，您好！欢迎光临～,',
].join('\r\n');

describe('reading a spreadsheet of replies (CSV)', () => {
  it('splits RFC 4180 records: quoted commas, line breaks and "" escapes, with spreadsheet row numbers', () => {
    const { records, open } = parseCsv('a,b\r\n"x, y","line1\nline2"\r\n"say ""hi""",z\n');
    expect(open).toBeNull();
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x, y', 'line1\nline2'] },
      { row: 3, cells: ['say "hi"', 'z'] },
    ]);
  });

  it('makes one reply per row, by the header names shops use, and lists the columns it ignored', () => {
    const r = libraryFromCsv(SHEET, EMPTY, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    const t = r.file.templates;
    expect(t.map((x) => [x.group, x.title, x.code, x.body])).toEqual([
      ['议价', '不议价', 'yj', '亲，本店商品都是实价哦，不议价的呢，可以送您一张5元券~'],
      ['催付', '催付款', 'cf', '亲，您的订单还没付款哦\n今天16:00前付款当天发货'],
      ['售后常用', '七天无理由', undefined, '支持七天无理由退换，"吊牌"不要剪哦'],
      // No title: the start of the text.
      ['欢迎语', '亲，您好！欢迎光临～', 'hy', '亲，您好！欢迎光临～'],
    ]);
    expect(r.report.columns).toEqual({ group: '分组', title: '标题', code: '快捷编码', body: '话术内容' });
    expect(r.report.ignored).toEqual(['备注']);
    // The row of blanks with a note only has no text: named by its row; the empty row is skipped silently.
    expect(r.report.skipped).toEqual([{ row: 6, reason: '“话术内容”为空' }]);
  });

  // A sheet without a 标题 column: each title is the start of its text, cut where a reader would pause.
  it.each([
    ['cuts a long first line at its last punctuation within 20 characters, marked …', '亲，本店商品都是实价哦，不议价的呢，可以送您一张5元券~', '亲，本店商品都是实价哦，不议价的呢…'],
    ['cuts English at a space, not mid-word', 'Thanks for waiting, your parcel leaves the warehouse today', 'Thanks for waiting…'],
    ['cuts at 20 when there is no pause in a sensible range', '亲本店所有商品均为实价不议价的请您放心购买哦', '亲本店所有商品均为实价不议价的请您放心购…'],
    ['does not cut to a stub at a pause near the start', '亲，本店所有商品均为实价不议价的请您放心购买哦', '亲，本店所有商品均为实价不议价的请您放心…'],
    ['keeps a first line of 20 characters whole, unmarked', '亲，今天下午四点前拍下的订单当天就能发出', '亲，今天下午四点前拍下的订单当天就能发出'],
    ['keeps a short first line whole, whatever follows it', '亲，在的\n请问有什么可以帮您？本店所有商品均为实价不议价', '亲，在的'],
    ['never splits an emoji in two', '亲本店所有商品均为实价不议价的请您放心😊购买哦', '亲本店所有商品均为实价不议价的请您放心😊…'],
  ])('titles a reply with no 标题: %s', (_case, body, title) => {
    const r = libraryFromCsv(`分组,话术内容\n议价,"${body}"\n`, EMPTY, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.file.templates.map((x) => [x.title, x.body])).toEqual([[title, body]]);
  });

  it('maps a group that names a situation to it, and keeps any other group as the group, under 其他', () => {
    const r = libraryFromCsv(SHEET, EMPTY, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.file.templates.map((x) => x.scenarios)).toEqual([['bargain'], ['payment'], ['other'], ['greeting']]);
    expect(r.report.groups).toEqual([
      { group: '议价', scenarios: ['bargain'], count: 1 },
      { group: '催付', scenarios: ['payment'], count: 1 },
      { group: '售后常用', scenarios: null, count: 1 },
      { group: '欢迎语', scenarios: ['greeting'], count: 1 },
    ]);
    expect(scenariosForGroup('Bargaining')).toEqual(['bargain']);
    expect(scenariosForGroup('size-fit')).toEqual(['size-fit']);
    expect(scenariosForGroup('退换货')).toEqual(['return', 'exchange']);
    expect(scenariosForGroup('杂项')).toBeNull();
  });

  it('files every new reply of an unknown group under the situation the agent chose for the group, and back under 其他 when the choice is undone', () => {
    const picked = libraryFromCsv(SHEET, EMPTY, 'zh-CN', { 售后常用: 'return' });
    if (!picked.ok) throw new Error(picked.errors.join());
    expect(picked.file.templates.map((x) => [x.group, x.scenarios])).toEqual([
      ['议价', ['bargain']],
      ['催付', ['payment']],
      // The group stays as the shop named it; only its situation is the one chosen.
      ['售后常用', ['return']],
      ['欢迎语', ['greeting']],
    ]);
    expect(picked.report.groups[2]).toEqual({ group: '售后常用', scenarios: ['return'], count: 1, picked: true });
    const undone = libraryFromCsv(SHEET, EMPTY, 'zh-CN', {});
    if (!undone.ok) throw new Error(undone.errors.join());
    expect(undone.file.templates[2]!.scenarios).toEqual(['other']);
    expect(undone.report.groups[2]).toEqual({ group: '售后常用', scenarios: null, count: 1 });
  });

  it('keeps the situations a row names itself (适用场景), and a reply already here keeps its own, whatever was chosen for the group', () => {
    const sheet = ['分组,标题,内容,适用场景', '店铺杂项,运费险,亲，本店赠送运费险哦,退货运费', '店铺杂项,包邮说明,亲，全场满59包邮哦,', '店铺杂项,在的,您好呀，客服小橙在线为您服务,'].join('\n');
    const here: TemplateLibrary = { groups: ['组'], templates: [{ id: 'here', title: '在吗', body: '您好呀，客服小橙在线为您服务', group: '组', scenarios: ['greeting'] }] };
    const r = libraryFromCsv(sheet, here, 'zh-CN', { 店铺杂项: 'promotion' });
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.file.templates.map((x) => [x.title, x.scenarios])).toEqual([
      ['运费险', ['return-shipping']],
      ['包邮说明', ['promotion']],
      ['在的', ['greeting']],
    ]);
    // The group's line counts only the replies the choice files.
    expect(r.report.groups).toEqual([{ group: '店铺杂项', scenarios: ['promotion'], count: 1, picked: true }]);
  });

  it('refuses a group choice that is not a situation, naming the group and the value, in the interface language', () => {
    expect(readGroupScenarios(undefined)).toEqual({ ok: true, picks: {} });
    expect(readGroupScenarios({ 店铺杂项: 'promotion' })).toEqual({ ok: true, picks: { 店铺杂项: 'promotion' } });
    expect(readGroupScenarios({ 店铺杂项: 'promotion', 其它: 'sale' }, 'zh-CN')).toEqual({ ok: false, errors: ['分组“其它”要归入的场景“sale”不是已知的场景，没有导入任何内容；请重新选择场景'] });
    expect(readGroupScenarios({ misc: 7 }, 'en')).toEqual({ ok: false, errors: ['group “misc”: “7” is not a known situation, so nothing was imported; choose its situation again'] });
    expect(readGroupScenarios('promotion', 'zh-CN')).toMatchObject({ ok: false, errors: [expect.stringContaining('分组的场景设置无效')] });
    // A group named like an object's own property is an ordinary group.
    const r = libraryFromCsv('分组,内容\nconstructor,亲，您好\ntoString,亲，再见\n', EMPTY, 'zh-CN', { toString: 'thanks' } as GroupScenarios);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.file.templates.map((x) => x.scenarios)).toEqual([['other'], ['thanks']]);
  });

  it('reads a tab-separated file (Excel "Unicode text") and English headers', () => {
    const r = libraryFromCsv('Title\tReply\tGroup\nHi\tHello, dear!\tGreeting\n', EMPTY, 'en');
    expect(r.ok && r.file.templates).toEqual([{ id: expect.stringMatching(/^csv-/), title: 'Hi', body: 'Hello, dear!', group: 'Greeting', scenarios: ['greeting'] }]);
  });

  it('refuses a file with no column for the text, naming the columns it found', () => {
    const r = libraryFromCsv('序号,问题,答案\n1,在吗,在的\n', EMPTY, 'zh-CN');
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('找不到话术内容所在的列')] });
    expect(!r.ok && r.errors[0]).toContain('文件的列是：“序号”、“问题”、“答案”');
    const en = libraryFromCsv('No,Question,Answer\n1,hi,hello\n', EMPTY, 'en');
    expect(!en.ok && en.errors[0]).toContain('The file\'s columns are: "No", "Question", "Answer"');
  });

  it('refuses a file whose quote never closes, and one with no usable row, naming the rows', () => {
    expect(libraryFromCsv('内容\n"亲，您好\n', EMPTY, 'zh-CN')).toEqual({ ok: false, errors: [expect.stringContaining('第 2 行的引号没有闭合')] });
    const none = libraryFromCsv('内容,标题\n,只有标题\n', EMPTY, 'zh-CN');
    expect(none).toEqual({ ok: false, errors: ['文件里没有可导入的话术', '第 2 行：“内容”为空'] });
  });

  it('names bad rows by row and reason, and takes a row whose code cannot be typed without the code', () => {
    const long = '长'.repeat(2001);
    const r = libraryFromCsv(`内容,快捷码,ID\n${long},,\n好的,中文码,\n收到,ok,\n明白,ok,\n再见,,bad id!\n`, EMPTY, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.report.skipped).toEqual([
      { row: 2, reason: '内容过长（2001 字，上限 2000）' },
      { row: 6, reason: 'ID “bad id!”无效（只能用英文字母、数字和 - _ . :），请保留导出时的 ID 或清空该格' },
    ]);
    expect(r.report.notes).toEqual([
      { row: 3, reason: '简码“中文码”只能用英文字母和数字（最多 16 个），已导入但不设编码' },
      { row: 5, reason: '简码“ok”与第 4 行重复，已导入但不设编码' },
    ]);
    expect(r.file.templates.map((x) => [x.body, x.code])).toEqual([['好的', undefined], ['收到', 'ok'], ['明白', undefined]]);
  });

  it('counts against the library: a row with a reply’s code or exact text is that reply (same or changed), a repeat is left out', () => {
    const here = STARTER_LIBRARY;
    const starter = here.templates.find((x) => x.code)!;
    const other = here.templates.find((x) => !x.code && x.id !== starter.id)!;
    const csv = `内容,快捷编码\n"${starter.body.replace(/"/g, '""')}",${starter.code}\n"${other.body}",\n新的一句话,\n新的一句话,\n`;
    const r = libraryFromCsv(csv, here, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.report.skipped).toEqual([{ row: 5, reason: '与第 4 行是同一条话术（重复），已略过' }]);
    const plan = planLibraryImport(r.file, here, 'zh-CN');
    expect(plan.ok && plan.summary).toMatchObject({ added: 1, unchanged: 2, updated: 0 });
    // The matched replies keep their title, group, situations and order states.
    expect(r.file.templates[0]).toEqual(starter);
    // Importing the same file again adds nothing: the new row's id comes from its text.
    const merged = plan.ok && plan.merged.ok ? plan.merged.library : here;
    const again = libraryFromCsv(csv, merged, 'zh-CN');
    const plan2 = again.ok && planLibraryImport(again.file, merged, 'zh-CN');
    expect(plan2 && plan2.ok && plan2.summary).toMatchObject({ added: 0, unchanged: 3, updated: 0 });
  });
});

describe('the headers shops actually write', () => {
  it('reads …分类 / …分组 / 类别 as the group, 话术名称 / 话术标题 as the title, and 简码 as the code', () => {
    const r = libraryFromCsv(['序号,话术分类,话术名称,简码,话术内容,使用次数', '1,欢迎语,进店问候,hy,亲亲在的，想看哪款呀,88', '2,催付,提醒付款,cf,亲，拍下记得付款哦,12'].join('\n'), EMPTY, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.report.columns).toEqual({ group: '话术分类', title: '话术名称', code: '简码', body: '话术内容' });
    expect(r.report.ignored).toEqual(['序号', '使用次数']);
    // The groups then lead to their situations, as under a header named 分组.
    expect(r.file.templates.map((x) => [x.group, x.title, x.code, x.scenarios])).toEqual([
      ['欢迎语', '进店问候', 'hy', ['greeting']],
      ['催付', '提醒付款', 'cf', ['payment']],
    ]);
    for (const group of ['话术分组', '分组名称', '类别', '短语分类']) {
      const x = libraryFromCsv(`${group},回复内容\n物流,亲，默认发圆通哦\n`, EMPTY, 'zh-CN');
      expect(x.ok && [x.report.columns, x.file.templates[0]!.scenarios]).toEqual([{ group, body: '回复内容' }, ['tracking']]);
    }
  });

  it('takes 快捷短语 as the text, unless its cells are shortcut codes beside another text column', () => {
    const text = libraryFromCsv('话术分类,话术标题,快捷短语\n发货,几点发,亲，下午四点前拍下当天发走\n', EMPTY, 'zh-CN');
    expect(text.ok && text.report.columns).toEqual({ group: '话术分类', title: '话术标题', body: '快捷短语' });
    const codes = libraryFromCsv('短语,内容\n/by,亲，满两件包邮哦\nth,亲，七天内可以退换\n', EMPTY, 'zh-CN');
    if (!codes.ok) throw new Error(codes.errors.join());
    expect(codes.report.columns).toEqual({ code: '短语', body: '内容' });
    expect(codes.file.templates.map((x) => x.code)).toEqual(['by', 'th']);
  });

  it('leaves 关键词 unused and says so: replies have no keywords', () => {
    const r = libraryFromCsv('类别,关键词,回复内容\n售后,坏了,亲，麻烦拍张照片给我看看\n', EMPTY, 'zh-CN');
    expect(r.ok && r.report.ignored).toEqual(['关键词']);
  });

  it('finds the header under a title row, says which rows it left out, and numbers rows as the sheet does', () => {
    const sheet = ['晴川小铺快捷短语（2026版）,,,', '', '分组,标题,快捷编码,内容', '欢迎,问候,hi,亲您好，在的', '发货,时效,fh,亲，今天拍明天发', ',,,'].join('\r\n');
    const r = libraryFromCsv(sheet, EMPTY, 'zh-CN');
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.file.templates.map((x) => [x.title, x.code, x.scenarios])).toEqual([
      ['问候', 'hi', ['greeting']],
      ['时效', 'fh', ['shipping-time']],
    ]);
    expect([r.report.headerRow, r.report.above]).toEqual([3, [{ row: 1, text: '晴川小铺快捷短语（2026版）' }]]);
    // A title row alone on its line (no separator) above a tab-separated sheet.
    const tabbed = libraryFromCsv('晴川小铺话术表\n话术分组\t话术内容\n催付\t亲，记得付款哦\n', EMPTY, 'zh-CN');
    expect(tabbed.ok && [tabbed.report.columns, tabbed.file.templates[0]!.scenarios]).toEqual([{ group: '话术分组', body: '话术内容' }, ['payment']]);
  });

  it('still refuses a sheet with no text column in its first rows, naming the columns of its first row', () => {
    const r = libraryFromCsv('晴川小铺\n序号,问题\n1,在吗\n', EMPTY, 'zh-CN');
    expect(!r.ok && r.errors[0]).toContain('表头（第 1 行）');
  });
});

describe('the library as a CSV for Excel', () => {
  it('is UTF-8 with a byte-order mark and CRLF, one reply a row, formulas guarded', () => {
    const csv = libraryToCsv({ groups: ['议价'], templates: [{ id: 'a1', title: '=1+1', body: '亲，"实价"哦,\n不议价', group: '议价', scenarios: ['bargain'], code: 'yj', orders: ['unpaid', 'paid'] }] });
    expect(csv.startsWith('\uFEFF分组,标题,简码,内容,适用场景,适用订单状态,ID（勿改）\r\n')).toBe(true);
    expect(csv).toContain(`议价,'=1+1,yj,"亲，""实价""哦,\n不议价",议价,待付款、已付款未发货,a1\r\n`);
    // The guard is the export's, not the reply's: it comes back as written.
    const back = libraryFromCsv(csv.slice(1), EMPTY, 'zh-CN');
    expect(back.ok && back.file.templates).toEqual([{ id: 'a1', title: '=1+1', body: '亲，"实价"哦,\n不议价', group: '议价', scenarios: ['bargain'], code: 'yj', orders: ['unpaid', 'paid'] }]);
  });

  it('takes back every guard the export puts, also before a formula hidden behind an invisible character', () => {
    const title = '\u200b=HYPERLINK("x")';
    const csv = libraryToCsv({ groups: ['其他'], templates: [{ id: 'z1', title, body: '＋86 的号码请写全', group: '其他', scenarios: ['other'] }] });
    expect(csv).toContain(`'${title.replace(/"/g, '""')}`);
    const back = libraryFromCsv(csv.slice(1), EMPTY, 'zh-CN');
    expect(back.ok && back.file.templates.map((x) => [x.title, x.body])).toEqual([[title, '＋86 的号码请写全']]);
  });

  it('comes back unchanged (export → Excel → import), and an edit made in Excel updates the reply in place', () => {
    const csv = libraryToCsv(STARTER_LIBRARY);
    const back = libraryFromCsv(csv.slice(1), STARTER_LIBRARY, 'zh-CN');
    if (!back.ok) throw new Error(back.errors.join());
    expect(back.report.skipped).toEqual([]);
    expect(back.report.notes).toEqual([]);
    const plan = planLibraryImport(back.file, STARTER_LIBRARY, 'zh-CN');
    expect(plan.ok && plan.summary).toMatchObject({ added: 0, updated: 0, unchanged: STARTER_LIBRARY.templates.length });

    const first = STARTER_LIBRARY.templates[0]!;
    const edited = csv.slice(1).replace(`,${first.id}\r\n`, `,${first.id}\r\n`).replace(first.title, '改过的标题');
    const r = libraryFromCsv(edited, STARTER_LIBRARY, 'zh-CN');
    const p = r.ok && planLibraryImport(r.file, STARTER_LIBRARY, 'zh-CN');
    expect(p && p.ok && p.summary).toMatchObject({ added: 0, updated: 1 });
    expect(r.ok && r.file.templates[0]).toEqual({ ...first, title: '改过的标题' });
  });
});

describe('a sheet longer than a library', () => {
  it('is refused on its row count alone, with the library’s own message: not a line per bad row', () => {
    // 60,000 rows, each with an ID no reply can have: read row by row, each would be a skipped row.
    const text = `ID,内容\r\n${Array.from({ length: 60_000 }, (_, i) => `坏编号${i},亲，在的${i}`).join('\r\n')}`;
    expect(libraryFromCsv(text, { groups: [], templates: [] }, 'zh-CN')).toEqual({ ok: false, errors: ['话术过多（60000 条，上限 5000）'] });
    expect(libraryFromCsv(text, { groups: [], templates: [] }, 'en')).toEqual({ ok: false, errors: ['too many replies (60000, at most 5000)'] });
  });

  it('of exactly the limit is read as before', () => {
    const text = `内容\r\n${Array.from({ length: 5000 }, (_, i) => `亲，在的${i}`).join('\r\n')}`;
    const r = libraryFromCsv(text, { groups: [], templates: [] }, 'zh-CN');
    expect(r.ok && r.file.templates).toHaveLength(5000);
  });
});
