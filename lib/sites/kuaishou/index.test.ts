// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { beijing, expectTails, growHistory, loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { onComputerZone } from '../../domain/testing';
import { findAdapter } from '../index';
import { kuaishouAdapter as A } from './index';
import { MESSAGE_ROW } from './selectors';

const URL_CHAT = 'https://im.kwaixiaodian.com/workbench';
const tick = () => new Promise((r) => setTimeout(r, 0));
/** A month-day time of Beijing's current year (last year's when that would lie in the future). */
const thisYear = (mo: number, d: number, h: number, mi: number, s: number) => {
  const y = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const at = beijing(y, mo, d, h, mi, s);
  return at > Date.now() + 86_400_000 ? beijing(y - 1, mo, d, h, mi, s) : at;
};

/** The fixture's conversation as the page shows it, without the system line and the image. */
const messages = () => [
  { from: 'buyer', text: '这件卫衣是什么面料的', at: thisYear(11, 30, 20, 21, 7) },
  { from: 'agent', text: '亲，是纯棉的，里面加了一层薄绒', at: thisYear(11, 30, 20, 21, 40) },
  { from: 'buyer', text: '这个颜色显白吗', at: thisYear(11, 30, 20, 22, 30) },
];

describe('kuaishou adapter (one source, unconfirmed; fixture page)', () => {
  // The consoles print Beijing time: read the same on a computer in another zone.
  onComputerZone('America/Los_Angeles');
  it('matches the workbench host', () => {
    expect(A.matches(new URL(URL_CHAT))).toBe(true);
    expect(A.matches(new URL('https://s.kwaixiaodian.com/zone/order/list'))).toBe(false);
    expect(findAdapter(new URL(URL_CHAT))).toBe(A);
  });

  it('reads the buyer from their sender line, and the messages without system or image rows', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '橙子不酸' });
    expect(A.readMessages(document, 10)).toEqual(messages());
  });

  it('reads the latest messages and the buyer of a long history from its end: at every limit, the tail of the whole conversation', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const once = messages();
    // 40 runs of the fixture's rows, then the buyer's image and the shop's reply after the last.
    expect(growHistory(MESSAGE_ROW, 40, [2, 1])).toBe(4 * 40 + 2);
    expectTails((n) => A.readMessages(document, n), [...Array(40).fill(once).flat(), once[1]]);
    // The buyer's name is on their latest row with text, the image and the shop's reply after it skipped.
    expect(A.readBuyer(document)).toBe('橙子不酸');
    // Only the shop writing in a long history: no buyer.
    for (const row of document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper__notMe')) row.closest(MESSAGE_ROW)!.remove();
    expect(A.readBuyer(document)).toBeNull();
  });

  it('finds Quill’s editor root, and throws SiteElementMissing without it', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    expect(A.findChatInput(document).classList.contains('ql-editor')).toBe(true);
    A.findChatInput(document).remove();
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it('notices a new buyer message', async () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    const rows = document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_msgMain');
    const copy = rows[rows.length - 1]!.cloneNode(true) as Element;
    copy.querySelector('span')!.textContent = '有没有M码';
    rows[rows.length - 1]!.after(copy);
    await tick();
    expect(calls).toBe(1);
    expect(A.readMessages(document, 1)[0]?.text).toBe('有没有M码');
    ctrl.abort();
  });

  it('page check names CHAT_INPUT when the editor is gone', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    expect(probePage(A, document).filter((l) => !l.ok)).toEqual([]);
    A.findChatInput(document).remove();
    expect(probePage(A, document).find((l) => l.what === 'chat-input')).toMatchObject({ ok: false, missing: ['CHAT_INPUT'] });
  });
});
