/**
 * withSilenceLimit against a real HTTP server on loopback: a server that never answers, one that
 * stops half-way through a body, and a slow long poll kept alive by heartbeats.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withSilenceLimit } from './remote-fetch';

let server: Server;
let base: string;
const held = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    held.add(res);
    res.on('close', () => held.delete(res));
    if (req.url === '/never') return; // accepted, never answered
    if (req.url === '/stalls') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"rows":[');
      return; // the body stops here
    }
    if (req.url?.startsWith('/db/_changes?feed=longpoll&since=7')) {
      // A long poll on a quiet database, as pouchdb-server sends it: the answer starts at once and
      // nothing more comes (heartbeats held back by compression) until a change, 2.5 s later.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      setTimeout(() => res.end('{"results":[{"seq":"8","id":"x","changes":[]}],"last_seq":"8"}'), 2_500);
      return;
    }
    if (req.url?.startsWith('/db/_changes?feed=longpoll&since=never')) return; // no answer at all
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const r of held) r.destroy();
  await new Promise<void>((ok) => server.close(() => ok()));
});

// A second: long enough that a busy test machine answers in time, short beside the long poll.
const limited = withSilenceLimit((url, init) => fetch(url, init), 1_000);

it('gives up on a server that accepts a request and never answers, as a dropped connection', async () => {
  const started = Date.now();
  const err = await limited(`${base}/never`).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(err).toBeInstanceOf(TypeError);
  expect(err?.message).toMatch(/^fetch failed: the server sent nothing/);
  // Given up, not left waiting (the server holds it for ever).
  expect(Date.now() - started).toBeLessThan(5_000);
});

it('gives up on a body that stops half-way', async () => {
  const res = await limited(`${base}/stalls`);
  expect(res.status).toBe(200);
  await expect(res.json()).rejects.toThrow(/the server sent nothing/);
});

it('waits out a long poll whose answer started, however quiet, and gives up on one that never answers', async () => {
  const res = await limited(`${base}/db/_changes?feed=longpoll&since=7&heartbeat=10000`);
  expect(await res.json()).toEqual({ results: [{ seq: '8', id: 'x', changes: [] }], last_seq: '8' });
  await expect(limited(`${base}/db/_changes?feed=longpoll&since=never`)).rejects.toThrow(/the server sent nothing/);
});

it('passes an ordinary answer through unchanged, and a caller’s own abort stays the caller’s', async () => {
  const res = await limited(`${base}/ok`, { headers: { accept: 'application/json' } });
  expect(res.ok).toBe(true);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.json()).toEqual({ ok: true });
  const mine = new AbortController();
  const pending = limited(`${base}/never`, { signal: mine.signal });
  mine.abort(new Error('closed by the caller'));
  await expect(pending).rejects.toThrow('closed by the caller');
});

it('leaves no listener on a signal the caller keeps for many requests (a live pull sends every long poll with one)', async () => {
  const keep = new AbortController();
  for (let i = 0; i < 15; i++) await (await limited(`${base}/ok`, { signal: keep.signal })).json();
  await (await limited(`${base}/db/_changes?feed=longpoll&since=7`, { signal: keep.signal })).json();
  await limited(`${base}/never`, { signal: keep.signal }).catch(() => undefined);
  expect(getEventListeners(keep.signal, 'abort')).toHaveLength(0);
});
