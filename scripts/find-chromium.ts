/**
 * Which browser the e2e tests, `npm run demo` and `npm run bench` drive — decided here only.
 *
 * A browser qualifies when it is Chromium-family AND still honours `--load-extension` (the built
 * extension is loaded unpacked). Looked for, in order: `CHROMIUM_PATH`; `chromium` and
 * `chromium-browser` on PATH (Debian/Ubuntu); Chrome for Testing as downloaded by
 * `npx playwright-core install chromium` or `@puppeteer/browsers`. Branded Google Chrome 137+
 * ignores `--load-extension`, so it is refused with a message saying why.
 *
 * When nothing qualifies: on Debian as root, `ensureChromium` installs Debian's `chromium` and a CJK
 * font itself (saying so); anywhere else it stops with the one command to run. The decisions are
 * pure functions of an injected `Probe` (filesystem, env, `--version`), unit-tested in
 * find-chromium.test.ts.
 *
 * CLI: `node --import tsx scripts/find-chromium.ts [--dry-run]` prints the decision; with
 * `--dry-run` (or CHROMIUM_INSTALL_DRY_RUN=1 for any caller) an install is printed, not run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Everything the finder reads from the machine; tests inject a fake. */
export interface Probe {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  isRoot: boolean;
  /** /etc/os-release as text, '' when absent. */
  osRelease: string;
  isExecutableFile(path: string): boolean;
  /** Directory entries, [] when the directory does not exist. */
  list(dir: string): string[];
  /** First line of `<path> --version`, or null when it does not run. */
  version(path: string): string | null;
  /** Whether a font covering Simplified Chinese is installed (fontconfig). */
  hasCjkFont(): boolean;
}

/** Debian packages installed when nothing qualifies (Debian as root). */
export const DEBIAN_PACKAGES = ['chromium', 'fonts-wqy-microhei'] as const;
/** Chrome for Testing, into Playwright's cache, where `findChromium` looks. Works on every OS. */
export const PORTABLE_INSTALL = 'npx playwright-core install chromium';
/** The first branded Chrome that ignores --load-extension. */
export const BRANDED_CHROME_LAST_WITH_LOAD_EXTENSION = 136;

export interface Candidate {
  path: string;
  /** Where it came from, for messages: 'CHROMIUM_PATH', 'PATH', 'Chrome for Testing'. */
  source: string;
}

export type Verdict = { ok: true; version: string } | { ok: false; reason: string };

/** Can this browser load an unpacked extension? Judged from its `--version` line. */
export function judgeVersion(line: string | null): Verdict {
  if (line === null) return { ok: false, reason: 'does not run (`--version` failed)' };
  const v = line.trim();
  // "Google Chrome for Testing 131.0…" and "Chromium 142.0…" qualify; "Google Chrome 137.0…" does not.
  const branded = /^Google Chrome (\d+)\./.exec(v);
  if (branded && Number(branded[1]) > BRANDED_CHROME_LAST_WITH_LOAD_EXTENSION) {
    return {
      ok: false,
      reason: `is branded Google Chrome ${branded[1]}, which ignores --load-extension since 137 (use Chromium or Chrome for Testing)`,
    };
  }
  if (!/chrom/i.test(v)) return { ok: false, reason: `is not a Chromium-family browser ("${v}")` };
  return { ok: true, version: v };
}

/** Every place looked at, in order of preference. */
export function candidates(p: Probe): Candidate[] {
  const out: Candidate[] = [];
  const fromEnv = p.env.CHROMIUM_PATH;
  if (fromEnv) out.push({ path: fromEnv, source: 'CHROMIUM_PATH' });
  const exe = p.platform === 'win32' ? '.exe' : '';
  for (const dir of (p.env.PATH ?? '').split(p.platform === 'win32' ? ';' : delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) out.push({ path: join(dir, name + exe), source: 'PATH' });
  }
  if (p.platform === 'darwin') {
    out.push({ path: '/Applications/Chromium.app/Contents/MacOS/Chromium', source: 'Applications' });
  }
  // Chrome for Testing: Playwright's cache, then @puppeteer/browsers'; newest build first.
  const cacheRoot =
    p.platform === 'darwin' ? join(p.home, 'Library', 'Caches') : p.platform === 'win32' ? join(p.home, 'AppData', 'Local') : join(p.home, '.cache');
  const playwrightRoot = p.env.PLAYWRIGHT_BROWSERS_PATH || join(cacheRoot, 'ms-playwright');
  const inBuild = [
    ['chrome-linux64', 'chrome'],
    ['chrome-linux-arm64', 'chrome'],
    ['chrome-linux', 'chrome'],
    ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
    ['chrome-win64', 'chrome.exe'],
    ['chrome-win', 'chrome.exe'],
  ];
  const newestFirst = (names: string[]) => [...names].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const build of newestFirst(p.list(playwrightRoot).filter((n) => /^chromium-\d+$/.test(n)))) {
    for (const rest of inBuild) out.push({ path: join(playwrightRoot, build, ...rest), source: 'Chrome for Testing' });
  }
  const puppeteerRoot = join(p.home, '.cache', 'puppeteer', 'chrome');
  for (const build of newestFirst(p.list(puppeteerRoot))) {
    for (const rest of inBuild) out.push({ path: join(puppeteerRoot, build, ...rest), source: 'Chrome for Testing' });
  }
  return out;
}

