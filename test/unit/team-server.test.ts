/**
 * The team tests' pouchdb-server install (test/team/server.ts): it must leave the test process
 * running while npm works (a synchronous install froze a vitest worker long enough for vitest to
 * abort the run), and a failed install must say what to do and make the team tests fail at once.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureTeamServerInstalled, startTeamServer } from '../team/server';

const TEAM_SERVER = resolve(import.meta.dirname, '../../team-server');
const saved = { ...process.env };
let dir: string;
let registry: Server;
let asked: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kf-team-install-'));
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(TEAM_SERVER, f), join(dir, f));
  // A registry in this very process: it can only answer while this process's event loop runs.
  asked = [];
  registry = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  });
  await new Promise<void>((r) => registry.listen(0, '127.0.0.1', r));
});

afterEach(async () => {
  process.env = { ...saved };
  await new Promise((r) => registry.close(r));
  rmSync(dir, { recursive: true, force: true });
});

it('a failed install names the likely cause and what to do, and the tests keep running while npm works', { timeout: 120_000 }, async () => {
  const port = (registry.address() as { port: number }).port;
  // npm of the test's choosing: this registry, an empty cache (nothing comes from an earlier
  // install), no retries, and a bound on each request so a frozen test process cannot hang npm.
  Object.assign(process.env, {
    npm_config_registry: `http://127.0.0.1:${port}/`,
    npm_config_cache: join(dir, 'cache'),
    npm_config_fetch_retries: '0',
    npm_config_fetch_timeout: '15000',
  });
  const err = (await ensureTeamServerInstalled(dir).then(
    () => null,
    (e: Error) => e,
  )) as Error | null;
  expect(err).not.toBeNull();
  // The registry here answered npm's requests during the install: the event loop was free.
  expect(asked.length).toBeGreaterThan(0);
  expect(err!.message).toMatch(/E404/);
  expect(err!.message).toContain('The team tests need pouchdb-server');
  expect(err!.message).toContain('The npm registry could not be reached');
  expect(err!.message).toContain(`cd ${dir} && npm ci --ignore-scripts`);
});

it('a tree left by an install that was cut off is not taken for an installed server: the next run installs again', { timeout: 120_000 }, async () => {
  const port = (registry.address() as { port: number }).port;
  Object.assign(process.env, { npm_config_registry: `http://127.0.0.1:${port}/`, npm_config_cache: join(dir, 'cache'), npm_config_fetch_retries: '0', npm_config_fetch_timeout: '15000' });
  mkdirSync(join(dir, 'node_modules/pouchdb-server/bin'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/pouchdb-server/bin/pouchdb-server'), '');
  await expect(ensureTeamServerInstalled(dir)).rejects.toThrow(/install it by hand/);
  expect(asked.length).toBeGreaterThan(0);
});

it('after the global set-up failed to install the server, a team test fails at once with its message', async () => {
  process.env.KF_TEAM_SERVER_INSTALL_FAILED = 'The team tests need pouchdb-server … (the message the set-up printed)';
  const started = await startTeamServer().then(
    (s) => s,
    (e: Error) => e,
  );
  if (!(started instanceof Error)) await started.stop();
  expect(started).toBeInstanceOf(Error);
  expect((started as Error).message).toBe('The team tests need pouchdb-server … (the message the set-up printed)');
});
