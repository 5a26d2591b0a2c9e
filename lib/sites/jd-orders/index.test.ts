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
      { orderId: '302917220418', buyer: '京东用户_小满', buyerId: '京东用户_小满', status: 'paid', flag: 'gray', flagUnknown: true, remark: '发顺丰 到付不要' },
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
});
