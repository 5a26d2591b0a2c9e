// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { render } from 'preact';
import { act } from 'preact/test-utils';
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

/** An old panel as the content script draws it: header, a search, the card frame, the follow-up form. */
function oldPanel(opts: { note?: string; remark?: string; folded?: boolean } = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  root.innerHTML = opts.folded
    ? '<button class="kf-tab" data-kf="expand">客服助手</button>'
    : `<aside class="kf-panel" data-kf="panel">
        <header class="kf-head"><strong>客服助手</strong></header>
        <section data-kf="card"><iframe data-kf="card-frame" style="height: 120px; display: block"></iframe></section>
        <section data-kf="suggestions">推荐话术</section>
        <section><input data-kf="search" type="search"><input data-kf="fu-note" placeholder="备注（可选）"><label>备注内容<textarea data-field="text"></textarea></label></section>
      </aside>`;
  if (opts.note !== undefined) (root.querySelector('[data-kf="fu-note"]') as HTMLInputElement).value = opts.note;
  if (opts.remark !== undefined) (root.querySelector('textarea') as HTMLTextAreaElement).value = opts.remark;
  (root.querySelector('[data-kf="search"]') as HTMLInputElement | null)?.setAttribute('value', '退货');
  cleanup = () => (render(null, root.querySelector('div') ?? root), root.remove());
  return root;
}

it('keeps what the agent typed in the panel\'s forms, read-only with 复制, and nothing of a search or an empty field', () => {
  const root = oldPanel({ note: '查仓库后回复', remark: '顺丰到付\n周五前发' });
  act(() => drawStale(root, () => false, 'zh-CN'));
  const kept = [...root.querySelectorAll('[data-kf="stale-kept"] textarea')] as HTMLTextAreaElement[];
  expect(kept.map((k) => [k.value, k.readOnly, k.getAttribute('aria-label')])).toEqual([
    ['查仓库后回复', true, '备注（可选）'],
    ['顺丰到付\n周五前发', true, '备注内容'],
  ]);
  expect(root.textContent).toContain('你在面板里写了还没保存的内容');
  expect(root.querySelectorAll('[data-kf="stale-copy"]')).toHaveLength(2);
  expect(root.textContent).not.toContain('推荐话术');
});

it('says nothing of kept text when nothing was typed', () => {
  const root = oldPanel({ note: '  ' });
  act(() => drawStale(root, () => false, 'zh-CN'));
  expect(root.querySelector('[data-kf="stale-kept"]')).toBeNull();
  expect(root.textContent).not.toContain('还没保存');
});

it('leaves the buyer card\'s frame where it is, the same element (its unsaved note is in it), with the notice above it and the rest of the old panel gone', () => {
  const root = oldPanel();
  const frame = root.querySelector('iframe');
  act(() => drawStale(root, () => false, 'zh-CN'));
  expect(root.querySelector('iframe')).toBe(frame);
  expect(frame?.isConnected).toBe(true);
  const aside = root.querySelector('aside')!;
  expect(aside.firstElementChild?.querySelector('[data-kf="stale"]')).not.toBeNull();
  expect(root.querySelectorAll('aside')).toHaveLength(1);
  expect(root.textContent).not.toContain('推荐话术');
  expect(root.querySelector('header')).toBeNull();
});

it('copies a kept text with 复制 and says so', async () => {
  const writeText = vi.fn(() => Promise.resolve());
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  try {
    const root = oldPanel({ note: '查仓库后回复' });
    act(() => drawStale(root, () => false, 'zh-CN'));
    click(root.querySelector('[data-kf="stale-copy"]'));
    expect(writeText).toHaveBeenCalledWith('查仓库后回复');
    await vi.waitFor(() => expect(root.textContent).toContain('已复制'));
  } finally {
    vi.unstubAllGlobals();
  }
});

it('keeps a folded panel folded: a tab saying 已更新, which opens into the notice on a click', () => {
  const root = oldPanel({ folded: true });
  act(() => drawStale(root, () => false, 'zh-CN'));
  const tab = root.querySelector('[data-kf="stale"]') as HTMLElement;
  expect(tab.matches('button.kf-tab')).toBe(true);
  expect(tab.textContent).toBe('已更新');
  expect(tab.getAttribute('aria-label')).toBe('客服助手已更新，此面板已停用：请刷新此页面');
  expect(root.querySelector('[data-kf="expand"]')).toBeNull();
  expect(root.querySelector('[data-kf="stale-reload"]')).toBeNull();
  click(tab);
  expect(root.querySelector('aside.kf-panel [data-kf="stale-reload"]')?.textContent).toBe('刷新页面');
});
