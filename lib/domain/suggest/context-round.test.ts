import { describe, expect, it } from 'vitest';
import { buyerTurns } from './context';
import { roundNeeds, stillOpen } from './context-round';

const msg = (from: 'buyer' | 'agent', text: string) => ({ from, text });
// Three questions in one breath, before the shop says anything (my own words).
const SIZE = '我162 100斤穿哪个码';
const PRICE = '直播间价格是69 怎么我付的是89';
const WHEN = '今天拍了几号能发出';

describe('roundNeeds: each need of a round of buyer turns, in the order asked', () => {
  it('names the three needs of three questions written in a row (the panel read only the last)', () => {
    const chat = [msg('agent', '您好～这里是橙子旗舰店客服'), msg('buyer', SIZE), msg('buyer', PRICE), msg('buyer', WHEN)];
    expect(roundNeeds(buyerTurns(chat))).toEqual(['size-fit', 'promotion', 'shipping-time']);
  });
  it('adds nothing for a follow-up, a turn it abstains on, a greeting, or a need asked twice', () => {
    expect(roundNeeds([WHEN, '那要多久'])).toEqual(['shipping-time']);
    expect(roundNeeds(['在吗', SIZE, '哈哈', '能快点发货吗', WHEN])).toEqual(['size-fit', 'shipping-time']);
    // One turn: the panel's chips name its need; a round of one asks nothing more.
    expect(roundNeeds([SIZE])).toEqual([]);
    expect(roundNeeds([])).toEqual([]);
  });
  it('reads each turn with the shop’s own cues, as the panel does (a round read again with other cues is read again)', () => {
    const turns = ['有没有橙子暗号价', WHEN];
    expect(roundNeeds(turns)).toEqual(['shipping-time']);
    expect(roundNeeds(turns, { shopCues: { bargain: ['橙子暗号价'] } })).toEqual(['bargain', 'shipping-time']);
    expect(roundNeeds(turns)).toEqual(['shipping-time']);
  });
  it('after the shop answered one need of the round, the round is the same and the others are still open', () => {
    const chat = [msg('buyer', SIZE), msg('buyer', PRICE), msg('buyer', WHEN), msg('agent', '按您的身高体重建议拍M码')];
    const needs = roundNeeds(buyerTurns(chat));
    expect(stillOpen(needs, ['size-fit'])).toEqual(['promotion', 'shipping-time']);
    expect(stillOpen(needs, ['size-fit', 'shipping-time', 'promotion'])).toEqual([]);
    // The buyer writes again: a new round, read from her new turns only.
    expect(roundNeeds(buyerTurns([...chat, msg('buyer', '好的 那我拍M')]))).not.toContain('promotion');
  });
});
