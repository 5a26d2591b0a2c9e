// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Customers, exportAllCustomers, importCustomersFile, TRANSFER_CHUNK } from './Customers';
import { appendEvent, applyPatch, makeEvent, matchesQuery, newCustomer, parseCustomersImport } from '@/lib/domain/customers';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { mountTab, until } from './testing';
import type { OptionsApi } from './OptionsContext';
import { onComputerZone } from '@/lib/domain/testing';
import { CallError } from '@/lib/messaging/client';
import { setLocale } from '@/lib/i18n';

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

  it('sends a large file whole again when the worker lost its parts (stopped and started again between them), once', async () => {
    const big = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: Array.from({ length: TRANSFER_CHUNK * 2 + 1 }, (_, i) => ({ n: i })) };
    // The worker restarts after the first part: the second, not following anything it holds, is refused.
    let lost = 1;
    const api = fakeApi((verb, p) => {
      if (verb === 'stageCustomersImport' && p.from > 0 && lost-- > 0) throw new CallError('upload-lost', 'stageCustomersImport: part from 5000, 0 held');
      return verb === 'importCustomers' ? { ok: true, count: p.count } : { staged: p.from + p.customers.length };
    });
    expect(await importCustomersFile(api, JSON.stringify(big))).toEqual({ ok: true, count: TRANSFER_CHUNK * 2 + 1 });
    const sent = api.calls.map(([verb, p]) => `${verb}${p.from ?? ''}`);
    expect(sent).toEqual(['stageCustomersImport0', 'stageCustomersImport5000', 'stageCustomersImport0', 'stageCustomersImport5000', 'stageCustomersImport10000', 'importCustomers']);
    // The second sending is a new upload, and the commit names it with every buyer of the file.
    const [first, again] = [api.calls[0]![1].upload, api.calls[2]![1].upload];
    expect(again).not.toBe(first);
    expect(api.calls[5]![1]).toMatchObject({ upload: again, count: TRANSFER_CHUNK * 2 + 1, json: { customers: [] } });
  });

  it('a second loss of the parts is said in words: nothing imported, import again', async () => {
    const big = JSON.stringify({ format: 'kefu-customers', version: 1, exportedAt: 1, customers: Array.from({ length: TRANSFER_CHUNK + 1 }, (_, i) => ({ n: i })) });
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [], next: null, total: 0 }),
      stageCustomersImport: (p: any) => ({ staged: p.from + p.customers.length }),
      importCustomers: () => {
        throw new CallError('upload-lost', 'importCustomers: 0 of 5001 staged buyers here');
      },
    });
    await chooseBuyerFile(tab, big);
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toContain('文件传给扩展后台时后台重新启动了两次，文件没有导入，什么都没有改动；请再导入一次');
  });

  it('a full disk at 导入 (its safety copy refused before any buyer was written) says nothing was imported and what to do', async () => {
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [], next: null, total: 0 }),
      importCustomers: () => {
        throw new CallError('quota', 'The quota has been exceeded.');
      },
    });
    await chooseBuyerFile(tab);
    // Before: 操作失败：存储空间已满 — nothing said of the buyers here, or what to do.
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toBe(
      '没能导入：存储空间已满。没有导入任何内容，现有客户档案未改动；请腾出磁盘空间或稍等片刻后再导入一次这个文件。',
    );
  });

  it('says before an import that everything is backed up first, and after it where to undo it', async () => {
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [], next: null, total: 0 }),
      importCustomers: () => ({ ok: true, count: 2, backedUp: true }),
    });
    expect(tab.q('[data-kf="customers-transfer"] .kf-help')!.textContent).toContain('导入前会自动备份全部数据，导入后如需撤销，可在「备份」页恢复。');
    await chooseBuyerFile(tab);
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toBe('已导入 2 位客户。导入前的数据已备份，可在「备份」页恢复。');
  });

  it.each([
    [{ ok: true, count: 1, added: 0, updated: 0, unchanged: 1, backedUp: false }, '没有需要导入的内容：文件里的 1 位客户与现有档案相同或比现有的旧，现有客户档案未改动。'],
    [{ ok: true, count: 3, added: 1, updated: 1, unchanged: 1, backedUp: true }, '已导入：新增 1 位客户，更新 1 位，1 位与现有的相同或比现有的旧（未改动）。导入前的数据已备份，可在「备份」页恢复。'],
  ])('says what a buyer import changed: nothing, or how many new, updated and left as they were (%j)', async (answer, said) => {
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [], next: null, total: 0 }),
      importCustomers: () => answer,
    });
    await chooseBuyerFile(tab);
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toBe(said);
  });

  it('in English, lists the problems of a refused buyer file as sentences, with a capital', async () => {
    const { setLocale } = await import('@/lib/i18n/lookup');
    setLocale('en');
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [], next: null, total: 0 }),
      importCustomers: () => ({ ok: false, errors: ['entry 2 "bob": the tags must be a list', 'File version 9 comes from a newer version'] }),
    });
    await chooseBuyerFile(tab);
    const items = [...tab.q('[data-kf="customers-import-result"]')!.querySelectorAll('li')].map((li) => li.textContent);
    setLocale('zh-CN');
    expect(items).toEqual(['Entry 2 "bob": the tags must be a list', 'File version 9 comes from a newer version']);
  });

  it('says after a buyer import how many VIP revisits it scheduled and over how many days (the backlog, 20 a day)', async () => {
    // 45 revisits from Friday 2026-12-04 09:00 Beijing: 20, 20, 5.
    const day = (d: number) => Date.UTC(2026, 11, d, 1, 0);
    const revisits = [...Array(20).fill(day(4)), ...Array(20).fill(day(5)), ...Array(5).fill(day(6))];
    const imported = async () => {
      const tab = await mountTab(<Customers />, {
        getSettings: () => DEFAULT_APP_SETTINGS,
        listCustomers: () => ({ items: [], next: null, total: 0 }),
        importCustomers: () => ({ ok: true, count: 46, backedUp: true, revisits }),
      });
      await chooseBuyerFile(tab);
      return tab.q('[data-kf="customers-import-result"]')!.textContent;
    };
    expect(await imported()).toBe(
      '已导入 46 位客户。已为导入的 VIP 买家安排 45 次回访：上次联系已久的按每天最多 20 次排开，分布在 3 天（12-04 至 12-06），见工具栏弹窗的跟进清单。导入前的数据已备份，可在「备份」页恢复。',
    );
    const { setLocale } = await import('@/lib/i18n/lookup');
    setLocale('en');
    try {
      expect(await imported()).toContain('Scheduled 45 revisits of the imported VIP buyers: those not contacted for long are spread at most 20 a day, over 3 days (12-04 to 12-06)');
    } finally {
      setLocale('zh-CN');
    }
    revisits.splice(3);
    expect(await imported()).toContain('已为导入的 VIP 买家安排 3 次回访，都在 12-04，');
  });

  it('refuses text that is not JSON without calling the background', async () => {
    const api = fakeApi(() => {
      throw new Error('not called');
    });
    const r = await importCustomersFile(api, '{"format": "kefu-customers", "version": 2, "customers": [{"nick');
    expect(r.ok).toBe(false);
    // What likely happened, in Chinese, and that nothing changed; not the parser's English.
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^文件不是有效的 JSON：可能.*截断.*导出的客户文件。$/)]);
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
    await until(() => tab.q('tr[data-key="demo#u-1001"] [data-kf="customer-notes"]'));
    const cell = () => tab.q('tr[data-key="demo#u-1001"] [data-kf="customer-notes"]')?.textContent ?? '';
    expect(cell()).toMatch(/下次推荐大一码\n.*改发顺丰\n喜欢宽松/);
    expect(cell()).not.toContain('要开发票');
    expect(cell()).toContain('还有 1 条较早的备注');
    const search = tab.q('[data-kf="customers-search"]') as HTMLInputElement;
    await act(() => {
      search.value = '发票';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The search runs once the typing pauses: the list then holds only the buyer whose notes say it.
    await until(() => expect([...tab.m.root.querySelectorAll('[data-kf="customer-nick"]')].map((n) => n.textContent)).toEqual(['小鹿乱撞0521']));
    expect(tab.call).toHaveBeenCalledWith('searchCustomers', expect.objectContaining({ query: '发票' }));
  });
});

