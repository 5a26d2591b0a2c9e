import { describe, expect, it } from 'vitest';
import { candidates, ensureChromium, findChromium, judgeVersion, planChromium, type Probe } from './find-chromium';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';

/** A machine described by its executable files (path → `--version` line; null: present but broken). */
function machine(files: Record<string, string | null>, over: Partial<Probe> = {}): Probe {
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    platform: 'linux',
    home: '/home/agent',
    isRoot: true,
    osRelease: DEBIAN,
    isExecutableFile: (p) => p in files,
    list: (dir) => {
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(dir + '/')) names.add(f.slice(dir.length + 1).split('/')[0]!);
      return [...names];
    },
    version: (p) => files[p] ?? null,
    hasCjkFont: () => true,
    ...over,
  };
}

describe('judgeVersion', () => {
  it('accepts Chromium and Chrome for Testing', () => {
    expect(judgeVersion('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)').ok).toBe(true);
    expect(judgeVersion('Google Chrome for Testing 140.0.7339.16').ok).toBe(true);
  });
  it('refuses branded Google Chrome 137 and later, saying it ignores --load-extension', () => {
    const v = judgeVersion('Google Chrome 137.0.7151.55');
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toMatch(/ignores --load-extension/);
    expect(judgeVersion('Google Chrome 136.0.7103.113').ok).toBe(true);
  });
  it('refuses what does not run or is not Chromium', () => {
    expect(judgeVersion(null).ok).toBe(false);
    expect(judgeVersion('Mozilla Firefox 142.0').ok).toBe(false);
  });
});

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH over PATH', () => {
    const p = machine(
      { '/opt/cr/chrome': 'Chromium 150.0.1.2', '/usr/bin/chromium': 'Chromium 156.0.1.2' },
      { env: { PATH: '/usr/bin', CHROMIUM_PATH: '/opt/cr/chrome' } },
    );
    expect(findChromium(p).found?.path).toBe('/opt/cr/chrome');
  });

  it('falls back from a CHROMIUM_PATH that does not exist, and says so', () => {
    const p = machine({ '/usr/bin/chromium': 'Chromium 156.0.1.2' }, { env: { PATH: '/usr/bin', CHROMIUM_PATH: '/nowhere/chrome' } });
    const r = findChromium(p);
    expect(r.found?.path).toBe('/usr/bin/chromium');
    expect(r.found?.refused.join('\n')).toMatch(/CHROMIUM_PATH=\/nowhere\/chrome does not exist/);
  });

  it('skips branded Chrome given as CHROMIUM_PATH and uses Ubuntu chromium-browser', () => {
    const p = machine(
      { '/opt/google/chrome/chrome': 'Google Chrome 141.0.7390.54', '/usr/bin/chromium-browser': 'Chromium 141.0.7390.54 snap' },
      { env: { PATH: '/usr/bin', CHROMIUM_PATH: '/opt/google/chrome/chrome' }, osRelease: UBUNTU },
    );
    const r = findChromium(p);
    expect(r.found?.path).toBe('/usr/bin/chromium-browser');
    expect(r.found?.refused[0]).toMatch(/Google Chrome 141.*ignores --load-extension/);
  });

  it('skips a chromium on PATH that does not run (e.g. a snap stub)', () => {
    const p = machine({ '/usr/bin/chromium-browser': null, '/home/agent/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome': 'Google Chrome for Testing 143.0.1.2' });
    expect(findChromium(p).found).toMatchObject({ source: 'Chrome for Testing', path: '/home/agent/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome' });
  });

  it("finds the newest Chrome for Testing in Playwright's cache (PLAYWRIGHT_BROWSERS_PATH honoured)", () => {
    const p = machine(
      {
        '/pw/chromium-999/chrome-linux/chrome': 'Chromium 120.0.1.2',
        '/pw/chromium-1200/chrome-linux64/chrome': 'Google Chrome for Testing 143.0.1.2',
        '/pw/chromium_headless_shell-1200/chrome-linux/headless_shell': 'Chromium 143.0.1.2',
      },
      { env: { PATH: '/usr/bin', PLAYWRIGHT_BROWSERS_PATH: '/pw' } },
    );
    expect(findChromium(p).found?.path).toBe('/pw/chromium-1200/chrome-linux64/chrome');
  });

  it('looks on PATH for both Debian and Ubuntu names', () => {
    const paths = candidates(machine({}, { env: { PATH: '/a:/b' } })).map((c) => c.path);
    expect(paths).toEqual(['/a/chromium', '/a/chromium-browser', '/b/chromium', '/b/chromium-browser']);
  });
});

