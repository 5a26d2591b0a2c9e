import type { GuardConfig } from '../domain/guard';
import type { GuardPatch } from '../domain/guard/config';
import type { AnsweredWait, PlatformSummary } from '../domain/clock';
import { s, type PageSchemas } from './schema';

export interface GuardProtocol {
  /** The shop's own guard rules and the built-in ones it switched off. */
  getGuardConfig: [void, GuardConfig];
  /** Replaces them; an invalid config is refused with entry-named errors and changes nothing. */
  saveGuardConfig: [GuardConfig, GuardConfig];
  /** One rule switched, added or removed, against the stored settings (a change made meanwhile in another tab is kept). */
  patchGuardConfig: [GuardPatch, GuardConfig];
  /** The panel saw the shop answer a waiting buyer (no buyer data: a conversation hash and two times). */
  recordAnsweredWait: [AnsweredWait, void];
  /** The day's first-response figures per platform (default: today, local). */
  getClockSummary: [{ day?: string }, { day: string; platforms: PlatformSummary[] }];
  /** Every kept day as CSV (Excel/WPS ready). */
  exportClockCsv: [void, string];
}

/** What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"). */
export const guardPageSchemas = (): PageSchemas<GuardProtocol> => ({
  getGuardConfig: s.none(),
  recordAnsweredWait: s.object({
    platform: s.ownPlatform(),
    // A hash of the conversation: never a nickname.
    conversation: s.text({ max: 16, min: 1, pattern: /^[0-9a-z]{1,16}$/ }),
    since: s.number({ int: true, min: 0 }),
    at: s.number({ int: true, min: 0 }),
  }),
});

declare module './protocol' {
  interface Protocol extends GuardProtocol {}
}
