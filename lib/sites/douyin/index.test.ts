// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { expectTails, growHistory, loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { findAdapter } from '../index';
import { douyinAdapter as A } from './index';
import { CONVERSATION_ITEM, MESSAGE } from './selectors';
import { CARD_TEXT, openConversation, readWaiting } from './read';

const URL_CHAT = 'https://im.jinritemai.com/pc_seller_v2/main/workspace';
const tick = () => new Promise((r) => setTimeout(r, 0));
/** The messages without their ids (the tests of ids say which they expect). */
const read = (limit: number) => A.readMessages(document, limit).map(({ id: _id, ...m }) => m);

/** Both fixtures' conversation as the page shows it, without the system notice; the buyer's picture as [图片]. */
const MESSAGES = [
  { from: 'buyer', text: '在吗，这个保温杯能装开水吗' },
  { from: 'agent', text: '在的亲，可以装开水，内胆是304不锈钢' },
  { from: 'buyer', text: '[图片]' },
  { from: 'buyer', text: '有没有大一点的容量' },
];

describe.each(['douyin-chat.html', 'douyin-chat-v2.html'])('douyin 飞鸽 adapter on %s', (fixture) => {
  it('matches the 飞鸽 workbench', () => {
    expect(A.matches(new URL(URL_CHAT))).toBe(true);
    expect(A.matches(new URL('https://fxg.jinritemai.com/ffa/morder/order/list'))).toBe(false);
    expect(findAdapter(new URL(URL_CHAT))).toBe(A);
  });

  it('reads the open buyer (no console id on this page) and the messages without system rows', () => {
    loadFixture(fixture, URL_CHAT);
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '豆豆爱吃梨' });
    expect(read(10)).toEqual(MESSAGES);
  });

  it('reads a long nickname from a header that also holds labels, and refuses a header that holds no name', () => {
    loadFixture(fixture, URL_CHAT);
    const header = document.querySelector('#topbar-left-info')!;
    const nameHolder = [...header.querySelectorAll('*')].find((el) => el.children.length === 0)!;
    // A nickname past 64 characters, followed (as on the live page) by the header's own labels.
    const long = '爱喝奶茶的小鱼儿🐟'.repeat(9);
    nameHolder.textContent = long;
    nameHolder.insertAdjacentHTML('afterend', '<span>添加备注</span><span>老客户 · 已下单 3 次 · 来自直播间 · 粉丝团成员 · 近 30 天咨询 5 次</span>');
    expect(long.length).toBeGreaterThan(64);
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: long });
    // Text no nickname is that long: not taken as the buyer.
    nameHolder.textContent = '这是一段说明文字。'.repeat(30);
    expect(A.readBuyer(document)).toBeNull();
    header.replaceChildren();
    expect(A.readBuyer(document)).toBeNull();
  });

  it('reads the latest messages of a long history from its end: at every limit, the tail of the whole conversation', () => {
    loadFixture(fixture, URL_CHAT);
    // 40 runs of the fixture's rows, then two system notices after the last message.
    expect(growHistory(MESSAGE, 40, [0, 0])).toBe(5 * 40 + 2);
    expectTails((n) => read(n), Array(40).fill(MESSAGES).flat());
  });

  it('a picture the buyer sends after the shop’s reply is their turn; one without a picture, or the shop’s, is not read', () => {
    loadFixture(fixture, URL_CHAT);
    const rows = Array.from(document.querySelectorAll(MESSAGE));
    // The conversation up to the shop's reply, then the buyer's photo (the fixture's picture row).
    rows.at(-1)!.remove();
    rows[3]!.before(rows[2]!);
    expect(read(2)).toEqual([
      { from: 'agent', text: '在的亲，可以装开水，内胆是304不锈钢' },
      { from: 'buyer', text: '[图片]' },
    ]);
    expect(A.readMessages(document, 1)[0]!.id).toBe(rows[3]!.querySelector('[data-id]')!.getAttribute('data-id'));
    // An avatar is no picture the buyer sent; a bubble with nothing in it is no message.
    const img = rows[3]!.querySelector('img')!;
    img.alt = '头像';
    expect(read(1)).toEqual([{ from: 'agent', text: '在的亲，可以装开水，内胆是304不锈钢' }]);
    img.remove();
    expect(read(1)).toEqual([{ from: 'agent', text: '在的亲，可以装开水，内胆是304不锈钢' }]);
    // A picture on the shop's side claims no answer it is not known to be (no source shows one).
    rows[2]!.querySelector('pre')!.replaceWith(Object.assign(document.createElement('img'), { alt: '图片' }));
    expect(read(1)).toEqual([{ from: 'buyer', text: '在吗，这个保温杯能装开水吗' }]);
  });

  it('finds the textarea by its data-qa-id, and throws SiteElementMissing without it', () => {
    loadFixture(fixture, URL_CHAT);
    expect(A.findChatInput(document).tagName).toBe('TEXTAREA');
    A.findChatInput(document).remove();
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it('notices a new buyer message', async () => {
    loadFixture(fixture, URL_CHAT);
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    const all = document.querySelectorAll('[data-qa-id="qa-message-warpper"]');
    const copy = all[all.length - 1]!.cloneNode(true) as Element;
    copy.querySelector('[data-id]')!.setAttribute('data-id', 'a0b1c2d3-0000-4000-8000-000000000001');
    copy.querySelector('pre')!.textContent = '几时发货呀';
    all[all.length - 1]!.after(copy);
    await tick();
    expect(calls).toBe(1);
    expect(read(1)).toEqual([{ from: 'buyer', text: '几时发货呀' }]);
    ctrl.abort();
  });

  it('leaves out the notice of a recalled message (its text says 撤回, no typed text), in a bubble or not; a buyer who types 撤回 is read', () => {
    loadFixture(fixture, URL_CHAT);
    const bubbles = document.querySelectorAll('[class*="messageNotMe"]');
    const last = bubbles[bubbles.length - 1]!;
    last.replaceChildren('对方撤回了一条消息');
    expect(read(10)).toEqual(MESSAGES.slice(0, 3));
    last.closest('[data-id]')!.replaceChildren(Object.assign(document.createElement('span'), { textContent: '对方撤回了一条消息' }));
    expect(read(10)).toEqual(MESSAGES.slice(0, 3));
    bubbles[0]!.querySelector('pre')!.textContent = '我想撤回刚才的订单';
    expect(read(10)).toEqual([{ from: 'buyer', text: '我想撤回刚才的订单' }, MESSAGES[1], MESSAGES[2]]);
  });

  it('names the ids of the recall notices the conversation shows (in a bubble or not), and no typed message’s', () => {
    loadFixture(fixture, URL_CHAT);
    expect(A.readRecalled!(document)).toEqual([]);
    const holders = [...document.querySelectorAll(`${MESSAGE} [data-id]`)].filter((h) => h.querySelector('pre'));
    const [first, last] = [holders[0]!, holders.at(-1)!];
    first.querySelector('pre')!.textContent = '我想撤回刚才的订单';
    expect(A.readRecalled!(document)).toEqual([]);
    last.querySelector('[class*="messageNotMe"]')!.replaceChildren('对方撤回了一条消息');
    first.replaceChildren(Object.assign(document.createElement('span'), { textContent: '对方撤回了一条消息' }));
    expect(A.readRecalled!(document)).toEqual([first.getAttribute('data-id'), last.getAttribute('data-id')]);
  });

  it('reads each message’s own id, the data-id just inside its wrapper', () => {
    loadFixture(fixture, URL_CHAT);
    expect(A.readMessages(document, 10).map((m) => m.id)).toEqual(['5d2e8c1a-7b40-4f9e-a3c6-0e91b7f40002', '5d2e8c1a-7b40-4f9e-a3c6-0e91b7f40003', '5d2e8c1a-7b40-4f9e-a3c6-0e91b7f40004', '5d2e8c1a-7b40-4f9e-a3c6-0e91b7f40005']);
  });

  it('the same words again are a change; the list drawn again with the same messages is none', async () => {
    loadFixture(fixture, URL_CHAT);
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    /** A message row with everything around it that holds no other message (v2 wraps each in a div). */
    const unitOf = (w: Element) => {
      let u = w;
      while (u.parentElement!.querySelectorAll(MESSAGE).length === 1) u = u.parentElement!;
      return u;
    };
    const units = () => [...document.querySelectorAll(MESSAGE)].map(unitOf);
    const withId = (unit: Element, id: string) => {
      const copy = unit.cloneNode(true) as Element;
      copy.querySelector('[data-id]')!.setAttribute('data-id', id);
      return copy;
    };
    // The buyer writes 有没有大一点的容量 once more.
    units().at(-1)!.after(withId(units().at(-1)!, 'a0b1c2d3-0000-4000-8000-000000000002'));
    await tick();
    expect(calls).toBe(1);
    expect(read(2)).toEqual([MESSAGES[3], MESSAGES[3]]);
    // The page draws the list again: new elements, the same ids.
    const list = units()[0]!.parentElement!;
    list.replaceChildren(...units().map((u) => u.cloneNode(true)));
    await tick();
    expect(calls).toBe(1);
    // Older messages loaded in front: read again (a row no read takes counts too), the same last message.
    list.prepend(withId(units()[1]!, 'a0b1c2d3-0000-4000-8000-000000000003'));
    await tick();
    expect(calls).toBe(2);
    expect(A.readMessages(document, 1)[0]!.id).toBe('a0b1c2d3-0000-4000-8000-000000000002');
    ctrl.abort();
  });

  it('page check: all reads succeed; without the textarea it names CHAT_INPUT', () => {
    loadFixture(fixture, URL_CHAT);
    expect(probePage(A, document).filter((l) => !l.ok)).toEqual([]);
    A.findChatInput(document).remove();
    expect(probePage(A, document).find((l) => l.what === 'chat-input')).toMatchObject({ ok: false, missing: ['CHAT_INPUT'] });
  });
});

