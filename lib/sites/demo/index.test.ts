// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startOfDay } from '../../domain/time';
import { bootDemo, expectFlagNotRead, expectTails, growHistory, type DemoHooks } from '../testing';
import { SiteElementMissing } from '../types';
import { findAdapter } from '../index';
import { demoAdapter as A } from './index';
import { MESSAGE } from './selectors';
import { openConversation, readWaiting } from './read';

let demo: DemoHooks | undefined;
afterEach(() => demo?.setAutoMessages(false));

const XSS = '<img src=x onerror=alert(1)>';

describe('demo adapter: matching', () => {
  it('matches the demo console on any local port, only at /chat and /orders', () => {
    expect(A.matches(new URL('http://127.0.0.1:41234/chat'))).toBe(true);
    expect(A.matches(new URL('http://localhost:5173/chat/%E7%B1%B3'))).toBe(true);
    expect(A.matches(new URL('http://127.0.0.1:5173/orders?tab=unpaid'))).toBe(true);
    expect(A.matches(new URL('http://127.0.0.1:5173/fixtures/pdd-chat.html'))).toBe(false);
    expect(A.matches(new URL('https://example.com/chat'))).toBe(false);
    expect(A.matches(new URL('http://127.0.0.1:5173/chatter'))).toBe(false);
    expect(findAdapter(new URL('http://127.0.0.1:9/chat'))).toBe(A);
  });
});

