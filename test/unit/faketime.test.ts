/**
 * Where the browser tests find libfaketime (test/e2e/faketime.ts): the path used to be written for
 * x86-64 Debian only, so on an arm64 machine the midnight test preloaded a file that is not there.
 */
import { describe, expect, it } from 'vitest';
import { faketimeCandidates, faketimeEnvAt, findLibfaketime, inheritedFaketimeMs, libfaketime, type FaketimeProbe } from '../e2e/faketime';

/** A machine with these files, these commands' answers, and these folders under /usr/lib. */
function machine(files: string[], answers: Record<string, string> = {}, usrLib: string[] = []): FaketimeProbe {
  return {
    exists: (p) => files.includes(p),
    run: (cmd, args) => answers[[cmd, ...args].join(' ')] ?? null,
    list: (dir) => (dir === '/usr/lib' ? usrLib : []),
  };
}

const ARM = '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1';
const X86 = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

describe('libfaketime for this machine', () => {
  it('takes the folder of the machine’s multiarch triplet, from dpkg-architecture or else gcc', () => {
    expect(findLibfaketime(machine([ARM, X86], { 'dpkg-architecture -qDEB_HOST_MULTIARCH': 'aarch64-linux-gnu\n' }))).toBe(ARM);
    expect(findLibfaketime(machine([ARM, X86], { 'gcc -print-multiarch': 'aarch64-linux-gnu\n' }))).toBe(ARM);
  });

  it('else where dpkg says the package put it, else any /usr/lib/<triplet>/faketime/, else a build from source', () => {
    expect(findLibfaketime(machine([ARM], { 'dpkg -L libfaketime': `/usr/share/doc/libfaketime\n/usr/lib/aarch64-linux-gnu/faketime\n${ARM}\n` }))).toBe(ARM);
    expect(findLibfaketime(machine([ARM], {}, ['aarch64-linux-gnu', 'node_modules', 'os-release']))).toBe(ARM);
    expect(faketimeCandidates(machine([], {}, ['aarch64-linux-gnu', 'node_modules', 'arm-linux-gnueabihf']))).toEqual([
      ARM,
      '/usr/lib/arm-linux-gnueabihf/faketime/libfaketime.so.1',
      '/usr/lib/faketime/libfaketime.so.1',
      '/usr/local/lib/faketime/libfaketime.so.1',
    ]);
    expect(findLibfaketime(machine(['/usr/local/lib/faketime/libfaketime.so.1']))).toBe('/usr/local/lib/faketime/libfaketime.so.1');
  });

  it('none: says where it looked and the command that installs it', () => {
    const none = machine([], { 'dpkg-architecture -qDEB_HOST_MULTIARCH': 'riscv64-linux-gnu\n' });
    expect(findLibfaketime(none)).toBeUndefined();
    expect(() => libfaketime(none)).toThrow(/libfaketime\.so\.1\) was not found.*\/usr\/lib\/riscv64-linux-gnu\/faketime\/libfaketime\.so\.1.*sudo apt-get install -y libfaketime/s);
  });
});

/**
 * Another hour of the shop's day is checked by running the suite under libfaketime; the tests that set
 * Chromium's own clock (19:45, 90 s before midnight) used to replace that offset with theirs, reckoned
 * on the moved clock: Chromium then read 16:59 instead of 19:45 when the suite ran at 23:50 Beijing.
 */
describe('Chromium’s clock on top of a suite already under libfaketime', () => {
  const LIB = X86;
  const at = Date.parse('2026-12-06T11:45:00Z'); // 19:45 Beijing, on the suite's (moved) clock
  const now = at - 4 * 3_600_000 - 20_000 - 250; // the suite's clock: 15:44:39.750 Beijing

  it('reads the offset the suite runs under: seconds by default, or m, h, d', () => {
    expect(inheritedFaketimeMs({})).toBe(0);
    expect(inheritedFaketimeMs({ FAKETIME: '+9h' })).toBe(0); // not preloaded: the clock is real
    const pre = { LD_PRELOAD: `/x/libother.so ${LIB}` };
    expect(inheritedFaketimeMs({ ...pre, FAKETIME: '+9908' })).toBe(9_908_000);
    expect(inheritedFaketimeMs({ ...pre, FAKETIME: '+9908s' })).toBe(9_908_000);
    expect(inheritedFaketimeMs({ ...pre, FAKETIME: '-90m' })).toBe(-5_400_000);
    expect(inheritedFaketimeMs({ ...pre, FAKETIME: '+2.5h' })).toBe(9_000_000);
    expect(inheritedFaketimeMs({ ...pre, FAKETIME: '+1d' })).toBe(86_400_000);
    expect(() => inheritedFaketimeMs({ ...pre, FAKETIME: '@2026-12-06 23:50:00' })).toThrow(/not a relative offset/);
  });

  it('puts Chromium at the time asked for on the suite’s clock, never a moment before it', () => {
    const real = (env: NodeJS.ProcessEnv) => now - inheritedFaketimeMs(env);
    const chromiumAt = (env: NodeJS.ProcessEnv) => {
      const set = faketimeEnvAt(at, now, env, LIB);
      expect(set.LD_PRELOAD).toBe(LIB);
      return real(env) + inheritedFaketimeMs({ LD_PRELOAD: LIB, FAKETIME: set.FAKETIME });
    };
    for (const env of [{}, { LD_PRELOAD: LIB, FAKETIME: '+9908s' }, { LD_PRELOAD: LIB, FAKETIME: '-14h' }]) {
      const read = chromiumAt(env);
      expect(read, JSON.stringify(env)).toBeGreaterThanOrEqual(at);
      expect(read, JSON.stringify(env)).toBeLessThan(at + 1_000);
    }
    // Behind the real clock: a negative offset.
    expect(faketimeEnvAt(now - 3_600_000, now, {}, LIB).FAKETIME).toBe('-3600s');
  });
});
