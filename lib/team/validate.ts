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
 *   marker cannot be turned back into a pick); only the supervisor deletes anything,
 *   except that any member may delete a buyer or a follow-up (a signed `del:<of>` document saying
 *   when — `of` a reference that does not name the buyer, docs.ts deletionRef, or in documents
 *   written before it the document's id — and signed `kfDeleted` deletions of its profile, notes,
 *   item and status changes), and
 *   any member may remove a conflicting revision of a profile or item marked
 *   `kfSuperseded` (conflict resolution; the server cannot tell whether another revision survives,
 *   so an agent could use it to hide a profile — it stays in the revision history and the
 *   supervisor can restore it).
 */
import { DOC_PREFIX, roleName, type TeamArea } from './names';

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
    // Resolving a conflict removes the losing revisions of a profile or an item (their content is
    // merged into the surviving one first); any other removal is the supervisor's.
    if (newDoc.kfSuperseded === true && (starts(${JSON.stringify(DOC_PREFIX.buyer)}) || starts(${JSON.stringify(DOC_PREFIX.followup)}) || starts(${JSON.stringify(DOC_PREFIX.deletion)}))) return;
    // A buyer or a follow-up a member deleted: its profile, notes, item and status changes go,
    // signed (the deletion itself is a \`del:\` document, below).
    if (newDoc.kfDeleted === true && newDoc.by === userCtx.name && (starts(${JSON.stringify(DOC_PREFIX.buyer)}) || starts(${JSON.stringify(DOC_PREFIX.buyerEvent)}) || starts(${JSON.stringify(DOC_PREFIX.followup)}) || starts(${JSON.stringify(DOC_PREFIX.followupEvent)}))) return;
    throw({ forbidden: 'only the supervisor deletes' });
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
    return true;
  }`;
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
  if (starts(${JSON.stringify(DOC_PREFIX.buyer)}) && newDoc.type === 'buyer') return;
  if (starts(${JSON.stringify(DOC_PREFIX.buyerEvent)}) && newDoc.type === 'event') { appendOnly(); signed(); return; }
  throw({ forbidden: 'not a buyer document' });`,
  followups: `
  if (deletion()) return;
  if (starts(${JSON.stringify(DOC_PREFIX.followup)}) && newDoc.type === 'followup') return;
  if (starts(${JSON.stringify(DOC_PREFIX.followupEvent)}) && newDoc.type === 'fuevent') { appendOnly(); signed(); return; }
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