describe("客户档案 → 导出 / 导出表格: a buyer's request to see their data", () => {
  const sunny = applyPatch(newCustomer('demo', '阳光明媚的日子', NOW, 'u-1001'), { note: '手机 139****5678' }, NOW, { maskPii: true });
  const ref = { platform: 'demo', nickname: '阳光明媚的日子', buyerId: 'u-1001' };
  const data = {
    customer: sunny,
    followups: [{ v: 2, id: 'manual:1', kind: 'manual', title: '寄赠品', reason: '', buyer: '阳光明媚的日子', platform: 'demo', createdAt: NOW, dueAt: NOW, status: 'done', closedAt: NOW, note: '已寄出', source: 'manual' }],
    overrides: [{ at: NOW, platform: 'demo', orderId: '4012938475610293847', buyer: '阳光明媚的日子', flag: 'red', agent: '小美', reason: '急', problems: [], text: '调整收货时段' }],
    picks: [],
  };

  /** The files the tab downloads, as text. */
  function downloads(): Promise<string>[] {
    const files: Promise<string>[] = [];
    URL.createObjectURL = ((b: Blob) => (files.push(b.text()), 'blob:x')) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => {};
    return files;
  }

  it('writes everything the shop keeps about the buyer: JSON with readable times, and a sheet in sections', async () => {
    const files = downloads();
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [sunny], next: null, total: 1 }),
      exportCustomer: (p: unknown) => (expect(p).toEqual(ref), data),
    });
    await until(() => tab.q('[data-kf="customer-export"]'));
    expect(tab.q('[data-kf="customers-export-help"]')!.textContent).toContain('与删除这位买家时一并删除的内容相同');
    await tab.click('[data-kf="customer-export"]');
    await tab.click('[data-kf="customer-export-csv"]');
    await until(() => files.length === 2);
    const [json, csv] = await Promise.all(files);
    const file = JSON.parse(json!);
    expect(file.customers).toMatchObject([{ key: 'demo#u-1001', createdAt: NOW }]);
    expect(file.followups).toMatchObject([{ note: '已寄出', createdAt: '2026-01-01T08:00:00+08:00' }]);
    expect(file.remarkOverrides).toMatchObject([{ orderId: '4012938475610293847' }]);
    expect(csv!.startsWith('\uFEFF客户数据导出')).toBe(true);
    for (const part of ['跟进事项（1 条）', '寄赠品', '已寄出', '2026-01-01 08:00', '违规保存的订单备注记录（1 条）', '红旗', '学到的回复选择（0 条，买家消息已遮蔽）', '139****5678']) expect(csv).toContain(part);
  });

  it('says in the search box that a buyer id and a phone number can be searched', async () => {
    const tab = await mountTab(<Customers />, { getSettings: () => DEFAULT_APP_SETTINGS, listCustomers: () => ({ items: [], next: null, total: 0 }) });
    expect(tab.q('[data-kf="customers-search"]')!.getAttribute('placeholder')).toBe('搜索昵称、买家 ID、手机号（完整或后四位）、标签（#VIP）或备注内容');
  });
});

