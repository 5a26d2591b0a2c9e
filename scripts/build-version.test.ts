import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVersion, readGit } from './build-version';

/** Chrome's rule for manifest `version`: 1–4 dot-separated integers 0–65535, no leading zeros. */
const chromeAccepts = (v: string) => /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/.test(v) && v.split('.').every((p) => Number(p) <= 65535);

/** Chrome's order of versions: part by part, numerically. */
const newer = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
};

describe('buildVersion', () => {
  it('takes major.minor from package.json and the commit count as the patch, the sha in the name', () => {
    expect(buildVersion('0.1.0', { count: 1089, sha: 'abc1234' })).toEqual({ version: '0.1.1089', versionName: '0.1.1089-abc1234' });
    expect(buildVersion('2.3.9-beta.1', { count: 7, sha: 'f00ba12' }).version).toBe('2.3.7');
  });

  it('is a version Chrome accepts, higher than every build before it (all "0.1.0") and than an earlier commit', () => {
    const v = buildVersion('0.1.0', { count: 1089, sha: 'a' }).version;
    expect(chromeAccepts(v)).toBe(true);
    expect(newer(v, '0.1.0')).toBe(true);
    expect(newer(v, buildVersion('0.1.0', { count: 1088, sha: 'b' }).version)).toBe(true);
    expect(newer(buildVersion('0.1.0', { count: 65535, sha: 'c' }).version, v)).toBe(true);
  });

  it('without history: package.json major.minor, with a warning that says the build is not an update', () => {
    const r = buildVersion('0.1.0', null);
    expect(r.version).toBe('0.1.0');
    expect(r.warning).toMatch(/no git history/);
    expect(r.warning).toMatch(/chrome:\/\/extensions/);
  });

  it('a count that does not fit a version part falls back, with a warning', () => {
    const r = buildVersion('0.1.0', { count: 65536, sha: 'x' });
    expect(r).toMatchObject({ version: '0.1.0', warning: expect.stringContaining('65536') });
    expect(chromeAccepts(r.version)).toBe(true);
  });

  it('refuses a package.json version it cannot read', () => {
    expect(() => buildVersion('one.two', null)).toThrow(/major\.minor/);
    expect(() => buildVersion('0.70000.0', null)).toThrow(/major\.minor/);
  });
});

describe('readGit', () => {
  const repo = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kf-version-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    return { dir, git };
  };

  it('counts the commits behind HEAD, and the count grows with a commit', () => {
    const { dir, git } = repo();
    try {
      writeFileSync(join(dir, 'a'), '1');
      git('add', 'a');
      git('commit', '-qm', 'one');
      const first = readGit(dir)!;
      expect(first.count).toBe(1);
      expect(first.sha).toMatch(/^[0-9a-f]{7}$/);
      git('commit', '-q', '--allow-empty', '-m', 'two');
      expect(readGit(dir)!.count).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is null outside a repository and in one with no commit', () => {
    const { dir } = repo();
    const plain = mkdtempSync(join(tmpdir(), 'kf-version-plain-'));
    try {
      expect(readGit(dir)).toBeNull();
      expect(readGit(plain)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
