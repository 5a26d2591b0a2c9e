// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { loadFixture } from '../testing';
import { findAdapter } from '../index';
import { jdOrdersAdapter as A } from './index';

const URL_LIST = 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut';
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('jd order list adapter (fixture page, one source)', () => {
  it('matches the order list on shop.jd.com only', () => {
    expect(A.matches(new URL(URL_LIST))).toBe(true);
    expect(A.matches(new URL('https://shop.jd.com/jdm/kefu/kf-manage-lite'))).toBe(false);
    expect(findAdapter(new URL(URL_LIST))).toBe(A);
  });

  it('a card whose remark element is not found is marked unread, not read as a card without a remark', () => {
    loadFixture('jd-orders.html', URL_LIST, (html) => html.split('remark-cell__text').join('remark-cell__content'));
    expect(A.readOrders!(document).map((r) => [r.orderId, r.remark, r.unread])).toEqual([
      ['302918374650', '', ['remark']],
      ['302917220418', '', ['remark']],
      ['302909981273', '', ['remark']],
      ['302906652310', '', ['remark']],
    ]);
  });

  it('reads every order card: id, buyer pin (also as the buyer id), status and remark; the flag is marked unknown', () => {
    loadFixture('jd-orders.html', URL_LIST);
    expect(A.pageKind(document)).toBe('order-list');
    expect(A.readOrders!(document).map(({ element, ...r }) => r)).toEqual([
      { orderId: '302918374650', buyer: 'jd_5e1c7a90', buyerId: 'jd_5e1c7a90', status: 'paid', flag: 'gray', flagUnknown: true, remark: '' },
      { orderId: '302917220418', buyer: '京东用户_小满', buyerId: '京东用户_小满', status: 'unpaid', flag: 'gray', flagUnknown: true, remark: '发顺丰 到付不要' },
      { orderId: '302909981273', buyer: '<img src=x onerror=alert(1)>', buyerId: '<imgsrc=xonerror=alert(1)>', status: 'shipped', flag: 'gray', flagUnknown: true, remark: '缺货' },
      { orderId: '302906652310', buyer: 'jd_2c8d41f3', buyerId: 'jd_2c8d41f3', status: 'paid', flag: 'gray', flagUnknown: true, remark: '【延迟发货】小美 2026-11-29' },
    ]);
    expect(document.querySelector('img')).toBeNull();
  });

  it('writes nothing: there is no remark editor, and no chat', () => {
    loadFixture('jd-orders.html', URL_LIST);
    expect(A.findRemarkEditor!(document)).toBeNull();
    expect(A.readBuyer(document)).toBeNull();
  });

  it('notices a changed remark', async () => {
    loadFixture('jd-orders.html', URL_LIST);
    const ctrl = new AbortController();
    let calls = 0;
    A.observeOrders!(document, ctrl.signal, () => calls++);
    document.querySelector('.remark-cell__text')!.textContent = '已改地址';
    await tick();
    expect(calls).toBe(1);
    ctrl.abort();
  });

  it('page check counts the orders and names ORDER_ID when ids are gone', () => {
    loadFixture('jd-orders.html', URL_LIST);
    expect(probePage(A, document).find((l) => l.what === 'orders')).toMatchObject({ ok: true, count: 4, missing: [] });
    for (const el of document.querySelectorAll('.order-info-btn')) el.remove();
    expect(probePage(A, document).find((l) => l.what === 'orders')).toMatchObject({ ok: false, count: 0, missing: ['ORDER_ID'] });
  });

  /** The fixture's first card with `status` in its status column, and the promised ship date beside it. */
  function withStatus(status: string, cell = (st: string) => `<div class="order-status"><span>${st}</span></div><div class="promise-out-ship-date"><span class="jd-only-child__content">付款后48小时内出库</span></div>`) {
    loadFixture('jd-orders.html', URL_LIST);
    document.querySelector('[prop="orderStatus"]')!.innerHTML = cell(status);
    return A.readOrders!(document)[0]!.status;
  }

  it('reads JD’s status words from the status element, although the column holds more than the status', () => {
    const read = (['等待付款', '等待出库', '等待确认收货', '已取消', '完成', '退款中'] as const).map((w) => withStatus(w));
    expect(read).toEqual(['unpaid', 'paid', 'shipped', 'closed', 'completed', 'refunding']);
    // A column holding the status alone reads the same.
    expect(withStatus('等待付款', (st) => `<span>${st}</span>`)).toBe('unpaid');
  });

  it('reads the short words a 2026 JD list script meets (待付款, 待出库): an unpaid order is not left unknown', () => {
    expect(withStatus('待付款')).toBe('unpaid');
    expect(withStatus('待出库')).toBe('paid');
  });

  it('a status it does not know is unknown, never paid, and the page check says the orders were not all read', () => {
    expect(withStatus('锁定中')).toBe('unknown');
    expect(withStatus('', () => '<div class="status-line">待处理</div>')).toBe('unknown');
    expect(probePage(A, document).find((l) => l.what === 'orders')).toMatchObject({ ok: false, count: 4 });
    loadFixture('jd-orders.html', URL_LIST);
    for (const el of document.querySelectorAll('[prop="orderStatus"]')) el.removeAttribute('prop');
    expect(A.readOrders!(document).map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});
