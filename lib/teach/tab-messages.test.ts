/**
 * The content script answers tab messages only from the extension's own pages: `remindedHere` marks
 * a buyer reminded, so a seller page (or another extension) that could send it would mark buyers the
 * agent never reminded; `useReply` puts a reply into the chat box (through the panel's checks).
 */
import { afterEach, expect, it, vi } from 'vitest';

const listeners: ((msg: unknown, sender: unknown, send: (r: unknown) => void) => unknown)[] = [];
vi.mock('../browser', async (orig) => ({
  ...(await orig<typeof import('../browser')>()),
  browser: {
    runtime: {
      id: 'ext-id',
      getURL: (p: string) => `chrome-extension://ext-id/${p}`,
      onMessage: { addListener: (l: (typeof listeners)[number]) => listeners.push(l), removeListener: () => {} },
    },
  },
}));

import { listenTabMessages, type TabHandlers } from './tab-messages';

const abort = new AbortController();
afterEach(() => (listeners.length = 0));

function tab() {
  const remindedHere = vi.fn(async () => ({ buyer: '爱吃橙子的猫', marked: true }));
  const useReply = vi.fn(async () => ({ ok: true, held: true }));
  listenTabMessages({ ping: vi.fn(), startTeach: vi.fn(), insertText: vi.fn(), useReply, remindedHere } as unknown as TabHandlers, abort.signal);
  /** What the listener does with a message from `sender`: the answer, or undefined when it does not answer. */
  const send = (sender: object, msg: object = { kfTab: 'remindedHere', payload: { templateId: 'pay-remind', copied: true } }) =>
    new Promise<unknown>((resolve) => {
      const kept = listeners[0]!(msg, sender, resolve);
      if (kept !== true) resolve(undefined);
    });
  return { remindedHere, useReply, send };
}

const USE = { kfTab: 'useReply', payload: { templateId: 'wechat-photos', fills: {} } };

it('answers useReply from the side panel with what the page did (held there)', async () => {
  const t = tab();
  expect(await t.send({ id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html?tab=7' }, USE)).toEqual({ ok: true, held: true });
  expect(t.useReply).toHaveBeenCalledWith({ templateId: 'wechat-photos', fills: {} });
});

it('inserts nothing for useReply from a page, another extension or a content script', async () => {
  const t = tab();
  expect(await t.send({ id: 'ext-id', url: 'https://seller.example/chat', tab: { id: 3 } }, USE)).toBeUndefined();
  expect(await t.send({ id: 'other-ext', url: 'chrome-extension://other-ext/panel.html' }, USE)).toBeUndefined();
  expect(t.useReply).not.toHaveBeenCalled();
});

it('answers remindedHere from the side panel (an extension page of ours)', async () => {
  const t = tab();
  expect(await t.send({ id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html?tab=7' })).toEqual({ buyer: '爱吃橙子的猫', marked: true });
  expect(t.remindedHere).toHaveBeenCalledWith({ templateId: 'pay-remind', copied: true });
});

it('does not answer, nor mark anyone, for a content script in a tab, another extension or a page without a URL of ours', async () => {
  const t = tab();
  expect(await t.send({ id: 'ext-id', url: 'https://seller.example/chat', tab: { id: 3 } })).toBeUndefined();
  expect(await t.send({ id: 'other-ext', url: 'chrome-extension://other-ext/panel.html' })).toBeUndefined();
  expect(await t.send({ id: 'ext-id' })).toBeUndefined();
  expect(t.remindedHere).not.toHaveBeenCalled();
});
