import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, initShop, listMembers, purgePicks, removeMember, ProvisionError } from './provision';
import { dbName } from './names';
import { startTeamServer, type TeamServer } from '../../test/team/server';

let server: TeamServer;

beforeAll(async () => {
  server = await startTeamServer();
}, 600_000);
afterAll(async () => {
  await server?.stop();
});

/** A request as a shop member would send it (basic auth, like any CouchDB client). */
async function as(user: string, password: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${server.url}/${path}`, {
    method,
    headers: { authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as any };
}

describe('team provisioning on pouchdb-server', () => {
  it('creates databases, members, role checks and users once; a second run changes nothing', async () => {
    const first = await initShop(server.admin, 'shop1');
    expect(first).toContain(`created database ${dbName('shop1', 'library')}`);
    expect(first.length).toBeGreaterThanOrEqual(12);
    expect(await initShop(server.admin, 'shop1')).toEqual([]);

    expect(await addMember(server.admin, 'shop1', 'boss', 'supervisor', 'boss-pw')).toEqual(['created user boss as supervisor', 'published the member list of shop1 (1)']);
    expect(await addMember(server.admin, 'shop1', '小王', 'agent', 'wang-pw')).toEqual(['created user 小王 as agent', 'published the member list of shop1 (2)']);
    expect(await addMember(server.admin, 'shop1', '小王', 'agent')).toEqual([]);
    const members = [
      { name: 'boss', role: 'supervisor' },
      { name: '小王', role: 'agent' },
    ];
    expect(await listMembers(server.admin, 'shop1')).toEqual(members);
    // Every member reads the list (agents cannot read _users); no agent can rewrite it.
    const list = await as('小王', 'wang-pw', 'GET', `${dbName('shop1', 'library')}/members`);
    expect(list.json.members).toEqual(members);
    const forged = await as('小王', 'wang-pw', 'PUT', `${dbName('shop1', 'library')}/members`, { ...list.json, members: [] });
    expect(forged.status).toBe(403);
  });

  it('refuses a new user without a password and a bad shop id, in words', async () => {
    await expect(addMember(server.admin, 'shop1', 'nobody', 'agent')).rejects.toThrow(/give a password/);
    await expect(initShop(server.admin, 'Shop 1')).rejects.toBeInstanceOf(ProvisionError);
    await expect(initShop({ ...server.admin, password: 'wrong' }, 'shop1')).rejects.toThrow(/refused the admin credentials/);
  });

  it('the server rejects an agent writing the library but takes their signed proposal', async () => {
    const lib = dbName('shop1', 'library');
    const agentWrite = await as('小王', 'wang-pw', 'PUT', `${lib}/tpl:t1`, { type: 'template', template: { id: 't1', title: 'x', body: 'y' } });
    expect(agentWrite.status).toBe(403);
    expect(agentWrite.json.reason).toMatch(/only the supervisor/);
    // The same through _bulk_docs with new_edits:false, which is how replication pushes.
    const replicated = await as('小王', 'wang-pw', 'POST', `${lib}/_bulk_docs`, { new_edits: false, docs: [{ _id: 'tpl:t2', _rev: '1-abc', type: 'template' }] });
    expect(replicated.json[0]).toMatchObject({ error: 'forbidden' });

    const sup = await as('boss', 'boss-pw', 'PUT', `${lib}/tpl:t1`, { type: 'template', template: { id: 't1', title: 'x', body: 'y' } });
    expect(sup.status).toBe(201);
    const proposal = await as('小王', 'wang-pw', 'PUT', `${lib}/proposal:p1`, { type: 'proposal', by: '小王', template: { id: 'p1', title: 'a', body: 'b' } });
    expect(proposal.status).toBe(201);
    const forged = await as('小王', 'wang-pw', 'PUT', `${lib}/proposal:p2`, { type: 'proposal', by: 'boss', template: {} });
    expect(forged.status).toBe(403);
    const edit = await as('小王', 'wang-pw', 'PUT', `${lib}/proposal:p1`, { _rev: proposal.json.rev, type: 'proposal', by: '小王', template: {} });
    expect(edit.status).toBe(403);
  });

  // Documents in the shapes the extension writes (the server refuses others: shapeless documents below).
  const profileDoc = (key: string) => ({ type: 'buyer', customer: { v: 2, key, platform: 'demo', nickname: key.slice(5), segment: 'new', tags: [], sizes: {}, preferences: '', addressNote: '', note: '', createdAt: 1, updatedAt: 1, orderIds: [] } });
  const noteDoc = (key: string, by: string, id: string, text: string) => ({ type: 'event', key, by, event: { id, at: 1, kind: 'note', text } });
  const itemDoc = (id: string) => ({ type: 'followup', item: { v: 2, id, kind: 'manual', title: '回访', reason: '', createdAt: 1, dueAt: 2, status: 'open', source: 'manual' } });

  it('every member writes buyers; notes are append-only; only the supervisor deletes', async () => {
    const buyers = dbName('shop1', 'buyers');
    const put = await as('小王', 'wang-pw', 'PUT', `${buyers}/buyer:demo:小明`, profileDoc('demo:小明'));
    expect(put.status).toBe(201);
    const note = await as('小王', 'wang-pw', 'PUT', `${buyers}/ev:demo:小明:n1`, noteDoc('demo:小明', '小王', 'n1', '要M码'));
    expect(note.status).toBe(201);
    const rewrite = await as('boss', 'boss-pw', 'PUT', `${buyers}/ev:demo:小明:n1`, { _rev: note.json.rev, type: 'event', by: 'boss', event: {} });
    expect(rewrite.status).toBe(403);
    const agentDelete = await as('小王', 'wang-pw', 'DELETE', `${buyers}/buyer:demo:小明?rev=${put.json.rev}`);
    expect(agentDelete.status).toBe(403);
    // Calling a deletion a conflict's losing revision does not let an agent delete a profile.
    const superseded = await as('小王', 'wang-pw', 'PUT', `${buyers}/buyer:demo:小明`, { _rev: put.json.rev, _deleted: true, kfSuperseded: true });
    expect(superseded.status).toBe(403);
    const eventGone = await as('小王', 'wang-pw', 'PUT', `${buyers}/ev:demo:小明:n1`, { _rev: note.json.rev, _deleted: true, kfSuperseded: true });
    expect(eventGone.status).toBe(403);
    const supDelete = await as('boss', 'boss-pw', 'DELETE', `${buyers}/ev:demo:小明:n1?rev=${note.json.rev}`);
    expect(supDelete.status).toBe(200);
  });

  it("an agent's own credentials delete only what the role table says: a buyer or a follow-up signed, their own notes; never a colleague's note or a deletion record", async () => {
    await addMember(server.admin, 'shop1', '小李', 'agent', 'li-pw');
    const buyers = dbName('shop1', 'buyers');
    const followups = dbName('shop1', 'followups');
    const li = (m: string, p: string, b?: unknown) => as('小李', 'li-pw', m, p, b);
    const wang = (m: string, p: string, b?: unknown) => as('小王', 'wang-pw', m, p, b);
    const profile = await li('PUT', `${buyers}/buyer:demo:阿强`, profileDoc('demo:阿强'));
    const liNote = await li('PUT', `${buyers}/ev:demo:阿强:l1`, noteDoc('demo:阿强', '小李', 'l1', '李记：只收顺丰'));
    const wangNote = await wang('PUT', `${buyers}/ev:demo:阿强:w1`, noteDoc('demo:阿强', '小王', 'w1', '王记：周末不在家'));
    const item = await li('PUT', `${followups}/fu:f1`, itemDoc('f1'));
    const liAction = await li('PUT', `${followups}/fe:f1:a1`, { type: 'fuevent', by: '小李', item: 'f1', from: null, to: 'open', at: 1 });
    const record = await li('PUT', `${buyers}/del:h:abc`, { type: 'deletion', of: 'h:abc', at: 1, by: '小李' });
    expect([profile, liNote, wangNote, item, liAction, record].map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);

    // Refused: an unsigned removal called a conflict's loser, of a profile, a follow-up or a deletion
    // record; a colleague's note or status change, even signed; a deletion record, even signed.
    const refused = await Promise.all([
      wang('PUT', `${buyers}/buyer:demo:阿强`, { _rev: profile.json.rev, _deleted: true, kfSuperseded: true }),
      wang('PUT', `${followups}/fu:f1`, { _rev: item.json.rev, _deleted: true, kfSuperseded: true }),
      wang('PUT', `${buyers}/del:h:abc`, { _rev: record.json.rev, _deleted: true, kfSuperseded: true }),
      wang('PUT', `${buyers}/del:h:abc`, { _rev: record.json.rev, _deleted: true, kfDeleted: true, by: '小王' }),
      wang('PUT', `${buyers}/ev:demo:阿强:l1`, { _rev: liNote.json.rev, _deleted: true, kfDeleted: true, by: '小王' }),
      wang('PUT', `${followups}/fe:f1:a1`, { _rev: liAction.json.rev, _deleted: true, kfDeleted: true, by: '小王' }),
      wang('PUT', `${buyers}/buyer:demo:阿强`, { _rev: profile.json.rev, _deleted: true, kfDeleted: true, by: '小李' }),
      wang('DELETE', `${buyers}/buyer:demo:阿强?rev=${profile.json.rev}`),
      // The same through replication's _bulk_docs (new_edits: false).
      wang('POST', `${buyers}/_bulk_docs`, { new_edits: false, docs: [{ _id: 'ev:demo:阿强:l1', _rev: `2-${'a'.repeat(32)}`, _deleted: true, kfDeleted: true, by: '小王', _revisions: { start: 2, ids: ['a'.repeat(32), liNote.json.rev.split('-')[1]] } }] }),
    ]);
    expect(refused.slice(0, -1).map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    expect(refused.at(-1)!.json[0]).toMatchObject({ error: 'forbidden' });
    expect((await li('GET', `${buyers}/ev:demo:阿强:l1`)).json.event.text).toBe('李记：只收顺丰');
    expect((await li('GET', `${buyers}/del:h:abc`)).json).toMatchObject({ type: 'deletion', by: '小李' });

    // Taken: what the extension writes when an agent deletes a buyer (signed), their own note.
    const taken = await Promise.all([
      wang('PUT', `${buyers}/ev:demo:阿强:w1`, { _rev: wangNote.json.rev, _deleted: true, kfDeleted: true, by: '小王' }),
      wang('PUT', `${buyers}/buyer:demo:阿强`, { _rev: profile.json.rev, _deleted: true, kfDeleted: true, by: '小王' }),
      wang('PUT', `${followups}/fu:f1`, { _rev: item.json.rev, _deleted: true, kfDeleted: true, by: '小王' }),
      wang('PUT', `${buyers}/del:h:def`, { type: 'deletion', of: 'h:def', at: 2, by: '小王' }),
    ]);
    expect(taken.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    // The colleague's note goes with its author's (or the supervisor's) deletion.
    expect((await li('PUT', `${buyers}/ev:demo:阿强:l1`, { _rev: liNote.json.rev, _deleted: true, kfDeleted: true, by: '小李' })).status).toBe(201);
  });

  it("refuses from a member what would stop every machine's import: shapeless buyers, notes, follow-ups and a deletion dated ahead", async () => {
    const buyers = dbName('shop1', 'buyers');
    const followups = dbName('shop1', 'followups');
    const wang = (m: string, p: string, b?: unknown) => as('小王', 'wang-pw', m, p, b);
    const good = profileDoc('demo:形状');
    const refused = await Promise.all([
      wang('PUT', `${buyers}/buyer:demo:形状`, { type: 'buyer', customer: null }),
      wang('PUT', `${buyers}/buyer:demo:形状`, { ...good, customer: { ...good.customer, tags: '不是列表' } }),
      wang('PUT', `${buyers}/buyer:demo:形状`, { ...good, customer: { ...good.customer, note: { a: 1 } } }),
      wang('PUT', `${buyers}/buyer:demo:形状`, { ...good, customer: { ...good.customer, orderIds: undefined } }),
      wang('PUT', `${buyers}/buyer:demo:别人`, good),
      wang('PUT', `${buyers}/ev:demo:形状:n1`, { type: 'event', key: 'demo:形状', by: '小王', event: null }),
      wang('PUT', `${followups}/fu:x1`, { type: 'followup', item: null }),
      wang('PUT', `${followups}/fu:x1`, { ...itemDoc('x1'), item: { ...itemDoc('x1').item, dueAt: null } }),
      wang('PUT', `${followups}/fu:x1`, { ...itemDoc('x1'), item: { ...itemDoc('x1').item, note: ['a'] } }),
      wang('PUT', `${buyers}/del:h:future`, { type: 'deletion', of: 'h:future', at: 253402300799000, by: '小王' }),
      wang('PUT', `${buyers}/del:h:future`, { type: 'deletion', of: 'h:future', at: Date.now() + 3 * 86_400_000, by: '小王' }),
    ]);
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
    // A deletion dated within a clock's error, and the same documents in their shape, are taken.
    const taken = await Promise.all([
      wang('PUT', `${buyers}/buyer:demo:形状`, good),
      wang('PUT', `${followups}/fu:x1`, itemDoc('x1')),
      wang('PUT', `${buyers}/del:h:soon`, { type: 'deletion', of: 'h:soon', at: Date.now() + 3_600_000, by: '小王' }),
    ]);
    expect(taken.map((r) => r.status)).toEqual([201, 201, 201]);
  });

  it('init on a shop provisioned with older role checks installs the current ones', async () => {
    const db = dbName('shop1', 'buyers');
    const cur = await as(server.admin.user, server.admin.password, 'GET', `${db}/_design/kf-roles`);
    const old = await as(server.admin.user, server.admin.password, 'PUT', `${db}/_design/kf-roles`, { ...cur.json, validate_doc_update: 'function (newDoc, oldDoc, userCtx) {}' });
    expect(old.status).toBe(201);
    expect(await initShop(server.admin, 'shop1')).toEqual([`updated the role checks of ${db}`]);
    expect((await as(server.admin.user, server.admin.password, 'GET', `${db}/_design/kf-roles`)).json.validate_doc_update).toContain('kfDeleted');
  });

  it("purge deletes the picks their authors marked forgotten and those past the retention period, and no earlier revision keeps the words", async () => {
    const picks = dbName('shop1', 'picks');
    const now = Date.UTC(2026, 11, 2);
    const pick = (id: string, at: number, text: string) => ({ type: 'pick', by: '小王', pick: { id, at, text, scenario: 'invoice', templateId: null, source: 'insert' } });
    const forgottenPick = await as('小王', 'wang-pw', 'PUT', `${picks}/pick:f1`, pick('f1', now - 86_400_000, '能开发票吗 小王记的'));
    const old = await as('小王', 'wang-pw', 'PUT', `${picks}/pick:o1`, pick('o1', now - 100 * 86_400_000, '去年的发票问题'));
    const fresh = await as('小王', 'wang-pw', 'PUT', `${picks}/pick:n1`, pick('n1', now - 86_400_000, '今天的发票问题'));
    expect([forgottenPick.status, old.status, fresh.status]).toEqual([201, 201, 201]);
    // The author replaces the pick with a marker; the supervisor's marker on it would be refused too.
    const otherMarker = await as('boss', 'boss-pw', 'PUT', `${picks}/pick:f1`, { _rev: forgottenPick.json.rev, type: 'forgotten', by: 'boss', at: now });
    expect(otherMarker.status).toBe(403);
    const marker = await as('小王', 'wang-pw', 'PUT', `${picks}/pick:f1`, { _rev: forgottenPick.json.rev, type: 'forgotten', by: '小王', at: now });
    expect(marker.status).toBe(201);
    const back = await as('小王', 'wang-pw', 'PUT', `${picks}/pick:f1`, { ...pick('f1', now, 'x'), _rev: marker.json.rev });
    expect(back.status).toBe(403);

    expect(await purgePicks(server.admin, 'shop1', { days: 90, now })).toEqual(['deleted 1 picks their authors forgot', 'deleted 1 picks older than 90 days']);
    expect(await purgePicks(server.admin, 'shop1', { days: 90, now })).toEqual([]);
    expect((await as('boss', 'boss-pw', 'GET', `${picks}/pick:f1`)).status).toBe(404);
    expect((await as('boss', 'boss-pw', 'GET', `${picks}/pick:o1`)).status).toBe(404);
    expect((await as('boss', 'boss-pw', 'GET', `${picks}/pick:n1`)).json.pick.text).toBe('今天的发票问题');
    // Compacted: the revisions that held the words are gone (compaction runs in the background).
    await expect
      .poll(async () => [(await as('boss', 'boss-pw', 'GET', `${picks}/pick:f1?rev=${forgottenPick.json.rev}`)).status, (await as('boss', 'boss-pw', 'GET', `${picks}/pick:o1?rev=${old.json.rev}`)).status])
      .toEqual([404, 404]);
  });

  it('someone outside the shop reads nothing, and a removed member loses access', async () => {
    await initShop(server.admin, 'shop2');
    await addMember(server.admin, 'shop2', 'other', 'agent', 'other-pw');
    const read = await as('other', 'other-pw', 'GET', `${dbName('shop1', 'buyers')}/_all_docs`);
    expect(read.status).toBe(401);
    await addMember(server.admin, 'shop1', 'temp', 'agent', 'temp-pw');
    expect((await as('temp', 'temp-pw', 'GET', `${dbName('shop1', 'buyers')}/_all_docs`)).status).toBe(200);
    expect(await removeMember(server.admin, 'shop1', 'temp')).toEqual(['removed temp from shop1', 'published the member list of shop1 (3)']);
    expect(await removeMember(server.admin, 'shop1', 'temp')).toEqual([]);
    expect((await as('temp', 'temp-pw', 'GET', `${dbName('shop1', 'buyers')}/_all_docs`)).status).toBe(401);
  });
});
