/**
 * Names shared by the provisioning command and the extension: one shop = four databases and two
 * roles on the shop's CouchDB. Pure; no I/O.
 */

/** The shared data areas, one CouchDB database each. */
export const TEAM_AREAS = ['library', 'buyers', 'followups', 'picks'] as const;
export type TeamArea = (typeof TEAM_AREAS)[number];

export const TEAM_ROLES = ['supervisor', 'agent'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A shop id is what CouchDB allows in a database name, kept short and lowercase. */
const SHOP_ID = /^[a-z][a-z0-9-]{0,39}$/;
/** CouchDB user names: no colon (it separates the _users id), no spaces at the ends. */
const USER_NAME = /^[^:\s][^:]{0,62}[^:\s]$|^[^:\s]$/;

export function isShopId(s: string): boolean {
  return SHOP_ID.test(s);
}

export function isUserName(s: string): boolean {
  return USER_NAME.test(s) && !s.startsWith('_');
}

export function dbName(shop: string, area: TeamArea): string {
  return `kf-${shop}-${area}`;
}

export function roleName(shop: string, role: TeamRole): string {
  return `kf-${shop}-${role}`;
}

export function userDocId(name: string): string {
  return `org.couchdb.user:${name}`;
}

/** Document id prefixes, one per document type. */
/**
 * How far ahead of a machine's clock (or the server's) a deletion may be dated. Clocks differ by
 * minutes, not days; a deletion dated later would cover every note written until then — a year-9999
 * one erased the buyer for good, with every later note (found 2026-12-05). validate.ts refuses one on
 * the server, read-docs.ts ignores one on every machine.
 */
export const DELETION_SKEW_MS = 24 * 3600_000;

export const DOC_PREFIX = {
  template: 'tpl:',
  groups: 'groups',
  rules: 'rules',
  proposal: 'proposal:',
  /** The shop's member list (names and roles), written by the provisioning command. */
  members: 'members',
  buyer: 'buyer:',
  buyerEvent: 'ev:',
  followup: 'fu:',
  followupEvent: 'fe:',
  pick: 'pick:',
  site: 'site:',
  /**
   * A buyer or a follow-up deleted by a member (`del:h:<SHA-256 of the shop and the document id>`,
   * docs.ts deletionRef; before 2026-12-03 `del:<document id>`, e.g. `del:buyer:<key>`, still
   * honoured), in the same database: when, and by whom. What it names that is not newer than the
   * deletion is deleted on every machine and never sent again (lib/team/README.md).
   */
  deletion: 'del:',
} as const;
