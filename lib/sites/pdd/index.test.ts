// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing';
import { SiteElementMissing } from '../types';
import { findAdapter } from '../index';
import { pddAdapter as A } from './index';

describe('pdd adapter (fixture page)', () => {
  it('matches the merchant chat URL only', () => {
    expect(A.matches(new URL('https://mms.pinduoduo.com/chat-merchant/index.html#/'))).toBe(true);
    expect(A.matches(new URL('https://mms.pinduoduo.com/orders/list'))).toBe(false);
    expect(findAdapter(new URL('https://mms.pinduoduo.com/chat-merchant/index.html#/'))).toBe(A);
  });

  it('reads the open buyer, the messages and the framework-controlled input', () => {
    loadFixture('pdd-chat.html');
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyer(document)).toBe('开心每一天88');
    expect(A.readMessages(document, 3)).toEqual([
      { from: 'agent', text: '在的亲，请问有什么可以帮您' },
      { from: 'buyer', text: '我前天拍的' },
      { from: 'buyer', text: '怎么还没发货啊' },
    ]);
    expect(A.findChatInput(document).id).toBe('replyTextarea');
  });

  it('falls back to the list preview when the history rows are not recognised', () => {
    loadFixture('pdd-chat.html');
    document.querySelector('.history-box')!.innerHTML = '<div class="x-9f8e">?</div>';
    expect(A.readMessages(document, 5)).toEqual([{ from: 'buyer', text: '怎么还没发货啊' }]);
  });

  it('notices a conversation switch that only moves the active class', async () => {
    loadFixture('pdd-chat.html');
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    const items = document.querySelectorAll('li.chat-item');
    items[1]!.classList.remove('active');
    items[0]!.classList.add('active');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(A.readBuyer(document)).toBe('拼友_3390a');
    ctrl.abort();
  });

  it('throws SiteElementMissing when the reply box is gone', () => {
    loadFixture('pdd-chat.html');
    document.getElementById('replyTextarea')!.remove();
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });
});
