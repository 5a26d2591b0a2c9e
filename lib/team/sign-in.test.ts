import { afterEach, describe, expect, it, vi } from 'vitest';

const request = vi.hoisted(() => vi.fn(async () => true));
vi.mock('../browser', () => ({ browser: { permissions: { request } } }));

import { SIGN_IN_TIMEOUT_MS, signIn, withScheme } from './sign-in';

/** A server that takes the connection and never answers: the fetch ends only when it is aborted. */
function silentServer() {
  const fetch = vi.fn(
    (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/**
 * A CouchDB where 小王 is an agent of myshop: POST /_session signs in; GET /_session then names
 * `known` (the user the session cookie that came back belongs to; null when none came back).
 */
function couch(known: string | null) {
  const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'POST'
      ? new Response(JSON.stringify({ ok: true, name: '小王', roles: ['kf-myshop-agent'] }), { status: 200 })
      : new Response(JSON.stringify({ ok: true, userCtx: { name: known, roles: known ? ['kf-myshop-agent'] : [] } }), { status: 200 }),
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

describe('an address typed without a scheme', () => {
  it('is taken as https (what a lead copies from a chat), never as http; one with a scheme stays as typed', () => {
    expect(withScheme(' couch.example.com:6984/ ')).toBe('https://couch.example.com:6984/');
    expect(withScheme('localhost:5984')).toBe('https://localhost:5984');
    expect(withScheme('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    expect(withScheme('HTTP://couch.example.com')).toBe('HTTP://couch.example.com');
  });

  it('signs in at https://…/_session, and a plain-http address elsewhere is still refused', async () => {
    const fetch = couch('小王');
    expect(await signIn('couch.example.com', 'myshop', '小王', 'pw')).toEqual({ ok: true, origin: 'https://couch.example.com', role: 'agent' });
    expect(fetch.mock.calls[0]![0]).toBe('https://couch.example.com/_session');
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.com/*'] });
    expect(await signIn('http://couch.example.com', 'myshop', '小王', 'pw')).toEqual({ ok: false, error: 'https' });
    expect(await signIn('couch example.com', 'myshop', '小王', 'pw')).toEqual({ ok: false, error: 'url' });
  });
});

describe('the session cookie', () => {
  it('is asked back after the sign-in: a server that then knows this browser as the user lets it join', async () => {
    const fetch = couch('小王');
    expect(await signIn('https://couch.example.com', 'myshop', '小王', 'pw')).toEqual({ ok: true, origin: 'https://couch.example.com', role: 'agent' });
    expect(fetch.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url} ${init?.credentials}`)).toEqual([
      'POST https://couch.example.com/_session include',
      'GET https://couch.example.com/_session include',
    ]);
  });

  it('that did not come back (a proxy dropped Set-Cookie, cookies refused for the host): no join, and it is named — not 登录已过期 later', async () => {
    couch(null);
    expect(await signIn('https://couch.example.com', 'myshop', '小王', 'pw')).toEqual({ ok: false, error: 'cookie' });
  });
});
