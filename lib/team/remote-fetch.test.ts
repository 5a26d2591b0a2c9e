/**
 * withSilenceLimit against a real HTTP server on loopback: a server that never answers, one that
 * stops half-way through a body, and a slow long poll kept alive by heartbeats.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
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
    if (req.url === '/heartbeats') {
      // A long poll: a newline every 100 ms for 2.5 s (longer than the limit), then the answer.
      res.writeHead(200, { 'content-type': 'application/json' });
      const beat = setInterval(() => res.write('\n'), 100);
      setTimeout(() => {
        clearInterval(beat);
        res.end('{"results":[],"last_seq":"7"}');
      }, 2_500);
      return;
    }
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

it('keeps a long poll whose heartbeats arrive more often than the limit, and reads its answer', async () => {
  const res = await limited(`${base}/heartbeats`);
  expect(await res.json()).toEqual({ results: [], last_seq: '7' });
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