describe('planChromium', () => {
  it('uses what it finds, with nothing to install', () => {
    const plan = planChromium(machine({ '/usr/bin/chromium': 'Chromium 156.0.1.2' }));
    expect(plan).toMatchObject({ kind: 'use', installFont: false, fontHint: null });
  });

  it("installs Debian's chromium and a CJK font when nothing qualifies on Debian as root", () => {
    const plan = planChromium(machine({ '/usr/bin/google-chrome': 'Google Chrome 140.0.1.2' }, { hasCjkFont: () => false }));
    expect(plan.kind).toBe('install');
    expect(plan.kind === 'install' && plan.packages).toEqual(['chromium', 'fonts-wqy-microhei']);
    expect(plan.kind === 'install' && plan.commands.at(-1)).toEqual(expect.arrayContaining(['apt-get', 'install', 'chromium', 'fonts-wqy-microhei']));
  });

  it('does not reinstall a CJK font that is there', () => {
    const plan = planChromium(machine({}));
    expect(plan.kind === 'install' && plan.packages).toEqual(['chromium']);
  });

  it('installs only the font when Chromium is there but no Chinese font (Debian, root)', () => {
    const plan = planChromium(machine({ '/usr/bin/chromium': 'Chromium 156.0.1.2' }, { hasCjkFont: () => false }));
    expect(plan).toMatchObject({ kind: 'use', installFont: true });
  });

  it('tells a non-root Debian user the one sudo command', () => {
    const plan = planChromium(machine({}, { isRoot: false }));
    expect(plan).toMatchObject({ kind: 'tell', command: 'sudo apt-get install -y chromium fonts-wqy-microhei' });
  });

  it('tells Ubuntu, macOS and Windows users to fetch Chrome for Testing', () => {
    expect(planChromium(machine({}, { osRelease: UBUNTU }))).toMatchObject({ kind: 'tell', command: 'npx playwright-core install chromium' });
    expect(planChromium(machine({}, { platform: 'darwin', osRelease: '' }))).toMatchObject({ kind: 'tell', command: 'npx playwright-core install chromium' });
    expect(planChromium(machine({}, { platform: 'win32', osRelease: '', env: { PATH: 'C:\\Windows' } }))).toMatchObject({ kind: 'tell' });
  });
});

describe('ensureChromium', () => {
  it('installs, says so, and then uses the browser it installed', () => {
    const files: Record<string, string | null> = {};
    const ran: string[] = [];
    const log: string[] = [];
    const found = ensureChromium({
      probe: machine(files, { hasCjkFont: () => false }),
      log: (l) => log.push(l),
      run: (cmd) => {
        ran.push(cmd.join(' '));
        if (cmd[1] === 'install') files['/usr/bin/chromium'] = 'Chromium 156.0.1.2';
        return 0;
      },
    });
    expect(found.path).toBe('/usr/bin/chromium');
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium fonts-wqy-microhei']);
    expect(log[0]).toMatch(/installing Debian's chromium and fonts-wqy-microhei/);
  });

  it('with dry run prints the commands, runs nothing and stops', () => {
    const log: string[] = [];
    const ran: string[] = [];
    expect(() =>
      ensureChromium({ probe: machine({}, { env: { PATH: '/usr/bin', CHROMIUM_INSTALL_DRY_RUN: '1' } }), log: (l) => log.push(l), run: (c) => (ran.push(c.join(' ')), 0) }),
    ).toThrow(/dry run/);
    expect(ran).toEqual([]);
    expect(log.join('\n')).toMatch(/would install[\s\S]*apt-get install -y -qq chromium/);
  });

  it('stops with the failing command when apt-get fails', () => {
    expect(() => ensureChromium({ probe: machine({}), log: () => {}, run: (c) => (c[1] === 'install' ? 100 : 0) })).toThrow(/apt-get install .*failed \(exit 100\)/);
  });

  it('stops with the one command to run where it cannot install', () => {
    expect(() => ensureChromium({ probe: machine({}, { isRoot: false }), log: () => {} })).toThrow(/sudo apt-get install -y chromium fonts-wqy-microhei/);
  });
});