it('the two fixture versions share no hashed class name (so the test above proves independence from them)', () => {
  const classes = (name: string) => {
    loadFixture(name, URL_CHAT);
    const set = new Set<string>();
    for (const el of document.body.querySelectorAll('[class]')) for (const c of el.classList) if (!/^message(Is|Not)Me$/.test(c)) set.add(c);
    return set;
  };
  const v1 = classes('douyin-chat.html');
  const v2 = classes('douyin-chat-v2.html');
  expect([...v1].filter((c) => v2.has(c))).toEqual([]);
});

describe('douyin 飞鸽 等待中 list (douyin-chat.html)', () => {
  const NOW = Date.UTC(2026, 11, 5, 6, 0, 0);

  it('lists the rows under the 待回复 and 已超时 labels by nickname, the wait from each row’s timer; not the answered group', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    expect(readWaiting(document, NOW)).toEqual([
      { key: '豆豆爱吃梨', buyer: '豆豆爱吃梨', since: NOW - 45_000 },
      // The row's unread badge has a title too ("2"): the name line's is the nickname.
      { key: '橘子汽水不加冰', buyer: '橘子汽水不加冰', since: NOW - 2 * 60_000 },
      { key: '山里的小石头', buyer: '山里的小石头', since: NOW - 6 * 60_000 },
    ]);
    expect(A.conversationRow).toBe(CONVERSATION_ITEM);
  });

  it('leaves out a 最近联系 row, a row whose timer says nothing, and the platform’s own conversation; the other hash generation reads alike', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const rows = document.querySelectorAll(CONVERSATION_ITEM);
    rows[0]!.setAttribute('data-btm-id', 'a1.b2.c3.recent');
    rows[1]!.querySelector('[class*="timerParticular"]')!.textContent = '';
    rows[2]!.setAttribute('data-btm-id', 'a1.b2.c3.systemConv');
    rows[2]!.classList.add('needReply');
    expect(readWaiting(document, NOW)).toEqual([]);
    // Only 最近联系 rows (the other tab) or no row at all: nobody is waiting in what the page shows.
    for (const row of document.querySelectorAll(CONVERSATION_ITEM)) row.setAttribute('data-btm-id', 'a1.b2.c3.recent');
    for (const row of rows) row.classList.remove('needReply');
    expect(readWaiting(document, NOW)).toEqual([]);
    for (const row of document.querySelectorAll(CONVERSATION_ITEM)) row.remove();
    expect(readWaiting(document, NOW)).toEqual([]);
    loadFixture('douyin-chat-v2.html', URL_CHAT);
    expect(readWaiting(document, NOW)).toEqual([{ key: '豆豆爱吃梨', buyer: '豆豆爱吃梨', since: NOW - 12_000 }]);
  });

  it('nobody waiting: a 当前会话 list without the 待回复 and 已超时 labels (a group with nobody in it has none) lists no one and is no failure', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    // The buyers answered: the two waiting groups and their rows gone, the answered rows left, with
    // or without a label of their own (no source names one).
    for (const label of document.querySelectorAll('[data-btm="message_group_name_waitReply"], [data-btm="message_group_name_overtime"]')) label.remove();
    for (const row of [...document.querySelectorAll(CONVERSATION_ITEM)].slice(0, 3)) row.remove();
    expect(readWaiting(document, NOW)).toEqual([]);
    document.querySelector('[data-btm^="message_group_name_"]')!.remove();
    expect(document.querySelectorAll(CONVERSATION_ITEM).length).toBe(1);
    expect(readWaiting(document, NOW)).toEqual([]);
  });

  it('a row the page marks needReply waits wherever it is listed: a card in the 最近联系 box, a list without the 待回复 split', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const rows = [...document.querySelectorAll(CONVERSATION_ITEM)];
    // A cold-start product card lands in 最近联系, outside 待回复 (eCan, 2026-07), marked needReply.
    rows[3]!.setAttribute('data-btm-id', 'a1.b2.c3.recent');
    rows[3]!.classList.add('needReply');
    rows[3]!.querySelector('[class*="timerParticular"]')!.textContent = '30秒';
    expect(readWaiting(document, NOW).map((w) => [w.key, w.since])).toEqual([
      ['豆豆爱吃梨', NOW - 45_000],
      ['橘子汽水不加冰', NOW - 2 * 60_000],
      ['山里的小石头', NOW - 6 * 60_000],
      ['晚风_1998', NOW - 30_000],
    ]);
    // A frame without the split (eCan's 2026-08 rebuilt one: every row 最近联系, no label): the marked rows
    // only. The open row may lack the mark while its buyer waits; the clock counts the open conversation itself.
    for (const label of document.querySelectorAll('[data-btm^="message_group_name_"]')) label.remove();
    for (const row of rows) row.setAttribute('data-btm-id', 'a1.b2.c3.recent');
    expect(readWaiting(document, NOW).map((w) => w.key)).toEqual(['橘子汽水不加冰', '晚风_1998']);
  });

  it('the 已超时 group under its other name (message_group_name_overThreemins) is waiting too', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    document.querySelector('[data-btm="message_group_name_overtime"]')!.setAttribute('data-btm', 'message_group_name_overThreemins');
    document.querySelectorAll(CONVERSATION_ITEM)[2]!.classList.remove('needReply');
    expect(readWaiting(document, NOW).map((w) => w.key)).toContain('山里的小石头');
  });

  it('reads every buyer the list shows (by nickname, no id) and the buyer of the row a click lands in; the platform’s own conversation is no buyer', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const rows = [...document.querySelectorAll(CONVERSATION_ITEM)];
    const names = rows.map((r) => r.querySelector('[class*="nameLine"]')!.getAttribute('title'));
    expect(A.readConversations!(document)).toEqual([...new Set(names)].map((nickname) => ({ id: null, nickname })));
    expect(A.conversationAt!(rows[2]!.querySelector('[class*="timerParticular"]')!)).toEqual({ id: null, nickname: names[2] });
    expect(A.conversationAt!(document.querySelector('#topbar-left-info')!)).toBeNull();
    rows[2]!.setAttribute('data-btm-id', 'a1.b2.c3.systemConv');
    expect(A.conversationAt!(rows[2]!.querySelector('[class*="timerParticular"]')!)).toBeNull();
    expect(A.readConversations!(document).map((b) => b.nickname)).not.toContain(names[2]);
  });

  it('opens a waiting buyer by a click on that row, and says so when no row has the name', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const clicked: string[] = [];
    for (const row of document.querySelectorAll(CONVERSATION_ITEM)) row.addEventListener('click', () => clicked.push(row.querySelector('[class*="nameLine"]')!.getAttribute('title')!));
    expect(openConversation(document, '山里的小石头')).toBe(true);
    expect(clicked).toEqual(['山里的小石头']);
    expect(openConversation(document, '不在列表里')).toBe(false);
  });
});

