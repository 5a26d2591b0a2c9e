// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';

const runtime = vi.hoisted(() => ({ getURL: (p: string) => `chrome-extension://kf${p}` }));
vi.mock('@/lib/browser', () => ({ browser: { runtime } }));

import { CardFrame } from './CardFrame';
import type { CardFrameHost } from '@/lib/panel/card-frame';
import { Store } from '@/lib/panel/store';

const root = document.createElement('div');
afterEach(() => act(() => render(null, root)));

it('keeps the address it was drawn with when the panel draws it again after an update (getURL throws then): the frame and its unsaved note stay', () => {
  const host = { store: new Store<{ buyer: string | null; height: number }>({ buyer: '米粒妈妈', height: 120 }), attach: () => {} } as unknown as CardFrameHost;
  act(() => render(<CardFrame host={host} />, root));
  const frame = root.querySelector('iframe')!;
  expect(frame.getAttribute('src')).toBe('chrome-extension://kf/card.html');
  runtime.getURL = () => {
    throw new Error('Extension context invalidated.');
  };
  act(() => host.store.set({ height: 140 }));
  expect(root.querySelector('iframe')).toBe(frame);
  expect(frame.getAttribute('src')).toBe('chrome-extension://kf/card.html');
  expect(frame.style.height).toBe('140px');
});
