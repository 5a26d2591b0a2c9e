// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { exportAllCustomers, importCustomersFile, TRANSFER_CHUNK } from './Customers';
import { newCustomer, parseCustomersImport } from '@/lib/domain/customers';
import type { OptionsApi } from './OptionsContext';

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
    const r = await importCustomersFile(api, '{oops');
    expect(r.ok).toBe(false);
    expect(api.calls).toEqual([]);
  });
});
