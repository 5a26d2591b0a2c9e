// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { beijing, expectTails, growHistory, loadFixture, runFixtureScript } from '../testing';
import { SiteElementMissing } from '../types';
import { onComputerZone } from '../../domain/testing';
import { findAdapter } from '../index';
import { jdAdapter as A } from './index';
import { openConversation, readWaiting } from './read';
import { MESSAGE } from './selectors';

const URL_CHAT = 'https://dongdong.jd.com/';
const tick = () => new Promise((r) => setTimeout(r, 0));

/** The fixture's open conversation as the page shows it, without the system line; the buyer's picture as [非文字消息]. */
const MESSAGES = [
  { from: 'buyer', text: '你好，我想问下这个能开专票吗', at: beijing(2026, 11, 30, 20, 14, 30) },
  { from: 'agent', text: '您好，可以开的，下单时填好开票信息就行', at: beijing(2026, 11, 30, 20, 15, 2) },
  { from: 'buyer', text: '[非文字消息]', at: beijing(2026, 11, 30, 20, 15, 40) },
  { from: 'buyer', text: '公司抬头需要提供什么', at: beijing(2026, 11, 30, 20, 16, 10) },
];

describe('jd 咚咚 adapter (fixture rebuilt from 2026 live-page evidence)', () => {
  // The consoles print Beijing time: read the same on a computer in another zone.
  onComputerZone('America/Los_Angeles');
  it('matches dongdong.jd.com only', () => {
    expect(A.matches(new URL(URL_CHAT))).toBe(true);
    expect(A.matches(new URL('https://shop.jd.com/jdm/trade/orders/order-list'))).toBe(false);
    expect(findAdapter(new URL(URL_CHAT))).toBe(A);
  });

  it('reads the open buyer and their pin from the selected row of the shown pane', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyer(document)).toBe('京东用户_小满');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: 'jd_4f2a9c81', nickname: '京东用户_小满' });
    // Without the header the shown pane's selection still decides (the hidden pane selects another buyer).
    document.querySelector('.chat-head-name')!.remove();
    expect(A.readBuyerIdentity!(document)).toEqual({ id: 'jd_4f2a9c81', nickname: '京东用户_小满' });
  });

  it('reads messages oldest first with times, without the system line; a buyer row without text as their turn', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    expect(A.readMessages(document, 10)).toEqual(MESSAGES);
  });

  it('a buyer’s picture after the shop’s reply is their turn (said as not text); a shop row without text is not read', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const rows = Array.from(document.querySelectorAll(MESSAGE));
    // The conversation up to the shop's reply, then the buyer's photo (the fixture's picture row).
    rows.at(-1)!.remove();
    rows[3]!.remove();
    expect(A.readMessages(document, 10).at(-1)).toEqual(MESSAGES[1]);
    rows[2]!.after(rows[3]!);
    expect(A.readMessages(document, 2)).toEqual([MESSAGES[1], MESSAGES[2]]);
    // The same row on the shop's side claims no answer it is not known to be.
    rows[3]!.querySelector('.message_left')!.className = 'message_right';
    expect(A.readMessages(document, 1)).toEqual([MESSAGES[1]]);
  });

  it('reads the latest messages of a long history from its end: at every limit, the tail of the whole conversation', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    // 40 runs of the fixture's rows, then two system lines after the last message.
    expect(growHistory(MESSAGE, 40, [0, 0])).toBe(5 * 40 + 2);
    expectTails((n) => A.readMessages(document, n), Array(40).fill(MESSAGES).flat());
  });

  it('finds the editor although its class attribute ends in a space', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const el = A.findChatInput(document);
    expect(el.getAttribute('class')).toBe('EditorContent ');
    expect(el.getAttribute('contenteditable')).toBe('true');
    el.remove();
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it('notices a new buyer message and a switch of the selected row', async () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    const msg = document.querySelector('#t-chat-scroll .message:last-child')!.cloneNode(true) as Element;
    msg.querySelector('.message__content')!.textContent = '你们发哪家快递';
    document.querySelector('#t-chat-scroll .c-c')!.append(msg);
    await tick();
    expect(calls).toBe(1);
    expect(A.readMessages(document, 1)[0]?.text).toBe('你们发哪家快递');
    const rows = document.querySelectorAll('.c_tabs-tabpane:not(.c_tabs-tab_inactive) .alluser-item');
    rows[0]!.classList.remove('alluser-item_check');
    rows[1]!.classList.add('alluser-item_check');
    document.querySelector('.chat-head-name > span')!.textContent = 'jd_77b0e1d2';
    await tick();
    expect(calls).toBe(2);
    expect(A.readBuyerIdentity!(document)).toEqual({ id: 'jd_77b0e1d2', nickname: 'jd_77b0e1d2' });
    ctrl.abort();
  });

  it('page check names CHAT_INPUT when the editor is gone, and holds no buyer data', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    expect(probePage(A, document).filter((l) => !l.ok)).toEqual([]);
    document.querySelector('.EditorContent')!.remove();
    const lines = probePage(A, document);
    expect(lines.find((l) => l.what === 'chat-input')).toMatchObject({ ok: false, missing: ['CHAT_INPUT'] });
    expect(JSON.stringify(lines)).not.toMatch(/小满|jd_4f2a9c81|抬头/);
  });

  it('lists every buyer of the conversation list with their pin, once each (the card reads them ahead)', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const listed = A.readConversations!(document);
    expect(listed.length).toBeGreaterThan(1);
    expect(new Set(listed.map((b) => b.id ?? b.nickname)).size).toBe(listed.length);
    expect(listed).toContainEqual(A.readBuyerIdentity!(document));
    expect(listed.map((b) => b.id)).toContain('jd_4f2a9c81');
  });

  it('names the buyer (name and pin) of the row a click lands in, as the chat reads the open one', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const open = document.querySelector('#t-alluser-wrap .alluser-item.alluser-item_check')!;
    expect(A.conversationAt!(open.querySelector('.user-none-reply-t')!)).toEqual(A.readBuyerIdentity!(document));
    expect(A.conversationAt!(document.querySelector('.chat-head-name > span')!)).toBeNull();
  });

  it('lists the buyers whose row carries the unanswered marker, by pin, from the row’s time, with what they wrote last (the row’s preview)', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const now = beijing(2026, 11, 30, 20, 20);
    expect(readWaiting(document, now)).toEqual([
      { key: 'jd_4f2a9c81', buyer: '京东用户_小满', since: beijing(2026, 11, 30, 20, 16), preview: '公司抬头需要提供什么' },
      { key: 'jd_77b0e1d2', buyer: 'jd_77b0e1d2', since: beijing(2026, 11, 30, 20, 9), preview: '支持七天无理由吗' },
      { key: 'jd_2d9b6e40', buyer: '京东用户_阿杰', since: beijing(2026, 11, 30, 20, 12), preview: '今天能发顺丰吗' },
    ]);
    // A row previewing nothing (an image, say) is listed without one.
    document.querySelector('#u_jd_2d9b6e40imcustomer100234 .alluser-item-breifdesc')!.textContent = '';
    expect(readWaiting(document, now)[2]).toEqual({ key: 'jd_2d9b6e40', buyer: '京东用户_阿杰', since: beijing(2026, 11, 30, 20, 12) });
    // Answered: the marker goes, so does the row from the list (jd_91c0aa7e never had one).
    document.querySelector('#u_jd_77b0e1d2imcustomer100234 .user-none-reply-t')!.remove();
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['jd_4f2a9c81', 'jd_2d9b6e40']);
  });

  it('lists a buyer whose row shows a day, not a time (昨天, 11-29), waiting at least since that day ended: last night’s buyers are not missing from the morning’s list', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const now = beijing(2026, 12, 1, 9, 0);
    const time = (pin: string, text: string) => (document.querySelector(`#t-alluser-wrap .c_tabs-tabpane:not(.c_tabs-tab_inactive) #u_${pin}imcustomer100234 .alluser-item-date-w`)!.textContent = text);
    time('jd_4f2a9c81', '08:55');
    time('jd_77b0e1d2', '昨天');
    time('jd_2d9b6e40', '11-29');
    const waiting = readWaiting(document, now);
    expect(waiting.map((w) => [w.key, w.since])).toEqual([
      ['jd_4f2a9c81', beijing(2026, 12, 1, 8, 55)],
      ['jd_77b0e1d2', beijing(2026, 12, 1, 0, 0)],
      ['jd_2d9b6e40', beijing(2026, 11, 30, 0, 0)],
    ]);
    // The list shows the longest wait first: the buyer of 11-29, then last night's, then this morning's.
    expect([...waiting].sort((a, b) => a.since - b.since).map((w) => w.buyer)).toEqual(['京东用户_阿杰', 'jd_77b0e1d2', '京东用户_小满']);
    // 前天 is the day before; a row showing no time at all is still left out (when the wait began is not shown).
    time('jd_77b0e1d2', '前天');
    expect(readWaiting(document, now).find((w) => w.key === 'jd_77b0e1d2')?.since).toBe(beijing(2026, 11, 30, 0, 0));
    time('jd_77b0e1d2', '');
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['jd_4f2a9c81', 'jd_2d9b6e40']);
  });

  it('where 正在咨询(N) counts customers and no row carries the unanswered marker, says it cannot read who waits rather than nobody waiting', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const now = beijing(2026, 11, 30, 20, 20);
    const marks = () => document.querySelectorAll('.user-none-reply-t');
    // The marker renamed (or gone) in a new build: the header still says 4 customers are in consultation.
    for (const mark of marks()) mark.className = 'user-none-reply-t2';
    expect(() => readWaiting(document, now)).toThrow(expect.objectContaining({ name: 'SiteElementMissing', element: 'UNREPLIED_MARK' }));
    // Everyone answered — the open conversation's last turn is the shop's — and no row marked: the
    // page shows no contradiction, so nobody waits (it said 读不出 here before).
    const scroll = document.querySelector('#t-chat-scroll')!;
    const reply = [...scroll.querySelectorAll('.message')].find((m) => m.querySelector('.message_right'))!;
    scroll.append(reply.cloneNode(true));
    expect(readWaiting(document, now)).toEqual([]);
    // The buyer writes again and their row is still not marked: the marker is not read.
    const ask = [...scroll.querySelectorAll('.message')].find((m) => m.querySelector('.message_left'))!;
    scroll.append(ask.cloneNode(true));
    expect(() => readWaiting(document, now)).toThrow(expect.objectContaining({ name: 'SiteElementMissing', element: 'UNREPLIED_MARK' }));
    // Nobody in consultation (the dated capture's 正在咨询(0)): nobody waits, said plainly.
    document.querySelector('.c_cas-head')!.textContent = '正在咨询(0)';
    expect(readWaiting(document, now)).toEqual([]);
    // One row still marked: the marker works, the list is read (everyone else answered).
    document.querySelector('.c_cas-head')!.textContent = '正在咨询（4）';
    document.querySelector('.user-none-reply-t2')!.className = 'user-none-reply-t';
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['jd_4f2a9c81']);
  });

  it('reads the 等待中 list from the 正在咨询 tab’s pane only: a marked row under 历史咨询 is an earlier conversation, not a buyer waiting', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const now = beijing(2026, 11, 30, 20, 20);
    const history = document.querySelector('.c_tabs-tabpane.c_tabs-tab_inactive')!;
    const row = history.querySelector('#u_jd_77b0e1d2imcustomer100234')!;
    // jd_77b0e1d2 answered in consultation, while its 历史咨询 row (an earlier conversation) still shows the marker.
    document.querySelector('.c_tabs-tabpane:not(.c_tabs-tab_inactive) #u_jd_77b0e1d2imcustomer100234 .user-none-reply-t')!.remove();
    row.insertAdjacentHTML('beforeend', '<div class="alluser-item-state"><span class="user-none-reply-t"></span></div>');
    row.querySelector('.alluser-item-date-w')!.textContent = '19:40';
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['jd_4f2a9c81', 'jd_2d9b6e40']);
    // The agent shows 历史咨询 (the panes swap which is hidden): still the 正在咨询 pane's rows only.
    const tabs = document.querySelectorAll('.c_tabs-tab');
    const panes = document.querySelectorAll('.c_tabs-tabpane');
    tabs[0]!.classList.remove('c_tabs-tab_check');
    tabs[1]!.classList.add('c_tabs-tab_check');
    panes[0]!.classList.add('c_tabs-tab_inactive');
    panes[1]!.classList.remove('c_tabs-tab_inactive');
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['jd_4f2a9c81', 'jd_2d9b6e40']);
    // Without the 正在咨询 tab (renamed), every pane is read, as before.
    tabs[0]!.setAttribute('title', '咨询中');
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['jd_77b0e1d2', 'jd_4f2a9c81', 'jd_2d9b6e40']);
  });

  it('a conversation opened from 历史咨询 whose buyer wrote last does not make an unmarked 正在咨询 list unreadable', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const now = beijing(2026, 11, 30, 20, 20);
    // Everyone in consultation answered (no marker, 正在咨询(4)); the agent opens 京东用户_小满's earlier
    // conversation under 历史咨询, where the buyer wrote last.
    for (const mark of document.querySelectorAll('.user-none-reply-t')) mark.remove();
    const panes = document.querySelectorAll('.c_tabs-tabpane');
    panes[0]!.classList.add('c_tabs-tab_inactive');
    panes[1]!.classList.remove('c_tabs-tab_inactive');
    for (const r of document.querySelectorAll('.alluser-item_check')) r.classList.remove('alluser-item_check', 't-item-ck', 'alluser-current');
    panes[1]!.querySelector('#u_jd_4f2a9c81imcustomer100234')!.classList.add('alluser-item_check', 't-item-ck', 'alluser-current');
    expect(readWaiting(document, now)).toEqual([]);
    // The same conversation open in 正在咨询: its buyer wrote last and no row is marked — the marker is not read.
    panes[0]!.querySelector('#u_jd_4f2a9c81imcustomer100234')!.classList.add('alluser-item_check');
    expect(() => readWaiting(document, now)).toThrow(expect.objectContaining({ element: 'UNREPLIED_MARK' }));
  });

  it('reads the live page’s shapes: the header’s name before its [在线咨询] labels, the time in the nickname line, the editor’s first <br>', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    expect(document.querySelector('.chat-head-title .chat-head-name .consult-type')).not.toBeNull();
    expect(A.readBuyer(document)).toBe('京东用户_小满');
    expect(document.querySelector(`${MESSAGE} .message__nickname .message__time_str`)).not.toBeNull();
    expect(A.readMessages(document, 4)).toEqual(MESSAGES);
    expect(A.findChatInput(document).innerHTML).toBe('<br>');
  });

  it('opens a conversation by pin, clicking its row in the shown pane', () => {
    loadFixture('jd-dongdong.html', URL_CHAT);
    const clicked: Element[] = [];
    document.addEventListener('click', (e) => clicked.push(e.target as Element), true);
    expect(openConversation(document, 'jd_77b0e1d2')).toBe(true);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.closest('.c_tabs-tab_inactive')).toBeNull();
    expect(openConversation(document, 'jd_nobody')).toBe(false);
  });

  for (const variant of ['title', 'wrapped'] as const) {
    it(`reads the pin where the row has no id of its own (${variant === 'title' ? 'the name’s title' : 'an imwaiter id on a wrapper'}): the open buyer, the list, a click, the waiting rows`, () => {
      // The fixture's own ?rows= script, as the browser tests run it (test/fixtures/assets).
      loadFixture('jd-dongdong.html', `${URL_CHAT}?rows=${variant}`);
      runFixtureScript('jd-dongdong-rows.js');
      expect(document.querySelector('.alluser-item[id]')).toBeNull();
      expect(A.readBuyerIdentity!(document)).toEqual({ id: 'jd_4f2a9c81', nickname: '京东用户_小满' });
      expect(A.readConversations!(document).map((b) => b.id)).toEqual(['jd_4f2a9c81', 'jd_77b0e1d2', 'jd_2d9b6e40', 'jd_91c0aa7e']);
      const row = document.querySelector('.alluser-item:not(.alluser-item_check)')!;
      expect(A.conversationAt!(row.querySelector('.alluser-item-breifdesc')!)).toEqual({ id: 'jd_77b0e1d2', nickname: 'jd_77b0e1d2' });
      expect(readWaiting(document, beijing(2026, 11, 30, 20, 20)).map((w) => w.key)).toEqual(['jd_4f2a9c81', 'jd_77b0e1d2', 'jd_2d9b6e40']);
    });
  }
});
