/**
 * The shape check of every document the engine reads from a replica (pulled from the server, so
 * written by any member's machine — an older version, a bug, or someone on purpose). The server's
 * role check (validate.ts) refuses the worst shapes, but a shop provisioned before it, or the
 * server's admin, can still put anything there; one document whose fields the import trusted
 * stopped every round on every machine until an admin deleted it (found 2026-12-05).
 *
 * Each kind goes through the checker its local records go through, not a second one:
 * - a buyer's profile: checkCustomer (lib/domain/customers/check.ts), every problem it names makes
 *   the document unreadable (as an import file's entry), the checked record is what is imported;
 * - a note: checkEvent (the same file);
 * - a follow-up: finishFollowup (lib/domain/followups/migrate.ts): unreadable when it throws (no id,
 *   kind or due time) or had to repair a field (an unknown status, a title that is not text…);
 * - a reply and the group list: parseLibraryImport (lib/domain/templates/validate.ts), as a file of one;
 * - an agent's proposal: its reply as a reply (above), who and when, and the supervisor's decision
 *   when there is one — the review pane and 我的提议 list only what this reads (sync.ts proposals);
 * - a deletion: a number for its time, and not later than this machine's clock allows (below).
 * The rule set, taught sites and picks were checked already (validateRuleSet, parseTaughtSite,
 * isLearnedPick, in sync.ts). Deleted documents (no body) and kinds this version does not know pass.
 *
 * What is read is also held to the limits this machine's own forms keep (2026-12-05: a
 * 6,000-character name and a 100,000-character note filled the popup): a buyer's words and notes
 * (limitCustomer, limitEvent; the name is normalised by checkCustomer), a follow-up's buyer name
 * (normaliseNickname) and words (limitFollowup), cut rather than refused. A field of the wrong kind
 * still makes the document unreadable: a limit is a matter of degree, a number for a name is not.
 */
import { checkCustomer, checkEvent } from '../domain/customers/check';
import { REPLACEABLE_FIELDS } from '../domain/customers';
import { finishFollowup } from '../domain/followups/migrate';
import { FOLLOWUP_STATUSES } from '../domain/followups';
import { limitFollowup } from '../domain/followups/limit';
import { limitCustomer, limitEvent } from '../domain/customers/limit';
import { LIMITS } from '../domain/customers/customer';
import { limitText } from '../domain/limit-text';
import { LIBRARY_FORMAT, LIBRARY_VERSION, parseLibraryImport } from '../domain/templates/validate';
import { buyerBody, buyerId, canonical, deletionId, eventId, followupId, templateId, type BuyerBody } from './docs';
import { DELETION_SKEW_MS, DOC_PREFIX, type TeamArea } from './names';
import type { Doc } from './pouch-types';


type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => !!x && typeof x === 'object' && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const meta = (d: Doc): Doc => {
  const out = { _id: d._id } as Doc;
  if (d._rev) out._rev = d._rev;
  if (d._conflicts) out._conflicts = d._conflicts;
  return out;
};

/** `clash` of a merged profile (docs.ts BuyerBody): per text field, a list of `{ text, at }`. */
function readClash(x: unknown): BuyerBody['clash'] | null {
  if (x === undefined) return undefined;
  if (!isRec(x)) return null;
  const out: NonNullable<BuyerBody['clash']> = {};
  for (const [f, list] of Object.entries(x)) {
    if (!(REPLACEABLE_FIELDS as readonly string[]).includes(f) || !Array.isArray(list)) return null;
    if (!list.every((e) => isRec(e) && typeof e.text === 'string' && isTime(e.at))) return null;
    const max = LIMITS[f as keyof typeof out];
    out[f as keyof typeof out] = (list as { text: string; at: number }[]).map((e) => ({ text: limitText(e.text, max), at: e.at }));
  }
  return out;
}

function readBuyer(d: Doc, now: number): Doc | null {
  const c = d.customer;
  if (!isRec(c) || typeof c.key !== 'string' || d._id !== buyerId(c.key)) return null;
  // The body has no lastSeenAt (this machine's own): given, so only the shared fields are judged.
  const { customer, problems } = checkCustomer({ ...c, lastSeenAt: isTime(c.createdAt) ? c.createdAt : 0 }, now);
  if (!customer || problems.length || customer.key !== c.key) return null;
  const clash = readClash(d.clash);
  if (clash === null) return null;
  return { ...meta(d), ...buyerBody(limitCustomer(customer)), ...(clash ? { clash } : {}) } as unknown as Doc;
}

function readEvent(d: Doc): Doc | null {
  const event = checkEvent(d.event);
  if (!event || typeof d.key !== 'string' || typeof d.by !== 'string' || d._id !== eventId(d.key, event.id)) return null;
  return { ...meta(d), type: 'event', key: d.key, event: limitEvent(event), by: d.by } as Doc;
}

