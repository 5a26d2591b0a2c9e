// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing';
import { findAdapter } from '../index';
import { jdAdapter as A } from './index';
import { readUnrepliedBuyers } from './read';

describe('jd adapter (fixture page, mostly assumed structure)', () => {
  it('matches dongdong.jd.com', () => {
    expect(A.matches(new URL('https://dongdong.jd.com/'))).toBe(true);
    expect(A.matches(new URL('https://shop.jd.com/jdm/trade/orders/order-list'))).toBe(false);
    expect(findAdapter(new URL('https://dongdong.jd.com/'))).toBe(A);
  });

  it('reads buyer, messages, input and unreplied conversations', () => {
    loadFixture('jd-dongdong.html');
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyer(document)).toBe('京东老用户小王');
    expect(A.readMessages(document, 10)).toEqual([
      { from: 'buyer', text: '你好' },
      { from: 'agent', text: '您好，京东客服为您服务' },
      { from: 'buyer', text: '发票怎么开' },
    ]);
    expect(A.findChatInput(document).getAttribute('contenteditable')).toBe('true');
    expect(readUnrepliedBuyers(document)).toEqual(['jd_7a8b9c']);
  });
});
