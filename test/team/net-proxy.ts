/**
 * A loopback HTTP proxy in front of the team server, for tests that need the network between the
 * browser and the server to misbehave. Chromium's own offline switch (`context.setOffline`) does
 * not reach the extension's offscreen document (checked: a sync round there still succeeds), so
 * the tests cut the network here instead:
 *  - 'pass': requests go through;
 *  - 'slow': every response is held `delayMs` first, so a sync round lasts long enough to be
 *    interrupted half-way;
 *  - 'cut': connections in progress are reset and new ones are dropped, as when the cable is
 *    pulled (the extension sees failed fetches, not HTTP errors);
 *  - 'hold': requests are accepted and never answered, as from a server (or a proxy in front of
 *    it) that hangs;
 *  - 'drip': every answer starts and never ends, one space every `delayMs` (2 s unless given): a
 *    server that keeps talking is never given up for silence (lib/team/remote-fetch.ts), so a round
 *    waits on it for as long as the test lets it.
 * `requests` lists "METHOD path" of every request that reached the server.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type ProxyMode = 'pass' | 'slow' | 'cut' | 'hold' | 'drip';

export interface NetProxy {
  url: string;
  requests: string[];
  setMode(mode: ProxyMode, delayMs?: number): void;
  close(): Promise<void>;
}

export async function startNetProxy(target: string): Promise<NetProxy> {
  const to = new URL(target);
  let mode: ProxyMode = 'pass';
  let delay = 0;
  const sockets = new Set<Socket>();
  const requests: string[] = [];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (mode === 'cut') {
      req.socket.destroy();
      return;
    }
    requests.push(`${req.method} ${req.url}`);
    if (mode === 'hold') return; // the socket stays open until the client gives up or close()
    if (mode === 'drip') {
      res.writeHead(200, { 'content-type': 'application/json' });
      // JSON allows leading whitespace: the client keeps reading, and never gets to the end.
      const drip = setInterval(() => res.write(' '), delay || 2000);
      res.write(' ');
      res.on('close', () => clearInterval(drip));
      return;
    }
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
      (up) => {
        const send = () => {
          if (res.destroyed) return up.destroy();
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        };
        if (mode === 'slow') setTimeout(send, delay);
        else send();
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    if (mode === 'cut') return void s.destroy();
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setMode(m, delayMs = 0) {
      mode = m;
      delay = delayMs;
      if (m === 'cut') for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
