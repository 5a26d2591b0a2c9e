/**
 * Documents on the team server that no version of the extension writes (fields of the wrong kind, a
 * deletion dated far ahead), put there by the server's admin — as on a shop provisioned before the
 * server's shape checks, which members could then write too. Each is left out and counted; the
 * round, the checkpoint and every good document go on (2026-12-05: one such document stopped
 * every member's sync until an admin deleted it, and a year-9999 deletion erased a buyer for good).
 */
import { describe, expect, it } from 'vitest';
import { dbName, type TeamArea } from './names';
import { deletionRef } from './docs';
import { teamShop, TEAM_USERS } from '../../test/team/shop';
import { customerKey } from '../domain/customers';
import type { Followup } from '../domain/followups';
import { teamStatusText } from './status-text';
import { registerMessages, setLocale } from '../i18n';
import { team } from '../i18n/messages/team';

registerMessages(team);

const SHOP = 'unread-shop';
const t = teamShop(SHOP);
const machine = (user: keyof typeof TEAM_USERS) => t.machine(user, t.prefix('u'));

/** Written as the server's admin: the role check (validate.ts) lets the admin write anything. */
async function adminPut(area: TeamArea, doc: Record<string, unknown> & { _id: string }): Promise<string> {
  const url = `${t.server.url}/${dbName(SHOP, area)}/${encodeURIComponent(doc._id)}`;
  const headers = { authorization: t.adminAuth(), 'content-type': 'application/json' };
  const had = await fetch(url, { headers }).then((r) => r.json() as Promise<{ _rev?: string }>);
  const res = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ...doc, ...(had._rev ? { _rev: had._rev } : {}) }) });
  expect(res.status, doc._id).toBe(201);
  return ((await res.json()) as { rev: string }).rev;
}

const NOW = Date.now();
const profile = (key: string, extra: Record<string, unknown> = {}) => ({
  v: 2, key, platform: 'demo', nickname: key.slice(5), segment: 'new', tags: [], sizes: {}, preferences: '', addressNote: '', note: '',
  createdAt: NOW, updatedAt: NOW, orderIds: [], ...extra,
});
const fuItem = (id: string, extra: Record<string, unknown> = {}) => ({
  v: 2, id, kind: 'manual', title: '回访', reason: '答应回电', createdAt: NOW, dueAt: NOW + 3_600_000, status: 'open', source: 'manual', ...extra,
});

/** The shapes the QA wrote, one at a time (each used to stop every round on every machine). */
const BAD: [string, TeamArea, Record<string, unknown> & { _id: string }][] = [
  ['a profile without its fields', 'buyers', { _id: 'buyer:demo:坏甲', type: 'buyer', customer: null }],
  ['tags that are not a list', 'buyers', { _id: 'buyer:demo:坏乙', type: 'buyer', customer: profile('demo:坏乙', { tags: '不是列表' }) }],
  ['sizes a list, a note an object', 'buyers', { _id: 'buyer:demo:坏丙', type: 'buyer', customer: profile('demo:坏丙', { sizes: [1, 2], note: { a: 1 }, preferences: ['x'] }) }],
  ['no order list or times', 'buyers', { _id: 'buyer:demo:坏丁', type: 'buyer', customer: { v: 2, key: 'demo:坏丁', platform: 'demo', nickname: '坏丁' } }],
  ['a nickname that is a number', 'buyers', { _id: 'buyer:demo:12345', type: 'buyer', customer: profile('demo:12345', { nickname: 12345 }) }],
  ['a note without its event', 'buyers', { _id: 'ev:demo:坏戊:e1', type: 'event', key: 'demo:坏戊', by: 'a2', event: null }],
  ['a follow-up without its item', 'followups', { _id: 'fu:bad1', type: 'followup', item: null }],
  ['a follow-up with no due time and an unknown status', 'followups', { _id: 'fu:bad2', type: 'followup', item: fuItem('bad2', { dueAt: null, status: 'weird' }) }],
  ['a follow-up note that is a list', 'followups', { _id: 'fu:bad3', type: 'followup', item: fuItem('bad3', { note: ['a'], title: 42 }) }],
  ['a reply without its fields', 'library', { _id: 'tpl:bad', type: 'template', by: 'boss', at: 1, template: { id: 5 } }],
];

