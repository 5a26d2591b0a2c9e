// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { PanelController } from '@/lib/panel/controller';
import { loadFixture } from '@/lib/sites/testing';
import { pddAdapter } from '@/lib/sites';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from './PanelContext';
import { PageCheck } from './PageCheck';
import { click, mount } from './remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function open(removeInput: boolean) {
  setLocale('zh-CN');
  loadFixture('pdd-chat.html', 'https://mms.pinduoduo.com/chat-merchant/index.html#/');
  if (removeInput) document.getElementById('replyTextarea')!.remove();
  const controller = new PanelController(pddAdapter, document, new AbortController().signal);
  const m = mount(
    <PanelContext.Provider value={controller}>
      <PageCheck host={controller.featureHost()} />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return { controller, root: m.root };
}

const line = (root: HTMLElement, what: string) => root.querySelector<HTMLElement>(`[data-kf="check-line"][data-what="${what}"]`);

describe('PageCheck', () => {
  it('shows nothing until the agent asks, then one line per read', () => {
    const { controller, root } = open(false);
    expect(root.querySelector('[data-kf="page-check"]')).toBeNull();
    act(() => controller.runPageCheck());
    expect([...root.querySelectorAll('[data-kf="check-line"]')].map((l) => l.getAttribute('data-what'))).toEqual([
      'console', 'page-kind', 'buyer', 'buyer-id', 'messages', 'chat-input',
    ]);
    expect([...root.querySelectorAll('[data-kf="check-line"]')].every((l) => l.getAttribute('data-ok') === 'true')).toBe(true);
    expect(line(root, 'messages')!.textContent).toContain('5 条');
    click(root.querySelector('[data-kf="check-close"]'));
    expect(root.querySelector('[data-kf="page-check"]')).toBeNull();
  });

  it('names the selector constant that found nothing when the chat input is gone', () => {
    const { controller, root } = open(true);
    act(() => controller.runPageCheck());
    expect(line(root, 'chat-input')!.getAttribute('data-ok')).toBe('false');
    expect([...line(root, 'chat-input')!.querySelectorAll('[data-kf="check-missing"]')].map((c) => c.textContent)).toEqual(['CHAT_INPUT']);
    // Counts and yes/no only: no nickname, uid or message on screen.
    expect(root.textContent).not.toMatch(/S\*+n|7205118833|发货/);
  });

  it('copies a plain-text report without buyer data', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { controller, root } = open(true);
    act(() => controller.runPageCheck());
    click(root.querySelector('[data-kf="check-copy"]'));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const report = writeText.mock.calls[0]![0];
    expect(report).toContain('网站：mms.pinduoduo.com');
    expect(report).toContain('✗ 聊天输入框: 未找到');
    expect(report).toContain('CHAT_INPUT');
    for (const secret of ['S*******n', '7205118833', '能不能今天就发出去', '橘子汽水2020']) expect(report).not.toContain(secret);
    expect(controller.store.get().notice?.kind).toBe('info');
  });
});
