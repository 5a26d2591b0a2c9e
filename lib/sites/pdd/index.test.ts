// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { beijing, expectTails, growHistory, loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { onComputerZone } from '../../domain/testing';
import { findAdapter } from '../index';
import { pddAdapter as A } from './index';
import { openConversation, readWaiting } from './read';
import { MESSAGE_ROW } from './selectors';

const URL_CHAT = 'https://mms.pinduoduo.com/chat-merchant/index.html#/';
const tick = () => new Promise((r) => setTimeout(r, 0));

/** The fixture's conversation as the page shows it: no robot reply, no system or goods-card rows; the buyer's picture as [图片]. */
const MESSAGES = [
  { from: 'buyer', text: '你好，这款加绒的还有货吗', at: beijing(2026, 11, 30, 20, 5, 11) },
  { from: 'buyer', text: '[图片]', at: 1796040460000 },
  { from: 'buyer', text: '我昨天下午就拍了，怎么还没发货', at: 1796040495000 },
  { from: 'agent', text: '亲，我这边帮您查一下仓库', at: 1796040570000 },
  { from: 'buyer', text: '能不能今天就发出去', at: beijing(2026, 11, 30, 20, 10, 5) },
];

describe('pdd adapter (fixture rebuilt from 2026 live-page evidence)', () => {
  // The consoles print Beijing time: read the same on a computer in another zone.
  onComputerZone('America/Los_Angeles');
  it('matches the merchant chat URL only', () => {
    expect(A.matches(new URL(URL_CHAT))).toBe(true);
    expect(A.matches(new URL('https://mms.pinduoduo.com/orders/list'))).toBe(false);
    expect(findAdapter(new URL(URL_CHAT))).toBe(A);
  });

  it('takes a message row’s instant from its id (epoch ms, no zone) over its printed time line', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const row = Array.from(document.querySelectorAll(MESSAGE_ROW)).find((r) => /^middlePanel_list_\d{10,}$/.test(r.id) && r.querySelector('p.message-time'))!;
    const idMs = Number(row.id.replace('middlePanel_list_', ''));
    // A line printed in another zone than the reader assumes (8 hours off) does not move the instant.
    row.querySelector('p.message-time')!.textContent = '2026-11-30 04:05:11';
    const text = row.querySelector('p.msg-content-box')?.textContent?.trim();
    const read = A.readMessages(document, 50).find((m) => m.text === text);
    expect(read?.at).toBe(idMs);
  });

  it('reads the open buyer from the shown active row, not the stale one in a collapsed group', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyer(document)).toBe('S*******n');
    // The collapsed group keeps `active` on another buyer with the same masked nickname.
    expect(A.readBuyerIdentity!(document)).toEqual({ id: '7205118833', nickname: 'S*******n' });
    // Listed once only: the hidden stale box comes first in the page, the shown one still wins.
    document.querySelector('.already-unreply .chat-item-box')!.classList.remove('active');
    expect(A.readBuyerIdentity!(document)?.id).toBe('7205118833');
    // And a header naming the other buyer picks the shown box with that name.
    document.querySelector('.all-chat-list .chat-item-box[data-random^="5931407726"]')!.classList.add('active');
    document.querySelector('.chatWindowHeader .base-info .name')!.textContent = '橘子汽水2020';
    expect(A.readBuyerIdentity!(document)?.id).toBe('5931407726');
  });

  it('keeps two buyers with the same masked nickname apart by uid', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const boxes = Array.from(document.querySelectorAll('.all-chat-list .chat-item-box'));
    for (const b of document.querySelectorAll('.chat-item-box.active')) b.classList.remove('active');
    boxes[1]!.classList.add('active');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: '6620034417', nickname: 'S*******n' });
  });

  it('falls back to the messages’ currentuid when the row has no data-random', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    for (const b of document.querySelectorAll('[data-random]')) b.removeAttribute('data-random');
    expect(A.readBuyerIdentity!(document)?.id).toBe('7205118833');
  });

  it('reads messages oldest first: no robot reply, no system or goods-card rows, with times', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    expect(A.readMessages(document, 10)).toEqual(MESSAGES);
    expect(A.readMessages(document, 2).map((m) => m.text)).toEqual(['亲，我这边帮您查一下仓库', '能不能今天就发出去']);
    expect(A.readMessages(document, 0)).toEqual([]);
  });

  it('the platform robot’s reply answers nobody: a buyer only the robot answered is still the last to have written', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const rows = Array.from(document.querySelectorAll(MESSAGE_ROW));
    const robot = rows.find((r) => r.querySelector('.cs-item.callback'))!;
    // The conversation up to the robot's reply: the buyer's question, then the robot.
    for (const r of rows.slice(rows.indexOf(robot) + 1)) r.remove();
    expect(A.readMessages(document, 10)).toEqual([MESSAGES[0]]);
    // The other mark of a robot row: a robot label inside the shop side, without `callback`.
    const side = robot.querySelector('.cs-item')!;
    side.classList.remove('callback');
    expect(A.readMessages(document, 10).map((m) => m.from)).toEqual(['buyer', 'agent']);
    side.insertAdjacentHTML('afterbegin', '<span class="robot-text">机器人回复</span>');
    expect(A.readMessages(document, 10)).toEqual([MESSAGES[0]]);
    // A conversation the robot alone has spoken in reads as nobody's word, not as a changed page.
    rows[2]!.remove();
    expect(A.readMessages(document, 10)).toEqual([]);
  });

  it('reads the latest messages of a long history from its end: at every limit, the tail of the whole conversation', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    // 40 runs of the fixture's rows, then a goods card and a system notice after the last message.
    expect(growHistory(MESSAGE_ROW, 40, [1, 0])).toBe(8 * 40 + 2);
    expectTails((n) => A.readMessages(document, n), Array(40).fill(MESSAGES).flat());
  });

  it('a picture the buyer sends after the shop’s reply is their turn: the shop no longer spoke last', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const rows = Array.from(document.querySelectorAll(MESSAGE_ROW));
    const reply = rows.find((r) => r.querySelector('.cs-item:not(.callback)'))!;
    const picture = rows.find((r) => r.querySelector('.buyer-item .msg-content img') && !r.querySelector('.good-card'))!;
    // The buyer's question after the reply is gone; they send a photo instead.
    rows.at(-1)!.remove();
    expect(A.readMessages(document, 10).at(-1)).toEqual({ from: 'agent', text: '亲，我这边帮您查一下仓库', at: 1796040570000 });
    const photo = picture.cloneNode(true) as Element;
    photo.id = 'middlePanel_list_1796040700000';
    reply.after(photo);
    expect(A.readMessages(document, 2)).toEqual([
      { from: 'agent', text: '亲，我这边帮您查一下仓库', at: 1796040570000 },
      { from: 'buyer', text: '[图片]', at: 1796040700000 },
    ]);
    // The same picture on the shop's side, or a goods card holding one on the buyer's, is no buyer turn.
    photo.querySelector('.buyer-item')!.className = 'cs-item isread';
    expect(A.readMessages(document, 10).at(-1)?.from).toBe('agent');
    const card = rows.find((r) => r.querySelector('.good-card'))!.cloneNode(true) as Element;
    photo.replaceWith(card);
    expect(A.readMessages(document, 10).at(-1)?.from).toBe('agent');
  });

  it('on a long history, a list counter ticking is no change, and the same message again is one each time', async () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    growHistory(MESSAGE_ROW, 120); // 600 messages: more than any read asks for
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    document.querySelector('.chat-unreply-time')!.firstChild!.textContent = '49秒后超时';
    await tick();
    expect(calls).toBe(0);
    const list = document.querySelector('#msgListContainer > ul.msg-list')!;
    for (const expected of [1, 2]) {
      list.append(list.lastElementChild!.cloneNode(true));
      await tick();
      expect(calls).toBe(expected);
    }
    expect(A.readMessages(document, 2).map((m) => m.text)).toEqual(['能不能今天就发出去', '能不能今天就发出去']);
    ctrl.abort();
  });

  it('finds the framework-controlled reply box, and throws SiteElementMissing without it', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    expect(A.findChatInput(document).id).toBe('replyTextarea');
    document.getElementById('replyTextarea')!.remove();
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it('notices a conversation switch that only moves the active class, and a new buyer message', async () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    const boxes = document.querySelectorAll('.all-chat-list .chat-item-box');
    boxes[0]!.classList.remove('active');
    document.querySelector('.already-unreply .chat-item-box')!.classList.remove('active');
    boxes[2]!.classList.add('active');
    document.querySelector('.chatWindowHeader .base-info .name')!.textContent = '橘子汽水2020';
    await tick();
    expect(calls).toBe(1);
    expect(A.readBuyerIdentity!(document)).toEqual({ id: '5931407726', nickname: '橘子汽水2020' });
    // Typing is not a change.
    const input = A.findChatInput(document) as HTMLTextAreaElement;
    input.value = '好的';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(calls).toBe(1);
    ctrl.abort();
  });

  it('page check: every read succeeds on the fixture; without the reply box it names CHAT_INPUT', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const ok = probePage(A, document);
    expect(ok.filter((l) => !l.ok)).toEqual([]);
    expect(ok.find((l) => l.what === 'messages')?.count).toBe(5);
    document.getElementById('replyTextarea')!.remove();
    const line = probePage(A, document).find((l) => l.what === 'chat-input')!;
    expect(line).toMatchObject({ ok: false, missing: ['CHAT_INPUT'] });
    expect(JSON.stringify(probePage(A, document))).not.toMatch(/S\*|7205118833|发货/);
  });

  it('lists every buyer of the conversation list with their uid, once each (the card reads them ahead)', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const listed = A.readConversations!(document);
    const boxes = Array.from(document.querySelectorAll('li.chat-item > div.chat-item-box'));
    const uids = new Set(boxes.map((b) => /^(.+?)-\d+-[^-]*$/.exec(b.getAttribute('data-random') ?? '')?.[1]));
    expect(listed.map((b) => b.id).sort()).toEqual([...uids].sort());
    // The two masked S*******n buyers stay two; the open one is among them with the id the chat reads.
    expect(listed.filter((b) => b.nickname === 'S*******n').length).toBe(2);
    expect(listed).toContainEqual(A.readBuyerIdentity!(document));
  });

  it('names the buyer (nickname and uid) of the row a click lands in, as the chat reads the open one', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const open = document.querySelector('li.chat-item > div.chat-item-box.active')!;
    expect(A.conversationAt!(open.querySelector('.nickname-span')!)).toEqual(A.readBuyerIdentity!(document));
    const other = document.querySelector('li.chat-item > div.chat-item-box[data-random="4410220987-0-all"]')!;
    expect(A.conversationAt!(other)).toEqual({ nickname: other.querySelector('.nickname-span')!.textContent!.trim(), id: '4410220987' });
    expect(A.conversationAt!(document.querySelector('textarea#replyTextarea')!)).toBeNull();
  });

  it('lists the buyers the conversation list marks unanswered, by uid, once each', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const now = beijing(2026, 11, 30, 20, 11, 0);
    const waiting = readWaiting(document, now).sort((a, b) => a.since - b.since);
    expect(waiting).toEqual([
      // "已等待12分钟" (a lower bound of the wait)
      { key: '5931407726', buyer: '橘子汽水2020', since: now - 12 * 60_000 },
      // the other S*******n, in the collapsed group: "已等待6分钟"
      { key: '6620034417', buyer: 'S*******n', since: now - 6 * 60_000 },
      // the open buyer, listed twice, has a countdown only: the row's last message time
      { key: '7205118833', buyer: 'S*******n', since: beijing(2026, 11, 30, 20, 10) },
    ]);
    // Answered: the markers go, the buyer leaves the list.
    for (const m of document.querySelectorAll('[data-random^="5931407726"] .chat-unreply-over-time')) m.remove();
    expect(readWaiting(document, now).map((w) => w.key)).not.toContain('5931407726');
  });

  it('opens a conversation by uid, clicking the shown row of that buyer (not the namesake)', () => {
    loadFixture('pdd-chat.html', URL_CHAT);
    const clicked: string[] = [];
    document.addEventListener('click', (e) => clicked.push((e.target as Element).getAttribute('data-random') ?? ''), true);
    expect(openConversation(document, '6620034417')).toBe(true);
    // The collapsed group's row is hidden: the shown row in 全部会话 gets the click.
    expect(clicked).toEqual(['6620034417-0-all']);
    expect(openConversation(document, '1234')).toBe(false);
  });
});
