/**
 * Alt+1 on our own written buyer messages (slot-one.cases.ts), through the panel's path: the cues
 * and the shipped model combined, then the ranking on the starter library with the orders shown
 * beside the chat. QA pass (2026-12-04) found the ranking ignored the order's stage and the
 * message's detail inside a situation: 有现货 for a restock question and for a late paid order,
 * 换货已留货 for a shopper, 新衣有气味 for a split seam, 感谢好评 for 好的谢谢, 付款失败 on a paid
 * order. Before this change these 56 messages gave right 33 / acceptable 3 / wrong 20. The 17 added
 * after the QA re-check (a review already given, 还没收到货, an unpaid buyer's clear ask, a purchase
 * only announced) gave right 8 / acceptable 0 / wrong 9 before their fix.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { combineSignals } from './combine';
import { SuggestEngine } from './engine';
import { decodeModel, type ModelAsset } from './model';
import { rankTemplates } from './rank';
import { buildTemplateIndex } from './template-index';
import { STARTER_LIBRARY } from '../templates/starter';
import { SLOT_ONE_CASES, SLOT_ONE_FRESH, SLOT_ONE_QA_N, SLOT_ONE_THREAT_FADE_RETURN, SLOT_ONE_BAD_REVIEW_SENT_BACK, SLOT_ONE_BEFORE_PAYING, SLOT_ONE_COLOUR_THREAT_POSTED, SLOT_ONE_ARRIVAL, SLOT_ONE_GOOD_REVIEW, SLOT_ONE_LOW_STARS, SLOT_ONE_PAY_METHODS, SLOT_ONE_SHIP_FROM } from './slot-one.cases';

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const index = buildTemplateIndex(STARTER_LIBRARY.templates);
const now = Date.UTC(2026, 11, 4, 2);

function cards(text: string, orders: string[], earlier?: string[]): string[] {
  const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
  if (!cls.top.length) return [];
  return rankTemplates(index, { classification: cls, text, orderStatuses: orders, now, earlier }, 3).map((r) => r.template.id);
}
const slotOne = (text: string, orders: string[]): string | undefined => cards(text, orders)[0];

describe('Alt+1 on written buyer messages with the orders beside the chat', () => {
  const got = SLOT_ONE_CASES.map((c) => ({ c, id: slotOne(c.text, c.orders) }));

  it.each(got.filter(({ c }) => c.text !== '钱已经付过了，你看下'))('$c.text → $id', ({ c, id }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(id);
  });

  it.each(SLOT_ONE_CASES.filter((c) => c.never))('$text: none of the three cards is $never', (c) => {
    for (const id of c.never!) expect(cards(c.text, c.orders)).not.toContain(id);
  });

  it('counts: right 74, acceptable 0, wrong 1 (a message the classifier abstains on: no chip, no card)', () => {
    const right = got.filter(({ c, id }) => c.right.includes(id!)).length;
    const wrong = got.filter(({ c, id }) => !c.right.includes(id!) && !c.ok?.includes(id!));
    expect(SLOT_ONE_CASES.length).toBeGreaterThanOrEqual(40);
    expect(wrong.map(({ c }) => c.text)).toEqual(['钱已经付过了，你看下']);
    expect(wrong[0]!.id).toBeUndefined();
    // 74 since an arrival question puts 到货时间 first (现在拍几天能到 had 发货时间, acceptable).
    expect(right).toBe(74);
  });
});

describe('Alt+1 on messages written after the weights were chosen (run once: right 20, acceptable 2, wrong 2; before 12 / 4 / 8)', () => {
  it('keeps at least 20 of 24 right and at most 2 wrong', () => {
    const got = SLOT_ONE_FRESH.map((c) => ({ c, id: slotOne(c.text, c.orders) }));
    const right = got.filter(({ c, id }) => c.right.includes(id!)).length;
    const wrong = got.filter(({ c, id }) => !c.right.includes(id!) && !c.ok?.includes(id!)).map(({ c, id }) => `${c.text} → ${id}`);
    expect(right).toBeGreaterThanOrEqual(20);
    // Known: 拉链拉不动 reads as 查件 first (物流停滞 holds 不动). 打了五星 (邀请五星评价 over 感谢好评) is right
    // since the rule for a review already given.
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(2);
  });
});

describe('a detail the buyer named in an earlier message', () => {
  it('still counts for the reply it names (能开专票吗, then 公司抬头需要提供什么)', () => {
    expect(cards('公司抬头需要提供什么', [], ['能开专票吗', '公司抬头需要提供什么'])[0]).toBe('invoice-special');
  });

  it('does not put that reply over the answer to the new ask (物流一直不动, then 还没收到货，地址能换吗)', () => {
    // The demo's shipped buyer (米粒妈妈) asked about a stuck parcel before; QA re-check had 物流停滞 at Alt+1.
    const text = '还没收到货，收货地址能换到单位吗';
    expect(cards(text, ['shipped'], ['快递到哪了，物流一直不动', text])[0]).toBe('address-change-shipped');
  });
});

describe('Alt+1 never states what the orders or the buyer do not support (QA pass N: a refund called done, a photo called seen, 久等 for a buyer who just paid)', () => {
  it.each(SLOT_ONE_QA_N.map((c) => ({ c, id: slotOne(c.text, c.orders) })))('$c.text → $id', ({ c, id }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(id);
  });

  it.each(SLOT_ONE_QA_N.filter((c) => c.never))('$text: none of the three cards is $never', (c) => {
    for (const id of c.never!) expect(cards(c.text, c.orders)).not.toContain(id);
  });
});

describe('a threat, a posted review, a colour that runs, a return on its way', () => {
  it.each(SLOT_ONE_THREAT_FADE_RETURN.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
    if (c.cards) expect(got.slice(0, c.cards.length)).toEqual(c.cards);
  });

  it('a parcel number after the buyer said the return is sent is the return’s: acknowledged, not the shop’s parcel', () => {
    const text = '单号是YT9988776655443';
    const got = cards(text, ['refunding'], ['退货今天寄回去了', text]);
    expect(got[0]).toBe('return-sent');
    expect(got).not.toContain('tracking-query');
    expect(got).not.toContain('tracking-check');
  });
});

describe('a situation the agent chose (更改), on a shipped order', () => {
  const chosen = (scenario: 'delay', earlier: string[]) =>
    rankTemplates(index, {
      classification: { scores: [{ id: scenario, score: 1 }], top: [scenario], confident: true, evidence: {} },
      text: earlier.at(-1) ?? '',
      earlier,
      orderStatuses: ['shipped'],
      now,
    }, 3).map((r) => r.template.id);

  it('延迟发货 with nothing about an exchange offers the shipping check only, not 换货进度', () => {
    expect(chosen('delay', [])).toEqual(['delay-check']);
    expect(chosen('delay', ['怎么还没到啊'])).toEqual(['delay-check']);
  });

  it('延迟发货 for an exchange whose new item has not come offers 换货进度', () => {
    expect(chosen('delay', ['上周把大了的那件寄回去换了', '新的怎么还没发'])).toContain('exchange-check');
  });
});

describe('a colour question before buying, a threat in plain words, a return posted with no number', () => {
  it.each(SLOT_ONE_COLOUR_THREAT_POSTED.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
    if (c.cards) expect(got.slice(0, c.cards.length)).toEqual(c.cards);
  });
});

describe('a bad review already posted, goods sent back with no exchange named', () => {
  it.each(SLOT_ONE_BAD_REVIEW_SENT_BACK.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
    if (c.cards) expect(got.slice(0, c.cards.length)).toEqual(c.cards);
  });

  it('a good review given still gets 感谢好评 first', () => {
    expect(cards('好评已经给了哦', ['completed'])[0]).toBe('review-thanks');
  });

  it('an exchange named in this message or an earlier one still gets 换货进度', () => {
    expect(cards('换的那件已经寄回去了', ['completed'])[0]).toBe('exchange-check');
    expect(cards('已经寄回去了', ['completed'], ['想换个大一码的', '已经寄回去了'])[0]).toBe('exchange-check');
    // An address changed is no exchange.
    expect(cards('已经寄回去了', ['completed'], ['退货地址换了吗', '已经寄回去了'])).not.toContain('exchange-check');
  });

  it('the 换货 chip the agent chose brings the exchange replies back', () => {
    const got = rankTemplates(index, {
      classification: { scores: [{ id: 'exchange', score: 1 }], top: ['exchange'], confident: true, evidence: {} },
      text: '已经寄回去了',
      orderStatuses: ['completed'],
      now,
    }, 3).map((r) => r.template.id);
    expect(got[0]).toBe('exchange-check');
  });
});

describe('a question asked before paying, a review said given in another word order', () => {
  it.each(SLOT_ONE_BEFORE_PAYING.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
    if (c.cards) expect(got.slice(0, c.cards.length)).toEqual(c.cards);
  });
});

describe('how many days until it arrives, asked before paying: the delivery time, whatever the library order', () => {
  it.each(SLOT_ONE_ARRIVAL.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
    if (c.cards) expect(got.slice(0, c.cards.length)).toEqual(c.cards);
  });

  it('gives the same first two cards when the shop keeps its replies in the opposite order (no tie decided by the library)', () => {
    const reversed = buildTemplateIndex([...STARTER_LIBRARY.templates].reverse());
    for (const c of SLOT_ONE_ARRIVAL.filter((c) => c.cards)) {
      const cls = combineSignals(classify([c.text]), engine.signals(c.text, { learning: false }));
      const got = rankTemplates(reversed, { classification: cls, text: c.text, orderStatuses: c.orders, now }, 3).map((r) => r.template.id);
      expect(got.slice(0, 2), c.text).toEqual(c.cards);
    }
  });

  it('reads 付款前能用花呗吗 as a payment question', () => {
    const cls = combineSignals(classify(['付款前能用花呗吗']), engine.signals('付款前能用花呗吗', { learning: false }));
    expect(cls.top[0]).toBe('payment');
  });
});

describe('a one- or two-star review said given in short forms reads as a bad review posted', () => {
  it.each(SLOT_ONE_LOW_STARS.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect(got.slice(0, 2), c.text).toEqual(c.cards);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
  });
});

describe('a good review said given: thanks first, and no reply to a bad review on the cards', () => {
  it.each(SLOT_ONE_GOOD_REVIEW.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect(got[0], c.text).toBe('review-thanks');
    for (const id of c.never ?? []) expect(got).not.toContain(id);
  });

  it('holds for a shop’s own reply to a bad review too (read off its body)', () => {
    const own = { id: 'own-bad', title: '差评回复', body: '亲，看到您的评价了，给您添麻烦了，问题我们马上处理', group: '评价', scenarios: ['review' as const] };
    const shopIndex = buildTemplateIndex([...STARTER_LIBRARY.templates, own]);
    const text = '五星给过了';
    const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
    const got = rankTemplates(shopIndex, { classification: cls, text, orderStatuses: ['completed'], now }, 3).map((r) => r.template.id);
    expect(got[0]).toBe('review-thanks');
    expect(got).not.toContain('own-bad');
  });
});

describe('where the goods ship from gets 发货地', () => {
  it.each(SLOT_ONE_SHIP_FROM.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got.slice(0, 1)).not.toContain(id);
  });
});

describe('which ways of paying, asked before ordering: 支付方式 first, never a reminder of an order not placed', () => {
  const REMINDERS = ['pay-remind', 'pay-remind-stock'];
  it.each(SLOT_ONE_PAY_METHODS.map((c) => ({ c, got: cards(c.text, c.orders) })))('$c.text ($c.orders) → $got', ({ c, got }) => {
    expect([...c.right, ...(c.ok ?? [])], `${c.text} (${c.orders.join(',') || 'no order'})`).toContain(got[0]);
    for (const id of c.never ?? []) expect(got).not.toContain(id);
    // No order placed (none unpaid beside the chat, none said: 我拍了还没付 says one): no reminder in the first two.
    if (!c.orders.includes('unpaid') && !c.text.includes('拍了')) expect(REMINDERS).not.toContain(got[1]);
  });

  it('without the 支付方式 reply (a shop deleted it) the first card is still no reminder when no order is placed', () => {
    const shopIndex = buildTemplateIndex(STARTER_LIBRARY.templates.filter((t) => t.id !== 'pay-methods'));
    for (const text of ['付款前能用花呗吗', '还没下单，可以用信用卡吗', '能分期吗']) {
      const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
      const got = rankTemplates(shopIndex, { classification: cls, text, orderStatuses: [], now }, 3).map((r) => r.template.id);
      expect(got.length, text).toBeGreaterThan(0);
      expect(REMINDERS, `${text} → ${got.join(',')}`).not.toContain(got[0]);
    }
  });

  it('an unpaid order beside the chat, or the buyer saying it is not paid, keeps the reminder first for small talk', () => {
    expect(cards('嗯嗯', ['unpaid'])[0]).toBe('pay-remind');
    const text = '拍了还没付款';
    const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
    expect(REMINDERS).toContain(rankTemplates(index, { classification: cls, text, orderStatuses: [], now }, 3)[0]?.template.id);
  });
});
