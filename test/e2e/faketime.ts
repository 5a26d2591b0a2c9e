/**
 * libfaketime, for the browser tests that need Chromium's clock at a set minute (the shop's
 * midnight, test/e2e/remark-midnight; the day shift's last hour, test/e2e/followup-late-hours): a
 * content script's clock cannot be set from Playwright
 * (page.clock reaches the page's own world only). Debian's `libfaketime` package; the e2e global
 * setup installs it like the browser and its font when it is missing (Debian as root), or stops
 * with the command to run.
 *
 * Debian puts the library under the machine's multiarch folder (/usr/lib/x86_64-linux-gnu/faketime/,
 * /usr/lib/aarch64-linux-gnu/faketime/, …), so it is looked up rather than written down: the folder
 * of this machine's triplet (dpkg-architecture, else gcc), then where dpkg says the package put it,
 * then every /usr/lib/<triplet>/faketime/ and a build from source's /usr/local/lib/faketime/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { isDebianFamily } from '../../scripts/find-chromium';

const FILE = 'libfaketime.so.1';

/** What the lookup may ask of the machine (a test hands in its own). */
export interface FaketimeProbe {
  exists(path: string): boolean;
  /** A command's standard output, or null when it is missing or fails. */
  run(cmd: string, args: string[]): string | null;
  /** The entries of a folder ([] when there is none). */
  list(dir: string): string[];
}

const machine: FaketimeProbe = {
  exists: existsSync,
  run: (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return r.status === 0 ? r.stdout : null;
  },
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Where libfaketime is looked for, in order (the first that exists is used). */
export function faketimeCandidates(sys: FaketimeProbe = machine): string[] {
  const triplet = [['dpkg-architecture', '-qDEB_HOST_MULTIARCH'], ['gcc', '-print-multiarch']]
    .map(([cmd, arg]) => sys.run(cmd!, [arg!])?.trim())
    .find((t) => !!t);
  const fromDpkg = (sys.run('dpkg', ['-L', 'libfaketime']) ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.endsWith(`/${FILE}`));
  // Only the multiarch folders (x86_64-linux-gnu, arm-linux-gnueabihf, …), not every folder in /usr/lib.
  const scanned = sys
    .list('/usr/lib')
    .filter((d) => /^[a-z0-9_]+-linux-[a-z0-9_]+$/.test(d))
    .sort()
    .map((d) => `/usr/lib/${d}/faketime/${FILE}`);
  const all = [...(triplet ? [`/usr/lib/${triplet}/faketime/${FILE}`] : []), ...fromDpkg, ...scanned, `/usr/lib/faketime/${FILE}`, `/usr/local/lib/faketime/${FILE}`];
  return [...new Set(all)];
}

/** The path of libfaketime on this machine, or undefined. */
export function findLibfaketime(sys: FaketimeProbe = machine): string | undefined {
  return faketimeCandidates(sys).find((p) => sys.exists(p));
}

/** What to say when it is not found: where it was looked for. */
function notFound(sys: FaketimeProbe): string {
  return `libfaketime (${FILE}) was not found in /usr/lib/<multiarch triplet>/faketime/, where dpkg -L libfaketime puts it, or /usr/local/lib/faketime/ (looked at: ${faketimeCandidates(sys).join(', ')}).`;
}

/** For the test that preloads it: the path, or an error saying where it was looked for and how to install it. */
export function libfaketime(sys: FaketimeProbe = machine): string {
  const found = findLibfaketime(sys);
  if (!found) throw new Error(`${notFound(sys)} Install it once:\n\n    sudo apt-get install -y libfaketime\n`);
  return found;
}

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3_600, d: 86_400, y: 31_536_000 };

/**
 * How far (ms) libfaketime already moves this process's clock: FAKETIME's relative offset ("+9h",
 * "-120", "+9908s") when LD_PRELOAD has libfaketime, else 0. Checking another hour of the shop's day
 * runs the whole suite so (`LD_PRELOAD=…/libfaketime.so.1 FAKETIME=+9h npx vitest …`), and a test
 * that sets Chromium's own FAKETIME replaces the inherited one. A start date ("@2026-12-06 23:50:00")
 * or a speed factor cannot be added to: a clear error, not a clock off by hours.
 */
export function inheritedFaketimeMs(env: NodeJS.ProcessEnv = process.env): number {
  if (!env.LD_PRELOAD?.includes('libfaketime') || !env.FAKETIME) return 0;
  const m = /^\s*([+-]\d+(?:\.\d+)?)([smhdy]?)\s*$/.exec(env.FAKETIME);
  if (!m) throw new Error(`FAKETIME="${env.FAKETIME}" is not a relative offset such as +9h or -120 (seconds): the browser tests that set Chromium's clock can only add to one of those.`);
  return Math.round(Number(m[1]) * UNIT_SECONDS[m[2]!]! * 1000);
}

/**
 * Chromium's environment for a clock that reads `at` (on this process's clock) at `now`, or up to
 * a second after it, and runs on from there: libfaketime preloaded with a whole number of seconds'
 * offset from the real clock, which is this process's clock less what libfaketime already adds to
 * it. Never before `at`: a test started at 19:45:00 must not read 19:44:59.
 */
export function faketimeEnvAt(at: number, now: number = Date.now(), env: NodeJS.ProcessEnv = process.env, lib: string = libfaketime()): { LD_PRELOAD: string; FAKETIME: string } {
  const seconds = Math.ceil((at - now + inheritedFaketimeMs(env)) / 1000);
  return { LD_PRELOAD: lib, FAKETIME: `${seconds < 0 ? '-' : '+'}${Math.abs(seconds)}s` };
}

/** The next moment (whole minute, on `now`'s clock) whose Beijing time of day is `minute` (0–1439). */
export function nextBeijingMinute(minute: number, now: number = Date.now()): number {
  const bj = (Math.floor(now / 60_000) + 480) % 1440;
  return now + ((((minute - bj) % 1440) + 1440) % 1440) * 60_000 - (now % 60_000);
}

export function ensureLibfaketime(log: (line: string) => void = (l) => console.log(l)): string {
  const found = findLibfaketime();
  if (found) return found;
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const root = process.getuid?.() === 0;
  if (!isDebianFamily(osRelease) || !root) {
    throw new Error(`The browser tests need libfaketime and cannot install it here: ${notFound(machine)} Run once:\n\n    sudo apt-get install -y libfaketime\n`);
  }
  log('installing Debian\'s libfaketime for the browser tests (apt-get)…');
  for (const cmd of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'libfaketime']]) {
    const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (exit ${r.status ?? 'signal'}): install libfaketime and try again.`);
  }
  const installed = findLibfaketime();
  if (!installed) throw new Error(`libfaketime was installed, but ${notFound(machine)} Set up libfaketime for this machine's architecture.`);
  return installed;
}
