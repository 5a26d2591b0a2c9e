// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { beijing, expectTails, growHistory, loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { onComputerZone } from '../../domain/testing';
import { findAdapter } from '../index';
import { kuaishouAdapter as A } from './index';
import { BUYER_SIDE, MESSAGE_ROW, SHOP_SIDE, PLAIN_TEXT_CARD } from './selectors';
import { IDS_KEPT, SHARED_KEPT, newIdNames, openConversation, readWaiting, splitSender, vouchId } from './read';

const URL_CHAT = 'https://im.kwaixiaodian.com/workbench';
const tick = () => new Promise((r) => setTimeout(r, 0));
/** A month-day time of Beijing's current year (last year's when that would lie in the future). */
const thisYear = (mo: number, d: number, h: number, mi: number, s: number) => {
  const y = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const at = beijing(y, mo, d, h, mi, s);
  return at > Date.now() + 86_400_000 ? beijing(y - 1, mo, d, h, mi, s) : at;
};

/** The fixture's conversation as the page shows it, without the system line, the image and the platform's promotion. */
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
    expect(A.readBuyerIdentity!(document)).toEqual({ id: '3021557741', nickname: '橙子不酸' });
    expect(A.readMessages(document, 10)).toEqual(messages());
  });

  it('keys the buyer by the id in the message rows, so two buyers of one name are two buyers; no id where the rows do not give one buyer', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const holders = () => Array.from(document.querySelectorAll('.ChatMessageList-ContentWrap > div'));
    // Another buyer of the same name: the same sender lines, the rows under another id.
    for (const h of holders()) h.id = h.id.replace('3021557741', '3021559902');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: '3021559902', nickname: '橙子不酸' });
    // Mid-switch, rows of two conversations: no id (the first and the last disagree).
    holders()[0]!.id = '0_3021557741_101';
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '橙子不酸' });
    // Not the shape read (no digits, too few parts), or no holder at all: the nickname alone, as before.
    for (const id of ['0_abc_1', '0_3021559902', '1_3021559902_7']) {
      for (const h of holders()) h.id = id;
      expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '橙子不酸' });
    }
    loadFixture('kuaishou-chat.html', URL_CHAT, (h) => h.split('ChatMessageList-ContentWrap').join('ChatMessageList-Inner'));
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '橙子不酸' });
    expect(probePage(A, document).find((l) => l.what === 'buyer-id')).toMatchObject({ ok: false, missing: ['BUYER_ID_ROW'] });
  });

  it('an id that came with another name on this page is not taken again: one buyer’s notes never go on another’s card', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    expect(A.readBuyerIdentity!(document)?.id).toBe('3021557741');
    // Another conversation whose rows carry the same id (as the shop's own id would be): not a buyer id.
    for (const el of document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody')) el.textContent = el.textContent!.replace('橙子不酸', '小王88');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '小王88' });
    for (const el of document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody')) el.textContent = el.textContent!.replace('小王88', '橙子不酸');
    expect(A.readBuyerIdentity!(document)).toEqual({ id: null, nickname: '橙子不酸' });
    // The list's cards show no id: the card at a click is named only.
    expect(A.conversationAt!(document.querySelectorAll('.SessionBaseCard-content')[0]!)).toEqual({ id: null, nickname: '橙子不酸' });
  });

  it('no id and another card of the name in the list: says the nickname is shared (namesakes); with an id, or one card, it does not', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT, (h) => h.split('ChatMessageList-ContentWrap').join('ChatMessageList-Inner'));
    expect(A.readBuyerIdentity!(document)).toStrictEqual({ id: null, nickname: '橙子不酸' });
    // A second 橙子不酸 in 已回复 (its name followed by an order count, as the list may show it).
    const other = document.querySelectorAll('.SessionBaseCard')[4]!;
    other.querySelector('.SessionBaseCard-topHeadName')!.innerHTML = '橙子不酸<span>下单数(1)</span>';
    expect(A.readBuyerIdentity!(document)).toStrictEqual({ id: null, nickname: '橙子不酸', namesakes: true });
    // The rows give the id: the two are two records, nothing to say.
    loadFixture('kuaishou-chat.html', URL_CHAT);
    document.querySelectorAll('.SessionBaseCard-topHeadName')[4]!.textContent = '橙子不酸';
    expect(A.readBuyerIdentity!(document)).toStrictEqual({ id: '3021557741', nickname: '橙子不酸' });
  });

  it('a page open all day keeps the last IDS_KEPT ids it read: one not read since is taken again under a new name, a recent one is not', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    let name = '橙子不酸';
    /** The open conversation becomes this buyer's: their name on the sender lines, their id on the rows. */
    const show = (id: string, next: string) => {
      for (const el of document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody')) el.textContent = el.textContent!.replace(name, next);
      for (const h of document.querySelectorAll('.ChatMessageList-ContentWrap > div')) h.id = h.id.replace(/^0_\d+_/, `0_${id}_`);
      name = next;
      return A.readBuyerIdentity!(document)?.id;
    };
    expect(show('5000', '买家甲')).toBe('5000');
    expect(show('5001', '买家乙')).toBe('5001');
    for (let i = 0; i < IDS_KEPT - 1; i++) expect(show(`${6000 + i}`, `买家${i}号`)).toBe(`${6000 + i}`);
    // 5000 was read IDS_KEPT conversations ago and is forgotten; 5001 was read one later and is the
    // oldest kept. Each now comes with another name: 5001 is refused, 5000 taken as new.
    expect(show('5001', '别人乙')).toBeNull();
    expect(show('5000', '别人')).toBe('5000');
  });

  describe('vouchId: each id kept with its first name, bounded', () => {
    it('keeps at most IDS_KEPT ids, the least recently read forgotten first', () => {
      const m = newIdNames();
      expect(vouchId(m, '1', '甲')).toBe('1');
      for (let i = 0; i < 10 * IDS_KEPT; i++) {
        vouchId(m, `${1000 + i}`, `买家${i}`);
        if (i % 10 === 0) expect(vouchId(m, '1', '甲')).toBe('1'); // read now and then: kept
      }
      expect(m.names.size).toBe(IDS_KEPT);
      expect(vouchId(m, '1', '乙')).toBeNull();
      expect(vouchId(m, '1000', '乙')).toBe('1000'); // long forgotten: taken as new
    });

    it('never forgets an id read with two names, however many others come after it', () => {
      const m = newIdNames();
      vouchId(m, '42', '甲');
      expect(vouchId(m, '42', '乙')).toBeNull();
      for (let i = 0; i < 10 * IDS_KEPT; i++) vouchId(m, `${1000 + i}`, `买家${i}`);
      expect(vouchId(m, '42', '丙')).toBeNull();
      expect(vouchId(m, '42', '甲')).toBeNull();
      expect(m.names.size).toBe(IDS_KEPT);
    });

    it('past SHARED_KEPT ids read with two names, takes no id on this page, and keeps no more', () => {
      const m = newIdNames();
      for (let i = 0; i < SHARED_KEPT; i++) {
        vouchId(m, `${i}`, '甲');
        vouchId(m, `${i}`, '乙');
      }
      expect(vouchId(m, '9999', '丙')).toBe('9999');
      vouchId(m, 'x', '甲');
      expect(vouchId(m, 'x', '乙')).toBeNull();
      expect(vouchId(m, '9999', '丙')).toBeNull();
      for (let i = 0; i < 10 * IDS_KEPT; i++) expect(vouchId(m, `${1000 + i}`, `买家${i}`)).toBeNull();
      expect(m.shared.size).toBe(SHARED_KEPT + 1);
      expect(m.names.size).toBeLessThanOrEqual(IDS_KEPT);
    });
  });

  it('reads the latest messages and the buyer of a long history from its end: at every limit, the tail of the whole conversation', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const once = messages();
    // 40 runs of the fixture's rows, then the buyer's image and the shop's reply after the last.
    expect(growHistory(MESSAGE_ROW, 40, [2, 1])).toBe(5 * 40 + 2);
    expectTails((n) => A.readMessages(document, n), [...Array(40).fill(once).flat(), once[1]]);
    // The buyer's name is on their latest row with text, the image and the shop's reply after it skipped.
    expect(A.readBuyer(document)).toBe('橙子不酸');
    // Only the shop writing in a long history: no buyer.
    for (const row of document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper__notMe')) row.closest(MESSAGE_ROW)!.remove();
    expect(A.readBuyer(document)).toBeNull();
  });

  it('a platform promotion on the shop’s side is not the agent’s reply: the buyer who asked before it still waits', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const promo = document.querySelectorAll(MESSAGE_ROW)[4]!;
    expect(promo.querySelector(SHOP_SIDE)?.textContent).toContain('立省');
    // The buyer's question is the last message read, so the wait runs from it.
    expect(A.readMessages(document, 1)).toEqual([messages()[2]]);
    expect(A.readBuyer(document)).toBe('橙子不酸');
    // The other two phrases of the pushes mark them too.
    for (const text of ['这款卫衣券后价79元', '支持新人特权，首单包邮']) {
      promo.querySelector('span')!.textContent = text;
      expect(A.readMessages(document, 1)[0]?.from).toBe('buyer');
    }
    // Only on the shop's side: a buyer who writes 券后价 is still the buyer.
    promo.querySelector(SHOP_SIDE)!.classList.replace(SHOP_SIDE.slice(1), BUYER_SIDE.slice(1));
    expect(A.readMessages(document, 1)[0]).toMatchObject({ from: 'buyer', text: '支持新人特权，首单包邮' });
    // And the agent's own words, without the phrases, are the agent's.
    promo.querySelector(BUYER_SIDE)!.classList.replace(BUYER_SIDE.slice(1), SHOP_SIDE.slice(1));
    promo.querySelector('span')!.textContent = '亲，白色和浅灰都很显白';
    expect(A.readMessages(document, 1)[0]).toMatchObject({ from: 'agent', text: '亲，白色和浅灰都很显白' });
  });

  it('the agent’s own text message quoting 券后价 or 立省 is a reply: a plain text card is no promotion push', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const reply = document.querySelectorAll(MESSAGE_ROW)[1]!;
    expect(reply.querySelector(`${SHOP_SIDE} ${PLAIN_TEXT_CARD}`)).not.toBeNull();
    // A new last row: the reply's whole holder copied (rows sit in id holders, 0_<buyer id>_<n>).
    const holder = reply.parentElement!.cloneNode(true) as Element;
    holder.id = holder.id.replace(/_\d+$/, '_199');
    document.querySelector(MESSAGE_ROW)!.closest('.ChatMessageList-ContentWrap')!.append(holder);
    const last = holder.querySelector(MESSAGE_ROW)!;
    for (const text of ['亲，这款券后价只要79元哦', '领券立省15元，现在下单最划算', '新客支持新人特权，首单包邮']) {
      last.querySelector(`${PLAIN_TEXT_CARD} span`)!.textContent = text;
      expect(A.readMessages(document, 1)[0]).toMatchObject({ from: 'agent', text });
    }
    // The same words in a shop-side row that is no text card stay a push.
    last.querySelector(PLAIN_TEXT_CARD)!.replaceWith(...last.querySelector(PLAIN_TEXT_CARD)!.childNodes);
    expect(A.readMessages(document, 1)[0]?.from).toBe('buyer');
  });

  it('finds the send box’s Quill editor, not the remark box’s before it, and throws SiteElementMissing without it', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const [remark, reply] = Array.from(document.querySelectorAll('.ql-editor'));
    expect(remark!.closest('.SendBox')).toBeNull();
    expect(A.findChatInput(document)).toBe(reply);
    // The send box renamed: two Quill editors, and nothing says which one replies.
    document.querySelector('.SendBox-Editor')!.className = 'SendBox-Input';
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
    // With the remark box gone, the page's only Quill editor is the reply one.
    remark!.remove();
    expect(A.findChatInput(document)).toBe(reply);
    // The send box there without its editor (still drawing it): not the remark box either.
    loadFixture('kuaishou-chat.html', URL_CHAT);
    document.querySelector(`.SendBox-Editor .ql-editor`)!.remove();
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

  describe('sender lines: a name ending in digits keeps them whatever the month', () => {
    // [line, name, month, day, hour, minute, second]
    const cases: [string, string, number, number, number, number, number][] = [];
    for (const name of ['用户12', '小王88', '快手用户1694', '阿花', '9527']) {
      for (const [mo, d] of [[1, 5], [3, 22], [9, 30], [10, 1], [12, 31]]) {
        cases.push([`${name}${mo}-${d} 10:11:12`, name, mo!, d!, 10, 11, 12]);
        cases.push([`${name}${mo}-${d} 08:07`, name, mo!, d!, 8, 7, 0]);
      }
    }
    it.each(cases)('%s → %s', (line, name, mo, d, h, mi, sec) => {
      expect(splitSender(line)).toEqual({ name, at: thisYear(mo, d, h, mi, sec) });
    });

    it('two buyers whose names differ in their last digit stay two in January', () => {
      expect(splitSender('用户121-5 10:11:12').name).toBe('用户12');
      expect(splitSender('用户131-5 10:11:12').name).toBe('用户13');
    });

    it('where two cuts leave a real date, the later one wins (the other lies 10 or 11 months before)', () => {
      // 用户1 on 2-22, or 用户 on 12-22.
      const later = thisYear(2, 22, 18, 55, 20) > thisYear(12, 22, 18, 55, 20) ? '用户1' : '用户';
      expect(splitSender('用户12-22 18:55:20').name).toBe(later);
      // No real month in 21: the one cut left.
      expect(splitSender('小王821-3 09:00:00').name).toBe('小王82');
    });

    it('a line without a real date keeps its digits in the name and has no time', () => {
      expect(splitSender('用户0-5 10:11:12')).toEqual({ name: '用户0' });
      expect(splitSender('用户13-32 10:11:12')).toEqual({ name: '用户13' });
      expect(splitSender('客服小鹿')).toEqual({ name: '客服小鹿' });
      // No source shows a time of day without the date: such a line is left whole.
      expect(splitSender('用户12 18:55:20')).toEqual({ name: '用户12 18:55:20' });
    });
  });

  it('reads a January conversation of a buyer whose name ends in digits from the page', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    for (const el of document.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody')) {
      el.textContent = el.textContent!.replace('橙子不酸11-30', '用户131-5').replace('客服小鹿11-30', '客服小鹿1-5');
    }
    expect(A.readBuyerIdentity!(document)).toEqual({ id: '3021557741', nickname: '用户13' });
    expect(A.readMessages(document, 10).map((m) => m.at)).toEqual([thisYear(1, 5, 20, 21, 7), thisYear(1, 5, 20, 21, 40), thisYear(1, 5, 20, 22, 30)]);
  });

  it('lists the buyers of 请在3分钟内回复 and 已超时 as waiting, from the lower bound each group gives', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const now = Date.now();
    expect(readWaiting(document, now)).toEqual([
      { key: '橙子不酸', buyer: '橙子不酸', since: now },
      { key: '用户12', buyer: '用户12', since: now },
      { key: '用户13', buyer: '用户13', since: now - 180_000 },
      { key: '小王88', buyer: '小王88', since: now - 180_000 },
    ]);
    expect(A.readConversations!(document).map((b) => b.nickname)).toEqual(['橙子不酸', '用户12', '用户13', '小王88', '阿木木']);
    expect(A.conversationAt!(document.querySelectorAll('.SessionBaseCard-content')[2]!)).toEqual({ id: null, nickname: '用户13' });
    expect(openConversation(document, '小王88')).toBe(true);
    expect(openConversation(document, '小王8')).toBe(false);
  });

  it('a folded waiting group whose count says buyers wait but whose cards are not in the page: the list is unreadable, not empty', () => {
    loadFixture('kuaishou-chat.html', URL_CHAT);
    const now = Date.now();
    const [, overdue, answered] = Array.from(document.querySelectorAll('.SessionListGroupItem'));
    // Folded as the live page folds a group: its title (name and "(2)") stays, its cards go.
    for (const card of overdue!.querySelectorAll('.SessionBaseCard')) card.remove();
    expect(() => readWaiting(document, now)).toThrow(SiteElementMissing);
    // A full-width count says the same.
    overdue!.querySelector('.SessionListGroupItem-count')!.textContent = '（2）';
    expect(() => readWaiting(document, now)).toThrow(SiteElementMissing);
    // At "(0)" the group is truly empty: the other group's buyers are the list.
    overdue!.querySelector('.SessionListGroupItem-count')!.textContent = '(0)';
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['橙子不酸', '用户12']);
    // A folded group that is not a waiting one says nothing about who waits.
    overdue!.querySelector('.SessionListGroupItem-count')!.textContent = '(2)';
    overdue!.querySelector('.SessionListGroupItem-groupName')!.textContent = '已回复';
    for (const card of answered!.querySelectorAll('.SessionBaseCard')) card.remove();
    expect(readWaiting(document, now).map((w) => w.key)).toEqual(['橙子不酸', '用户12']);
  });
});
