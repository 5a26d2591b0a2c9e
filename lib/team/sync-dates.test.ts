/**
 * Team mode, two machines in the same round: agent A marks a purple remark's delay item done while
 * agent B saves the remark with a new ship date through the panel (recordRemark). B runs on the
 * extension's own stores and handlers (as the team page and the worker do), A on memory stores; both
 * sync through a real pouchdb-server. What each agent sees after the rounds, in both orders of the
 * two acts and of the two machines' rounds (lib/team/README.md, "A reopen against a close").
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}` },
    tabs: { query: vi.fn(async () => []), create: vi.fn(async () => ({})), update: vi.fn(async () => ({})) },
    permissions: { contains: vi.fn(async () => true) },
    windows: { update: vi.fn(async () => ({})) },
  },
}));

const { dispatch } = await import('../messaging/dispatch');
const { teamShop } = await import('../../test/team/shop');
const { nodeTeamSync } = await import('../../test/team/pouch-node');
const { storageStores } = await import('./storage-bridge');
const { setLocalChangeListener } = await import('../storage/changes');
const { queueDirty } = await import('./dirty');
const { dirtyOf } = await import('./local-stores');
const { complete } = await import('../domain/followups');
const { db } = await import('../storage/db');
import type { FollowupList } from '../messaging/protocol-followups';
import type { Followup } from '../domain/followups';

const SHOP = 'dates-shop';
const t = teamShop(SHOP);
const PAGE = { tabId: 3, url: 'http://127.0.0.1:4100/orders' };
const MIN = 60_000;

async function ok<T>(verb: string, payload: unknown, sender: 'extension-page' | 'content-script' = 'extension-page', ctx = {}): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, sender, ctx);
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The Beijing date `days` from now, as a remark writes it, and 15:30 that day (the item's due time: half an hour before the 16:00 cut-off). */
const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const dueOn = (date: string) => Date.parse(`${date}T15:30:00+08:00`);
const purple = (date: string) => `【延迟发货】可发货日:${date}｜原因:缺货｜小美`;
/** The order as the list shows it, paid and not shipped, with its purple remark. `created`: the list shows when it was placed (JD's does not). */
const row = (orderId: string, date: string, created = true) => ({ orderId, buyer: '小鹿', status: 'paid', ...(created && { createdAt: Date.now() - 60 * MIN }), flag: 'purple', remark: purple(date) });

/** B's list as its popup gets it, with the section each item is under. */
const seenByB = async (id: string) =>
  (await ok<FollowupList>('listFollowups', { perGroup: 200 })).groups.flatMap((g) => g.items.map((f) => ({ ...f, section: g.section }))).find((f) => f.id === id);

beforeAll(() => {
  // As the worker does in team mode (lib/background/team.ts): every write is queued for the next round.
  setLocalChangeListener(async (area, keys) => queueDirty(dirtyOf(area, keys)));
});
beforeEach(async () => {
  for (const s of ['followups', 'meta', 'customers'] as const) await db.clear(s);
});

/** Both machines hold the delay item of the purple remark promising `first`, read on B's order list and synced. */
async function world(orderId: string, first: string, due = dueOn(first)) {
  const b = t.keep(nodeTeamSync({ server: t.server.url, shop: SHOP, user: 'a2', role: 'agent', password: 'a2-pw', prefix: t.prefix(), stores: storageStores(async () => {}) }));
  const a = t.machine('a1');
  await ok('reportOrders', { platform: 'demo', orders: [row(orderId, first)] }, 'content-script', PAGE);
  await b.syncOnce();
  await a.sync.syncOnce();
  const id = `delay:${orderId}`;
  expect(a.stores.followupMap.get(id)).toMatchObject({ status: 'open', dueAt: due });
  const saveNewDate = (date: string) => ok('recordRemark', { platform: 'demo', orderId, buyer: '小鹿', flag: 'purple', text: purple(date) }, 'content-script', PAGE);
  return { a, b, id, saveNewDate };
}

