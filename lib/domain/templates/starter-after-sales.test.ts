/**
 * After-sales situations the starter had no fitting reply for (QA pass T, findings 7, 9, 10): an
 * exchange already sent back got 退货挽留 (是哪里不满意呢), 仅退款 got 取消订单 / 退款进度 — and on a
 * shipped order 已发货取消 (快递送到时您直接拒签) for a buyer who has the goods — and a refund short of
 * what was paid got nothing that spoke of the difference. Through the panel's path: cues and the
 * shipped model, then the ranking on the starter library with the orders beside the chat. Every
 * message is our own wording.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../suggest/classify';
import { combineSignals } from '../suggest/combine';
import { SuggestEngine } from '../suggest/engine';
import { decodeModel, type ModelAsset } from '../suggest/model';
import { rankTemplates } from '../suggest/rank';
import { buildTemplateIndex } from '../suggest/template-index';
import { checkReply } from '../guard/check';
import { STARTER_LIBRARY } from './starter';
import { STARTER_KINDS } from './starter-kinds';
import type { Template } from './types';

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const now = Date.UTC(2026, 11, 5, 3);
const whole = buildTemplateIndex(STARTER_LIBRARY.templates);
// A shop that removed the clothing-only starter replies (starter-kinds.ts) must get these too.
const clothing: readonly string[] = STARTER_KINDS.clothing;
const noClothes = buildTemplateIndex(STARTER_LIBRARY.templates.filter((t) => !clothing.includes(t.id)));

function cards(text: string, orders: string[], index = whole): string[] {
  const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
  if (!cls.top.length) return [];
  return rankTemplates(index, { classification: cls, text, orderStatuses: orders, now }, 3).map((r) => r.template.id);
}
const EXCHANGE_STATUS = ['exchange-check', 'exchange-back-received', 'exchange-back-on-way'];
const starter = (id: string): Template => STARTER_LIBRARY.templates.find((t) => t.id === id)!;

describe('an exchange already under way: where it stands, not "what don’t you like?"', () => {
  const cases: [string, string[]][] = [
    ['换货的包裹我上周就寄回去了，新的那件到现在还没发', ['refunding']],
    ['要换成米色的，原来那件已经寄回给你们了', ['completed']],
    ['鞋子换码寄过去好几天了，你们收到没有', ['shipped']],
  ];
  it.each(cases)('%s (%s)', (text, orders) => {
    for (const index of [whole, noClothes]) {
      const got = cards(text, orders, index);
      // The check comes first: whether the parcel arrived is the agent's to look up, not to assume.
      expect(got[0], got.join()).toBe('exchange-check');
    }
  });

  it('a new exchange request still gets the exchange how-to, not a status reply', () => {
    const got = cards('这条裤子能换个大一码吗', ['completed']);
    expect(EXCHANGE_STATUS).not.toContain(got[0]);
    expect(got.filter((id) => EXCHANGE_STATUS.includes(id))).toEqual([]);
  });

  it('the status replies are true only once the buyer had the item, and leave the date to the agent', () => {
    expect(starter('exchange-check').orders).toEqual(['paid', 'shipped', 'refunding', 'completed']);
    for (const id of EXCHANGE_STATUS.slice(1)) expect(starter(id).orders, id).toEqual(['shipped', 'refunding', 'completed']);
    expect(starter('exchange-back-received').body).toContain('{换新发出日?}');
    expect(starter('exchange-back-on-way').body).toMatch(/单号/);
  });
});

describe('仅退款: a refund without sending the goods back', () => {
  it.each([
    ['我不想寄回去了，能直接退钱吗', ['completed']],
    ['能不能只退款不退货，东西有点小毛病还能凑合用', ['completed']],
    ['不想寄回去了，直接退款吧', ['shipped']],
    ['东西不要了，不想寄回去，把钱退给我', ['shipped']],
  ])('%s (%s) leads with 仅退款, never 拒签', (text, orders) => {
    for (const index of [whole, noClothes]) {
      const got = cards(text, orders, index);
      expect(got[0], got.join()).toBe('refund-only');
      // 快递送到时您直接拒签 to a buyer who has the goods.
      expect(got).not.toContain('cancel-shipped');
    }
  });

  it('a plain return is still a return', () => {
    expect(cards('不太喜欢，怎么退货呀', ['completed'])[0]).not.toBe('refund-only');
    expect(cards('不想要了，已经收到了，给我退款', ['shipped'])[0]).not.toBe('refund-only');
  });

  it('promises no refund the shop has not agreed to, and offers part compensation for a defect', () => {
    const body = starter('refund-only').body;
    expect(body).toMatch(/核实/);
    expect(body).toMatch(/质量问题.*补偿/);
    expect(body).not.toMatch(/直接(?:给您)?退|马上退|同意/);
  });
});

describe('a refund short of what was paid', () => {
  it.each([
    ['退款到账只有120，可我当时付了135', ['refunding']],
    ['退的钱少了几块，怎么回事', ['completed']],
  ])('%s (%s) leads with the difference explained', (text, orders) => {
    const got = cards(text, orders);
    expect(got[0], got.join()).toBe('refund-amount-diff');
  });

  it('a refund-time question is not answered with it', () => {
    const got = cards('退款一般几天能到账', ['refunding']);
    expect(got[0]).not.toBe('refund-amount-diff');
    expect(got[0]).not.toBe('refund-only');
  });

  it('says only what the rules back: postage of a non-quality return is the buyer’s; nothing is promised back', () => {
    const body = starter('refund-amount-diff').body;
    expect(body).toMatch(/非质量问题.*运费/);
    expect(body).toMatch(/核对/);
    expect(body).not.toMatch(/补给您|补上|退还给您/);
  });
});

it('the money guard passes every new reply with its fill-ins filled', () => {
  const fill: Record<string, string> = { '{颜色规格?}': '米色M码', '{换新发出日?}': '明天', '{寄回件物流?}': '还在运输中' };
  for (const id of [...EXCHANGE_STATUS, 'refund-only', 'refund-amount-diff']) {
    let body = starter(id).body;
    for (const [k, v] of Object.entries(fill)) body = body.split(k).join(v);
    expect(body, id).not.toMatch(/\{/);
    expect(checkReply(body, { platform: 'taobao' } as never), id).toEqual([]);
  }
});
