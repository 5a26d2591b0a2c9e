import { describe, expect, it } from 'vitest';
import type { Template, TemplateLibrary } from './types';
import {
  LIBRARY_FORMAT,
  exportLibrary,
  newTemplateId,
  normalizeTemplate,
  parseLibraryImport,
  type ParseLibraryResult,
} from './validate';

const good = (over: Partial<Template> = {}): Template => ({
  id: 'ship-today',
  title: '发货时间',
  body: '{截单时间}前付款{发货日}发出',
  group: '发货物流',
  scenarios: ['shipping-time'],
  code: 'fh',
  ...over,
});

const file = (templates: unknown[], rest: Record<string, unknown> = {}) => ({
  format: LIBRARY_FORMAT,
  version: 1,
  groups: ['发货物流'],
  templates,
  ...rest,
});

function errorsOf(r: ParseLibraryResult): string[] {
  if (r.ok) throw new Error('expected the import to be rejected');
  return r.errors;
}

/** The problems as the Chinese and the English interface word them. */
function errorsIn(input: unknown): { zh: string[]; en: string[] } {
  return { zh: errorsOf(parseLibraryImport(input, 'zh-CN')), en: errorsOf(parseLibraryImport(input, 'en')) };
}

describe('parseLibraryImport: file shape', () => {
  it('rejects text that is not JSON', () => {
    expect(errorsIn('{"format": ')).toEqual({
      zh: ['文件不是有效的 JSON：可能下载或复制时被截断，或者不是本插件导出的文件。'],
      en: ['The file is not valid JSON: it may have been cut off while downloading or copying, or it is not a file exported by this extension.'],
    });
  });

  it.each([null, 42, 'null', [], true, { format: 'other', version: 1, templates: [] }, { templates: [] }])(
    'refuses %j as not a library export, saying which file to choose and how to get one, in the agent\'s words',
    (input) => {
      expect(errorsIn(input)).toEqual({
        zh: ['这不是话术库的导出文件：请选择在「导入 / 导出」页用「导出话术库」保存的文件（文件名类似 kefu-library-20261203.json）；Excel/WPS 表格请用「导入 CSV 表格」。'],
        en: ['This is not a reply-library export: choose a file saved with “Export library” on the Import / export tab (named like kefu-library-20261203.json); for an Excel/WPS sheet use “Import CSV sheet”.'],
      });
    },
  );

  it('rejects an unknown version, telling a newer file from a broken one', () => {
    expect(parseLibraryImport(file([], { version: 3 }), 'zh-CN')).toEqual({ ok: false, errors: ['文件版本 3 来自更新版本的插件（本插件读取版本 2），请先升级插件'] });
    expect(parseLibraryImport(file([], { version: '1' }), 'zh-CN')).toEqual({ ok: false, errors: ['文件版本 "1" 无法识别（本插件读取版本 2），文件可能被改动过'] });
    expect(parseLibraryImport(file([], { version: undefined }), 'zh-CN')).toEqual({ ok: false, errors: ['文件版本号缺失（本插件读取版本 2），文件可能被改动过'] });
    expect(errorsIn(file([], { version: 3 })).en).toEqual(['File version 3 comes from a newer version of the extension (this one reads version 2); update the extension first']);
    expect(errorsIn(file([], { version: '1' })).en).toEqual(['File version "1" is not one this extension knows (this one reads version 2); the file may have been edited']);
  });

  it('requires templates to be a list', () => {
    expect(errorsOf(parseLibraryImport({ format: LIBRARY_FORMAT, version: 1 }))).toEqual(['缺少话术列表（templates）（the list of replies (templates) is missing）']);
    expect(errorsOf(parseLibraryImport(file({} as unknown as unknown[])))[0]).toMatch(/话术列表（templates）应为列表/);
  });

  it('requires groups, when present, to be a list of text', () => {
    expect(errorsOf(parseLibraryImport(file([good()], { groups: '发货物流' })))[0]).toMatch(/分组（groups）应为列表/);
    expect(errorsOf(parseLibraryImport(file([good()], { groups: ['发货物流', 7] })))[0]).toMatch(
      /第 2 个分组应为文字/,
    );
  });

  it('accepts an empty library', () => {
    const r = parseLibraryImport(file([], { groups: [] }));
    expect(r).toEqual({ ok: true, library: { groups: [], templates: [] }, extra: {}, warnings: [] });
  });
});

