// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { LibraryPane } from './LibraryPane';
import { SidePanelContext, type SidePanelApi } from './SidePanelContext';
import { CallError } from '@/lib/messaging/client';
import { mount } from '../remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

it('a background older than the page (an update not reloaded) is named with what to do, not as the verb it did not know', async () => {
  const api = {
    call: vi.fn(async () => {
      throw new CallError('outdated', 'unknown message');
    }),
    onChanged: () => () => {},
  } as unknown as SidePanelApi;
  const m = mount(
    <SidePanelContext.Provider value={api}>
      <LibraryPane target={null} />
    </SidePanelContext.Provider>,
  );
  cleanup = m.unmount;
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
  expect(m.root.querySelector('[role="alert"]')?.textContent).toBe('读取话术库失败：扩展的后台还是旧版本：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」');
});
