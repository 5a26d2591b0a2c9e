import { afterEach, describe, expect, it, vi } from 'vitest';

const request = vi.hoisted(() => vi.fn(async () => true));
vi.mock('../browser', () => ({ browser: { permissions: { request } } }));

import { SIGN_IN_TIMEOUT_MS, signIn } from './sign-in';

/** A server that takes the connection and never answers: the fetch ends only when it is aborted. */
function silentServer() {
  const fetch = vi.fn(
    (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  request.mockImplementation(async () => true);
});

describe('signIn', () => {
  it('gives up on a server that never answers after SIGN_IN_TIMEOUT_MS, saying so (it waited for ever before)', async () => {
    vi.useFakeTimers();
    silentServer();
    const steps: string[] = [];
    let result: unknown = 'pending';
    void signIn('https://couch.example.com', 'myshop', '小王', 'pw', (s) => steps.push(s)).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(SIGN_IN_TIMEOUT_MS - 1);
    expect(result).toBe('pending');
    expect(steps).toEqual(['permission', 'connect']);
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ ok: false, error: 'timeout' });
  });

  it('does not count the time the agent takes to answer the permission prompt', async () => {
    vi.useFakeTimers();
    const fetch = silentServer();
    let allow: (v: boolean) => void = () => {};
    request.mockImplementation(() => new Promise<boolean>((r) => (allow = r)));
    const steps: string[] = [];
    let result: unknown = 'pending';
    void signIn('https://couch.example.com', 'myshop', '小王', 'pw', (s) => steps.push(s)).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(SIGN_IN_TIMEOUT_MS * 3);
    expect(steps).toEqual(['permission']);
    expect(fetch).not.toHaveBeenCalled();
    expect(result).toBe('pending');
    allow(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(steps).toEqual(['permission', 'connect']);
    await vi.advanceTimersByTimeAsync(SIGN_IN_TIMEOUT_MS);
    expect(result).toEqual({ ok: false, error: 'timeout' });
  });

  it('still says a closed port is unreachable, not a timeout', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await signIn('https://couch.example.com', 'myshop', '小王', 'pw')).toEqual({ ok: false, error: 'unreachable' });
  });
});
