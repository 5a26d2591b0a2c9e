/**
 * Global set-up of the unit project: installs the team tests' pouchdb-server (test/team/server.ts)
 * before any test starts, so no test worker waits on the install.
 */
import { prepareTeamServer } from './server';

export default async function setup(): Promise<void> {
  await prepareTeamServer();
}
