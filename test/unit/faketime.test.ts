/**
 * Where the browser tests find libfaketime (test/e2e/faketime.ts): the path used to be written for
 * x86-64 Debian only, so on an arm64 machine the midnight test preloaded a file that is not there.
 */
import { describe, expect, it } from 'vitest';
import { faketimeCandidates, findLibfaketime, libfaketime, type FaketimeProbe } from '../e2e/faketime';

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
