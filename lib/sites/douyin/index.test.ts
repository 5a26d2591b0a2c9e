// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { expectTails, growHistory, loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { findAdapter } from '../index';
import { douyinAdapter as A } from './index';
import { MESSAGE } from './selectors';

const URL_CHAT = 'https://im.jinritemai.com/pc_seller_v2/main/workspace';
const tick = () => new Promise((r) => setTimeout(r, 0));

/** Both fixtures' conversation as the page shows it, without the system notice and the image. */
const MESSAGES = [
  { from: 'buyer', text: '在吗，这个保温杯能装开水吗' },
  { from: 'agent', text: '在的亲，可以装开水，内胆是304不锈钢' },
  { from: 'buyer', text: '有没有大一点的容量' },
];

describe.each(['douyin-chat.html', 'douyin-chat-v2.html'])('douyin 飞鸽 adapter on %s', (fixture) => {
  it('matches the 飞鸽 workbench', () => {
    expect(A.matches(new URL(URL_CHAT))).toBe(true);
    expect(A.matches(new URL('https://fxg.jinritemai.com/ffa/morder/order/list'))).toBe(false);
    expect(findAdapter(new URL(URL_CHAT))).toBe(A);
  });

  it('reads the open buyer (no console id on this page) and the messages without system or image rows', () => {
    loadFixture(fixture, URL_CHAT);
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '豆豆爱吃梨' });
    expect(A.readMessages(document, 10)).toEqual(MESSAGES);
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
    // 40 runs of the fixture's rows, then an image and a system notice after the last message.
    expect(growHistory(MESSAGE, 40, [3, 0])).toBe(5 * 40 + 2);
    expectTails((n) => A.readMessages(document, n), Array(40).fill(MESSAGES).flat());
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
    copy.querySelector('pre')!.textContent = '几时发货呀';
    all[all.length - 1]!.after(copy);
    await tick();
    expect(calls).toBe(1);
    expect(A.readMessages(document, 1)).toEqual([{ from: 'buyer', text: '几时发货呀' }]);
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