describe('douyin 飞鸽: the agent’s newest bubble before it is marked messageIsMe', () => {
  /** Appends a shop message as the live page may first draw it: right-to-left row, no side class. */
  const appendBare = (text: string, withPre = true) => {
    const list = document.querySelector(MESSAGE)!.parentElement!;
    list.insertAdjacentHTML(
      'beforeend',
      `<div data-qa-id="qa-message-warpper"><div data-id="5d2e8c1a-7b40-4f9e-a3c6-0e91b7f40009" class="Kd8sPq2Lm1" style="flex-direction: row-reverse;"><div class="Wq8dKz1LmN">${withPre ? '<pre></pre>' : ''}</div></div></div>`,
    );
    const bubble = list.lastElementChild!.querySelector('.Wq8dKz1LmN')!;
    (bubble.querySelector('pre') ?? bubble).textContent = text;
  };

  it('reads it as the shop’s answer, so the buyer no longer looks waiting right after a send', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    appendBare('有的亲，还有 750ml 的');
    expect(read(2)).toEqual([MESSAGES[3], { from: 'agent', text: '有的亲，还有 750ml 的' }]);
  });

  it('where it is the only shop row and a system line holds pre, reads the conversation instead of SHOP_BUBBLE missing', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    document.querySelector('.tP4nVb9sEe')!.innerHTML = '<pre>顾客从直播间进入咨询</pre>';
    const shop = document.querySelector('[class*="messageIsMe"]')!;
    shop.classList.remove('messageIsMe');
    expect(read(10)).toEqual(MESSAGES);
    // Neither the class nor the layout says whose it is: still refused, not read as the buyer's.
    shop.parentElement!.style.flexDirection = 'row';
    expect(() => read(10)).toThrow(expect.objectContaining({ element: 'SHOP_BUBBLE' }));
  });

  it('reads a bubble’s own text where it holds no pre, on either side', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const bubbles = document.querySelectorAll('[class*="messageNotMe"], [class*="messageIsMe"]');
    bubbles[1]!.textContent = '能装，放心用';
    bubbles[3]!.textContent = '那我要大的';
    expect(read(4)).toEqual([MESSAGES[0], { from: 'agent', text: '能装，放心用' }, MESSAGES[2], { from: 'buyer', text: '那我要大的' }]);
  });
});

