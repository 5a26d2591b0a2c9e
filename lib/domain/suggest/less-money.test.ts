/**
 * 少 before a sum of money asks for a lower price; 少 before goods is a missing item (QA pass N,
 * defect 6: 能便宜点不，少个十块 got the 错发漏发 chip and 漏发少件 on the cards). Through the panel's
 * path: the cues and the shipped model combined, then the ranking on the starter library. Messages
 * written for this test.
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

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const index = buildTemplateIndex(STARTER_LIBRARY.templates);

function panel(text: string, orders: string[]) {
  const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
  const cards = cls.top.length ? rankTemplates(index, { classification: cls, text, orderStatuses: orders, now: Date.UTC(2026, 11, 5, 2) }, 3) : [];
  return { chips: cls.top, cards: cards.map((c) => c.template.id) };
}

const BARGAIN: [string, string[]][] = [
  ['能便宜点不，少个十块', []],
  ['少个十块吧老板', []],
  ['老板少算5块钱呗', []],
  ['少收二十块行不', []],
  ['再少个五块我就拍了', []],
  ['这个能少十元吗', []],
  ['少20块可以不', []],
  ['一百五卖不，少个三十块', ['unpaid']],
  ['少个几块钱嘛，买两件呢', []],
  ['给少个8块呗，学生党', []],
  ['少拿十块钱吧亲', []],
  // A sum with no unit: 少五十行不行 still got 错发漏发 and 漏发少件 while only a sum with 块/元 counted.
  ['少五十行不行', []],
  ['老板少二十吧', []],
  ['少个三十可以不', ['unpaid']],
  ['能少100吗，诚心要', []],
];

const MISSING: [string, string[]][] = [
  ['少了一件', ['completed']],
  ['少发了', ['shipped']],
  ['怎么少个袜子', ['completed']],
  ['收到只有一个，少了一个杯子', ['completed']],
  ['包裹里少了两双袜子', ['completed']],
  ['少了个零件装不上', ['completed']],
  ['我买了三件怎么少寄了一件', ['completed']],
  ['打开一看少个盖子', ['completed']],
  ['数量少了，拍的是五包只来了四包', ['completed']],
  ['怎么少了个充电器', ['completed']],
  ['少一条裤子，你们漏发了吧', ['completed']],
  // A count (a number with its counter) stays goods short, unit-less sum or not.
  ['少一个', ['completed']],
  ['拍了三十个，怎么少十个吗', ['completed']],
  ['少两双行吗，我要的是四双', ['completed']],
];

describe('少 with a sum of money is bargaining, not a missing item', () => {
  it.each(BARGAIN)('%s: the 议价 chip leads, no 错发漏发 chip, no 漏发少件 card', (text, orders) => {
    const { chips, cards } = panel(text, orders);
    expect(chips[0]).toBe('bargain');
    expect(chips).not.toContain('wrong-item');
    expect(cards).not.toContain('missing-item');
    expect(cards.filter((id) => id.startsWith('bargain-')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(MISSING)('%s: still the 错发漏发 chip first, 漏发少件 at Alt+1', (text, orders) => {
    const { chips, cards } = panel(text, orders);
    expect(chips[0]).toBe('wrong-item');
    expect(cards[0]).toBe('missing-item');
  });

  it('money owed back is no price request: 退款少了十块 reads as a refund question', () => {
    const { chips, cards } = panel('退款怎么少了十块', ['refunding']);
    expect(chips[0]).toBe('refund-status');
    expect(chips).not.toContain('bargain');
    expect(chips).not.toContain('wrong-item');
    expect(cards).not.toContain('missing-item');
  });
});

// A small sum with no unit (少5吧) was read as goods short: the bare 少 gave the 错发漏发 chip and
// 漏发少件 on the cards, because only sums of ten or more counted as money. 少/便宜/减/抹, a sum of any
// size and a plea right after it ask for a lower price.
const SMALL_BARGAIN: [string, string[]][] = [
  ['老板再少3块吧', []],
  ['少4行不行，我马上付', ['unpaid']],
  ['少个2块钱呗', []],
  ['就少6吧，诚心买', []],
  ['少九行吗', []],
  ['这件少8可以吗', []],
  ['少三吧，凑个整', []],
  ['少7成不成', []],
  ['少1可以不', []],
  ['少收我2块好不好', []],
  ['能不能少5吧我买两件', []],
  ['便宜3块行吗老板', []],
  ['便宜个5块呗', []],
  ['便宜2吧', []],
  ['减2块钱可以不', []],
  ['再减5吧亲', []],
  ['抹个1块钱行不行', []],
  ['抹掉4块吧', []],
];

// A count with its counter is goods short, a plea after it or not (少6个吧 reads "six short, I think").
const SHORT_COUNT: [string, string[]][] = [
  ['包裹里少3个', ['completed']],
  ['少了两瓶', ['completed']],
  ['怎么少发2件', ['shipped']],
  ['袜子少一双', ['completed']],
  ['少4根吸管', ['completed']],
  ['订单里少5支笔', ['completed']],
  ['我数了下少6个吧', ['completed']],
  ['少两个行吗', ['completed']],
  ['拆开少了一只', ['completed']],
];

// 少了 + a sum after paying is money already short, not a price asked for (了: it has happened) and
// no goods short: the refund amount when a refund is named (shared/domain.md: refund-status covers
// "a refund's amount"), else whatever else the message says.
const MONEY_SHORT: [string, string[], string | null][] = [
  ['退款到账少了8块', ['refunding'], 'refund-status'],
  ['退回来的钱少了5块', ['refunding'], 'refund-status'],
  ['少了五块钱是怎么回事', ['completed'], null],
  ['付完款发现少了3块钱', ['paid'], null],
];

describe('a small sum is bargaining too; a count is goods short', () => {
  it.each(SMALL_BARGAIN)('%s: the 议价 chip leads, no 错发漏发 chip, no 漏发少件 card', (text, orders) => {
    const { chips, cards } = panel(text, orders);
    expect(chips[0]).toBe('bargain');
    expect(chips).not.toContain('wrong-item');
    expect(cards).not.toContain('missing-item');
    expect(cards.filter((id) => id.startsWith('bargain-')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(SHORT_COUNT)('%s: the 错发漏发 chip first, 漏发少件 at Alt+1', (text, orders) => {
    const { chips, cards } = panel(text, orders);
    expect(chips[0]).toBe('wrong-item');
    expect(cards[0]).toBe('missing-item');
  });

  it.each(MONEY_SHORT)('%s: neither a price request nor goods short', (text, orders, first) => {
    const { chips, cards } = panel(text, orders);
    expect(chips).not.toContain('bargain');
    expect(chips).not.toContain('wrong-item');
    expect(cards).not.toContain('missing-item');
    expect(cards.filter((id) => id.startsWith('bargain-'))).toEqual([]);
    if (first) expect(chips[0]).toBe(first);
  });
});