describe('客户档案 → 删除: what goes with the buyer', () => {
  const sunny = newCustomer('demo', '阳光明媚的日子', NOW, 'u-1001');
  const ref = { platform: 'demo', nickname: '阳光明媚的日子', buyerId: 'u-1001' };
  const counts = { buyers: 1, open: 2, done: 3, learned: 1, overrides: 1 };

  it('a full disk at 删除 (one buyer, or everyone) says it may be partly done — several writes, not one — and what to do, in English too', async () => {
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [sunny], next: null, total: 1 }),
      previewBuyerDeletion: () => counts,
      deleteCustomer: () => {
        throw new CallError('quota', 'The quota has been exceeded.');
      },
      deleteAllCustomers: () => {
        throw new CallError('quota', 'The quota has been exceeded.');
      },
    });
    await until(() => tab.q('[data-kf="customer-delete"]'));
    await tab.click('[data-kf="customer-delete"]');
    await tab.click('[data-kf="forget-keep-open"]');
    // Before: 操作失败：存储空间已满 — nothing said of what became of the buyer, or what to do.
    expect(tab.q('[data-kf="customers-message"]')!.textContent).toBe('没能删除：存储空间已满。可能已删除了一部分；请腾出磁盘空间或稍等片刻后再删除一次。');
    setLocale('en');
    try {
      await tab.click('[data-kf="customers-delete-all"]');
      await tab.click('[data-kf="customers-delete-all-yes"]');
      expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toBe(
        'Could not delete: the storage is full. Part of it may already be deleted; free some disk space or wait a moment, then delete again.',
      );
    } finally {
      setLocale('zh-CN');
    }
  });

  it('counts the done follow-ups, picks and override entries, and asks about the open follow-ups: kept anonymous when chosen', async () => {
    const deleteCustomer = vi.fn(() => ({ deleted: true, open: 2, done: 3, learned: 1, overrides: 1 }));
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [sunny], next: null, total: 1 }),
      previewBuyerDeletion: (p: unknown) => (expect(p).toEqual({ buyer: ref }), counts),
      deleteCustomer,
    });
    await until(() => tab.q('[data-kf="customer-delete"]'));
    await tab.click('[data-kf="customer-delete"]');
    const ask = tab.q('[data-kf="customer-delete-ask"]')!;
    expect(ask.textContent).toContain('确定删除「阳光明媚的日子」的全部记录吗');
    expect(tab.q('[data-kf="forget-also"]')!.textContent).toBe('同时删除：3 条已完成的跟进或 VIP 回访、1 条含买家昵称的学习记录。');
    expect(tab.q('[data-kf="forget-overrides"]')!.textContent).toContain('1 条会去掉买家名字');
    expect(tab.q('[data-kf="forget-open"]')!.textContent).toMatch(/^还有 2 条未完成的跟进.*一并删除，还是保留？/);
    // Nothing deleted by a stray Enter: Cancel has the focus.
    expect(document.activeElement?.getAttribute('data-kf')).toBe('forget-cancel');
    await tab.click('[data-kf="forget-keep-open"]');
    expect(deleteCustomer).toHaveBeenCalledWith({ ...ref, openFollowups: 'keep' });
    expect(tab.q('[data-kf="customers-message"]')!.textContent).toBe('已删除「阳光明媚的日子」的记录。 跟进：删除 3 条，匿名保留 2 条；学习记录删除 1 条。');
  });

  it('全部删除 counts everyone’s and deletes the open follow-ups too when that is chosen', async () => {
    const deleteAllCustomers = vi.fn(() => ({ deleted: 1, open: 2, done: 3, learned: 1, overrides: 1 }));
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [sunny], next: null, total: 1 }),
      previewBuyerDeletion: (p: unknown) => (expect(p).toEqual({}), counts),
      deleteAllCustomers,
    });
    await tab.click('[data-kf="customers-delete-all"]');
    expect(tab.q('[data-kf="customers-delete-all-confirm"]')!.textContent).toContain('确定删除全部 1 位客户的记录吗');
    await tab.click('[data-kf="customers-delete-all-yes"]');
    expect(deleteAllCustomers).toHaveBeenCalledWith({ confirm: true, openFollowups: 'delete' });
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toContain('跟进：删除 5 条，匿名保留 0 条');
  });

  it('全部删除 still running: 正在删除… is said and no file can be imported meanwhile (its answer would be overwritten by the deletion’s)', async () => {
    let finish: (v: unknown) => void = () => {};
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: [sunny], next: null, total: 1 }),
      previewBuyerDeletion: () => counts,
      deleteAllCustomers: () => new Promise((resolve) => (finish = resolve)),
    });
    await tab.click('[data-kf="customers-delete-all"]');
    await tab.click('[data-kf="customers-delete-all-yes"]');
    expect(tab.q('[data-kf="customers-transfer"] [role="status"]')?.textContent).toBe('正在删除…');
    expect((tab.q('[data-kf="customers-import-file"]') as HTMLInputElement).disabled).toBe(true);
    expect((tab.q('[data-kf="customers-export"]') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => finish({ deleted: 1, open: 0, done: 0, learned: 0, overrides: 0 }));
    await until(() => tab.q('[data-kf="customers-import-result"]'));
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toContain('已删除 1 位客户的记录。');
    expect((tab.q('[data-kf="customers-import-file"]') as HTMLInputElement).disabled).toBe(false);
    expect(tab.q('[data-kf="customers-transfer"] [role="status"]')).toBeNull();
  });
});

