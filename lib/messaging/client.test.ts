import { beforeEach, describe, expect, it, vi } from 'vitest';

/** What each sendMessage does, in order: a reply, `undefined` (no reply at all) or an Error (rejected). */
let outcomes: unknown[] = [];
const sent: unknown[] = [];
/** The runtime's id: undefined once the extension was reloaded or updated under the page. */
const runtime = vi.hoisted(() => ({ id: 'ext' as string | undefined }));
/** chrome.storage as a content script sees it: `api` goes undefined when Chrome tears the runtime down. */
const storage = vi.hoisted(() => {
  const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
  const onChanged = { addListener: (l: never) => void listeners.add(l), removeListener: (l: never) => void listeners.delete(l) };
  return { listeners, api: { onChanged } as { onChanged: typeof onChanged } | undefined };
});

vi.mock('../browser', async (original) => ({
  listen: ((await original()) as typeof import('../browser')).listen,
  browser: {
    get storage() {
      return storage.api;
    },
    runtime: {
      get id() {
        return runtime.id;
      },
      sendMessage: async (m: unknown) => {
        sent.push(m);
        const next = outcomes.shift();
        if (next instanceof Error) throw next;
        return next;
      },
    },
  },
}));

const { call, CallError, onDataChanged } = await import('./client');

// The three ways Chromium cut off a message to a worker being stopped (test/e2e/worker-stop.e2e.test.ts).
const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');
const CHANNEL_CLOSED = new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
const NO_REPLY = undefined;

describe('call: a service worker stopped while a message is on its way', () => {
  beforeEach(() => {
    outcomes = [];
    sent.length = 0;
  });

  it.each([
    ['rejected: no worker to take it', NO_RECEIVER],
    ['rejected: the worker stopped before answering', CHANNEL_CLOSED],
    ['resolved with no reply: it reached the stopping worker before our listener ran', NO_REPLY],
  ])('sends the message once more and returns the fresh worker’s answer (%s)', async (_, cutOff) => {
    outcomes = [cutOff, { ok: true, value: { shop: 'x' } }];
    await expect(call('getSettings')).resolves.toEqual({ shop: 'x' });
    // The same message twice, under one call id: a worker that wrote before it stopped is not made to write again.
    const [first, again] = sent as { rid: string }[];
    expect(first).toEqual({ kf: 'getSettings', payload: undefined, rid: expect.stringMatching(/^[0-9a-z]{1,16}$/) });
    expect(again).toEqual(first);
  });

  it('gives each call its own id', async () => {
    outcomes = [{ ok: true, value: 1 }, { ok: true, value: 2 }];
    await call('getSettings');
    await call('getSettings');
    const [a, b] = sent as { rid: string }[];
    expect(a!.rid).not.toBe(b!.rid);
  });

  it('says the background is unavailable when the message sent again is cut off too', async () => {
    outcomes = [NO_REPLY, NO_RECEIVER];
    const err = await call('getSettings').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect(err).toMatchObject({ code: 'unavailable', message: NO_RECEIVER.message });
    expect(sent).toHaveLength(2);
  });

  it('does not send again a message the background answered, even with a refusal', async () => {
    outcomes = [{ ok: false, error: { code: 'invalid', message: 'bad payload' } }];
    await expect(call('getSettings')).rejects.toMatchObject({ code: 'invalid', message: 'bad payload' });
    expect(sent).toHaveLength(1);
  });

  it('a worker that does not know the verb is older than the page: "outdated", not the agent’s input', async () => {
    // What every earlier worker answers a verb it does not have (lib/messaging/dispatch.ts).
    outcomes = [{ ok: false, error: { code: 'invalid', message: 'unknown message' } }];
    await expect(call('exportAllData')).rejects.toMatchObject({ code: 'outdated' });
    expect(sent).toHaveLength(1);
  });
});

describe('call: the extension reloaded or updated under the page', () => {
  it('sends nothing and never settles (nothing is thrown into the page); the content script shows why', async () => {
    runtime.id = undefined;
    sent.length = 0;
    const settled = await Promise.race([call('getLibrary').then(() => 'resolved', () => 'rejected'), new Promise((r) => setTimeout(() => r('pending'), 50))]);
    runtime.id = 'ext';
    expect(settled).toBe('pending');
    expect(sent).toEqual([]);
  });
});

describe('onDataChanged: the extension updated under a content script', () => {
  const live = storage.api;
  beforeEach(() => {
    storage.api = live;
    storage.listeners.clear();
  });

  it('hears a change while the runtime lives, and nothing once unsubscribed', () => {
    const heard: string[] = [];
    const off = onDataChanged(['library'], (area) => heard.push(area));
    for (const l of storage.listeners) l({ 'kf:rev:library': 1 }, 'local');
    off();
    expect(heard).toEqual(['library']);
    expect(storage.listeners.size).toBe(0);
  });

  // Chrome takes chrome.storage away before the content script learns its runtime is gone; the
  // clean-up that runs then (an abort listener) threw into the seller's page.
  it('unsubscribes without throwing once the storage API is gone', () => {
    const off = onDataChanged(['library', 'settings'], () => {});
    storage.api = undefined;
    expect(off).not.toThrow();
  });

  it('subscribes to nothing, without throwing, when the storage API is already gone', () => {
    storage.api = undefined;
    const heard: string[] = [];
    const off = onDataChanged(['customers'], (area) => heard.push(area));
    expect(off).not.toThrow();
    expect(heard).toEqual([]);
  });

  it('unsubscribes without throwing when the dead event refuses (Extension context invalidated)', () => {
    const refusing = {
      onChanged: {
        addListener: () => {},
        removeListener: () => {
          throw new Error('Extension context invalidated.');
        },
      },
    };
    storage.api = refusing as never;
    const off = onDataChanged(['rules'], () => {});
    expect(off).not.toThrow();
  });
});
