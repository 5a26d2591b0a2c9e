import type { GuardConfig } from '../domain/guard';
import type { AnsweredWait, PlatformSummary } from '../domain/clock';

export interface GuardProtocol {
  /** The shop's own guard rules and the built-in ones it switched off. */
  getGuardConfig: [void, GuardConfig];
  /** Replaces them; an invalid config is refused with entry-named errors and changes nothing. */
  saveGuardConfig: [GuardConfig, GuardConfig];
  /** The panel saw the shop answer a waiting buyer (no buyer data: a conversation hash and two times). */
  recordAnsweredWait: [AnsweredWait, void];
  /** The day's first-response figures per platform (default: today, local). */
  getClockSummary: [{ day?: string }, { day: string; platforms: PlatformSummary[] }];
  /** Every kept day as CSV (Excel/WPS ready). */
  exportClockCsv: [void, string];
}

declare module './protocol' {
  interface Protocol extends GuardProtocol {}
}
