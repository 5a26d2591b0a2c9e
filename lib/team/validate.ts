/**
 * The `validate_doc_update` functions the provisioning command installs in each shop database. The
 * server runs them on every write (including replication), so the roles hold whatever a client
 * does. They are JavaScript source strings (ES5: CouchDB's JavaScript engine runs them, not ours).
 *
 * - library (replies, groups, remark rules, taught sites): the supervisor writes and deletes; an
 *   agent may only create a proposal (`proposal:<id>`, signed with their own name) and never change
 *   it afterwards.
 * - buyers / followups / picks: every member writes profiles and items; events (notes, follow-up
 *   actions) and learned picks are append-only and signed, except that a pick's author may replace
 *   it with a signed forget marker (`type: 'forgotten'`, no pick in it; nobody else may, and a
 *   marker cannot be turned back into a pick); only the supervisor deletes anything, except that
 *   an agent may delete a buyer or a follow-up (a signed `del:<of>` document saying when — `of` a
 *   reference that does not name the buyer, docs.ts deletionRef, or in documents written before it
 *   the document's id — and signed `kfDeleted` deletions of its profile or item and of the agent's
 *   own notes and status changes). An agent removes no colleague's note, no deletion record and no
 *   conflicting revision (`kfSuperseded`): those wait for the supervisor's machine. What the check
 *   cannot see: whether a profile deleted signed has its `del:` document (it reads one document).
 */
import { DELETION_SKEW_MS, DOC_PREFIX, roleName, type TeamArea } from './names';


function header(shop: string): string {
  return `
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') !== -1) return;
  var sup = roles.indexOf(${JSON.stringify(roleName(shop, 'supervisor'))}) !== -1;
  var agent = roles.indexOf(${JSON.stringify(roleName(shop, 'agent'))}) !== -1;
  if (!sup && !agent) throw({ unauthorized: 'not a member of this shop' });
  var id = newDoc._id;
  function starts(p) { return id.indexOf(p) === 0; }
  if (newDoc._deleted) {
    if (sup) return;
    // An agent deletes only what the role table lets them, signed: a buyer's profile or a follow-up
    // item (删除 for everyone; the agent may rewrite either anyway), and their own notes and status
    // changes. A colleague's note, a deletion record and a conflict's losing revision (kfSuperseded)
    // are the supervisor's to remove: an agent could otherwise erase a colleague's words or a
    // deletion record (which brings a deleted buyer back from a machine that was offline), or
    // delete a profile unsigned by calling it a conflict's loser (the check cannot see whether
    // another revision survives). The agent's engine keeps conflicts on the server for the
    // supervisor's machine and leaves colleagues' notes of a deleted buyer to their author or the
    // supervisor (sync.ts).
    if (newDoc.kfDeleted !== true || newDoc.by !== userCtx.name) throw({ forbidden: 'only the supervisor deletes; an agent deletes a buyer or a follow-up signed' });
    if (starts(${JSON.stringify(DOC_PREFIX.buyer)}) || starts(${JSON.stringify(DOC_PREFIX.followup)})) return;
    if ((starts(${JSON.stringify(DOC_PREFIX.buyerEvent)}) || starts(${JSON.stringify(DOC_PREFIX.followupEvent)})) && (!oldDoc || oldDoc._deleted || oldDoc.by === userCtx.name)) return;
    throw({ forbidden: 'only the supervisor deletes a note by someone else or a deletion record' });
  }
  function signed() {
    if (newDoc.by !== userCtx.name) throw({ forbidden: 'the document must be signed with your own name' });
  }
  function appendOnly() {
    if (oldDoc && !oldDoc._deleted) throw({ forbidden: 'events are append-only' });
  }
  function deletion() {
    if (!starts(${JSON.stringify(DOC_PREFIX.deletion)}) || newDoc.type !== 'deletion') return false;
    signed();
    if (typeof newDoc.at !== 'number' || newDoc._id !== ${JSON.stringify(DOC_PREFIX.deletion)} + newDoc.of) throw({ forbidden: 'a deletion names its document and its time' });
    // Dated later than a clock's error allows, a deletion would cover every note written until then.
    if (!(newDoc.at >= 0) || newDoc.at > Date.now() + ${DELETION_SKEW_MS}) throw({ forbidden: 'a deletion cannot be dated in the future' });
    return true;
  }
  // The shapes every machine's import relies on (lib/team/read-docs.ts checks them in full); a
  // document without them used to stop every member's sync until an admin deleted it.
  function isObj(x) { return !!x && typeof x === 'object' && !(x instanceof Array); }
  function isStrings(x) { if (!(x instanceof Array)) return false; for (var i = 0; i < x.length; i++) if (typeof x[i] !== 'string') return false; return true; }
  function isTime(x) { return typeof x === 'number' && x >= 0 && x < Infinity; }
  function optText(x) { return x === undefined || typeof x === 'string'; }
  function shape(ok, what) { if (!ok) throw({ forbidden: 'a ' + what + ' document with fields of the wrong kind' }); }
  var STATUSES = ['open', 'done', 'snoozed'];`;
}

