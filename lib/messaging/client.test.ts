import { beforeEach, describe, expect, it, vi } from 'vitest';

/** What each sendMessage does, in order: a reply, `undefined` (no reply at all) or an Error (rejected). */
let outcomes: unknown[] = [];
const sent: unknown[] = [];
/** The runtime's id: undefined once the extension was reloaded or updated under the page. */
const runtime = vi.hoisted(() => ({ id: 'ext' as string | undefined }));

vi.mock('../browser', () => ({
  browser: {
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

const { call, CallError } = await import('./client');

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
