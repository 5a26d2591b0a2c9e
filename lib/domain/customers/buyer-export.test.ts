import { describe, expect, it } from 'vitest';
import { buyerExportCsv, buyerExportJson, customersToCsv, isoLocal, type BuyerData } from './buyer-export';
import { applyPatch, makeEvent, appendEvent, newCustomer } from './customer';
import { parseCustomersImport } from './import-export';
import { customersFromCsv } from './csv';
import type { Followup } from '../followups/types';

const BEIJING = 480;
// 2026-12-05 14:03 in Beijing.
const NOW = Date.UTC(2026, 11, 5, 6, 3);
const buyer = appendEvent(
  applyPatch(newCustomer('pdd', '晴天小雨', NOW - 86_400_000, 'u-2088'), { note: '=不要打电话', tags: ['老客'] }, NOW - 86_400_000, { maskPii: true }),
  makeEvent('note', NOW - 3_600_000, '换了收货地址'),
  { maskPii: true },
);
const followup: Followup = {
  v: 2, id: 'promised-answer:x', kind: 'promised-answer', title: '承诺答复', reason: '', buyer: '晴天小雨', buyerId: 'u-2088', platform: 'pdd',
  orderId: '4012938475610293847', createdAt: NOW - 7_200_000, dueAt: NOW + 3_600_000, status: 'open', note: '回电 137****2468', source: 'manual',
} as Followup;
const data: BuyerData = {
  customer: buyer,
  followups: [followup],
  overrides: [{ at: NOW - 60_000, platform: 'pdd', orderId: '4012938475610293847', buyer: '晴天小雨', flag: 'yellow', agent: '小美', reason: '买家着急', problems: [{ code: 'x', message: '缺少快递' }], text: '调整收货时段' }],
  picks: [{ id: 'p1', at: NOW - 120_000, text: '我是晴天小雨 换地址', scenario: 'address-change', templateId: null, source: 'chip' }],
  reminders: [{ at: NOW - 300_000 }],
};

describe("a buyer's export (a request to see their data)", () => {
  it('writes times as ISO 8601 in shop time with the offset', () => {
    expect(isoLocal(NOW, BEIJING)).toBe('2026-12-05T14:03:00+08:00');
    expect(isoLocal(NOW, -300)).toBe('2026-12-05T01:03:00-05:00');
  });

  it('JSON: the import still reads it, and beside it everything else kept, with readable times', () => {
    const text = buyerExportJson(data, NOW, BEIJING);
    const file = JSON.parse(text);
    expect(file.exportedAtLocal).toBe('2026-12-05T14:03:00+08:00');
    expect(file.buyer.lastSeenAt).toMatch(/^2026-12-0\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(file.buyer.history[0].at).toBe('2026-12-05T13:03:00+08:00');
    expect(file.followups[0]).toMatchObject({ note: '回电 137****2468', dueAt: '2026-12-05T15:03:00+08:00' });
    expect(file.remarkOverrides[0]).toMatchObject({ orderId: '4012938475610293847', at: '2026-12-05T14:02:00+08:00' });
    expect(file.learnedPicks[0]).toMatchObject({ id: 'p1', at: '2026-12-05T14:01:00+08:00' });
    // The 催付 reminder kept for orders not listed yet (followups/reminded.ts) is theirs too.
    expect(file.paymentReminders).toEqual([{ at: '2026-12-05T13:58:00+08:00' }]);
    const back = parseCustomersImport(text, NOW);
    expect(back.ok && back.customers.map((c) => c.key)).toEqual(['pdd#u-2088']);
  });

  it('CSV: one sheet for Excel/WPS, a titled section per kind, times in shop time, formulas guarded, order numbers kept', () => {
    const csv = buyerExportCsv(data, { nickname: '晴天小雨', buyerId: 'u-2088' }, NOW, BEIJING);
    expect(csv.startsWith('\uFEFF客户数据导出\r\n')).toBe(true);
    expect(csv).toContain('买家：晴天小雨 (u-2088)');
    expect(csv).toContain('导出时间：2026-12-05 14:03（UTC+08:00）');
    for (const title of ['客户档案', '备注与记录（1 条）', '跟进事项（1 条）', '违规保存的订单备注记录（1 条）', '学到的回复选择（1 条，买家消息已遮蔽）']) expect(csv).toContain(`\r\n${title}`);
    expect(csv).toContain(`'=不要打电话`);
    expect(csv).toContain('2026-12-05 13:03,备注,换了收货地址');
    expect(csv).toContain('承诺答复');
    expect(csv).toContain('"=""4012938475610293847"""');
    expect(csv).toContain('回电 137****2468');
    expect(csv).toContain('黄旗,小美,调整收货时段,缺少快递,买家着急');
    expect(csv).toContain('我是晴天小雨 换地址');
    expect(csv).toContain('\r\n催付记录（1 条，保留 24 小时：之后才进跟进清单的未付订单据此标为已催付）\r\n时间\r\n2026-12-05 13:58\r\n');
  });

  it('CSV: a buyer with nothing else kept says so in each section', () => {
    const csv = buyerExportCsv({ customer: null, followups: [], overrides: [], picks: [] }, { nickname: '某人' }, NOW, BEIJING, 'en');
    expect(csv).toContain('There is no record of this buyer in Buyers.');
    expect(csv.match(/\(none\)/g)).toHaveLength(5);
  });

  it('all buyers: one row each, with columns the CSV import reads back', () => {
    const csv = customersToCsv([buyer], BEIJING);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe('买家,买家ID,平台,分组,VIP,标签,备注,偏好,地址备注,尺码,订单号,建档时间,最近联系');
    expect(row).toContain('晴天小雨,u-2088,拼多多');
    const read = customersFromCsv(csv.slice(1), { now: NOW, platform: 'taobao', maskPii: true, zone: BEIJING, existing: [], locale: 'zh-CN' });
    expect(read.ok && read.customers.map((c) => [c.key, c.note, c.tags])).toEqual([['pdd#u-2088', `=不要打电话`, ['老客']]]);
  });
});
