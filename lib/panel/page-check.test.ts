// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../sites/testing';
import { pddAdapter } from '../sites';
import { probePage } from '../sites/probe';
import { setLocale } from '../i18n';
import { pageCheckReport } from './page-check';

const CTX = { host: 'mms.pinduoduo.com', adapterId: 'pdd-chat', at: new Date(Date.UTC(2026, 11, 1, 12, 0, 0)) };

describe('the page check report', () => {
  it('says which reads succeed and names the selector that found nothing, with no buyer data', () => {
    setLocale('zh-CN');
    loadFixture('pdd-chat.html', 'https://mms.pinduoduo.com/chat-merchant/index.html#/');
    document.getElementById('replyTextarea')!.remove();
    const report = pageCheckReport(probePage(pddAdapter, document), CTX);
    expect(report).toContain('网站：mms.pinduoduo.com');
    expect(report).toContain('✓ 聊天消息: 5 条');
    expect(report).toContain('✓ 买家编号: 找到');
    expect(report).toContain('✗ 聊天输入框: 未找到');
    expect(report).toMatch(/✗ 聊天输入框: 未找到\n {4}没有匹配到：CHAT_INPUT/);
    // Nothing the page says about the buyer: nickname, uid, any message.
    for (const secret of ['S*******n', '7205118833', '6620034417', '能不能今天就发出去', '小助手']) expect(report).not.toContain(secret);
  });

  it('speaks English with the shop setting', () => {
    setLocale('en');
    loadFixture('pdd-chat.html', 'https://mms.pinduoduo.com/chat-merchant/index.html#/');
    expect(pageCheckReport(probePage(pddAdapter, document), CTX)).toContain('✓ Chat input: found');
    setLocale('zh-CN');
  });
});
