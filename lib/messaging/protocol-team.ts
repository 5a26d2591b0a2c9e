import type { TeamConfig, TeamStatus } from '../team/config';

/** Team mode (extension pages only: a seller page can neither read nor change it). */
export interface TeamProtocol {
  teamStatus: [void, { config: TeamConfig | null; status: TeamStatus }];
  /**
   * Joins the shop after the options page signed in (the session cookie is the browser's; the
   * password never reaches the background). Sends this machine's records on the first round.
   */
  teamConnect: [TeamConfig, { config: TeamConfig; status: TeamStatus }];
  /** Leaves team mode: sync stops; every local record stays. */
  teamLeave: [void, { config: null; status: TeamStatus }];
  teamSyncNow: [void, TeamStatus];
}

declare module './protocol' {
  interface Protocol extends TeamProtocol {}
}
