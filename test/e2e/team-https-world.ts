/**
 * Team mode as a shop really runs it: the team server behind https on a host of its own, and a
 * browser that blocks third-party cookies. For team-https*.e2e.test.ts.
 *
 *  - `startHttpsFront`: an https server on 127.0.0.1 in front of the test's pouchdb-server, with a
 *    self-signed certificate made now (openssl) in a temporary directory that `close()` removes —
 *    no key is ever written into the repository. Chromium reaches it by name: `--host-resolver-rules`
 *    maps COUCH_HOST (and TOP_HOST, an unrelated web site) to 127.0.0.1, and
 *    `--ignore-certificate-errors` accepts the certificate (tests only; the doc asks shops for a valid one).
 *    It records what each request carried (a cookie, an Authorization header) and can alter the
 *    server's Set-Cookie the way a proxy might (`setCookieRewrite`).
 *    `https://TOP_HOST:<port>/kf-3pc-top` is a page on another site that frames
 *    `https://COUCH_HOST:<port>/kf-3pc-frame`, which tries to set and read a cookie of its own
 *    (SameSite=None; Secure, so only the third-party setting can stop it): whether the browser
 *    really blocks third-party cookies.
 *  - `launchBlocking3pc`: Chromium with the built extension on a fresh profile whose preferences
 *    say "block third-party cookies" (profile.cookie_controls_mode = 1, written before launch), the
 *    host mapping and the certificate switch. Written rather than left to the default: Debian's
 *    Chromium 156 here already defaults to 1 (chrome://prefs-internals, 2026-12-07), which another
 *    build or version need not.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, welcomePage, withDemoHosts, type Harness } from './harness';

/** The shop's CouchDB, as the agents type it (without the port the test picks). */
export const COUCH_HOST = 'couch.kf-shop.test';
/** Some other web site (for the third-party cookie check). */
export const TOP_HOST = 'www.other-site.test';

export interface SeenRequest {
  method: string;
  path: string;
  /** The AuthSession cookie came with it. */
  session: boolean;
  /** An Authorization header came with it. */
  authorization: boolean;
}

export interface HttpsFront {
  /** https://COUCH_HOST:<port> — what the agent types. */
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Every Set-Cookie the team server sent, as it sent it (before any rewrite). */
  setCookies: string[];
  /** A rewrite of the server's Set-Cookie headers (a proxy's doing); null passes them as sent. */
  setCookieRewrite(fn: ((cookie: string) => string | null) | null): void;
  close(): Promise<void>;
}

/** A throw-away certificate for COUCH_HOST and TOP_HOST, made by openssl in `dir`. */
function makeCertificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${COUCH_HOST}`, '-addext', `subjectAltName=DNS:${COUCH_HOST},DNS:${TOP_HOST}`],
    { stdio: 'ignore' },
  );
  return { key, cert };
}

/** Shows what its frame read in its title (`kf3pc:` then the cookie string). */
const TOP_PAGE = (frame: string) => `<!doctype html><meta charset="utf-8"><title>other site</title>
<script>addEventListener('message', (e) => { document.title = 'kf3pc:' + e.data.kf3pc; });</script><iframe src="${frame}"></iframe>`;
/** Sets a cookie of its own, reads it back, tells the top page what it read. */
const FRAME_PAGE = `<!doctype html><meta charset="utf-8"><script>
document.cookie = 'kf3pc=set; SameSite=None; Secure; Path=/';
parent.postMessage({ kf3pc: document.cookie }, '*');
</script>`;

export async function startHttpsFront(target: string): Promise<HttpsFront> {
  const to = new URL(target);
  const dir = await mkdtemp(join(tmpdir(), 'kf-https-front-'));
  const files = makeCertificate(dir);
  const tls = { key: await readFile(files.key), cert: await readFile(files.cert) };
  // The key's only copy is in memory from here on.
  await rm(dir, { recursive: true, force: true });
  const requests: SeenRequest[] = [];
  const setCookies: string[] = [];
  let rewrite: ((cookie: string) => string | null) | null = null;
  const sockets = new Set<Socket>();
  let port = 0;

  const server = createHttpsServer(tls, (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (req.url === '/kf-3pc-top' && host === TOP_HOST) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(TOP_PAGE(`https://${COUCH_HOST}:${port}/kf-3pc-frame`));
    }
    if (req.url === '/kf-3pc-frame') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(FRAME_PAGE);
    }
    const cookie = req.headers.cookie ?? '';
    requests.push({ method: req.method ?? '', path: req.url ?? '', session: /(^|;\s*)AuthSession=[^;]+/.test(cookie), authorization: !!req.headers.authorization });
    const upstream = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } }, (up) => {
      const headers = { ...up.headers };
      const sent = ([] as string[]).concat(headers['set-cookie'] ?? []);
      setCookies.push(...sent);
      if (rewrite && sent.length) {
        const kept = sent.map((c) => rewrite!(c)).filter((c): c is string => c !== null);
        if (kept.length) headers['set-cookie'] = kept;
        else delete headers['set-cookie'];
      }
      if (res.destroyed) return void up.destroy();
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
  return {
    url: `https://${COUCH_HOST}:${port}`,
    port,
    requests,
    setCookies,
    setCookieRewrite(fn) {
      rewrite = fn;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Chromium with the built extension, third-party cookies blocked in its profile, COUCH_HOST and
 * TOP_HOST mapped to 127.0.0.1 and the test certificate accepted. `mode` 0 allows third-party
 * cookies (for the check that the block is what stops the frame's cookie); `prefs` adds profile
 * preferences (e.g. every site's cookies blocked).
 */
export async function launchBlocking3pc(mode: 0 | 1 = 1, prefs: Record<string, unknown> = {}): Promise<Harness> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kf-profile-3pc-'));
  await mkdir(join(userDataDir, 'Default'));
  // profile.cookie_controls_mode: 1 blocks third-party cookies, 0 allows them (2: in incognito only).
  await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: mode, ...prefs } }));
  const extensionDir = await withDemoHosts(EXTENSION_DIR, await mkdtemp(join(tmpdir(), 'kf-extension-')));
  // The agent's 允许 at sign-in, given ahead: a headless browser shows the permission prompt to no
  // one (the sign-in would wait on it for ever). The grant is the same one the prompt gives: the
  // server's origin among the extension's host permissions (optional_host_permissions otherwise).
  const file = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${COUCH_HOST}/*`];
  await writeFile(file, JSON.stringify(manifest, null, 2));
  const h = await launchWithExtension({
    profile: { userDataDir, extensionDir },
    args: [`--host-resolver-rules=MAP ${COUCH_HOST} 127.0.0.1, MAP ${TOP_HOST} 127.0.0.1`, '--ignore-certificate-errors'],
  });
  // Given a profile the harness expects no install, so it leaves the welcome tab the install opens.
  await (await welcomePage(h.context))?.close();
  const close = h.close.bind(h);
  return {
    ...h,
    async close() {
      await close();
      await rm(extensionDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** What the framed page on COUCH_HOST could read of the cookie it set, inside a page of TOP_HOST ('' = blocked). */
export async function framedCookie(h: Harness, front: HttpsFront): Promise<string> {
  const page: Page = await h.context.newPage();
  try {
    await page.goto(`https://${TOP_HOST}:${front.port}/kf-3pc-top`);
    await page.waitForFunction(() => document.title.startsWith('kf3pc:'), undefined, { timeout: 15_000 });
    return (await page.title()).slice('kf3pc:'.length);
  } finally {
    await page.close();
  }
}
