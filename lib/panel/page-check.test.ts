// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../sites/testing';
import { pddAdapter, taobaoAdapter } from '../sites';
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

  it('says how many order ids the list shows when fewer orders were read, in both languages', () => {
    const oneTable = (html: string) => html.replace(/<\/tbody>\s*<\/table>\s*<table>\s*<tbody>/g, '');
    const ctx = { ...CTX, host: 'myseller.taobao.com', adapterId: 'taobao-orders' };
    setLocale('zh-CN');
    loadFixture('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', oneTable);
    expect(pageCheckReport(probePage(taobaoAdapter, document), ctx)).toContain('✗ 订单行: 读到 1 条，页面上却有 3 个订单编号');
    setLocale('en');
    expect(pageCheckReport(probePage(taobaoAdapter, document), ctx)).toContain('✗ Order rows: read 1, but the page shows 3 order numbers');
    setLocale('zh-CN');
  });

  it('speaks English with the shop setting', () => {
    setLocale('en');
    loadFixture('pdd-chat.html', 'https://mms.pinduoduo.com/chat-merchant/index.html#/');
    expect(pageCheckReport(probePage(pddAdapter, document), CTX)).toContain('✓ Chat input: found');
    setLocale('zh-CN');
  });
});
