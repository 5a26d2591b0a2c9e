// A tiny static server for the demo seller console (test/demo/site/) and fixture pages
// (test/fixtures/). Used by `npm run demo`, the e2e tests and the benchmarks.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const roots = { '/': resolve(here, 'site'), '/fixtures/': resolve(here, '..', 'fixtures') };
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function resolveFile(pathname) {
  const prefix = pathname.startsWith('/fixtures/') ? '/fixtures/' : '/';
  const root = roots[prefix];
  const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
  if (rel.startsWith('..')) return null;
  let file = join(root, rel);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    // The demo console is a single-page app: unknown paths under /chat or /orders load its shell.
    if (prefix === '/' && !extname(rel)) return join(root, 'index.html');
    return null;
  }
}

/** Starts the server on 127.0.0.1 (port 0 = any free port). */
export async function startDemoServer(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = await resolveFile(url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startDemoServer(Number(process.env.PORT ?? 5173));
  console.log(`demo console: ${s.url}/chat`);
}