/** The agent picks a buyer JSON file in the import field; what the page says is then on screen. */
async function chooseBuyerFile(tab: { q(sel: string): Element | null }, text = '{"format": "kefu-customers", "version": 1, "customers": []}') {
  const input = tab.q('[data-kf="customers-import-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'customers.json')] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(() => tab.q('[data-kf="customers-import-result"]'));
}

/** Types into a field as the agent does (input events), optionally leaving it (change + blur). */
async function typeInto(el: Element | null, value: string, leave = false) {
  const field = el as HTMLInputElement;
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    if (leave) {
      field.dispatchEvent(new Event('change', { bubbles: true }));
      field.dispatchEvent(new Event('blur'));
    }
  });
}

describe('客户档案 → 保留天数', () => {
  const settingsWith = (retentionDays: number, maskPii = true) => ({ ...DEFAULT_APP_SETTINGS, privacy: { ...DEFAULT_APP_SETTINGS.privacy, retentionDays, maskPii } });

  function setup(preview = { customers: 12, learned: 30 }) {
    let stored = settingsWith(0);
    const patches: unknown[] = [];
    return mountTab(
      <Customers />,
      {
        getSettings: () => stored,
        listCustomers: () => ({ items: [], next: null, total: 0 }),
        previewRetention: () => preview,
        patchSettings: (p: { privacy: { retentionDays?: number; maskPii?: boolean } }) => {
          patches.push(p);
          stored = { ...stored, privacy: { ...stored.privacy, ...p.privacy } };
          return stored;
        },
      },
      { notify: ['patchSettings'] },
    ).then((tab) => ({
      ...tab,
      patches,
      /** Another tab saved settings. */
      setElsewhere: async (s: typeof stored) => {
        stored = s;
        await tab.changed();
      },
      box: () => tab.q('[data-kf="retention-days"]') as HTMLInputElement,
    }));
  }

  it('saves nothing when the agent types a period and leaves the box', async () => {
    const tab = await setup();
    await typeInto(tab.box(), '3', true);
    await tab.changed();
    expect(tab.patches).toEqual([]);
    expect(tab.call).not.toHaveBeenCalledWith('patchSettings', expect.anything());
    expect(tab.box().value).toBe('3');
    expect(tab.q('[data-kf="retention-unsaved"]')?.textContent).toBe('未保存');
  });

  it('says how many buyers and learned picks a period would delete, and saves it only when confirmed', async () => {
    const tab = await setup();
    await typeInto(tab.box(), '3');
    await tab.submit('[data-kf="retention-form"]'); // Enter in the box
    expect(tab.call).toHaveBeenCalledWith('previewRetention', { days: 3 });
    expect(tab.patches).toEqual([]);
    const dialog = tab.q('[data-kf="retention-confirm"]')!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain(
      '保留 3 天：下次每日清理（24 小时内）会永久删除 12 位客户的档案和 30 条学习记录（都已超过 3 天没有用到），本机备份中的也会一起删除，无法恢复。',
    );
    await tab.click('[data-kf="retention-confirm-yes"]');
    expect(tab.patches).toEqual([{ privacy: { retentionDays: 3 } }]);
    expect(tab.q('[data-kf="retention-confirm"]')).toBeNull();
    expect(tab.q('[data-kf="retention-status"]')?.textContent).toBe('已保存：超过 3 天未接待、未修改的客户会被自动清理。');
    expect(tab.q('[data-kf="retention-unsaved"]')).toBeNull();
  });

  it('cancelling keeps the period stored before', async () => {
    const tab = await setup({ customers: 1, learned: 0 });
    await typeInto(tab.box(), '3');
    await tab.click('[data-kf="retention-save"]');
    expect(tab.q('[data-kf="retention-confirm"]')!.textContent).toContain('会永久删除 1 位客户的档案（都已超过 3 天没有用到）');
    await tab.click('[data-kf="retention-confirm-no"]');
    expect(tab.patches).toEqual([]);
    expect(tab.box().value).toBe('0');
  });

  it('saves at once a period that deletes nothing now, and 0 (keep forever) without asking', async () => {
    const tab = await setup({ customers: 0, learned: 0 });
    await typeInto(tab.box(), '365');
    await tab.click('[data-kf="retention-save"]');
    expect(tab.q('[data-kf="retention-confirm"]')).toBeNull();
    expect(tab.patches).toEqual([{ privacy: { retentionDays: 365 } }]);
    tab.call.mockClear();
    await typeInto(tab.box(), '0');
    await tab.click('[data-kf="retention-save"]');
    expect(tab.call).not.toHaveBeenCalledWith('previewRetention', expect.anything());
    expect(tab.patches.at(-1)).toEqual({ privacy: { retentionDays: 0 } });
    expect(tab.q('[data-kf="retention-status"]')?.textContent).toBe('已保存：客户档案和学习记录永久保留。');
  });

  it('refuses what is not a whole number of days from 0 to 3650, saying so', async () => {
    const tab = await setup();
    for (const typed of ['3.5', '-1', '5000', '']) {
      await typeInto(tab.box(), typed);
      await tab.submit('[data-kf="retention-form"]');
      expect(tab.q('[data-kf="retention-status"]')?.textContent).toBe('请填写 0–3650 之间的整数天数（0 = 永久保留），没有保存。');
    }
    expect(tab.call).not.toHaveBeenCalledWith('previewRetention', expect.anything());
    expect(tab.patches).toEqual([]);
  });

  it('keeps what the agent typed when settings are saved in another tab, and follows them while untouched', async () => {
    const tab = await setup();
    await tab.setElsewhere(settingsWith(90));
    expect(tab.box().value).toBe('90');
    await typeInto(tab.box(), '30');
    await tab.setElsewhere(settingsWith(90, false)); // another setting changed elsewhere
    expect(tab.box().value).toBe('30');
    await tab.setElsewhere(settingsWith(180, false)); // the period itself changed elsewhere
    expect(tab.box().value).toBe('30');
    expect(tab.q('[data-kf="retention-unsaved"]')).not.toBeNull();
  });
});

