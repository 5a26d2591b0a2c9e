/**
 * pouchdb-server for the team-mode tests and benchmarks: installed into team-server/ on first use
 * (its own lockfile; its dependency tree — express 4, PouchDB 7, leveldown — stays out of the
 * extension's), started on 127.0.0.1 at a free port with a temporary data directory and a server
 * admin, stopped (and the directory removed) by `stop()`.
 *
 * pouchdb-server defaults checked before use: bind address 127.0.0.1, config file ./config.json and
 * log ./log.txt in the working directory (both pointed into the temp directory here), CORS on for
 * every origin (harmless on loopback), "admin party" until an admin exists (we create one at once,
 * so every other request is a normal user's). Known defect of 4.2.0: a non-admin PUT of a new
 * database crashes the server (express-pouchdb calls db.info on a rejected handle) — the extension
 * never creates databases.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AdminServer } from '../../lib/team/provision';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'team-server');
const BIN = join(DIR, 'node_modules/pouchdb-server/bin/pouchdb-server');
/** The CLI with one pouchdb-server defect corrected in memory (see team-server/run.cjs). */
const RUN = join(DIR, 'run.cjs');

/** Installs team-server/ from its lockfile once (a lock directory keeps parallel workers out). */
export async function ensureTeamServerInstalled(): Promise<void> {
  if (existsSync(BIN)) return;
  const lock = join(DIR, '.installing');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(BIN)) return;
      // A lock left by an install that was killed is older than any install takes.
      if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmdirSync(lock);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (!existsSync(BIN)) {
      // --ignore-scripts: leveldown ships prebuilt binaries; sqlite3 (an unused optional backend)
      // would otherwise try to download or compile one.
      execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: DIR, stdio: 'inherit' });
    }
  } finally {
    rmdirSync(lock);
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface TeamServer {
  url: string;
  admin: AdminServer;
  /** Stops the process; the data stays (for restart()). */
  halt(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops the process and removes the data directory. */
  stop(): Promise<void>;
}

async function waitUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url + '/');
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('pouchdb-server did not start within 30 s');
}

export async function startTeamServer(): Promise<TeamServer> {
  await ensureTeamServerInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'kf-team-server-'));
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin: AdminServer = { url, user: 'kfadmin', password: 'admin-' + Math.random().toString(36).slice(2) };
  let child: ChildProcess | null = null;
  let output = '';

  async function launch(): Promise<void> {
    output = '';
    const c = spawn(process.execPath, [RUN, '--host', '127.0.0.1', '--port', String(port), '--dir', join(dir, 'data'), '--config', join(dir, 'config.json'), '--no-stdout-logs', '--no-color'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    c.stdout!.on('data', (d) => (output += d));
    c.stderr!.on('data', (d) => (output += d));
    child = c;
    try {
      await waitUp(url, c);
    } catch (err) {
      c.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${output}`);
    }
  }

  async function halt(): Promise<void> {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((res) => {
      c.once('exit', () => res());
      c.kill('SIGTERM');
    });
  }

  await launch();
  // The admin lives in config.json inside the temp dir, so it survives restart().
  const r = await fetch(`${url}/_config/admins/${admin.user}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!r.ok) throw new Error(`could not create the server admin: ${r.status}`);

  return {
    url,
    admin,
    halt,
    restart: async () => {
      await halt();
      await launch();
    },
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
