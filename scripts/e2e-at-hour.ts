/**
 * Runs browser test files with the whole vitest process — and so the demo server and Chromium —
 * at a set time of the shop's day (Beijing), to find a test whose result depends on the hour CI
 * happens to run at: `npm run test:e2e:at -- 16:10 test/e2e/popup-rows.e2e.test.ts …`.
 *
 * libfaketime with a relative offset (FAKETIME="+Ns", the next time the Beijing clock reads HH:MM,
 * clock running on from there): the tests that set Chromium's own clock (test/e2e/faketime.ts)
 * add theirs to it. Without retries, so a test that fails at that hour shows it. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { libfaketime, nextBeijingMinute } from '../test/e2e/faketime';

const [hhmm, ...files] = process.argv.slice(2);
const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm ?? '');
if (!m || !files.length) {
  console.error('Usage: npm run test:e2e:at -- <HH:MM Beijing> <test files or vitest arguments…>\n  e.g. npm run test:e2e:at -- 16:10 test/e2e/popup-rows.e2e.test.ts');
  process.exit(2);
}
const now = Date.now();
// Ten seconds before the minute: time for vitest and Chromium to start, so the test runs in it.
const at = nextBeijingMinute(Number(m[1]) * 60 + Number(m[2]), now) - 10_000;
const seconds = Math.round((at - now) / 1000);
const env = { ...process.env, LD_PRELOAD: libfaketime(), FAKETIME: `+${Math.max(0, seconds)}s`, NO_COLOR: '1' };
console.log(`Beijing ${hhmm} (FAKETIME=${env.FAKETIME}):`, files.join(' '));
const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', '--retry', '0', ...files], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
