// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { render } from 'preact';
import { drawStale, StalePanel } from './StalePanel';
import { click, mount } from '../remarks/testing';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
});

function show(box: { text: string }, locale: 'zh-CN' | 'en' = 'zh-CN') {
  setLocale(locale);
  const reload = vi.fn();
  const m = mount(<StalePanel typed={() => !!box.text.trim()} reload={reload} />);
  cleanup = m.unmount;
  return { reload, text: () => m.root.textContent, button: () => m.root.querySelector('[data-kf="stale-reload"]') };
}

it('says the helper was updated and offers 刷新页面, which refreshes at once when the chat box is empty', () => {
  const p = show({ text: '  ' });
  expect(p.text()).toContain('客服助手已更新，此面板已停用：请刷新此页面');
  expect(p.button()?.textContent).toBe('刷新页面');
  click(p.button());
  expect(p.reload).toHaveBeenCalledTimes(1);
});

it('does not refresh over text in the chat box: the first click warns, only the next one (仍然刷新) refreshes', () => {
  const box = { text: '亲，这款明天' };
  const p = show(box);
  click(p.button());
  expect(p.reload).not.toHaveBeenCalled();
  expect(p.text()).toContain('聊天框里还有没发出的文字，刷新后可能会丢失：请先发送或复制它。');
  expect(p.button()?.textContent).toBe('仍然刷新');
  click(p.button());
  expect(p.reload).toHaveBeenCalledTimes(1);
});

it('reads the chat box at the click, not when it was drawn: text typed after the notice still warns', () => {
  const box = { text: '' };
  const p = show(box);
  box.text = '草稿甲乙丙';
  click(p.button());
  expect(p.reload).not.toHaveBeenCalled();
  box.text = '';
  click(p.button());
  expect(p.reload).toHaveBeenCalledTimes(1);
});

it('is drawn in the panel\'s language by the fit script (drawStale), whatever language its own copy had', () => {
  setLocale('zh-CN');
  const root = document.createElement('div');
  drawStale(root, () => true, 'en');
  cleanup = () => render(null, root);
  expect(root.textContent).toBe('Updated: this panel stopped. Refresh the pageRefresh page');
});

it('speaks English when the interface does', () => {
  const p = show({ text: 'x' }, 'en');
  expect(p.text()).toContain('Updated: this panel stopped. Refresh the page');
  expect(p.button()?.textContent).toBe('Refresh page');
  click(p.button());
  expect(p.text()).toContain('The chat box still holds unsent text');
  expect(p.button()?.textContent).toBe('Refresh anyway');
});