describe('parseLibraryImport: entries', () => {
  it('names the entry by index and id for an unknown scenario', () => {
    const r = parseLibraryImport(file([good({ id: 'a', code: 'a' }), good({ id: 'b', code: 'b' }), { ...good({ id: 'x', code: 'x' }), scenarios: ['foo'] }]));
    expect(errorsOf(r)).toEqual(['第 3 条话术（id "x"）：适用场景里有未知的场景 "foo"（reply 3 (id "x"): the situations include an unknown one, "foo"）']);
  });

  it('names an entry by title when it has no id', () => {
    const { id: _omit, ...noId } = good();
    expect(errorsIn(file([noId]))).toEqual({ zh: ['第 1 条话术（标题 "发货时间"）：缺少编号（id）'], en: ['reply 1 (title "发货时间"): the id is missing'] });
  });

  it('rejects an empty body', () => {
    expect(errorsIn(file([good({ body: '   ' })]))).toEqual({ zh: ['第 1 条话术（id "ship-today"）：内容为空'], en: ['reply 1 (id "ship-today"): the text is empty'] });
  });

  it('rejects duplicate ids, pointing at the first one', () => {
    const r = parseLibraryImport(file([good(), good({ code: 'fh2' })]));
    expect(errorsOf(r)).toEqual(['第 2 条话术（id "ship-today"）：编号（id）与第 1 条重复（reply 2 (id "ship-today"): same id as reply 1）']);
  });

  it('rejects duplicate codes, case-insensitively', () => {
    expect(errorsIn(file([good(), good({ id: 'other-one', code: 'FH' })]))).toEqual({
      zh: ['第 2 条话术（id "other-one"）：简码 "fh" 与第 1 条重复'],
      en: ['reply 2 (id "other-one"): shortcut code "fh" is already used by reply 1'],
    });
  });

  it('rejects a malformed code', () => {
    expect(errorsOf(parseLibraryImport(file([good({ code: '发货' })])))[0]).toMatch(
      /第 1 条话术（id "ship-today"）：简码 "发货" 只能用英文小写字母和数字/,
    );
    expect(errorsOf(parseLibraryImport(file([{ ...good(), code: 5 }])))[0]).toMatch(/简码（code）应为文字/);
    expect(errorsIn(file([good({ code: 'a'.repeat(17) }), { ...good({ id: 'b' }), code: 5 }, good({ id: 'c', code: '发货' })])).en).toEqual([
      'reply 1 (id "ship-today"): shortcut code "aaaaaaaaaaaaaaaaa" is too long (at most 16 characters)',
      'reply 2 (id "b"): the shortcut code (code) must be text',
      'reply 3 (id "c"): shortcut code "发货" may only use lowercase letters a-z and digits 0-9',
    ]);
  });

  it('rejects wrong types and over-long text', () => {
    const errors = errorsIn(file([{ ...good(), title: 3, scenarios: 'greeting' }, good({ id: 'long', code: 'l', body: '啊'.repeat(2001) })]));
    expect(errors).toEqual({
      zh: [
        '第 1 条话术（id "ship-today"）：标题（title）应为文字',
        '第 1 条话术（id "ship-today"）：适用场景（scenarios）应为列表',
        '第 2 条话术（id "long"）：内容过长（2001 字，上限 2000）',
      ],
      en: [
        'reply 1 (id "ship-today"): the title (title) must be text',
        'reply 1 (id "ship-today"): the situations (scenarios) must be a list',
        'reply 2 (id "long"): the text is too long (2001 characters, at most 2000)',
      ],
    });
  });

  it('rejects an entry that is not an object', () => {
    expect(errorsIn(file([good(), 'hello']))).toEqual({ zh: ['第 2 条话术：不是一条完整的话术（文件可能被改动过）'], en: ['reply 2: is not a complete reply (the file may have been edited)'] });
  });

  it('rejects ids with spaces or Chinese characters', () => {
    expect(errorsIn(file([good({ id: '发货 时间' })]))).toEqual({
      zh: ['第 1 条话术（id "发货 时间"）：编号（id）只能用英文字母、数字和 - _ . :'],
      en: ['reply 1 (id "发货 时间"): the id may only use English letters, digits and - _ . :'],
    });
  });

  it('reports every problem at once and writes nothing', () => {
    const r = parseLibraryImport(file([good({ body: '' }), good({ id: 'b', code: 'b', scenarios: ['nope' as never] })]));
    expect(errorsOf(r)).toHaveLength(2);
  });

  it('caps a flood of problems with a summary line', () => {
    const bad = Array.from({ length: 80 }, (_, i) => good({ id: `t${i}`, code: `c${i}`, body: '' }));
    const errors = errorsIn(file(bad));
    expect(errors.zh).toHaveLength(51);
    expect(errors.zh[50]).toBe('还有 30 处问题未列出');
    expect(errors.en[50]).toBe('30 more problems not listed');
  });

  it('adds a group used by a template but missing from groups, with a warning', () => {
    const r = parseLibraryImport(file([good({ group: '新分组' })]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.library.groups).toEqual(['发货物流', '新分组']);
    expect(r.warnings).toEqual(['已自动添加分组 "新分组"（group "新分组" added）']);
    expect(parseLibraryImport(file([good({ group: '新分组' })]), 'en')).toMatchObject({ warnings: ['group "新分组" added'] });
    expect(parseLibraryImport(file([good({ group: '新分组' })]), 'zh-CN')).toMatchObject({ warnings: ['已自动添加分组 "新分组"'] });
  });

  it('normalises harmless variations: whitespace, CRLF, case of code, repeated scenarios, missing scenarios', () => {
    const { scenarios: _s, ...noScenarios } = good({ id: 'n', code: undefined });
    const r = parseLibraryImport(
      file([
        { ...good({ title: ' 发货时间 ', body: '第一行\r\n第二行 ', code: ' FH ', scenarios: ['delay', 'delay'] }), note: 'dropped' },
        noScenarios,
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.library.templates[0]).toEqual({
      id: 'ship-today',
      title: '发货时间',
      body: '第一行\n第二行',
      group: '发货物流',
      scenarios: ['delay'],
      code: 'fh',
    });
    expect(r.library.templates[1]?.scenarios).toEqual(['other']);
    expect(r.library.templates[1]).not.toHaveProperty('code');
  });
});

describe('parseLibraryImport: the order states a reply fits (orders)', () => {
  it('keeps them, in their fixed order and each once', () => {
    const r = parseLibraryImport(file([good({ orders: ['shipped', 'paid', 'shipped'] })]));
    expect(r.ok && r.library.templates[0]!.orders).toEqual(['paid', 'shipped']);
  });

  it('reads absent, null or an empty list as any state', () => {
    for (const orders of [undefined, null, []]) {
      const r = parseLibraryImport(file([{ ...good(), orders }]));
      expect(r.ok && r.library.templates[0], JSON.stringify(orders)).not.toHaveProperty('orders');
    }
  });

  it('rejects an unknown state or a value that is not a list, naming the entry (1-based)', () => {
    const r = parseLibraryImport(
      file([good({ id: 'a', code: 'a' }), { ...good({ id: 'b', code: 'b' }), orders: ['paid', '已发货'] }, { ...good({ id: 'c', code: 'c' }), orders: 'shipped' }]),
    );
    expect(errorsOf(r)).toEqual([
      '第 2 条话术（id "b"）：适用订单状态里有未知的状态 "已发货"，可用 unpaid、paid、shipped、refunding、completed（reply 2 (id "b"): the order states include an unknown one, "已发货"; use unpaid, paid, shipped, refunding, completed）',
      '第 3 条话术（id "c"）：适用订单状态（orders）应为列表（reply 3 (id "c"): the order states it fits (orders) must be a list）',
    ]);
  });

  it("rejects 'closed': a closed order is never looked at, so no reply can fit it", () => {
    expect(errorsOf(parseLibraryImport(file([{ ...good(), orders: ['closed'] }])))[0]).toContain('未知的状态 "closed"');
  });
});

describe('parseLibraryImport: the interface language', () => {
  const bad = {
    format: 'kefu-library',
    version: 1,
    groups: ['售后', 7],
    templates: [
      { id: 'ok-1', title: '好', body: '好的', group: '售后', scenarios: ['thanks'], code: 'hao' },
      { id: 'bad-2', title: '坏', body: '', group: '售后', scenarios: ['nope'] },
      { title: '无编号', body: 'x', group: '售后', code: 'HAO!' },
      { id: 'ok-1', title: '重复', body: 'y', group: '售后' },
    ],
  };

  /** Each problem as the Chinese and the English interface word it. */
  const expected = [
    ['第 2 个分组应为文字', 'group 2 must be text'],
    ['第 2 条话术（id "bad-2"）：内容为空', 'reply 2 (id "bad-2"): the text is empty'],
    ['第 2 条话术（id "bad-2"）：适用场景里有未知的场景 "nope"', 'reply 2 (id "bad-2"): the situations include an unknown one, "nope"'],
    ['第 3 条话术（标题 "无编号"）：缺少编号（id）', 'reply 3 (title "无编号"): the id is missing'],
    ['第 3 条话术（标题 "无编号"）：简码 "HAO!" 只能用英文小写字母和数字', 'reply 3 (title "无编号"): shortcut code "HAO!" may only use lowercase letters a-z and digits 0-9'],
    ['第 4 条话术（id "ok-1"）：编号（id）与第 1 条重复', 'reply 4 (id "ok-1"): same id as reply 1'],
  ] as const;

  it('in the Chinese interface: Chinese alone, each entry still named by its number from 1 and its id or title', () => {
    expect(errorsOf(parseLibraryImport(bad, 'zh-CN'))).toEqual(expected.map(([zh]) => zh));
  });

  it('in the English interface: English alone, the entry named in English too (number from 1, id or title)', () => {
    const en = errorsOf(parseLibraryImport(bad, 'en'));
    expect(en).toEqual(expected.map(([, english]) => english));
    // No Chinese outside the quoted values the file itself holds.
    expect(en.join('\n').replace(/"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff（）：]/);
  });

  it('when the language is not said: each problem in Chinese, then in English in brackets', () => {
    expect(errorsOf(parseLibraryImport(bad))).toEqual(expected.map(([zh, en]) => `${zh}（${en}）`));
  });

  it('words the file-level problems in one language too (groups, templates, their limits)', () => {
    const many = { format: 'kefu-library', version: 1, groups: Array.from({ length: 201 }, (_, i) => `g${i}`), templates: 'x' };
    expect(errorsIn(many)).toEqual({
      zh: ['分组过多（201 个，上限 200）', '话术列表（templates）应为列表'],
      en: ['too many groups (201, at most 200)', 'the list of replies (templates) must be a list'],
    });
    expect(errorsIn({ format: 'kefu-library', version: 1, groups: ['x'.repeat(31)] })).toEqual({
      zh: [`第 1 个分组 "${'x'.repeat(30)}…" 名称过长（上限 30 字）`, '缺少话术列表（templates）'],
      en: [`group 1 "${'x'.repeat(30)}…": the name is too long (at most 30 characters)`, 'the list of replies (templates) is missing'],
    });
  });
});

describe('exportLibrary / round trip', () => {
  const lib: TemplateLibrary = {
    groups: ['欢迎问候', '发货物流'],
    templates: [
      good(),
      { id: 'hello', title: '欢迎', body: '{买家}您好～', group: '欢迎问候', scenarios: ['greeting', 'thanks'] },
      { id: 'shipped-addr', title: '已发货改地址', body: '订单已经发出了', group: '发货物流', scenarios: ['address-change'], orders: ['shipped'] },
    ],
  };

  it('writes the kefu-library format with extra sections beside it', () => {
    const out = exportLibrary(lib, { remarkRules: { convention: 'A' }, settings: { cutoff: '15:30' } });
    expect(out.format).toBe('kefu-library');
    expect(out.version).toBe(2);
    expect(out.groups).toEqual(lib.groups);
    expect(out.templates).toEqual(lib.templates);
    expect(out.remarkRules).toEqual({ convention: 'A' });
  });

  it('does not let extra sections overwrite the library', () => {
    const out = exportLibrary(lib, { templates: [], format: 'x', version: 9 });
    expect(out.templates).toHaveLength(3);
    expect(out.format).toBe('kefu-library');
    expect(out.version).toBe(2);
  });

  it('is version 2 since replies carry orders, so a version that reads only 1 refuses it instead of dropping them; version 1 is still read, orders and all', () => {
    const out = exportLibrary(lib);
    expect(out.version).toBe(2);
    expect(out.templates.find((t) => t.id === 'shipped-addr')?.orders).toEqual(['shipped']);
    for (const version of [1, 2]) {
      const r = parseLibraryImport(JSON.parse(JSON.stringify({ ...out, version })));
      expect(r.ok && r.library.templates.find((t) => t.id === 'shipped-addr')?.orders, `version ${version}`).toEqual(['shipped']);
    }
  });

  it('round-trips identically through JSON text, extra sections included', () => {
    const extra = { remarkRules: { convention: 'B', flags: ['yellow', 'purple'] }, settings: { cutoff: '15:30' } };
    const text = JSON.stringify(exportLibrary(lib, extra));
    const r = parseLibraryImport(text);
    expect(r).toEqual({ ok: true, library: lib, extra, warnings: [] });
  });

  it('keeps a __proto__ key out of extra', () => {
    const r = parseLibraryImport('{"format":"kefu-library","version":1,"groups":[],"templates":[],"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.extra)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('normalizeTemplate / newTemplateId', () => {
  it('is idempotent', () => {
    const once = normalizeTemplate(good({ title: ' a ', body: 'x\r\ny ', code: ' AB ', scenarios: [] }));
    expect(once).toEqual({ ...good(), title: 'a', body: 'x\ny', code: 'ab', scenarios: ['other'] });
    expect(normalizeTemplate(once)).toEqual(once);
  });

  it('puts order states in their fixed order and drops an empty list', () => {
    expect(normalizeTemplate(good({ orders: ['shipped', 'unpaid'] })).orders).toEqual(['unpaid', 'shipped']);
    expect(normalizeTemplate(good({ orders: [] }))).not.toHaveProperty('orders');
  });

  it('drops a blank code', () => {
    expect(normalizeTemplate(good({ code: '  ' }))).not.toHaveProperty('code');
  });

  it('makes fresh ids that pass validation and avoid taken ones', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newTemplateId()));
    expect(ids.size).toBe(200);
    const id = newTemplateId(ids);
    expect(ids.has(id)).toBe(false);
    expect(parseLibraryImport(file([good({ id })])).ok).toBe(true);
  });
});

describe('a file longer than a library', () => {
  it('is refused on its count alone: 60,000 replies each missing its id give the one limit message', () => {
    const templates = Array.from({ length: 60_000 }, (_, i) => ({ title: `第${i}条`, body: '亲，在的', group: '常用', scenarios: [] }));
    expect(parseLibraryImport({ format: 'kefu-library', version: 1, templates }, 'zh-CN')).toEqual({ ok: false, errors: ['话术过多（60000 条，上限 5000）'] });
  });
});
