/**
 * Before any browser test: make sure a Chromium that loads unpacked extensions is here (installing
 * Debian's on a fresh Debian machine as root, see scripts/find-chromium.ts), and hand its path to
 * the test workers; install the team tests' pouchdb-server (test/team/server.ts) so no test worker
 * waits on the install.
 */
import { ensureChromium } from '../../scripts/find-chromium';
import { prepareTeamServer } from '../team/server';

export default async function setup(): Promise<void> {
  const found = ensureChromium();
  process.env.CHROMIUM_PATH = found.path;
  await prepareTeamServer();
}