export interface Found {
  path: string;
  version: string;
  source: string;
  /** Candidates that exist but were refused, and why (printed so a user knows what was skipped). */
  refused: string[];
}

export type Search = { found: Found } | { found: null; refused: string[] };

/** The first candidate that exists and qualifies. */
export function findChromium(p: Probe = systemProbe()): Search {
  const refused: string[] = [];
  const seen = new Set<string>();
  for (const c of candidates(p)) {
    if (seen.has(c.path)) continue;
    seen.add(c.path);
    if (!p.isExecutableFile(c.path)) {
      if (c.source === 'CHROMIUM_PATH') refused.push(`CHROMIUM_PATH=${c.path} does not exist or is not executable`);
      continue;
    }
    const verdict = judgeVersion(p.version(c.path));
    if (verdict.ok) return { found: { path: c.path, version: verdict.version, source: c.source, refused } };
    refused.push(`${c.path} ${verdict.reason}`);
  }
  return { found: null, refused };
}

export type Plan =
  | { kind: 'use'; found: Found; installFont: boolean; fontHint: string | null }
  | { kind: 'install'; commands: string[][]; packages: string[]; refused: string[] }
  | { kind: 'tell'; command: string; why: string; refused: string[] };

function osIds(osRelease: string): string[] {
  const field = (k: string) => new RegExp(`^${k}=("?)([^"\\n]*)\\1$`, 'm').exec(osRelease)?.[2] ?? '';
  return `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).filter(Boolean);
}

/** Debian proper (or a derivative that is not Ubuntu), whose apt `chromium` is a real browser. */
export function isDebianFamily(osRelease: string): boolean {
  const ids = osIds(osRelease);
  return ids.includes('debian') && !ids.includes('ubuntu');
}

function aptCommands(packages: string[]): string[][] {
  return [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...packages],
  ];
}

/**
 * What to do on this machine: use a found browser, install Debian's packages (Debian as root), or
 * tell the user the one command to run.
 */
export function planChromium(p: Probe = systemProbe()): Plan {
  const search = findChromium(p);
  const linux = p.platform === 'linux';
  const debian = linux && isDebianFamily(p.osRelease);
  const fontMissing = linux && !p.hasCjkFont();
  if (search.found) {
    return {
      kind: 'use',
      found: search.found,
      installFont: fontMissing && debian && p.isRoot,
      fontHint: fontMissing && !(debian && p.isRoot)
        ? `No Chinese font found: the panel's text will show as boxes in screenshots. ${debian ? 'Run: sudo apt-get install fonts-wqy-microhei' : 'Install a CJK font (e.g. Noto Sans CJK SC or WenQuanYi Micro Hei).'}`
        : null,
    };
  }
  if (debian && p.isRoot) {
    const packages = [...DEBIAN_PACKAGES].filter((pkg) => pkg !== 'fonts-wqy-microhei' || fontMissing);
    return { kind: 'install', commands: aptCommands(packages), packages, refused: search.refused };
  }
  if (debian) {
    return {
      kind: 'tell',
      command: `sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`,
      why: 'No Chromium that can load an unpacked extension was found, and installing it needs root.',
      refused: search.refused,
    };
  }
  const ubuntu = linux && osIds(p.osRelease).includes('ubuntu');
  return {
    kind: 'tell',
    command: PORTABLE_INSTALL,
    why: ubuntu
      ? "No Chromium that can load an unpacked extension was found. Ubuntu's apt `chromium-browser` is a snap stub that does not run in containers, so use Chrome for Testing (or set CHROMIUM_PATH to a Chromium)."
      : 'No Chromium that can load an unpacked extension was found (branded Google Chrome 137+ cannot). Install Chrome for Testing, or set CHROMIUM_PATH to a Chromium.',
    refused: search.refused,
  };
}

