// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ImportExport } from './ImportExport';
import { AllData } from './AllData';
import { Customers } from './Customers';
import { LearnedPicks } from './LearnedPicks';
import { mountTab } from './testing';
import { outcomeText, refused } from './import-outcome';
import { getLocale, registerMessages, setLocale, t, type Locale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { planLibraryImport } from '@/lib/domain/templates/import-plan';
import { libraryFromCsv } from '@/lib/domain/templates/csv';
import { parseCustomersImport } from '@/lib/domain/customers/import-export';
import { customersFromCsv } from '@/lib/domain/customers/csv';
import { readAllData } from '@/lib/domain/all-data';
import { parseLearnedExport } from '@/lib/domain/suggest/learned-import';
import { encodeLegacy } from '@/test/legacy-encode';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));
afterEach(() => setLocale('zh-CN'));

/**
 * A statement that the data was left as it was, in either language: "nothing was imported" with
 * what it left unchanged is one statement, either half alone is one too.
 */
const UNCHANGED =
  /没有导入任何内容(?:，现有[^，。]+未改动)?|现有[^，。：]+(?:未改动|没有任何改动)|nothing was imported(?:; (?:your|the) [\w ]+ (?:is|are|was|were) (?:unchanged|not changed))?|(?:your|the) [\w ]+ (?:is|are|was|were) (?:unchanged|not changed)|nothing was changed/gi;
const NOW = Date.UTC(2026, 11, 4);
const here = { groups: [], templates: [] };

/** The background's answer to each import, made by the same checks the worker runs, in the interface's language. */
const worker = {
  importLibrary: (p: { json?: unknown; csv?: string }) => {
    const sheet = p.csv === undefined ? null : libraryFromCsv(p.csv, here, getLocale());
    if (sheet && !sheet.ok) return sheet;
    const plan = planLibraryImport(sheet ? sheet.file : p.json, here, getLocale());
    return plan.ok ? { ok: true, count: plan.summary.incoming, preview: plan.summary } : plan;
  },
  importCustomers: (p: { json: unknown }) => {
    const r = parseCustomersImport(p.json, NOW, getLocale());
    return r.ok ? { ok: true, count: r.customers.length } : r;
  },
  importAllData: (p: { json: unknown }) => {
    const r = readAllData(p.json, getLocale(), NOW);
    return r.ok ? { ok: true, preview: null } : r;
  },
  importLearned: (p: { json: unknown }) => {
    const r = parseLearnedExport(p.json, getLocale());
    return r.ok ? { ok: true, count: r.picks.length } : r;
  },
  getSettings: () => DEFAULT_APP_SETTINGS,
  listCustomers: () => ({ items: [], next: null, total: 0 }),
  exportCustomers: () => ({ items: [], next: null, total: 0 }),
  getLearned: () => ({ enabled: true, count: 0, cap: 5000, perScenario: {}, latest: [] }),
  getLibrary: () => ({ templates: [] }),
};

const TABS = {
  library: { tab: () => <ImportExport />, result: 'import-result' },
  data: { tab: () => <AllData />, result: 'all-result' },
  customers: { tab: () => <Customers />, result: 'customers-import-result' },
  learned: { tab: () => <LearnedPicks />, result: 'learned-message' },
};

const json = (v: unknown) => JSON.stringify(v);
const notJson = '{"format": "kefu-library", "templates": [{"id": "a", "ti';
const big5 = () => encodeLegacy('big5', '{"title": "歡迎光臨", "body": "親，您好！請問有什麼可以幫您的？"}');

/** 6,000 replies, each without an id: one problem per reply, were they looked at one by one. */
const hugeLibrary = () => ({ format: 'kefu-library', version: 1, templates: Array.from({ length: 6000 }, (_, i) => ({ title: `第${i}条`, body: '亲，在的', group: '常用', scenarios: [] })) });
/** 6,000 rows, each with an ID no reply can have: one skipped row each, were they read one by one. */
const hugeSheet = () => `ID,内容\r\n${Array.from({ length: 6000 }, (_, i) => `坏编号${i},亲，在的${i}`).join('\r\n')}`;

/**
 * Each refused import: the tab, its file input, the file, and the reason the agent should read
 * (as the check that refuses it words it, in the interface's language).
 */