describe('documents the import cannot read', { timeout: 120_000 }, () => {
  it('each bad shape is left out and counted; the round, later rounds and the good documents go on', async () => {
    const reader = machine('a1');
    const writer = machine('a2');
    const boss = machine('boss');
    await reader.sync.syncOnce();
    let n = 0;
    for (const [what, area, doc] of BAD) {
      await adminPut(area, doc);
      // A good document from a colleague after it: a note, a follow-up and a reply.
      writer.stores.addNote(`好${n}`, `第${n}位买家要顺丰`, NOW + n);
      writer.stores.putFollowup({ ...(fuItem(`good${n}`) as unknown as Followup), buyer: `好${n}` });
      await writer.sync.syncOnce();
      boss.stores.saveTemplate({ id: `t-good${n}`, title: `好话术${n}`, body: '亲，已为您登记', group: '售后', scenarios: [] });
      await boss.sync.syncOnce();
      n++;
      const report = await reader.sync.syncOnce().catch((err: Error) => err);
      expect(report, what).not.toBeInstanceOf(Error);
      expect(reader.stores.customerMap.get(customerKey('demo', `好${n - 1}`))?.history.map((e) => e.text), what).toEqual([`第${n - 1}位买家要顺丰`]);
      expect(reader.stores.followupMap.has(`good${n - 1}`), what).toBe(true);
      expect(reader.stores.lib.templates.map((t) => t.id), what).toContain(`t-good${n - 1}`);
      expect((await reader.sync.unreadable()).length, what).toBe(n);
      // Said again by the next round (the checkpoint moved on; nothing is pulled twice).
      await reader.sync.syncOnce();
      expect((await reader.sync.unreadable()).length, what).toBe(n);
    }
    // None of them reached the stores in part.
    expect([...reader.stores.customerMap.keys()].filter((k) => /坏|12345/.test(k))).toEqual([]);
    expect([...reader.stores.followupMap.keys()].filter((k) => k.startsWith('bad'))).toEqual([]);
    expect(reader.stores.lib.templates.map((t) => t.id)).not.toContain('5');

    // The status says it beside 已同步, in both languages.
    const status = { state: 'synced' as const, pending: 0, unreadable: n };
    expect(teamStatusText(status)).toBe(`已同步；${n} 条同事记录无法读取，已跳过`);
    setLocale('en');
    try {
      expect(teamStatusText(status)).toBe(`Synced; ${n} records from colleagues could not be read: skipped`);
    } finally {
      setLocale('zh-CN');
    }

    // A readable version of one arrives (its author fixed it): it is imported and no longer counted.
    await adminPut('buyers', { _id: 'buyer:demo:坏乙', type: 'buyer', customer: profile('demo:坏乙', { tags: ['老客户'] }) });
    await reader.sync.syncOnce();
    expect(reader.stores.customerMap.get(customerKey('demo', '坏乙'))?.tags).toEqual(['老客户']);
    expect((await reader.sync.unreadable()).length).toBe(n - 1);
  });

  it('a deletion dated far ahead deletes nothing; a genuine one deletes, and a note written after it stays', async () => {
    const [x, y] = [machine('a1'), machine('a2')];
    const key = customerKey('demo', '远期');
    y.stores.addNote('远期', '要开发票', NOW);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.customerMap.has(key)).toBe(true);
    const ref = await deletionRef(SHOP, `buyer:${key}`);
    await adminPut('buyers', { _id: `del:${ref}`, type: 'deletion', of: ref, at: 253402300799000, by: 'a2' });
    await x.sync.syncOnce();
    expect(x.stores.customerMap.has(key)).toBe(true);
    expect(await x.sync.unreadable()).toContain(`buyers/del:${ref}`);
    // A note written now reaches the colleague: the deletion covers nothing.
    x.stores.addNote('远期', '改成周五发货', Date.now());
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    expect(y.stores.customerMap.get(key)?.history.map((e) => e.text)).toEqual(['要开发票', '改成周五发货']);

    // A genuine deletion (y, now) is written over the far one and deletes the buyer on x.
    const deletedAt = Date.now();
    y.stores.deleteBuyer('远期', [], deletedAt);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.customerMap.has(key)).toBe(false);
    // The buyer writes again after it: a new record, which stays on both machines.
    x.stores.addNote('远期', '又来问物流', deletedAt + 60_000);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    expect(x.stores.customerMap.get(key)?.history.map((e) => e.text)).toEqual(['又来问物流']);
    expect(y.stores.customerMap.get(key)?.history.map((e) => e.text)).toEqual(['又来问物流']);
  });
});
