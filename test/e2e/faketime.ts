/**
 * libfaketime, for the browser tests that need Chromium's clock at a set minute (the shop's
 * midnight, test/e2e/remark-midnight; the day shift's last hour, test/e2e/followup-late-hours): a
 * content script's clock cannot be set from Playwright
 * (page.clock reaches the page's own world only). Debian's `libfaketime` package; the e2e global
 * setup installs it like the browser and its font when it is missing (Debian as root), or stops
 * with the command to run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { isDebianFamily } from '../../scripts/find-chromium';

export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

export function ensureLibfaketime(log: (line: string) => void = (l) => console.log(l)): void {
  if (existsSync(LIBFAKETIME)) return;
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const root = process.getuid?.() === 0;
  if (!isDebianFamily(osRelease) || !root) {
    throw new Error(`The browser tests need libfaketime (${LIBFAKETIME}) and cannot install it here. Run once:\n\n    sudo apt-get install -y libfaketime\n`);
  }
  log('installing Debian\'s libfaketime for the browser tests (apt-get)…');
  for (const cmd of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'libfaketime']]) {
    const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (exit ${r.status ?? 'signal'}): install libfaketime and try again.`);
  }
  if (!existsSync(LIBFAKETIME)) throw new Error(`libfaketime was installed but ${LIBFAKETIME} is not there: set up libfaketime for this machine's architecture.`);
}