const BODY: Record<TeamArea, string> = {
  library: `
  if (sup) return;
  if (!starts(${JSON.stringify(DOC_PREFIX.proposal)}) || newDoc.type !== 'proposal')
    throw({ forbidden: 'only the supervisor edits the library and the remark rules' });
  appendOnly();
  signed();`,
  buyers: `
  if (deletion()) return;
  if (starts(${JSON.stringify(DOC_PREFIX.buyer)}) && newDoc.type === 'buyer') {
    var c = newDoc.customer;
    shape(isObj(c) && typeof c.key === 'string' && id === ${JSON.stringify(DOC_PREFIX.buyer)} + c.key && typeof c.platform === 'string' && typeof c.nickname === 'string' &&
      isTime(c.createdAt) && isTime(c.updatedAt) && isStrings(c.tags) && isStrings(c.orderIds) && isObj(c.sizes) &&
      optText(c.preferences) && optText(c.addressNote) && optText(c.note), 'buyer');
    return;
  }
  if (starts(${JSON.stringify(DOC_PREFIX.buyerEvent)}) && newDoc.type === 'event') {
    appendOnly();
    signed();
    var e = newDoc.event;
    shape(isObj(e) && typeof newDoc.key === 'string' && typeof e.id === 'string' && id === ${JSON.stringify(DOC_PREFIX.buyerEvent)} + newDoc.key + ':' + e.id &&
      isTime(e.at) && typeof e.kind === 'string' && typeof e.text === 'string', 'note');
    return;
  }
  throw({ forbidden: 'not a buyer document' });`,
  followups: `
  if (deletion()) return;
  if (starts(${JSON.stringify(DOC_PREFIX.followup)}) && newDoc.type === 'followup') {
    var f = newDoc.item;
    shape(isObj(f) && typeof f.id === 'string' && id === ${JSON.stringify(DOC_PREFIX.followup)} + f.id && typeof f.kind === 'string' && typeof f.title === 'string' &&
      isTime(f.createdAt) && isTime(f.dueAt) && STATUSES.indexOf(f.status) !== -1 && optText(f.note) && optText(f.url) && optText(f.buyer), 'follow-up');
    return;
  }
  if (starts(${JSON.stringify(DOC_PREFIX.followupEvent)}) && newDoc.type === 'fuevent') {
    appendOnly();
    signed();
    shape(typeof newDoc.item === 'string' && isTime(newDoc.at) && STATUSES.indexOf(newDoc.to) !== -1, 'follow-up status');
    return;
  }
  throw({ forbidden: 'not a follow-up document' });`,
  picks: `
  if (starts(${JSON.stringify(DOC_PREFIX.pick)}) && newDoc.type === 'pick' && newDoc.pick && typeof newDoc.pick.text === 'string') {
    appendOnly();
    signed();
    return;
  }
  if (starts(${JSON.stringify(DOC_PREFIX.pick)}) && newDoc.type === 'forgotten') {
    signed();
    if (newDoc.pick !== undefined) throw({ forbidden: 'a forget marker holds no pick' });
    if (oldDoc && !oldDoc._deleted && (oldDoc.type !== 'pick' || oldDoc.by !== userCtx.name))
      throw({ forbidden: 'only the member who made a pick may mark it forgotten' });
    return;
  }
  throw({ forbidden: 'not a pick document' });`,
};

export function validateDocUpdate(shop: string, area: TeamArea): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {${header(shop)}${BODY[area]}\n}`;
}

export const DESIGN_DOC_ID = '_design/kf-roles';
