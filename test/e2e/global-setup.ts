/**
 * Before any browser test: make sure a Chromium that loads unpacked extensions is here (installing
 * Debian's on a fresh Debian machine as root, see scripts/find-chromium.ts), and hand its path to
 * the test workers; install the team tests' pouchdb-server (test/team/server.ts) so no test worker
 * waits on the install; and libfaketime (test/e2e/faketime.ts) for the test that needs a set clock.
 */
import { ensureChromium } from '../../scripts/find-chromium';
import { prepareTeamServer } from '../team/server';
import { ensureLibfaketime } from './faketime';

export default async function setup(): Promise<void> {
  const found = ensureChromium();
  process.env.CHROMIUM_PATH = found.path;
  ensureLibfaketime();
  await prepareTeamServer();
}
