// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bootDemo, loadFixture } from './testing';
import { ALL_ADAPTERS, demoAdapter, taobaoAdapter } from './index';
import { ordersShown, probePage, probeWith, type ProbeSpec } from './probe';
import * as demo from './demo/selectors';
import * as jd from './jd/selectors';
import * as jdOrders from './jd-orders/selectors';
import * as douyin from './douyin/selectors';
import * as kuaishou from './kuaishou/selectors';
import * as pdd from './pdd/selectors';
import * as taobao from './taobao/selectors';

describe('the page check (probe)', () => {
  it('every registered adapter has one', () => {
    expect(ALL_ADAPTERS.filter((a) => !a.probe).map((a) => a.id)).toEqual([]);
  });

  it('names only selector constants of its own console (a misspelt name would send a maintainer looking for nothing)', () => {
    const modules: Record<string, Record<string, unknown>> = { demo, 'jd-chat': jd, 'jd-orders': jdOrders, 'douyin-chat': douyin, 'kuaishou-chat': kuaishou, 'pdd-chat': pdd, 'taobao-orders': taobao };
    document.body.innerHTML = '';
    for (const a of ALL_ADAPTERS) {
      // On an empty page every named selector finds nothing, so each is listed.
      const named = probePage(a, document).flatMap((l) => l.missing);
      expect(named.length, a.id).toBeGreaterThan(0);
      expect(named.filter((n) => typeof modules[a.id]![n] !== 'string'), a.id).toEqual([]);
      // The names behind the order count too, though they are never listed as missing.
      const ids = typeof a.probe === 'object' ? Object.keys(a.probe.orderIds ?? {}) : [];
      expect(ids.filter((n) => typeof modules[a.id]![n] !== 'string'), a.id).toEqual([]);
    }
  });

  it('demo chat: every chat read succeeds, the buyer id included; no order lines on a chat page', () => {
    bootDemo('/chat?auto=0');
    const lines = probePage(demoAdapter, document);
    expect(lines.map((l) => l.what)).toEqual(['console', 'page-kind', 'buyer', 'buyer-id', 'messages', 'chat-input']);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines.find((l) => l.what === 'buyer-id')).toEqual({ what: 'buyer-id', ok: true, missing: [] });
  });

  it('demo chat without its input: names CHAT_INPUT', () => {
    bootDemo('/chat?auto=0&broken=input');
    expect(probePage(demoAdapter, document).filter((l) => !l.ok)).toEqual([{ what: 'chat-input', ok: false, missing: ['CHAT_INPUT'] }]);
  });

  it('order pages: counts the orders and says whether a remark editor is open', () => {
    const demo = bootDemo('/orders?auto=0');
    const before = probePage(demoAdapter, document);
    expect(before.map((l) => l.what)).toEqual(['console', 'page-kind', 'orders', 'remark-editor']);
    expect(before.find((l) => l.what === 'orders')?.count).toBe(demo.orders().length);
    expect(before.find((l) => l.what === 'remark-editor')).toMatchObject({ ok: false, missing: ['REMARK_DIALOG', 'REMARK_TEXTAREA'] });
    demo.openRemark('3951842736019283746');
    expect(probePage(demoAdapter, document).find((l) => l.what === 'remark-editor')).toMatchObject({ ok: true, missing: [] });
    loadFixture('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold');
    expect(probePage(taobaoAdapter, document).find((l) => l.what === 'orders')).toMatchObject({ ok: true, count: 3, missing: [] });
  });

  it('a list read as fewer orders than the order ids it shows is a failed read, with both counts', () => {
    // Three orders' rows in one body table: a grouping the adapter does not know reads one order.
    const oneTable = (html: string) => html.replace(/<\/tbody>\s*<\/table>\s*<table>\s*<tbody>/g, '');
    loadFixture('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', oneTable);
    expect(taobaoAdapter.readOrders!(document)).toHaveLength(1);
    expect(probePage(taobaoAdapter, document).find((l) => l.what === 'orders')).toMatchObject({ ok: false, count: 1, shown: 3 });
    // The faithful page shows as many ids as it reads: no `shown`.
    loadFixture('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold');
    expect(probePage(taobaoAdapter, document).find((l) => l.what === 'orders')).toEqual({ what: 'orders', ok: true, count: 3, missing: [] });
  });

  it('counts the orders of the list body only: a search form’s 订单编号 / 订单号 fields and a sub-order’s 订单号 line are no orders', () => {
    loadFixture('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold');
    // The fixture carries both: a form above the list, a second 订单号 inside the second order.
    expect(document.querySelector('form')?.textContent).toContain('订单号：');
    expect(document.querySelectorAll('div.next-table-body > table')[1]!.textContent!.match(/订单号：/g)).toHaveLength(2);
    expect(ordersShown(document, taobaoAdapter.probe as ProbeSpec)).toBe(3);
    expect(probePage(taobaoAdapter, document).find((l) => l.what === 'orders')).toEqual({ what: 'orders', ok: true, count: 3, missing: [] });
    // A second id in an order's own header row (seen in a test of the page check) is not a second order either.
    loadFixture('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', (html) =>
      html.replace('<span>370812736450918273</span>', '<span>370812736450918273</span><span>订单号：</span><span>370812736450918274</span>'));
    expect(probePage(taobaoAdapter, document).find((l) => l.what === 'orders')).toEqual({ what: 'orders', ok: true, count: 3, missing: [] });
  });

  it('the memo page (one order, no list) makes no claim about a list', () => {
    loadFixture('taobao-memo.html', 'https://trade.taobao.com/trade/memo/update_sell_memo.htm?biz_order_id=3709981726354019283');
    const line = probePage(taobaoAdapter, document).find((l) => l.what === 'orders');
    expect(line).not.toHaveProperty('shown');
    expect(line).toMatchObject({ count: 0 });
  });

  it('an adapter that throws still yields lines, never an exception', () => {
    bootDemo('/chat?auto=0');
    const broken = { ...demoAdapter, readBuyer: () => { throw new Error('boom'); }, probe: undefined };
    const lines = probeWith(broken, document, { buyer: {} });
    expect(lines.find((l) => l.what === 'buyer')).toEqual({ what: 'buyer', ok: false, missing: [] });
    expect(probePage(broken, document).map((l) => l.what)).toContain('chat-input');
  });
});
