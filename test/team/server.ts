/**
 * pouchdb-server for the team-mode tests and benchmarks: installed into team-server/ (its own
 * lockfile; its dependency tree — express 4, PouchDB 7, leveldown — stays out of the extension's)
 * by the global set-up of each vitest project, before any test starts (`prepareTeamServer`), started
 * on 127.0.0.1 at a free port with a temporary data directory and a server admin, stopped (and the
 * directory removed) by `stop()`.
 *
 * The install runs `npm ci` as a child process and awaits it: run synchronously inside a test
 * worker it froze the worker's event loop for a minute or more on a fresh checkout, long enough
 * for vitest to give up on the worker ("Timeout calling onTaskUpdate") and skip the files after it.
 *
 * pouchdb-server defaults checked before use: bind address 127.0.0.1, config file ./config.json and
 * log ./log.txt in the working directory (both pointed into the temp directory here), CORS on for
 * every origin (harmless on loopback), "admin party" until an admin exists (we create one at once,
 * so every other request is a normal user's). Known defect of 4.2.0: a non-admin PUT of a new
 * database crashes the server (express-pouchdb calls db.info on a rejected handle) — the extension
 * never creates databases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { AdminServer } from '../../lib/team/provision';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'team-server');
/**
 * Written after an install npm finished without errors: a tree left by an install that was killed,
 * or that npm reported as done while the disk was full, is not taken for a working one.
 */
const DONE_IN = 'node_modules/.kf-installed';
/** The CLI with one pouchdb-server defect corrected in memory (see team-server/run.cjs). */
const RUN = join(DIR, 'run.cjs');

/**
 * Set by the global set-up when the install failed; test workers inherit it, so every team test
 * fails at once with the same explanation instead of trying (and waiting on) the install again.
 */
const FAILED_ENV = 'KF_TEAM_SERVER_INSTALL_FAILED';

/** A lock older than this was left by an install that was killed (an install is stopped sooner). */
const STALE_LOCK_MS = 10 * 60_000;
const INSTALL_LIMIT_MS = 8 * 60_000;

export class TeamServerInstallError extends Error {
  override name = 'TeamServerInstallError';
}

/**
 * Installs pouchdb-server into `dir` from its lockfile once; a lock directory keeps a second
 * install (another project's set-up, another process) out until the first one ends.
 */
export async function ensureTeamServerInstalled(dir = DIR): Promise<void> {
  const done = join(dir, DONE_IN);
  if (existsSync(done)) return;
  const lock = join(dir, '.installing');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw installError(dir, `could not create ${lock}: ${(err as Error).message}`, '');
      if (existsSync(done)) return;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmdirSync(lock);
      } catch {
        /* the other install just ended and took its lock away: try again */
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (!existsSync(done)) {
      try {
        await npmCi(dir);
        writeFileSync(done, '');
      } catch (err) {
        // What a failed install left only takes space (maybe the space it lacked).
        rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
        throw err;
      }
    }
  } finally {
    rmdirSync(lock);
  }
}

function npmCi(dir: string): Promise<void> {
  // --ignore-scripts: leveldown ships prebuilt binaries; sqlite3 (an unused optional backend)
  // would otherwise try to download or compile one.
  const args = ['ci', '--ignore-scripts', '--no-audit', '--no-fund'];
  return new Promise((res, rej) => {
    let output = '';
    let child: ChildProcess;
    try {
      child = spawn('npm', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      rej(installError(dir, `could not run npm: ${(err as Error).message}`, ''));
      return;
    }
    // npm ci exits 0 when the disk fills up while it unpacks: each failed write is only a warning.
    let writeFailed = false;
    const keep = (d: Buffer) => {
      output = (output + d).slice(-20_000);
      if (/ENOSPC|TAR_ENTRY_ERROR/.test(output.slice(-(d.length + 40)))) writeFailed = true;
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, INSTALL_LIMIT_MS);
    timer.unref();
    child.on('error', (err) => {
      clearTimeout(timer);
      rej(installError(dir, `could not run npm: ${err.message}`, output));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !writeFailed) res();
      else if (code === 0) rej(installError(dir, 'npm could not write every file', output));
      else if (timedOut) rej(installError(dir, `npm ci was still running after ${INSTALL_LIMIT_MS / 60_000} minutes and was stopped`, output));
      else rej(installError(dir, `npm ci ${code !== null ? `exited with code ${code}` : `was stopped by ${signal}`}`, output));
    });
  });
}

function installError(dir: string, what: string, output: string): TeamServerInstallError {
  const rel = relative(process.cwd(), dir);
  const where = rel && !rel.startsWith('..') ? rel : dir;
  const likely = /ENOSPC|no space left/i.test(output)
    ? 'The disk is full: free some space.'
    : /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|socket hang up|\bE(40[34]|5\d\d)\b/i.test(output)
      ? 'The npm registry could not be reached: check the network (and any npm proxy or registry setting).'
      : 'Check that the npm registry can be reached and that the disk has space.';
  // npm's summary lines (code, reason, log file), without the stack trace and the error's fields.
  const tail = output
    .split('\n')
    .slice(output.length >= 20_000 ? 1 : 0) // the first line of a cut output is cut too
    .filter((l, i, all) => l.trim() !== '' && !/^npm (error|ERR!)(\s+at |\s+[a-z]\w*: |\s*[{}]?\s*$)/.test(l) && l !== all[i - 1])
    .slice(-10)
    .join('\n');
  return new TeamServerInstallError(
    `The team tests need pouchdb-server, installed into ${where}/ from its lockfile, and the install failed: ${what}.\n` +
      `${likely} Then run the tests again, or install it by hand: cd ${where} && npm ci --ignore-scripts\n` +
      (tail ? `npm said:\n${tail}` : ''),
  );
}

/**
 * For a project's global set-up: installs the server before any test starts. A failed install does
 * not stop the run — the other tests do not need the server — it is printed once and every team
 * test fails with it (`startTeamServer`).
 */
export async function prepareTeamServer(): Promise<void> {
  if (process.env[FAILED_ENV] || existsSync(join(DIR, DONE_IN))) return;
  const started = Date.now();
  console.log('Installing pouchdb-server for the team tests into team-server/ (once per checkout; about a minute)…');
  try {
    await ensureTeamServerInstalled();
    console.log(`pouchdb-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  } catch (err) {
    const message = err instanceof TeamServerInstallError ? err.message : `The team tests need pouchdb-server in team-server/, and installing it failed: ${(err as Error).message}`;
    process.env[FAILED_ENV] = message;
    console.error(`\n${message}\nThe team tests will fail with this message; the other tests run as usual.\n`);
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
  const failed = process.env[FAILED_ENV];
  if (failed) throw new TeamServerInstallError(failed);
  // Normally done by the global set-up already; this covers the benchmarks (test/bench/team.ts).
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
