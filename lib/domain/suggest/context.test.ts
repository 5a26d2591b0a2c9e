import { describe, expect, it } from 'vitest';
import { buyerTurns, CONTEXT_BUYER_TURNS, CONTEXT_MESSAGES } from './context';
import { classify } from './classify';

const msg = (from: 'buyer' | 'agent', text: string) => ({ from, text });

describe('buyerTurns: the window the panel classifies', () => {
  it('keeps the buyer’s messages since the shop’s last reply, at most four, the latest last', () => {
    const chat = [
      msg('buyer', 'b1'), msg('agent', 'a1'), msg('buyer', 'b2'), msg('buyer', 'b3'),
      msg('agent', 'a2'), msg('buyer', 'b4'), msg('buyer', 'b5'),
    ];
    // QA: b2 and b3 were answered by a2, yet they were counted (依据买家最近 4 条消息) and classified.
    expect(buyerTurns(chat)).toEqual(['b4', 'b5']);
    const burst = [msg('agent', 'a0'), ...['b1', 'b2', 'b3', 'b4', 'b5'].map((b) => msg('buyer', b))];
    expect(buyerTurns(burst)).toEqual(['b2', 'b3', 'b4', 'b5']);
    expect(CONTEXT_BUYER_TURNS).toBe(4);
  });
  it('when the shop spoke last (nothing new from the buyer), keeps the messages its reply answered, as before', () => {
    expect(buyerTurns([msg('buyer', 'b1'), msg('agent', 'a1'), msg('buyer', 'b2'), msg('buyer', 'b3'), msg('agent', 'a2'), msg('agent', 'a3')])).toEqual(['b2', 'b3']);
    expect(buyerTurns([msg('buyer', 'b1'), msg('agent', 'a1')])).toEqual(['b1']);
  });
  it('looks no further back than the last twelve messages', () => {
    const chat = [msg('buyer', 'old'), ...Array.from({ length: CONTEXT_MESSAGES - 1 }, (_, i) => msg('agent', `a${i}`)), msg('buyer', 'now')];
    expect(buyerTurns(chat)).toEqual(['now']);
    expect(buyerTurns([msg('agent', 'hello')])).toEqual([]);
    expect(buyerTurns([])).toEqual([]);
  });
  it('a question the shop answered gives no chip to what the buyer writes next', () => {
    const chat = [msg('buyer', '买这个能给开发票吗'), msg('agent', '可以的亲，下单后联系我开'), msg('buyer', '那我先拍了')];
    expect(classify(buyerTurns(chat)).top).not.toContain('invoice');
    // The same words in one breath are still read together (a follow-up takes the need before it).
    expect(classify(buyerTurns([msg('buyer', '买这个能给开发票吗'), msg('buyer', '那我先拍了')])).top).toContain('invoice');
  });
  it('gives a short follow-up the need of the turn before it in the same round', () => {
    const turns = buyerTurns([msg('agent', '您好'), msg('buyer', '我的退款什么时候到账'), msg('buyer', '接下来呢')]);
    expect(classify(['接下来呢']).top).toEqual([]);
    expect(classify(turns).top[0]).toBe('refund-status');
  });
});

describe('follow-ups and bare turns in a conversation', () => {
  const refund = '我的退款什么时候到账';
  it('marks a follow-up that took its need from the conversation', () => {
    const c = classify([refund, '接下来呢']);
    expect(c.top[0]).toBe('refund-status');
    expect(c.followUp).toBe(true);
    // Alone, or with a need of its own, it is no follow-up.
    expect(classify(['接下来呢']).followUp).toBeUndefined();
    expect(classify([refund, '发票怎么开']).followUp).toBeUndefined();
  });
  it('lends nothing to a turn that only confirms or hands over data', () => {
    for (const bare of ['是的', '是', '[链接x] 是的呀', '12 袋', '536534099634', '[订单x]']) {
      const c = classify([refund, bare]);
      expect(c.top, bare).toEqual([]);
      expect(c.followUp, bare).toBeUndefined();
    }
    // A short turn that asks something still follows the conversation.
    expect(classify([refund, '那我怎么办']).top[0]).toBe('refund-status');
  });
});