describe('demo adapter: chat', () => {
  it('reads the open buyer and their messages, oldest first', () => {
    demo = bootDemo('/chat/' + encodeURIComponent('南风知我意2019') + '?auto=0');
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyer(document)).toBe('南风知我意2019');
    const msgs = A.readMessages(document, 2);
    expect(msgs).toMatchObject([
      { from: 'buyer', text: '都三天了' },
      { from: 'buyer', text: '说好的48小时内发呢' },
    ]);
    // Each carries the time the page shows it was sent, oldest first, in the past.
    expect(msgs[0]!.at).toBeLessThan(msgs[1]!.at!);
    expect(msgs[1]!.at).toBeLessThanOrEqual(Date.now());
  });

  it('reads the latest messages of a long history from its end: at every limit, the tail of the whole conversation', () => {
    demo = bootDemo('/chat/u-2001?auto=0');
    // What the page shows, from its own state: every message of the open conversation, oldest first.
    const open = demo.conversations().find((c) => c.id === demo!.activeBuyerId())!;
    const once = open.messages.map(({ from, text, at }) => ({ from, text, at }));
    expect(growHistory(MESSAGE, 30)).toBe(once.length * 30);
    expectTails((n) => A.readMessages(document, n), Array(30).fill(once).flat());
  });

  it('reads the buyer id, which tells apart two buyers with the same masked nickname', () => {
    demo = bootDemo('/chat/u-2001?auto=0');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: 'u-2001', nickname: 'S*******n' });
    (document.querySelector('.conv-item[data-buyer-id="u-2002"]') as HTMLElement).click();
    expect(A.readBuyerIdentity!(document)).toEqual({ id: 'u-2002', nickname: 'S*******n' });
    expect(location.pathname).toBe('/chat/u-2002');
    expect(A.chatUrl!('S*******n', new URL('http://127.0.0.1:5173/orders'), 'u-2001')).toBe('http://127.0.0.1:5173/chat/u-2001');
    expect(A.chatUrl!('米粒妈妈', new URL('http://127.0.0.1:5173/orders'))).toBe(`http://127.0.0.1:5173/chat/${encodeURIComponent('米粒妈妈')}`);
  });

  it('reads the XSS nickname as plain text', () => {
    demo = bootDemo('/chat/' + encodeURIComponent(XSS) + '?auto=0');
    expect(A.readBuyer(document)).toBe(XSS);
    expect(document.querySelector('img')).toBeNull();
  });

  it('finds each of the three input kinds', () => {
    demo = bootDemo('/chat?auto=0');
    expect(A.findChatInput(document).tagName).toBe('TEXTAREA');
    demo.setInputKind('contenteditable');
    expect(A.findChatInput(document).getAttribute('contenteditable')).toBe('true');
    demo.setInputKind('controlled');
    expect(A.findChatInput(document).getAttribute('data-controlled')).toBe('true');
  });

  it('throws SiteElementMissing when the page has no chat input', () => {
    demo = bootDemo('/chat?auto=0&broken=input');
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it('reports a new message and a conversation switch once each, and stops after abort', async () => {
    demo = bootDemo('/chat?auto=0');
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    demo.pushBuyerMessage(A.readBuyer(document)!, '在不在呀');
    demo.pushBuyerMessage(A.readBuyer(document)!, '有没有人呀');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(A.readMessages(document, 1)).toMatchObject([{ from: 'buyer', text: '有没有人呀' }]);
    (document.querySelectorAll('.conv-item')[3] as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    // Typing in the input is not a conversation change.
    const input = A.findChatInput(document) as HTMLTextAreaElement;
    input.value = 'x';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    ctrl.abort();
    demo.pushBuyerMessage(A.readBuyer(document)!, '还在不在');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
  });

  it('reports the chat input removed from the editor after load, but not typing in a rich-text input', async () => {
    demo = bootDemo('/chat?auto=0');
    demo.setInputKind('contenteditable');
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    A.findChatInput(document).append('在的');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(0);
    A.findChatInput(document).remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(document.querySelector('.chat-editor')).not.toBeNull();
    ctrl.abort();
  });

  it('ignores what the extension writes into the page', async () => {
    demo = bootDemo('/chat?auto=0');
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    const host = document.createElement('kf-panel');
    document.body.append(host);
    const badge = document.createElement('span');
    badge.className = 'kf-badge';
    document.querySelector('.conv-item')!.append(badge);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(0);
    ctrl.abort();
  });
});

describe('demo adapter: waiting buyers', () => {
  it('lists the buyers waiting for an answer with the time of their oldest unanswered message', () => {
    demo = bootDemo('/chat?auto=0');
    const nick = A.readBuyer(document)!;
    const at = Date.now() - 4 * 60_000;
    demo.pushBuyerMessage('爱吃橙子的猫', '还在不在', at);
    const waiting = readWaiting(document);
    expect(waiting.map((w) => w.buyer)).toContain(nick);
    const cat = waiting.find((w) => w.buyer === '爱吃橙子的猫');
    expect(cat && cat.since <= at).toBe(true);
    // Keyed by the buyer id the list shows, not the (shareable) nickname.
    expect(cat?.key).toBe('u-1003');
    expect(A.readMessages(document, 20).every((m) => typeof m.at === 'number')).toBe(true);
  });

  it('lists the buyers of every conversation in the list, with their ids, in list order', () => {
    demo = bootDemo('/chat?auto=0');
    const listed = A.readConversations!(document);
    const items = [...document.querySelectorAll<HTMLElement>('.conv-item')];
    expect(listed).toEqual(items.map((li) => ({ nickname: li.dataset.nick, id: li.dataset.buyerId })));
    // Two buyers share a masked nickname; their ids tell them apart.
    expect(listed.filter((b) => b.nickname === 'S*******n').map((b) => b.id).sort()).toEqual(['u-2001', 'u-2002']);
  });

  it('names the buyer of the list item a click lands in, as the chat reads them once it is open', () => {
    demo = bootDemo('/chat?auto=0');
    const items = [...document.querySelectorAll<HTMLElement>('.conv-item')];
    const other = items.find((li) => !li.classList.contains('active'))!;
    const at = A.conversationAt!(other.querySelector('.conv-preview')!);
    expect(at).toEqual({ nickname: other.dataset.nick, id: other.dataset.buyerId });
    other.click();
    expect(A.readBuyerIdentity!(document)).toEqual(at);
    // Outside the list, or on a control inside an item (a close button), a click opens nothing.
    expect(A.conversationAt!(document.querySelector('.chat-header')!)).toBeNull();
    const close = other.appendChild(document.createElement('button'));
    close.append(document.createElement('span'));
    expect(A.conversationAt!(close.firstElementChild!)).toBeNull();
  });

  it('opens a conversation from the list', () => {
    demo = bootDemo('/chat?auto=0');
    expect(openConversation(document, 'u-1003')).toBe(true);
    expect(A.readBuyer(document)).toBe('爱吃橙子的猫');
    expect(openConversation(document, 'nobody')).toBe(false);
  });
});

describe('demo adapter: orders', () => {
  it('reads every order with id, buyer, status, time, amount, flag and remark', () => {
    demo = bootDemo('/orders?auto=0');
    expect(A.pageKind(document)).toBe('order-list');
    const rows = A.readOrders!(document);
    const truth = demo.orders();
    expect(rows).toHaveLength(truth.length);
    for (const [i, r] of rows.entries()) {
      expect(r.orderId).toBe(truth[i]!.id);
      expect(r.orderId).toMatch(/^\d{18,19}$/);
      expect(r.buyer).toBe(truth[i]!.buyer);
      expect(r.status).toBe(truth[i]!.status);
      expect(r.flag).toBe(truth[i]!.flag);
      expect(r.remark).toBe(truth[i]!.remark);
      expect(r.createdAt).toBeGreaterThan(0);
      expect(r.amountYuan).toBeGreaterThan(0);
      expect(r.element.isConnected).toBe(true);
    }
    const unpaid = rows.filter((r) => r.status === 'unpaid');
    expect(unpaid.length).toBeGreaterThanOrEqual(2);
    // "Today" is the shop's (Beijing) day, as the demo and the product count it — not the computer's,
    // which on a UTC machine begins 8 hours later (this failed in the first hours after UTC midnight).
    const today = startOfDay(Date.now(), 8 * 60);
    for (const r of unpaid) expect(r.createdAt! >= today - 1000).toBe(true);
    expect(rows.find((r) => r.orderId === '3988127364501928374')).toMatchObject({ amountYuan: 228, items: '高腰阔腿牛仔裤 垂感显瘦；真丝印花小方巾' });
  });

  it('sees payOrder move an order to paid', async () => {
    demo = bootDemo('/orders?auto=0');
    const ctrl = new AbortController();
    let calls = 0;
    A.observeOrders!(document, ctrl.signal, () => calls++);
    demo.payOrder('4012938475610293847');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(A.readOrders!(document).find((r) => r.orderId === '4012938475610293847')?.status).toBe('paid');
    ctrl.abort();
  });

  it('finds the remark dialog, its flag and save button; saving replaces the remark', async () => {
    demo = bootDemo('/orders?auto=0');
    expect(A.findRemarkEditor!(document)).toBeNull();
    const ctrl = new AbortController();
    let calls = 0;
    A.observeOrders!(document, ctrl.signal, () => calls++);
    demo.openRemark('3930018273645518290');
    const ed = A.findRemarkEditor!(document)!;
    expect(ed.orderId).toBe('3930018273645518290');
    expect(ed.readFlag()).toBe('purple');
    expect(ed.textarea.value).toBe('缺货，晚点发');
    await new Promise((r) => setTimeout(r, 0));
    const before = calls;
    (ed.root.querySelector('input[value="3"]') as HTMLInputElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(ed.readFlag()).toBe('green');
    expect(calls).toBeGreaterThan(before);
    // A dialog showing no flag checked (or one whose value is no flag index) is not read, never gray.
    expectFlagNotRead(ed, Array.from(ed.root.querySelectorAll<HTMLInputElement>('input[type="radio"]')));
    ed.textarea.value = '退货：不喜欢 退款129元 客服小美 11/23';
    ed.saveButton.click();
    expect(A.findRemarkEditor!(document)).toBeNull();
    const row = A.readOrders!(document).find((r) => r.orderId === '3930018273645518290')!;
    expect(row).toMatchObject({ flag: 'green', remark: '退货：不喜欢 退款129元 客服小美 11/23' });
    ctrl.abort();
  });
});
