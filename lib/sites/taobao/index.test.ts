// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { beijing, loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { onComputerZone } from '../../domain/testing';
import { findAdapter } from '../index';
import { taobaoAdapter as A } from './index';
import { probePage } from '../probe';

describe('taobao adapter (fixture pages)', () => {
  // The consoles print Beijing time: read the same on a computer in another zone.
  onComputerZone('America/Los_Angeles');
  it('matches the sold-orders SPA and the legacy memo page, not other Taobao pages', () => {
    expect(A.matches(new URL('https://myseller.taobao.com/home.htm/trade-platform/tp/sold'))).toBe(true);
    expect(A.matches(new URL('https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=1'))).toBe(true);
    expect(A.matches(new URL('https://trade.taobao.com/trade/memo/update_sell_memo.htm?biz_order_id=1'))).toBe(true);
    expect(A.matches(new URL('https://www.taobao.com/'))).toBe(false);
    expect(findAdapter(new URL('https://myseller.taobao.com/home.htm/trade-platform/tp/sold'))?.id).toBe('taobao-orders');
  });

  it('a flag title that names no colour, or a remark label not found, is marked unread, not read as gray or as no remark', () => {
    loadFixture('taobao-sold.html', undefined, (html) => html.replace(/title="(.)旗"/g, (_, c: string) => `title="flag-${'灰红黄绿蓝紫'.indexOf(c)}"`));
    const flags = A.readOrders!(document).map((r) => [r.flag, r.flagUnknown, r.unread]);
    expect(flags).toEqual([['gray', true, ['flag']], ['gray', true, ['flag']], ['gray', true, ['flag']]]);
    loadFixture('taobao-sold.html', undefined, (html) => html.split('卖家备注：').join('备注：'));
    const remarks = A.readOrders!(document).map((r) => [r.remark, r.unread]);
    expect(remarks).toEqual([['', ['remark']], ['', ['remark']], ['', ['remark']]]);
    // The unchanged page reads everything.
    loadFixture('taobao-sold.html');
    expect(A.readOrders!(document).filter((r) => r.unread)).toEqual([]);
  });

  it('reads orders by their text labels, ignoring hashed class names', () => {
    loadFixture('taobao-sold.html');
    expect(A.pageKind(document)).toBe('order-list');
    const rows = A.readOrders!(document);
    expect(rows.map(({ element, ...r }) => r)).toEqual([
      {
        orderId: '3712093845610298374',
        buyer: '买买买不停_123',
        status: 'unpaid',
        createdAt: beijing(2026, 11, 23, 9, 14, 5),
        amountYuan: 129,
        items: '加厚珊瑚绒睡衣套装 冬季',
        flag: 'gray',
        remark: '',
      },
      {
        orderId: '3709981726354019283',
        buyer: '雨后彩虹_lily',
        status: 'paid',
        createdAt: beijing(2026, 11, 22, 20, 31, 47),
        amountYuan: 178,
        items: '羊毛混纺围巾 格纹；同款毛线帽',
        flag: 'yellow',
        remark: '改地址：上海市浦东新区张江路88号 客服阿杰 11/22',
      },
      {
        orderId: '370812736450918273',
        buyer: '<img src=x onerror=alert(1)>',
        status: 'shipped',
        createdAt: beijing(2026, 11, 19, 11, 2, 10),
        amountYuan: 299,
        items: '复古皮质托特包',
        flag: 'purple',
        remark: '缺货',
      },
    ]);
  });

  it('a status text it does not know is unknown, never paid', () => {
    loadFixture('taobao-sold.html', undefined, (html) => html.replace('<span>等待买家付款</span>', '<span>待买家确认</span>'));
    expect(A.readOrders!(document).map((r) => r.status)).toEqual(['unknown', 'paid', 'shipped']);
  });

  it('reads one order per table of the one list body, each from its own table only', () => {
    loadFixture('taobao-sold.html');
    // The live shape: a single Fusion list table, its header table apart, one body <table> per order.
    expect(document.querySelectorAll('div.next-table')).toHaveLength(1);
    const tables = Array.from(document.querySelectorAll('div.next-table-body > table'));
    const rows = A.readOrders!(document);
    expect(rows.map((r) => r.element)).toEqual(tables);
    // The third order's flag and remark are its own, not the first order's.
    expect(rows.map((r) => [r.flag, r.remark])).toEqual([['gray', ''], ['yellow', '改地址：上海市浦东新区张江路88号 客服阿杰 11/22'], ['purple', '缺货']]);
  });

  const DETAIL = 'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3710462259018273645';

  it('reads an order’s detail page: its one order from the page’s labels, the memo and flag blocks', () => {
    loadFixture('taobao-detail.html', DETAIL);
    expect(A.pageKind(document)).toBe('order-detail');
    const [row, ...more] = A.readOrders!(document);
    expect(more).toEqual([]);
    expect({ ...row, element: row!.element.className }).toEqual({
      orderId: '3710462259018273645',
      buyer: '晴天小铺子',
      status: 'shipped',
      flag: 'yellow',
      remark: '发圆通，别发邮政 客服小美 11/28',
      element: 'status-desc_new-memo__5Hc1R',
    });
    expect(A.ordersExpected!(document)).toBe(true);
  });

  it('a detail page without the memo block or a colour in the flag block marks them unread, never no remark or gray', () => {
    loadFixture('taobao-detail.html', DETAIL, (h) => h.replace(/<div class="status-desc_new-memo[^]*?<\/div>/, '').replace('<span>黄旗</span>', '<span>旗帜</span>'));
    expect(A.readOrders!(document).map((r) => [r.orderId, r.flag, r.flagUnknown, r.remark, r.unread])).toEqual([['3710462259018273645', 'gray', true, '', ['flag', 'remark']]]);
    // A status the adapter does not know is unknown, never a guess.
    loadFixture('taobao-detail.html', DETAIL, (h) => h.replace('卖家已发货', '部分发货'));
    expect(A.readOrders!(document)[0]?.status).toBe('unknown');
  });

  it('a detail page still drawing its order (no order number yet) reads nothing and is no changed page', () => {
    loadFixture('taobao-detail.html', DETAIL, (h) => h.replace(/<div id="ice-container">[^]*<\/div>\s*<\/body>/, '<div id="ice-container"></div></body>'));
    expect(A.pageKind(document)).toBe('order-detail');
    expect(A.readOrders!(document)).toEqual([]);
    expect(A.ordersExpected!(document)).toBe(false);
  });

  it('has no chat in the browser: reports the chat as elsewhere', () => {
    loadFixture('taobao-sold.html');
    expect(A.chatLocation).toBe('desktop-client');
    expect(A.readBuyer(document)).toBeNull();
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it('treats the legacy memo page as the remark editor', () => {
    loadFixture('taobao-memo.html');
    expect(A.pageKind(document)).toBe('order-detail');
    const ed = A.findRemarkEditor!(document)!;
    expect(ed.orderId).toBe('3709981726354019283');
    expect(ed.textarea.id).toBe('memo');
    expect(ed.readFlag()).toBe('yellow');
    (document.getElementById('flag5') as HTMLInputElement).checked = true;
    expect(ed.readFlag()).toBe('purple');
    expect(ed.saveButton.textContent).toBe('确定');
    // The old page's submit control is a .btn link, not a type=submit button.
    expect(ed.saveButton.matches('a.btn')).toBe(true);
  });

  it('takes the .btn saying 确定 as the save control, not a 取消 before it', () => {
    for (const [extra, expected] of [
      ['<a class="btn" href="#">取消</a>', '确定'],
      ['<span class="btn"> 取 消 </span><input class="btn" type="button" value="关闭">', '确定'],
    ] as const) {
      loadFixture('taobao-memo.html', undefined, (html) => html.replace('<a class="btn btn-primary"', `${extra}<a class="btn btn-primary"`));
      expect(A.findRemarkEditor!(document)!.saveButton.textContent).toBe(expected);
    }
    // No control says what it does: the first that is no cancel; only cancels: none (the page check says so).
    loadFixture('taobao-memo.html', undefined, (html) => html.replace(/>确定</, '>好<').replace('<a class="btn btn-primary"', '<a class="btn">取消</a><a class="btn btn-primary"'));
    expect(A.findRemarkEditor!(document)!.saveButton.textContent).toBe('好');
    loadFixture('taobao-memo.html', undefined, (html) => html.replace(/>确定</, '>取消<'));
    expect(() => A.findRemarkEditor!(document)).toThrow(SiteElementMissing);
  });

  it('says it could not read the flag (null, never gray) when the memo page renamed its flag radios', () => {
    loadFixture('taobao-memo.html', undefined, (html) => html.replace(/id="flag(\d)"/g, 'id="memoFlag$1"').replace(/for="flag/g, 'for="memoFlag'));
    const ed = A.findRemarkEditor!(document)!;
    expect(ed.readFlag()).toBeNull();
    // The page check shows the editor read as failed and names the radios.
    const line = probePage(A, document).find((l) => l.what === 'remark-editor')!;
    expect(line.ok).toBe(false);
    expect(line.missing).toEqual(['MEMO_FLAG_RADIO']);
  });

  it('reads the order id under either label, 订单编号 or 订单号', () => {
    loadFixture('taobao-sold.html');
    const second = A.readOrders!(document)[1]!;
    expect(second.element.textContent).toContain('订单号：');
    expect(second.orderId).toBe('3709981726354019283');
  });

  it('takes the order id from the URL when there is one', () => {
    loadFixture('taobao-memo.html', 'https://trade.taobao.com/trade/memo/update_sell_memo.htm?biz_order_id=1234567890123456789');
    expect(A.findRemarkEditor!(document)!.orderId).toBe('1234567890123456789');
  });

  it('reports a flag change on the memo page', async () => {
    loadFixture('taobao-memo.html');
    const ctrl = new AbortController();
    let calls = 0;
    A.observeOrders!(document, ctrl.signal, () => calls++);
    (document.getElementById('flag1') as HTMLInputElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    ctrl.abort();
  });
});