describe('a colleague marks the delay done while the agent saves a new ship date, in the same round', { timeout: 60_000 }, () => {
  for (const closeAfter of [false, true])
    for (const closerFirst of [true, false])
      it(`the new date stays open on both machines, due on it — the close made ${closeAfter ? 'a minute after' : 'a minute before'} the save, ${closerFirst ? 'the closer' : 'the saver'} syncing first`, async () => {
        const [first, next] = [day(2), day(3)];
        const { a, b, id, saveNewDate } = await world(`40129384756102${closeAfter ? 1 : 2}${closerFirst ? 1 : 2}01`, first);
        const savedAt = Date.now();
        a.stores.changeFollowup(id, (f) => complete(f, savedAt + (closeAfter ? MIN : -MIN), '已告知买家'));
        await saveNewDate(next);
        const rounds = closerFirst ? [a.sync, b, a.sync] : [b, a.sync, b];
        for (const s of rounds) await s.syncOnce();

        // A: the new promise, open (the close was of the old date), due on the new date.
        expect(a.stores.followupMap.get(id)).toMatchObject({ status: 'open', dueAt: dueOn(next), why: { params: { date: next } } });
        expect(a.stores.followupMap.get(id)!.closedAt).toBeUndefined();
        // B: the same in the popup's list, under 以后 with the new date in its reason.
        const mine = await seenByB(id);
        expect(mine).toMatchObject({ status: 'open', section: 'upcoming', dueAt: dueOn(next) });
        expect(mine!.reason).toContain(next);

        // The list read again on B (a console that shows no creation time too) changes nothing, and
        // further rounds leave both machines alike.
        await ok('reportOrders', { platform: 'demo', orders: [row(id.slice(6), next, false)] }, 'content-script', PAGE);
        for (const s of [b, a.sync, b]) await s.syncOnce();
        const bItem = (await seenByB(id))!;
        const aItem = a.stores.followupMap.get(id)!;
        expect([aItem.status, aItem.dueAt]).toEqual(['open', dueOn(next)]);
        expect([bItem.status, bItem.dueAt]).toEqual(['open', dueOn(next)]);
      });

  it('a colleague who had the new date and then marks it done closes it on both machines', async () => {
    const [first, next] = [day(2), day(3)];
    const { a, b, id, saveNewDate } = await world('4012938475610299901', first);
    await saveNewDate(next);
    await b.syncOnce();
    await a.sync.syncOnce();
    expect(a.stores.followupMap.get(id)).toMatchObject({ status: 'open', dueAt: dueOn(next) });
    a.stores.changeFollowup(id, (f: Followup) => complete(f, Date.now() + MIN, '已告知买家'));
    for (const s of [a.sync, b]) await s.syncOnce();
    expect(a.stores.followupMap.get(id)).toMatchObject({ status: 'done', closedReason: '已告知买家', dueAt: dueOn(next) });
    expect(await seenByB(id)).toMatchObject({ status: 'done', section: 'done', closedReason: '已告知买家' });
  });
});

describe('the check before a far-off promise: a colleague closes it while the agent opens the order page again, in the same round', { timeout: 60_000 }, () => {
  /** 08:00 Beijing, `days` from now: when the check before a far promise is due (day-shift start, three days after the read). */
  const checkDue = (days: number) => Date.parse(`${day(days)}T08:00:00+08:00`);
  for (const closerFirst of [true, false])
    it(`the close stands on both machines and the page read again neither reopens nor moves it — ${closerFirst ? 'the closer' : 'the reader'} syncing first`, async () => {
      const far = day(14);
      const { a, b, id } = await world(`40129384756103${closerFirst ? 1 : 2}01`, far, checkDue(3));
      expect(a.stores.followupMap.get(id)).toMatchObject({ why: { key: 'followups.reason.delayCheck', params: { date: far } } });
      a.stores.changeFollowup(id, (f) => complete(f, Date.now(), '厂家说下周到货'));
      // B opens the order list again (the purple remark read with it): nothing of the item changes.
      await ok('reportOrders', { platform: 'demo', orders: [row(id.slice(6), far)] }, 'content-script', PAGE);
      expect(await seenByB(id)).toMatchObject({ status: 'open', dueAt: checkDue(3) });
      const rounds = closerFirst ? [a.sync, b, a.sync] : [b, a.sync, b];
      for (const s of rounds) await s.syncOnce();
      expect(a.stores.followupMap.get(id)).toMatchObject({ status: 'done', closedReason: '厂家说下周到货', dueAt: checkDue(3) });
      expect(await seenByB(id)).toMatchObject({ status: 'done', section: 'done', closedReason: '厂家说下周到货' });
      // Read again on B after the close arrived, and more rounds: still closed on both (it comes back three days on, from the list).
      await ok('reportOrders', { platform: 'demo', orders: [row(id.slice(6), far)] }, 'content-script', PAGE);
      for (const s of [b, a.sync, b]) await s.syncOnce();
      expect(a.stores.followupMap.get(id)!.status).toBe('done');
      expect((await seenByB(id))!.status).toBe('done');
    });
});
