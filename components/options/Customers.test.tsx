// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Customers, exportAllCustomers, importCustomersFile, TRANSFER_CHUNK } from './Customers';
import { appendEvent, applyPatch, makeEvent, matchesQuery, newCustomer, parseCustomersImport } from '@/lib/domain/customers';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { mountTab } from './testing';
import type { OptionsApi } from './OptionsContext';
import { onComputerZone } from '@/lib/domain/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

const NOW = Date.UTC(2026, 0, 1);

function fakeApi(handler: (verb: string, payload: any) => unknown): OptionsApi & { calls: [string, any][] } {
  const calls: [string, any][] = [];
  return {
    calls,
    call: (async (verb: string, payload: any) => {
      calls.push([verb, payload]);
      return handler(verb, payload);
    }) as OptionsApi['call'],
    onChanged: () => () => {},
  };
}

describe('customers export and import from the options page', () => {
  it('builds the export file from pages, in the format import accepts', async () => {
    const all = Array.from({ length: 12 }, (_, i) => newCustomer('demo', `买家${String(i).padStart(2, '0')}`, NOW));
    const api = fakeApi((_verb, p) => {
      const start = p.after ? all.findIndex((c) => c.key === p.after) + 1 : 0;
      const items = all.slice(start, start + 5);
      return { items, next: start + 5 < all.length ? items.at(-1)!.key : null, total: all.length };
    });
    const progress: number[] = [];
    const { text, count } = await exportAllCustomers(api, (done) => progress.push(done));
    expect(count).toBe(12);
    expect(progress).toEqual([5, 10, 12]);
    const parsed = parseCustomersImport(text, NOW);
    expect(parsed.ok && parsed.customers).toEqual(all);
  });

  it('sends a small file in one message and a large one in parts, then commits', async () => {
    const api = fakeApi((verb, p) => (verb === 'importCustomers' ? { ok: true, count: 1 } : { staged: p.customers.length }));
    await importCustomersFile(api, JSON.stringify({ format: 'kefu-customers', version: 1, exportedAt: 1, customers: [{}] }));
    expect(api.calls.map((c) => c[0])).toEqual(['importCustomers']);

    api.calls.length = 0;
    const big = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: Array.from({ length: TRANSFER_CHUNK * 2 + 1 }, (_, i) => ({ n: i })) };
    await importCustomersFile(api, JSON.stringify(big));
    expect(api.calls.map((c) => c[0])).toEqual(['stageCustomersImport', 'stageCustomersImport', 'stageCustomersImport', 'importCustomers']);
    const upload = api.calls[0]![1].upload;
    expect(api.calls.every((c) => (c[1].upload ?? upload) === upload)).toBe(true);
    expect(api.calls[3]![1].json).toMatchObject({ format: 'kefu-customers', customers: [] });
  });

  it('refuses text that is not JSON without calling the background', async () => {
    const api = fakeApi(() => {
      throw new Error('not called');
    });
    const r = await importCustomersFile(api, '{"format": "kefu-customers", "version": 2, "customers": [{"nick');
    expect(r.ok).toBe(false);
    // What likely happened, in Chinese, and that nothing changed; not the parser's English.
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^文件不是有效的 JSON：可能.*截断.*没有导入任何内容，现有客户档案未改动。$/)]);
    expect(api.calls).toEqual([]);
  });
});

describe('客户档案 list', () => {
  const noMask = { maskPii: false };
  const xiaolu = ['要开发票，抬头写公司', '改发顺丰', '下次推荐大一码'].reduce(
    (c, text, i) => appendEvent(c, makeEvent('note', NOW + (i + 1) * 60_000, text), noMask),
    applyPatch(newCustomer('demo', '小鹿乱撞0521', NOW, 'u-1001'), { preferences: '喜欢宽松' }, NOW, noMask),
  );
  const mili = applyPatch(newCustomer('demo', '米粒妈妈', NOW, 'u-1008'), { note: '老客户' }, NOW, noMask);
  const page = (items: unknown[]) => ({ items, next: null, total: 2 });

  it('shows the latest notes saved from the buyer card under 备注 / 偏好, and finds the buyer by their words', async () => {
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => page([xiaolu, mili]),
      searchCustomers: (q: { query: string }) => page([xiaolu, mili].filter((c) => matchesQuery(c, q.query))),
    });
    await act(() => new Promise((r) => setTimeout(r, 250)));
    const cell = () => tab.q('tr[data-key="demo#u-1001"] [data-kf="customer-notes"]')?.textContent ?? '';
    expect(cell()).toMatch(/下次推荐大一码\n.*改发顺丰\n喜欢宽松/);
    expect(cell()).not.toContain('要开发票');
    expect(cell()).toContain('还有 1 条较早的备注');
    const search = tab.q('[data-kf="customers-search"]') as HTMLInputElement;
    await act(() => {
      search.value = '发票';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => new Promise((r) => setTimeout(r, 250)));
    expect([...tab.m.root.querySelectorAll('[data-kf="customer-nick"]')].map((n) => n.textContent)).toEqual(['小鹿乱撞0521']);
  });
});

describe('客户档案 on a computer in Los Angeles', () => {
  onComputerZone('America/Los_Angeles');

  it('dates the last visit and the notes in shop time, as the popup and the remarks do', async () => {
    // 20:00 UTC on 1 January: 2 January 04:00 in Beijing, still 1 January in Los Angeles.
    const at = Date.UTC(2026, 0, 1, 20, 0);
    const c = appendEvent(newCustomer('demo', '米粒妈妈', at, 'u-1008'), makeEvent('note', at, '只发顺丰'), { maskPii: false });
    const tab = await mountTab(<Customers />, { getSettings: () => DEFAULT_APP_SETTINGS, listCustomers: () => ({ items: [c], next: null, total: 1 }) });
    await act(() => new Promise((r) => setTimeout(r, 250)));
    const cells = [...tab.q('tr[data-key="demo#u-1008"]')!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[4]).toBe('2026-01-02 只发顺丰');
    expect(cells[5]).toBe('2026-01-02');
  });
});