/** A clear, multi-line message for a plan that cannot go on by itself. */
export function describeMissing(plan: Extract<Plan, { kind: 'tell' }>): string {
  const lines = [plan.why];
  for (const r of plan.refused) lines.push(`  skipped: ${r}`);
  lines.push(`Run this once, then try again:\n\n    ${plan.command}\n`);
  return lines.join('\n');
}

/** The browser found in this process (by ensureChromium or chromiumPath). */
let cached: Found | null = null;

export interface EnsureOptions {
  /** Print the install commands instead of running them. */
  dryRun?: boolean;
  log?: (line: string) => void;
  probe?: Probe;
  run?: (cmd: string[]) => number;
}

function runInherit(cmd: string[]): number {
  const [bin, ...args] = cmd;
  const r = spawnSync(bin!, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status ?? 1;
}

/**
 * The browser to drive, installing it first where this machine allows (Debian as root). Throws an
 * Error whose message is the one command to run when it cannot.
 */
export function ensureChromium(options: EnsureOptions = {}): Found {
  const log = options.log ?? ((l: string) => console.log(l));
  const probe = options.probe ?? systemProbe();
  const run = options.run ?? runInherit;
  const dryRun = options.dryRun ?? !!probe.env.CHROMIUM_INSTALL_DRY_RUN;
  const plan = planChromium(probe);
  if (plan.kind === 'tell') throw new Error(describeMissing(plan));
  if (plan.kind === 'use') {
    for (const r of plan.found.refused) log(`[chromium] skipped: ${r}`);
    if (plan.fontHint) log(`[chromium] ${plan.fontHint}`);
    if (plan.installFont) installOrSay(aptCommands(['fonts-wqy-microhei']), 'a Chinese font (fonts-wqy-microhei) for the panel text', dryRun, log, run);
    if (!options.probe) cached = plan.found;
    return plan.found;
  }
  for (const r of plan.refused) log(`[chromium] skipped: ${r}`);
  installOrSay(plan.commands, `Debian's ${plan.packages.join(' and ')} (no Chromium that can load an unpacked extension was found)`, dryRun, log, run);
  if (dryRun) throw new Error('[chromium] dry run: nothing installed, so there is no browser to run.');
  const after = findChromium(probe);
  if (!after.found) throw new Error(`[chromium] installed ${plan.packages.join(' ')}, but still found no usable Chromium:\n  ${after.refused.join('\n  ')}`);
  log(`[chromium] using ${after.found.path} (${after.found.version})`);
  if (!options.probe) cached = after.found;
  return after.found;
}

function installOrSay(commands: string[][], what: string, dryRun: boolean, log: (l: string) => void, run: (cmd: string[]) => number) {
  log(`[chromium] ${dryRun ? 'dry run — would install' : 'installing'} ${what}:`);
  for (const cmd of commands) {
    log(`[chromium]   ${cmd.join(' ')}`);
    if (dryRun) continue;
    const status = run(cmd);
    if (status !== 0) throw new Error(`[chromium] \`${cmd.join(' ')}\` failed (exit ${status}). Run it yourself and try again.`);
  }
}

/** The real machine. */
export function systemProbe(): Probe {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    /* not Linux, or a minimal image */
  }
  return {
    env: process.env,
    platform: process.platform,
    home: homedir(),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    osRelease,
    isExecutableFile(path) {
      try {
        if (!statSync(path).isFile()) return false;
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    version(path) {
      try {
        const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] });
        return out.trim().split('\n').pop() ?? null;
      } catch {
        return null;
      }
    },
    hasCjkFont() {
      try {
        return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
      } catch {
        return false;
      }
    },
  };
}

/**
 * The browser path for launching, found once per process (no install: callers that may install
 * run `ensureChromium` first — the e2e global setup, the demo and the bench do).
 */
export function chromiumPath(): string {
  if (cached) return cached.path;
  const plan = planChromium();
  if (plan.kind === 'tell') throw new Error(describeMissing(plan));
  if (plan.kind === 'install') {
    throw new Error(`No Chromium that can load an unpacked extension was found. \`npm test\` and \`npm run demo\` install Debian's chromium themselves; or run: apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`);
  }
  cached = plan.found;
  return cached.path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const found = ensureChromium({ dryRun: process.argv.includes('--dry-run') || undefined });
    console.log(`${found.path}\t${found.version}\t(${found.source})`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
