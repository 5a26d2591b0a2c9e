/**
 * Team-mode settings as the extension keeps them (storage.local `kf:team`): where the shop's
 * CouchDB is, which shop and who is signed in, with the role the server reported. Never the
 * password: signing in leaves the server's session cookie in the browser, nothing else.
 */
import { isShopId, isUserName, type TeamRole } from './names';
import type { FollowupKind } from '../domain/followups';
export type { TeamRole };

export interface TeamConfig {
  /** Origin of the server, e.g. https://couch.example.com or http://127.0.0.1:5984. */
  server: string;
  shop: string;
  user: string;
  role: TeamRole;
  /** The user's shift, for handover items ("next shift"). */
  shift?: 'day' | 'night';
}

export const TEAM_CONFIG_KEY = 'kf:team';
export const TEAM_STATUS_KEY = 'kf:team:status';

/** While a UI is open (live mode) a local write is sent this soon (otherwise 2 s after the last one). */
export const LIVE_DEBOUNCE_MS = 50;

/**
 * `removed`: signed in, but the server no longer lists this user in the shop (npm run team -- remove).
 * `leaving`: 退出团队模式 under way (the configuration gone, the replicas being deleted).
 */
export type TeamState = 'off' | 'synced' | 'syncing' | 'offline' | 'auth' | 'removed' | 'error' | 'leaving';

/** A follow-up this user snoozed that a colleague closed (`by`; absent when no status change says who). */
export interface DoneOver {
  id: string;
  kind: FollowupKind;
  title: string;
  buyer?: string;
  by?: string;
  /** When it was snoozed until: when the user expected it back. */
  until?: number;
}

/**
 * A follow-up this user marked done that a colleague reopened after (the later reopen wins the merge,
 * lib/team/README.md "A reopen against a close"): `by` reopened it (absent when no status change says
 * who) at `at`, its `reopenedAt`. Only the id: the popup's row has the rest.
 */
export interface ReopenedOver {
  id: string;
  at: number;
  by?: string;
}

export interface TeamStatus {
  state: TeamState;
  /** Records and documents not yet on the server. */
  pending: number;
  /** The last error in words (state error/auth/offline). */
  message?: string;
  /**
   * The server answered by sending the request elsewhere (state error); not followed. Where it
   * pointed (an origin), or '' when the browser does not say.
   */
  redirect?: string;
  /** Last complete round, epoch ms. */
  lastSyncAt?: number;
  /** The role the server gives this user now, when it is not the one this machine signed in with. */
  role?: TeamRole;
  /**
   * Writes the server refused (the user's role changed, or the server's rules did), kept on this
   * machine only, until the user has read it: the document id, and a reply's title.
   */
  refused?: { id: string; title?: string }[];
  /**
   * Follow-ups this user snoozed that a colleague marked done (done wins over snoozed), until the
   * user has read it (the popup's follow-up list → 知道了). This machine's only.
   */
  doneOver?: DoneOver[];
  /**
   * Follow-ups this user marked done that a colleague reopened after, until the user acts on the
   * item's row in the popup or opens it. This machine's only.
   */
  reopened?: ReopenedOver[];
  /**
   * Colleagues' documents this machine could not read (fields of the wrong kind, a deletion dated
   * in the future): left out, the rest synced (lib/team/read-docs.ts). Said until a readable version arrives.
   */
  unreadable?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type ServerCheck = { ok: true; origin: string } | { ok: false; reason: 'url' | 'https' };

/** A server address the extension may use: a URL, https unless the host is this machine. */
export function checkServer(input: string): ServerCheck {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'url' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: 'url' };
  if (u.username || u.password) return { ok: false, reason: 'url' };
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) return { ok: false, reason: 'https' };
  return { ok: true, origin: u.origin };
}

export function isTeamConfig(v: unknown): v is TeamConfig {
  const c = v as TeamConfig | null;
  return (
    !!c &&
    typeof c === 'object' &&
    typeof c.server === 'string' &&
    checkServer(c.server).ok &&
    typeof c.shop === 'string' &&
    isShopId(c.shop) &&
    typeof c.user === 'string' &&
    isUserName(c.user) &&
    (c.role === 'agent' || c.role === 'supervisor')
  );
}