const REFUSALS: { name: string; tab: keyof typeof TABS; input: string; file: () => string | Uint8Array<ArrayBuffer>; reason: () => string }[] = [
  { name: '话术库 JSON, not JSON', tab: 'library', input: 'import-file', file: () => notJson, reason: () => t('options.importNotJson') },
  { name: '话术库 JSON, another kind of file', tab: 'library', input: 'import-file', file: () => json({ format: 'kefu-notes', version: 1 }), reason: () => refusedBy(worker.importLibrary({ json: { format: 'kefu-notes', version: 1 } })) },
  { name: '话术库 JSON, a Big5 file', tab: 'library', input: 'import-file', file: big5, reason: () => t('options.importForeign', { which: t('options.importForeign.big5') }) },
  { name: '话术库 CSV, no column of replies', tab: 'library', input: 'import-csv-file', file: () => '标题,分组\r\n欢迎,问候', reason: () => refusedBy(libraryFromCsv('标题,分组\r\n欢迎,问候', here, getLocale())) },
  { name: '话术库 JSON, more replies than a library holds', tab: 'library', input: 'import-file', file: () => json(hugeLibrary()), reason: () => refusedBy(worker.importLibrary({ json: hugeLibrary() })) },
  { name: '话术库 CSV, more rows than a library holds', tab: 'library', input: 'import-csv-file', file: hugeSheet, reason: () => refusedBy(libraryFromCsv(hugeSheet(), here, getLocale())) },
  { name: '客户档案 JSON, not JSON', tab: 'customers', input: 'customers-import-file', file: () => notJson, reason: () => t('customers.import.json') },
  { name: '客户档案 JSON, from a newer extension', tab: 'customers', input: 'customers-import-file', file: () => json({ format: 'kefu-customers', version: 9, customers: [] }), reason: () => refusedBy(worker.importCustomers({ json: { format: 'kefu-customers', version: 9, customers: [] } })) },
  { name: '客户档案 CSV, no column of buyers', tab: 'customers', input: 'customers-csv-file', file: () => '备注,手机\r\n只发顺丰,', reason: () => refusedBy(customersFromCsv('备注,手机\r\n只发顺丰,', { now: NOW, platform: 'taobao', maskPii: true, zone: 480, existing: [], locale: getLocale() })) },
  { name: '全部数据, from a newer extension', tab: 'data', input: 'all-import-file', file: () => json({ format: 'kefu-all-data', version: 9 }), reason: () => refusedBy(worker.importAllData({ json: { format: 'kefu-all-data', version: 9 } })) },
  { name: '全部数据, another kind of file', tab: 'data', input: 'all-import-file', file: () => json({ format: 'kefu-customers', version: 2, customers: [] }), reason: () => refusedBy(worker.importAllData({ json: { format: 'kefu-customers', version: 2, customers: [] } })) },
  { name: '学习记录, not a learned-picks file', tab: 'learned', input: 'learned-import', file: () => json({ kind: 'kf-notes' }), reason: () => refusedBy(worker.importLearned({ json: { kind: 'kf-notes' } })) },
  { name: '学习记录, a damaged pick', tab: 'learned', input: 'learned-import', file: () => json({ kind: 'kf-learned', v: 1, picks: [{ id: 'p1' }] }), reason: () => refusedBy(worker.importLearned({ json: { kind: 'kf-learned', v: 1, picks: [{ id: 'p1' }] } })) },
];

function refusedBy(r: unknown): string {
  const errors = (r as { ok: boolean; errors?: string[] }).errors;
  expect(errors, 'the file is refused').toHaveLength(1);
  return errors![0]!;
}

async function chooseFile(tab: keyof typeof TABS, input: string, content: string | Uint8Array<ArrayBuffer>) {
  const m = await mountTab(TABS[tab].tab(), worker);
  const el = m.q(`[data-kf="${input}"]`) as HTMLInputElement;
  Object.defineProperty(el, 'files', { value: [new File([content], input.includes('csv') ? 'sheet.csv' : 'file.json')], configurable: true });
  await act(async () => {
    el.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
  return { ...m, shown: m.q(`[data-kf="${TABS[tab].result}"]`)?.textContent ?? '' };
}

/** How often `part` occurs in `text`. */
const times = (text: string, part: string) => text.split(part).length - 1;

describe('a refused import gives its reason once and says once that nothing changed', () => {
  const cases = (['zh-CN', 'en'] as Locale[]).flatMap((locale) => REFUSALS.map((r) => ({ ...r, locale })));
  it.each(cases)('$name ($locale)', async (c) => {
    setLocale(c.locale);
    const reason = c.reason();
    const { shown } = await chooseFile(c.tab, c.input, c.file());
    // The reason as the check words it (in English its first letter is raised on a line of its own).
    const core = reason.slice(1).replace(/[。.]$/, '');
    expect(times(shown, core), shown).toBe(1);
    expect(shown.match(UNCHANGED) ?? [], shown).toHaveLength(1);
  });
});

describe('a library file too big to hold', () => {
  it('is refused on its count in the options page, not sent to the background', async () => {
    const { call, shown } = await chooseFile('library', 'import-file', json(hugeLibrary()));
    expect(shown).toContain('话术过多（6000 条，上限 5000）');
    expect(call.mock.calls.map(([verb]) => verb)).not.toContain('importLibrary');
  });
});

describe('an import outcome keeps its reasons apart from its ending', () => {
  it('says the ending after the reasons where no heading says it, whatever the reasons say', () => {
    expect(outcomeText(refused('learned', ['第 1 条记录不完整或已损坏（文件可能被改动过）', '第 2 条记录不完整或已损坏（文件可能被改动过）']))).toBe(
      '第 1 条记录不完整或已损坏（文件可能被改动过）；第 2 条记录不完整或已损坏（文件可能被改动过）。没有导入任何内容，现有学习记录未改动。',
    );
    setLocale('en');
    expect(outcomeText(refused('library', ['the file has no reply that can be imported']))).toBe('The file has no reply that can be imported. Nothing was imported; the library was not changed.');
    expect(outcomeText(refused('data', ['This is not an “all data” export.']))).toBe('This is not an “all data” export. Nothing was imported; your data is unchanged.');
  });

});
