import type { TeamConfig, TeamStatus } from '../team/config';
import type { RulesConflict, SiteConflict, TeamProposal } from '../team/sync';
import type { TaughtSite } from '../sites/taught/record';
import type { RuleSet } from '../domain/remarks';
import type { TeamMember } from '../background/team';
import type { Template } from '../domain/templates/types';

/** Replies edited on two supervisor machines: every version, for the supervisor to choose from. */
export interface TemplateConflict {
  id: string;
  versions: { rev: string; template: Template; by: string; at: number }[];
}

/** What options → 团队 shows the supervisor: open proposals and everything edited on two machines. */
export interface TeamReviewData {
  proposals: TeamProposal[];
  conflicts: TemplateConflict[];
  /** The remark rule set, when two versions wait for the supervisor's choice. */
  rules: RulesConflict | null;
  /** Taught pages edited (or forgotten) differently on two machines. */
  sites: SiteConflict[];
  /** Colleagues' proposals and versions left out of these lists because they cannot be read (lib/team/read-docs.ts). */
  skipped?: number;
}

/**
 * A team operation's outcome. Refusals come back as data, so the page can say them in words:
 * 'forbidden' is the server's role check (its reason in `message`), 'off' = not in team mode.
 */
export type TeamResult<T> =
  | { ok: true; value: T; status?: TeamStatus }
  | { ok: false; error: TeamFailure; message: string };

/**
 * Why a team operation failed; the options page says each in words (`team.fail.<error>`, with
 * `message` as its detail). 'gone': the proposal is no longer waiting for a decision (`message`: its
 * id); 'site-invalid': the chosen version is not a taught page of that origin (`message`: the origin).
 */
export type TeamFailure = 'off' | 'offline' | 'auth' | 'forbidden' | 'server' | 'redirect' | 'invalid' | 'gone' | 'site-invalid';

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
  /**
   * The writes the server refused were read (知道了): no longer named in the status. `doneOver`: the
   * follow-ups a colleague closed over this user's snooze were read instead (the popup); `reopened`:
   * the popup's row of this follow-up, which a colleague reopened after this user closed it, was
   * acted on or opened (its notice goes).
   */
  teamDismissRefused: [{ doneOver?: boolean; reopened?: string } | void, TeamStatus];
  /** This machine's shift in team mode (the handover section follows it). */
  teamSetShift: [{ shift: 'day' | 'night' }, TeamConfig];
  /** The shop's members as the last sync brought them (empty outside team mode). */
  teamMembers: [void, TeamMember[]];
  /** Supervisor: proposals waiting for a decision, and replies and rules edited on two machines. */
  teamReview: [void, TeamResult<TeamReviewData>];
  /** Agent: the proposals this user sent, with the supervisor's decision once made. */
  teamMyProposals: [void, TeamResult<TeamProposal[]>];
  /** Agent: proposes a reply for the shop's library (sent at once, or queued while offline). */
  teamPropose: [{ template: Template }, TeamResult<{ id: string }>];
  /**
   * Supervisor: accepts (the reply joins the shop's library; same id = replaces that reply) or
   * rejects with an optional reason. The server's role check runs first; nothing changes if it refuses.
   */
  teamDecideProposal: [{ id: string; accepted: boolean; reason?: string }, TeamResult<null>];
  /** Supervisor: the chosen (or merged) version of a reply edited on two machines replaces them all. */
  teamResolveConflict: [{ template: Template }, TeamResult<null>];
  /** Supervisor: the rule set chosen (per flag colour) from the versions edited on two machines replaces them all. */
  teamResolveRulesConflict: [{ ruleSet: RuleSet }, TeamResult<null>];
  /** Supervisor: the chosen version of a taught page (null = forgotten) replaces every version. */
  teamResolveSiteConflict: [{ origin: string; site: TaughtSite | null }, TeamResult<null>];
}

declare module './protocol' {
  interface Protocol extends TeamProtocol {}
}