function readFollowup(d: Doc, now: number): Doc | null {
  if (!isRec(d.item)) return null;
  let item;
  try {
    item = finishFollowup(d.item, now);
  } catch {
    return null;
  }
  if (d._id !== followupId(item.id)) return null;
  // A field the check had to repair (a status it does not know, a title that is not text, no
  // creation time) is not this version's record: the item is left out rather than guessed at.
  for (const [k, v] of Object.entries(item)) if (canonical(v) !== canonical(d.item[k])) return null;
  return { ...meta(d), type: 'followup', item: limitFollowup(item) } as unknown as Doc;
}

function readFollowupEvent(d: Doc): Doc | null {
  const statuses = FOLLOWUP_STATUSES as readonly unknown[];
  if (typeof d.item !== 'string' || typeof d.by !== 'string' || !isTime(d.at) || !statuses.includes(d.to)) return null;
  if (d.from !== null && !statuses.includes(d.from)) return null;
  return d;
}

/** A deletion's time, or null when it has none or one later than this machine's clock allows. */
export function deletionAt(d: Doc | null | undefined, now: number): number | null {
  if (!d || d._deleted || d.type !== 'deletion' || typeof d.of !== 'string' || d._id !== deletionId(d.of) || typeof d.by !== 'string') return null;
  return isTime(d.at) && d.at <= now + DELETION_SKEW_MS ? d.at : null;
}

/** The longest member name kept from a colleague's document (who proposed, who decided). */
const NAME_MAX = 64;

/** A template as parseLibraryImport takes one (normalised), or null. */
function readTemplate(x: unknown) {
  const r = parseLibraryImport({ format: LIBRARY_FORMAT, version: LIBRARY_VERSION, templates: [x] });
  return r.ok ? r.library.templates[0]! : null;
}

/**
 * An agent's proposal: a reply the library would take, a name and a time, and a decision of the
 * right shape when there is one. A proposal without its reply used to break the whole review pane
 * (options → 团队), and a 100,000-character or bidi-laden reply was shown as sent.
 */
function readProposal(d: Doc): Doc | null {
  if (d.type !== 'proposal' || typeof d.by !== 'string' || !d.by || !isTime(d.at)) return null;
  const template = readTemplate(d.template);
  if (!template) return null;
  const out = { ...meta(d), type: 'proposal', template, by: limitText(d.by, NAME_MAX), at: d.at } as Doc;
  if (d.decision !== undefined) {
    const x = d.decision;
    if (!isRec(x) || typeof x.accepted !== 'boolean' || typeof x.by !== 'string' || !isTime(x.at)) return null;
    if (x.reason !== undefined && typeof x.reason !== 'string') return null;
    out.decision = { accepted: x.accepted, by: limitText(x.by, NAME_MAX), at: x.at, ...(x.reason ? { reason: limitText(x.reason, 200) } : {}) };
  }
  return out;
}

function readLibrary(d: Doc): Doc | null {
  if (d._id.startsWith(DOC_PREFIX.proposal)) return readProposal(d);
  if (d._id === DOC_PREFIX.groups) {
    const r = parseLibraryImport({ format: LIBRARY_FORMAT, version: LIBRARY_VERSION, groups: d.groups, templates: [] });
    return r.ok && Array.isArray(d.groups) && d.type === 'groups' ? d : null;
  }
  if (!d._id.startsWith(DOC_PREFIX.template)) return d;
  const template = readTemplate(d.template);
  return template && d.type === 'template' && templateId(template.id) === d._id ? d : null;
}

/**
 * The document as the engine may use it (a buyer's profile, note or follow-up as its checker
 * returned it), or null when it cannot be read: the import leaves it out and counts it.
 */
export function readDoc(area: TeamArea, d: Doc, now: number): Doc | null {
  if (d._deleted) return d;
  if (area === 'library') return readLibrary(d);
  if (d._id.startsWith(DOC_PREFIX.deletion)) return deletionAt(d, now) === null ? null : d;
  if (area === 'buyers') {
    if (d._id.startsWith(DOC_PREFIX.buyer)) return d.type === 'buyer' ? readBuyer(d, now) : null;
    if (d._id.startsWith(DOC_PREFIX.buyerEvent)) return d.type === 'event' ? readEvent(d) : null;
  }
  if (area === 'followups') {
    if (d._id.startsWith(DOC_PREFIX.followup)) return d.type === 'followup' ? readFollowup(d, now) : null;
    if (d._id.startsWith(DOC_PREFIX.followupEvent)) return d.type === 'fuevent' ? readFollowupEvent(d) : null;
  }
  return d;
}