describe('douyin 飞鸽: a buyer’s product card and the platform robot’s reply (douyin-chat.html’s kept rows)', () => {
  /** Appends the fixture's row kept in <template data-fx-row="name"> after the last message, as the page draws it. */
  const pushRow = (name: string) => {
    const list = document.querySelector(MESSAGE)!.parentElement!;
    list.append(document.querySelector<HTMLTemplateElement>(`template[data-fx-row="${name}"]`)!.content.cloneNode(true));
    return list.lastElementChild!;
  };
  const TITLE = '双层真空保温杯 750ml 大容量户外水壶';

  it('reads a card the buyer sent as their turn, by its product title, else 「[商品卡片]」: a buyer who only sent a card waits', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const shop = [...document.querySelectorAll(MESSAGE)][2]!;
    expect(read(10)).toEqual(MESSAGES);
    // The shop answered; then the buyer sends only a card.
    shop.parentElement!.append(shop.cloneNode(true));
    expect(read(1)).toEqual([MESSAGES[1]]);
    const card = pushRow('buyer-card');
    expect(read(2)).toEqual([MESSAGES[1], { from: 'buyer', text: TITLE }]);
    for (const line of card.querySelectorAll('.pigeon-card-place-holder-text')) if (line.textContent!.includes('保温杯')) line.remove();
    expect(read(1)).toEqual([{ from: 'buyer', text: CARD_TEXT }]);
  });

  it('leaves out a card on the shop’s side or in a row showing no side, and the “looking at a product” note', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    const card = pushRow('buyer-card');
    const side = card.querySelector<HTMLElement>('[style*="flex-direction"]')!;
    side.style.flexDirection = 'row-reverse';
    expect(read(10)).toEqual(MESSAGES);
    side.removeAttribute('style');
    expect(read(10)).toEqual(MESSAGES);
    card.remove();
    pushRow('browsing');
    expect(read(10)).toEqual(MESSAGES);
  });

  it('leaves out a reply under the robot’s sender line (智能客服): the buyer still waits; the shop’s own reply after it answers', () => {
    loadFixture('douyin-chat.html', URL_CHAT);
    pushRow('robot-reply');
    expect(read(10)).toEqual(MESSAGES);
    // The same row under the shop's name is the shop's reply.
    const robot = document.querySelector<HTMLTemplateElement>('template[data-fx-row="robot-reply"]')!;
    const mine = pushRow('robot-reply');
    [...mine.querySelectorAll('div')].find((d) => d.textContent === '智能客服')!.textContent = '保温杯旗舰店';
    expect(read(1)).toEqual([{ from: 'agent', text: robot.content.querySelector('pre')!.textContent }]);
  });
});