describe('客户档案 → 编辑 a buyer', () => {
  const noMask = { maskPii: false };
  const T = Date.UTC(2026, 0, 1);
  const stored = applyPatch(newCustomer('demo', '小鹿乱撞0521', T, 'u-1001'), { tags: ['VIP2'], sizes: { heightCm: 162 }, preferences: '喜欢宽松' }, T, noMask);

  async function setup(reply: (p: any) => unknown = (p) => applyPatch(stored, p.patch, T + 1, { maskPii: true })) {
    let records = [stored];
    const tab = await mountTab(<Customers />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listCustomers: () => ({ items: records, next: null, total: records.length }),
      // The form reads the buyer again just before saving (a change whose reload has not arrived).
      getCustomers: () => [records[0] ?? null],
      editCustomer: reply,
      // 重新建档 after a deletion elsewhere: a new record from what the form holds.
      patchCustomer: (p) => applyPatch(newCustomer('demo', p.nickname, T + 9, p.buyerId), p.patch, T + 9, noMask),
    });
    await until(() => tab.q('tr[data-key="demo#u-1001"] [data-kf="customer-edit"]'));
    const form = () => tab.q('[data-kf="customer-edit-form"]');
    const field = (f: string) => tab.q(`[data-kf="customer-edit-form"] [data-field="${f}"]`) as HTMLInputElement;
    return { ...tab, form, field, setRecords: (r: typeof records) => (records = r) };
  }

  it('a full disk at 保存 says the change was not saved and that what was typed is still in the form', async () => {
    const tab = await setup(() => {
      throw new CallError('quota', 'The quota has been exceeded.');
    });
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('preferences'), '喜欢深色');
    await tab.click('[data-kf="customer-edit-save"]');
    // Before: 操作失败：存储空间已满.
    expect(tab.q('[data-kf="customer-edit-form"] [role="alert"]')!.textContent).toBe('没能保存：存储空间已满。你填写的内容还在表单里；请腾出磁盘空间或稍等片刻后再保存一次。');
    expect(tab.field('preferences').value).toBe('喜欢深色');
  });

  it('edits tags, sizes, segment and note in a form under the row, and sends only what changed', async () => {
    const tab = await setup();
    const edit = tab.q('tr[data-key="demo#u-1001"] [data-kf="customer-edit"]')!;
    expect(edit.getAttribute('aria-label')).toBe('编辑「小鹿乱撞0521」');
    await tab.click('tr[data-key="demo#u-1001"] [data-kf="customer-edit"]');
    expect(tab.field('tags').value).toBe('VIP2');
    expect(tab.field('heightCm').value).toBe('162');
    expect(tab.field('preferences').value).toBe('喜欢宽松');
    await typeInto(tab.field('tags'), 'VIP3，批发');
    await typeInto(tab.field('heightCm'), '165');
    await typeInto(tab.field('note'), '改电话 13812345678');
    await act(async () => {
      const select = tab.field('segment') as unknown as HTMLSelectElement;
      select.value = 'difficult';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).toHaveBeenCalledWith('editCustomer', {
      platform: 'demo',
      nickname: '小鹿乱撞0521',
      buyerId: 'u-1001',
      patch: { tags: ['VIP3', '批发'], sizes: { heightCm: 165 }, note: '改电话 13812345678', segment: 'difficult' },
    });
    expect(tab.form()).toBeNull();
    expect(tab.q('[data-kf="customers-message"]')?.textContent).toBe('已保存「小鹿乱撞0521」的修改。');
  });

  it('refuses a size that is not a plausible number, as the buyer card does, and keeps the form', async () => {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('weightKg'), '520');
    await tab.submit('[data-kf="customer-edit-form"]'); // Enter in a field
    expect(tab.call).not.toHaveBeenCalledWith('editCustomer', expect.anything());
    expect(tab.q('[data-kf="customer-edit-problems"]')?.textContent).toBe('体重 (kg)：应填 2–250 之间的数字，没有保存');
    expect(tab.field('weightKg').value).toBe('520');
  });

  it('keeps a 偏好 or 备注 pasted longer than its limit whole, says by how much it is over and saves nothing until it is shortened', async () => {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    expect(['preferences', 'addressNote', 'note'].map((f) => tab.field(f).hasAttribute('maxlength'))).toEqual([false, false, false]);
    const long = '喜欢宽松一点的款式，颜色偏深'.repeat(80); // 1120 characters, over 偏好's 1000
    await typeInto(tab.field('preferences'), long);
    await typeInto(tab.field('addressNote'), '放门口快递柜'.repeat(90)); // 540, over 500
    expect((tab.q('[data-kf="customer-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
    await tab.submit('[data-kf="customer-edit-form"]'); // Enter in a field
    expect(tab.call).not.toHaveBeenCalledWith('editCustomer', expect.anything());
    expect(tab.field('preferences').value).toBe(long);
    expect(tab.q('[data-kf="preferences-too-long"]')?.textContent).toBe('最多 1000 字，现在 1120 字（多 120 字）。文字都还在，缩短后才能保存。');
    expect(tab.q('[data-kf="addressNote-too-long"]')?.textContent).toContain('多 40 字');
    await typeInto(tab.field('preferences'), long.slice(0, 1000));
    await typeInto(tab.field('addressNote'), '放门口快递柜');
    expect(tab.q('[data-kf="preferences-too-long"]')).toBeNull();
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).toHaveBeenCalledWith('editCustomer', expect.objectContaining({ patch: { preferences: long.slice(0, 1000), addressNote: '放门口快递柜' } }));
  });

  it('keeps a change made elsewhere to a field the agent did not touch', async () => {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('note'), '只发顺丰');
    // Meanwhile the panel saved new preferences: the list reloads with them.
    tab.setRecords([applyPatch(stored, { preferences: '不要黑色' }, T + 5, noMask)]);
    await tab.changed();
    await until(() => tab.field('preferences').value === '不要黑色');
    expect(tab.field('note').value).toBe('只发顺丰');
    // The untouched field shows what was saved there; no notice, nothing to choose.
    expect(tab.field('preferences').value).toBe('不要黑色');
    expect(tab.q('[data-kf="changed-elsewhere"]')).toBeNull();
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).toHaveBeenCalledWith('editCustomer', expect.objectContaining({ patch: { note: '只发顺丰' } }));
  });

  /** The agent edits preferences and the address note; meanwhile another tab saves other preferences. */
  async function clashing() {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('preferences'), '这边改成喜欢修身');
    await typeInto(tab.field('addressNote'), '放门口快递柜');
    tab.setRecords([applyPatch(stored, { preferences: '那边改成不要黑色' }, T + 5, noMask)]);
    await tab.changed();
    await until(() => tab.q('[data-kf="changed-elsewhere"]'));
    return tab;
  }

  it('says before saving that a field the agent changed was changed elsewhere too, with the value there', async () => {
    const tab = await clashing();
    const notice = tab.q('[data-kf="changed-elsewhere"]')!;
    expect(notice.textContent).toContain('「小鹿乱撞0521」的档案在你打开编辑之后，已在别处');
    expect(notice.querySelector('[data-clash-field="preferences"]')!.textContent).toBe('偏好：那边改成不要黑色');
    expect(notice.querySelectorAll('li')).toHaveLength(1);
    // Shown while the agent types: it does not take the focus from the field they are in.
    expect(document.activeElement).not.toBe(notice);
    // What the agent typed is still there.
    expect(tab.field('preferences').value).toBe('这边改成喜欢修身');
    // Saving now would overwrite the other edit unasked: held, and said.
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).not.toHaveBeenCalledWith('editCustomer', expect.anything());
    expect(tab.form()!.textContent).toContain('没有保存：这样保存会覆盖别处刚保存的修改。请先在上方选择用哪一边的。');
    expect(tab.field('addressNote').value).toBe('放门口快递柜');
  });

  it('用那边的 takes the other value for that field and saves the agent’s other edits', async () => {
    const tab = await clashing();
    await tab.click('[data-kf="clash-load"]');
    expect(tab.q('[data-kf="changed-elsewhere"]')).toBeNull();
    expect(tab.field('preferences').value).toBe('那边改成不要黑色');
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).toHaveBeenCalledWith('editCustomer', expect.objectContaining({ patch: { addressNote: '放门口快递柜' } }));
  });

  it('用我的覆盖 saves the agent’s value over the other one', async () => {
    const tab = await clashing();
    await tab.click('[data-kf="clash-overwrite"]');
    expect(tab.q('[data-kf="changed-elsewhere"]')).toBeNull();
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).toHaveBeenCalledWith('editCustomer', expect.objectContaining({ patch: { preferences: '这边改成喜欢修身', addressNote: '放门口快递柜' } }));
  });

  it('finds the clash when saving even before the list reloaded, and saves nothing', async () => {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('preferences'), '这边改成喜欢修身');
    // Saved elsewhere; its change notice has not reached this page yet.
    tab.setRecords([applyPatch(stored, { preferences: '那边改成不要黑色' }, T + 5, noMask)]);
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).not.toHaveBeenCalledWith('editCustomer', expect.anything());
    expect(tab.q('[data-kf="changed-elsewhere"] [data-clash-field="preferences"]')!.textContent).toBe('偏好：那边改成不要黑色');
    // The notice the save stopped at takes the focus (read out, and its buttons a Tab away).
    expect(document.activeElement).toBe(tab.q('[data-kf="changed-elsewhere"]'));
  });

  it('closes with Esc without saving', async () => {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('note'), '不要了的修改');
    await act(async () => {
      tab.field('note').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(tab.form()).toBeNull();
    expect(tab.call).not.toHaveBeenCalledWith('editCustomer', expect.anything());
  });

  const goneSentence = '你打开编辑之后，「小鹿乱撞0521」的档案已被删除（在另一个窗口，或超过保留天数被清理）。你填写的内容还在下面，没有保存；除非你选择，不会重新建档。';

  it('a buyer deleted elsewhere before the save: says so, records nothing, keeps the form with the text; 重新建档 records what it holds', async () => {
    const tab = await setup(() => null);
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('note'), '晚到的备注');
    // Deleted in another window; its change notice has not reached this page yet.
    tab.setRecords([]);
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).not.toHaveBeenCalledWith('editCustomer', expect.anything());
    expect(tab.q('[data-kf="customer-edit-gone"] p')?.textContent).toBe(goneSentence);
    expect(tab.field('note').value).toBe('晚到的备注');
    expect((tab.q('[data-kf="customer-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
    await tab.click('[data-kf="customer-edit-recreate"]');
    expect(tab.call).toHaveBeenCalledWith('patchCustomer', {
      platform: 'demo',
      nickname: '小鹿乱撞0521',
      buyerId: 'u-1001',
      patch: { tags: ['VIP2'], sizes: { heightCm: 162 }, preferences: '喜欢宽松', note: '晚到的备注' },
    });
    expect(tab.form()).toBeNull();
    expect(tab.q('[data-kf="customers-message"]')?.textContent).toBe('已用你填写的内容为「小鹿乱撞0521」重新建档。');
  });

  it('editCustomer finding the buyer deleted: the form stays open with the text and says so', async () => {
    const tab = await setup(() => null);
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('note'), '晚到的备注');
    await tab.click('[data-kf="customer-edit-save"]');
    expect(tab.call).toHaveBeenCalledWith('editCustomer', expect.anything());
    expect(tab.q('[data-kf="customer-edit-gone"] p')?.textContent).toBe(goneSentence);
    expect(tab.field('note').value).toBe('晚到的备注');
  });

  it('the list reloading without a buyer being edited (deleted elsewhere): the row and its form stay, with the text', async () => {
    const tab = await setup();
    await tab.click('[data-kf="customer-edit"]');
    await typeInto(tab.field('preferences'), '这边改成喜欢修身');
    tab.setRecords([]);
    await tab.changed();
    await until(() => tab.q('[data-kf="customer-edit-gone"]'));
    expect(tab.field('preferences').value).toBe('这边改成喜欢修身');
    expect(tab.q('[data-kf="customer-edit-gone"] p')?.textContent).toBe(goneSentence);
    expect((tab.q('[data-kf="customer-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
    // 取消: the deleted buyer's row goes.
    await tab.click('[data-kf="customer-edit-form"] .kf-actions button:not(.kf-primary)');
    expect(tab.q('tr[data-key="demo#u-1001"]')).toBeNull();
  });
});

describe('客户档案 on a computer in Los Angeles', () => {
  onComputerZone('America/Los_Angeles');

  it('dates the last visit and the notes in shop time, as the popup and the remarks do', async () => {
    // 20:00 UTC on 1 January: 2 January 04:00 in Beijing, still 1 January in Los Angeles.
    const at = Date.UTC(2026, 0, 1, 20, 0);
    const c = appendEvent(newCustomer('demo', '米粒妈妈', at, 'u-1008'), makeEvent('note', at, '只发顺丰'), { maskPii: false });
    const tab = await mountTab(<Customers />, { getSettings: () => DEFAULT_APP_SETTINGS, listCustomers: () => ({ items: [c], next: null, total: 1 }) });
    await until(() => tab.q('tr[data-key="demo#u-1008"]'));
    const cells = [...tab.q('tr[data-key="demo#u-1008"]')!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[4]).toBe('2026-01-02 只发顺丰');
    expect(cells[5]).toBe('2026-01-02');
  });
});
