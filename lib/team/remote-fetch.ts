/**
 * Every request to the shop's server goes through `withSilenceLimit`. PouchDB 9 sets no time limit
 * on its requests (its adapter computes one and never uses it): a server, or a proxy in front of it,
 * that accepts a request and then never answers left that replication — and every round queued
 * behind it (one round at a time) — waiting until the sync page was reloaded, with the status still
 * saying 同步中. Here a request is given up when nothing arrived for `silenceMs`: no answer at all,
 * or an answer whose body stopped half-way. It then fails as a dropped connection does (offline), so
 * the round ends, everything stays local, and the next round tries again.
 *
 * The live pull's long poll (`_changes?feed=longpoll`) is timed only until its answer starts: its
 * body is silent by design until a colleague writes something. CouchDB would send a heartbeat
 * newline every 10 s, but a compressing server or proxy holds those back (pouchdb-server gzips
 * them until the answer ends: checked, no byte in 13 s), so timing the body would cut every idle
 * live pull and show 离线 for nothing.
 */
export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * A request the shop's server answered by sending it elsewhere (a 3xx). Not followed: a followed
 * 307/308 sends the same body again — the sign-in's password, or the shop's records — to whatever
 * address the answer names, another host or plain http past the https check of the typed address
 * (found 2026-12-05). `to` is where it pointed (an origin) when the answer lets that be read: a
 * browser hides it (an "opaque redirect"), Node shows it.
 */
export class RedirectRefused extends Error {
  override name = 'RedirectRefused';
  constructor(readonly to: string) {
    super(`the server redirected the request${to ? ` to ${to}` : ''}; not followed`);
  }
}

/** True for a redirect `fetch(…, { redirect: 'manual' })` returned (opaque in a browser, a plain 3xx in Node). */
export function isRedirect(res: Response): boolean {
  return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304);
}

/** Where a redirect pointed (its origin), or '' when the browser hides it. */
export function redirectTarget(url: string, res: Response): string {
  const loc = res.headers.get('location');
  try {
    return loc ? new URL(loc, url).origin : '';
  } catch {
    return '';
  }
}

/** `inner` with every redirect refused (RedirectRefused) instead of followed. */
export function refusingRedirects(inner: FetchFn): FetchFn {
  return async (url, init = {}) => {
    const res = await inner(url, { ...init, redirect: 'manual' });
    if (!isRedirect(res)) return res;
    await res.body?.cancel().catch(() => undefined);
    throw new RedirectRefused(redirectTarget(url, res));
  };
}

/** Longer than PouchDB's 10 s heartbeat with room for a busy server. */
export const SILENCE_LIMIT_MS = 45_000;

export function withSilenceLimit(inner: FetchFn, silenceMs = SILENCE_LIMIT_MS): FetchFn {
  return async (url, init = {}) => {
    const ctl = new AbortController();
    // The caller's signal outlives a request (PouchDB's live pull sends every long poll with the
    // same one): its listener is removed when the request ends, or they pile up on it.
    const outer = init.signal;
    const onOuterAbort = () => ctl.abort(outer!.reason);
    const detach = () => outer?.removeEventListener('abort', onOuterAbort);
    if (outer?.aborted) ctl.abort(outer.reason);
    else outer?.addEventListener('abort', onOuterAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => clearTimeout(timer);
    ctl.signal.addEventListener('abort', () => (stop(), detach()), { once: true });
    const restart = () => {
      stop();
      timer = setTimeout(() => ctl.abort(new TypeError(`fetch failed: the server sent nothing for ${silenceMs / 1000} s`)), silenceMs);
      // Node (tests, bench): a pending limit does not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
    };
    restart();
    let res: Response;
    try {
      res = await inner(url, { ...init, signal: ctl.signal });
    } catch (err) {
      stop();
      detach();
      // Given up here: say so, whatever the fetch made of the abort.
      throw ctl.signal.aborted && !outer?.aborted ? ctl.signal.reason : err;
    }
    if (!res.body) {
      stop();
      detach();
      return res;
    }
    // A long poll's body is silent by design: timed only until the answer started (above).
    const quiet = /[?&]feed=(longpoll|continuous)/.test(url);
    if (quiet) stop();
    else restart();
    const body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          if (!quiet) restart();
          out.enqueue(chunk);
        },
        flush() {
          stop();
          detach();
        },
      }),
      { signal: ctl.signal },
    );
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
