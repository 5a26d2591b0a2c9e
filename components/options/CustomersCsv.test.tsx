// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Customers } from './Customers';
import { applyPatch, newCustomer, type Customer } from '@/lib/domain/customers';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { mountTab } from './testing';
import { encodeLegacy } from '@/test/legacy-encode';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { CallError } from '@/lib/messaging/client';

registerMessages(options);

vi.mock('@/lib/browser', () => ({ browser: {} }));

/** A shop's VIP list saved by Excel on Chinese Windows (GBK): one buyer here already, one bad row. */
const SHEET = ['旺旺,VIP等级,备注,手机', '小鹿乱撞0521,3,只发顺丰,13812345678', '米粒妈妈,是,要开发票,', ',VIP1,没写买家,'].join('\r\n');

async function chooseSheet(calls: Record<string, (p: any) => unknown>, sheet = SHEET) {
  const here = applyPatch(newCustomer('taobao', '米粒妈妈', Date.now() - 60_000), { tags: ['老客'] }, Date.now() - 60_000, { maskPii: true });
  const tab = await mountTab(<Customers />, {
    getSettings: () => DEFAULT_APP_SETTINGS,
    listCustomers: () => ({ items: [], next: null, total: 0 }),
    exportCustomers: () => ({ items: [here], next: null, total: 1 }),
    ...calls,
  });
  const input = tab.q('[data-kf="customers-csv-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([encodeLegacy('gbk', sheet)], 'VIP名单.csv')] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
  return tab;
}

describe('客户档案 → 导入 CSV 表格', () => {
  it('says in the dry run which row’s cell looks like a formula and that it comes in as plain text; its tags split on ；', async () => {
    const importCustomers = vi.fn((p: { json: { customers: Customer[] } }) => ({ ok: true, count: p.json.customers.length, backedUp: true }));
    const tab = await chooseSheet({ importCustomers }, ['旺旺,标签,备注', '阿杰,老客；爱砍价,=SUM(A1:A3)', '小鹿,批发,-'].join('\r\n'));
    expect(tab.q('[data-kf="customers-csv-formulas"]')!.textContent).toBe('第 2 行：“备注”的“=SUM(A1:A3)”像表格公式：按普通文字导入，不会计算');
    expect(tab.q('[data-kf="customers-csv-skipped"]')).toBeNull();
    await tab.click('[data-kf="customers-csv-yes"]');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(importCustomers.mock.calls[0]![0].json.customers).toMatchObject([{ nickname: '阿杰', tags: ['老客', '爱砍价'], note: '=SUM(A1:A3)' }, { nickname: '小鹿', note: '-' }]);
  });

  it('a full disk at 导入 says nothing was imported and what to do, in English too', async () => {
    const full = () => {
      throw new CallError('quota', 'The quota has been exceeded.');
    };
    for (const [locale, said] of [
      ['zh-CN', '没能导入：存储空间已满。没有导入任何内容，现有客户档案未改动；请腾出磁盘空间或稍等片刻后再导入一次这个文件。'],
      ['en', 'Could not import the file: the storage is full. Nothing was imported; your buyer notes are unchanged; free some disk space or wait a moment, then import the file again.'],
    ] as const) {
      setLocale(locale);
      const tab = await chooseSheet({ importCustomers: full });
      await tab.click('[data-kf="customers-csv-yes"]');
      await act(() => new Promise((r) => setTimeout(r, 10)));
      const text = tab.q('[data-kf="customers-import-result"]')!.textContent;
      setLocale('zh-CN');
      // Before: 操作失败：存储空间已满 (Failed: the storage is full).
      expect(text).toBe(said);
    }
  });

  it('a full disk at 导入 keeps the preview, with the platform chosen, for the same click once there is room', async () => {
    let room = false;
    const importCustomers = vi.fn((p: { json: { customers: Customer[] } }) => {
      if (!room) throw new CallError('quota', 'The quota has been exceeded.');
      return { ok: true, count: p.json.customers.length, backedUp: true };
    });
    const tab = await chooseSheet({ importCustomers });
    const platform = () => tab.q('[data-kf="customers-csv-platform"]') as HTMLSelectElement | null;
    await act(async () => {
      platform()!.value = 'jd';
      platform()!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tab.click('[data-kf="customers-csv-yes"]');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toContain('没能导入：存储空间已满。');
    // Before: the preview was gone and the file had to be chosen again (and the platform with it).
    expect(tab.q('[data-kf="customers-csv-confirm"]')).not.toBeNull();
    expect(platform()!.value).toBe('jd');
    room = true;
    await tab.click('[data-kf="customers-csv-yes"]');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(importCustomers).toHaveBeenCalledTimes(2);
    expect(importCustomers.mock.calls[1]![0].json.customers.every((c) => c.platform === 'jd')).toBe(true);
    expect(tab.q('[data-kf="customers-csv-confirm"]')).toBeNull();
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toMatch(/^已从表格导入/);
  });

  it('says the phones are hidden as the 隐私 section below says, with a link that leads to its box', async () => {
    const tab = await chooseSheet({});
    const mask = tab.q('[data-kf="customers-csv-mask"]')!;
    expect(mask.textContent).toBe('手机号和身份证号会按本页下方“隐私”里的设置隐藏中间几位。 查看隐私设置');
    expect(mask.querySelector('a')!.getAttribute('href')).toBe('#customers:mask-pii');
    // The link leads to the box (useAnchor): following it focuses the 隐藏 checkbox.
    await act(async () => {
      location.hash = '#customers:mask-pii';
      window.dispatchEvent(new Event('hashchange'));
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(document.activeElement).toBe(tab.q('[data-kf="mask-pii"]'));
  });

  it('reads a sheet whose header sits under a title row, and says which rows above it were not imported', async () => {
    const tab = await chooseSheet({}, ['小鹿家居VIP名单,,,', ...SHEET.split('\r\n')].join('\r\n'));
    expect(tab.q('[data-kf="customers-csv-above"]')!.textContent).toBe('表头在第 2 行；第 1 行“小鹿家居VIP名单”不是表头，未导入。');
    expect(tab.q('[data-kf="customers-csv-counts"]')!.textContent).toBe('表格中 2 行可导入：新增 1 位，已有的买家补充 1 位，与现有相同 0 位；略过 1 行。');
    expect(tab.q('[data-kf="customers-csv-skipped"]')!.textContent).toBe('第 5 行：“旺旺”为空');
  });

  it('counts the GBK sheet against the buyers here first, names the row left out, and writes nothing until 导入', async () => {
    const importCustomers = vi.fn((p: { json: { customers: Customer[] } }) => ({ ok: true, count: p.json.customers.length, backedUp: true }));
    const tab = await chooseSheet({ importCustomers });
    expect(tab.q('[data-kf="customers-csv-counts"]')!.textContent).toBe('表格中 2 行可导入：新增 1 位，已有的买家补充 1 位，与现有相同 0 位；略过 1 行。');
    expect(tab.q('[data-kf="customers-csv-columns"]')!.textContent).toBe('使用的列：买家“旺旺”、VIP“VIP等级”、备注“备注”、电话（记入备注）“手机”。');
    expect(tab.q('[data-kf="customers-csv-skipped"]')!.textContent).toBe('第 4 行：“旺旺”为空');
    expect(importCustomers).not.toHaveBeenCalled();

    await tab.click('[data-kf="customers-csv-yes"]');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    const sent = importCustomers.mock.calls[0]![0].json.customers;
    expect(sent).toMatchObject([
      { key: 'taobao:小鹿乱撞0521', tags: ['VIP3'], note: '只发顺丰；电话：138****5678' },
      { key: 'taobao:米粒妈妈', tags: ['老客', 'VIP'], note: '要开发票' },
    ]);
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toBe('已从表格导入：新增 1 位，补充 1 位。导入前的数据已备份，可在「备份」页恢复。');
  });

  it('in English, names the row left out in a sentence that starts with a capital', async () => {
    setLocale('en');
    const tab = await chooseSheet({ importCustomers: vi.fn() });
    const items = [...tab.q('[data-kf="customers-csv-skipped"]')!.querySelectorAll('li')].map((li) => li.textContent);
    setLocale('zh-CN');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Row 4: /);
  });

  it('imports the rows as the chosen platform when the sheet names none, and says the VIP revisits', async () => {
    const day = Date.UTC(2026, 11, 4, 1);
    const importCustomers = vi.fn(() => ({ ok: true, count: 2, backedUp: true, revisits: [day, day] }));
    const tab = await chooseSheet({ importCustomers });
    const select = tab.q('[data-kf="customers-csv-platform"]') as HTMLSelectElement;
    await act(async () => {
      select.value = 'pdd';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // 米粒妈妈 is here on Taobao only: on Pinduoduo both are new.
    expect(tab.q('[data-kf="customers-csv-counts"]')!.textContent).toContain('新增 2 位');
    await tab.click('[data-kf="customers-csv-yes"]');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect((importCustomers.mock.calls[0] as any)[0].json.customers.map((c: Customer) => c.key)).toEqual(['pdd:小鹿乱撞0521', 'pdd:米粒妈妈']);
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toContain('已为导入的 VIP 买家安排 2 次回访，都在 12-04');
  });

  it('refuses a Big5 sheet with what to do, and cancelling writes nothing', async () => {
    const importCustomers = vi.fn();
    const tab = await mountTab(<Customers />, { getSettings: () => DEFAULT_APP_SETTINGS, listCustomers: () => ({ items: [], next: null, total: 0 }), exportCustomers: () => ({ items: [], next: null, total: 0 }), importCustomers });
    const input = tab.q('[data-kf="customers-csv-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([encodeLegacy('big5', '買家,備註\n小鹿,請問您需要什麼尺碼呢')], '名單.csv')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(tab.q('[data-kf="customers-import-result"]')!.textContent).toMatch(/繁体中文 Big5.*UTF-8/);
    const again = await chooseSheet({ importCustomers });
    await again.click('[data-kf="customers-csv-cancel"]');
    expect(again.q('[data-kf="customers-csv-confirm"]')).toBeNull();
    expect(again.q('[data-kf="customers-import-result"]')!.textContent).toBe('已取消，没有导入任何内容。');
    expect(importCustomers).not.toHaveBeenCalled();
  });
});
