// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bootDemo, loadFixture } from './testing';
import { ALL_ADAPTERS, demoAdapter, taobaoAdapter } from './index';
import { probePage, probeWith } from './probe';
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

  it('an adapter that throws still yields lines, never an exception', () => {
    bootDemo('/chat?auto=0');
    const broken = { ...demoAdapter, readBuyer: () => { throw new Error('boom'); }, probe: undefined };
    const lines = probeWith(broken, document, { buyer: {} });
    expect(lines.find((l) => l.what === 'buyer')).toEqual({ what: 'buyer', ok: false, missing: [] });
    expect(probePage(broken, document).map((l) => l.what)).toContain('chat-input');
  });
});
