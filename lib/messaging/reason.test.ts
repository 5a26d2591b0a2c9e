import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { CallError } from './client';
import { worthRetrying } from './retry';
import { reasonText } from './reason';
import { registerMessages } from '../i18n';
import { outdated } from '../i18n/messages/outdated';

afterEach(() => setLocale('zh-CN'));

describe('reasonText', () => {
  it('puts the background’s codes into Chinese words', () => {
    expect(reasonText(new CallError('quota', 'QuotaExceededError: The quota has been exceeded.'))).toBe('存储空间已满');
    expect(reasonText(new CallError('unavailable', 'no reply from the background'))).toBe('扩展后台暂时没有响应，请稍后再试');
    expect(reasonText(new CallError('invalid', 'addFollowup: title: required'))).toBe('内容不符合要求（addFollowup: title: required）');
  });

  it('a worker older than the page (kept from before an update) is not the input: it says to reload the extension', () => {
    const err = new CallError('outdated', 'unknown message');
    // The content script does not carry the words (its size budget): still not the agent's input.
    expect(reasonText(err)).toBe('出现意外错误（unknown message）');
    registerMessages(outdated);
    expect(reasonText(err)).toBe('扩展的后台还是旧版本：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」');
    expect(worthRetrying(err, 1)).toBe(false);
    setLocale('en');
    expect(reasonText(err)).toBe('the extension’s background is out of date: reload Service Desk Helper in chrome://extensions');
  });

  it('says a write that waited behind 删除全部数据 was not saved, in either language (a follow-up, a remark, a pick…)', () => {
    expect(reasonText(new CallError('deleted', 'deleted'))).toBe('全部数据已在此期间删除，这次没有保存；需要的话请再操作一次');
    setLocale('en');
    expect(reasonText(new CallError('deleted', 'deleted'))).toBe('all data was deleted meanwhile, so this was not saved; do it again if you need it');
  });

  it('keeps a reason already written in Chinese', () => {
    expect(reasonText(new CallError('invalid', '标题不能为空'))).toBe('标题不能为空');
  });

  it('frames anything else as an unexpected error, never English alone', () => {
    expect(reasonText(new TypeError('x is undefined'))).toBe('出现意外错误（x is undefined）');
    expect(reasonText(new CallError('teapot', 'short and stout'))).toBe('出现意外错误（short and stout）');
  });

  it('speaks English when the interface does', () => {
    setLocale('en');
    expect(reasonText(new CallError('quota', 'QuotaExceededError'))).toBe('the storage is full');
  });
});
