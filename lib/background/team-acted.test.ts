/**
 * Team mode: a note added from the chat panel to a follow-up a colleague reopened after this agent
 * closed it drops the popup's reopen notice, as any act on the popup's row does. It used to stay said
 * until the agent acted on the row itself.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { localArea } from '../messaging/testing';

const local = localArea();
/** What the worker asked the team page. */
const toPage: { kfTeam?: string; req?: unknown }[] = [];
vi.mock('../browser', async () =>
  (await import('../messaging/testing')).teamWorkerBrowser({
    onMessage: { addListener: () => {} },
    sendMessage: async (m: { kfTeam?: string; req?: unknown }) => {
      toPage.push(m);
      return m.kfTeam === 'op' ? { ok: true, value: null } : undefined;
    },
  }),
);
(globalThis as unknown as { chrome: unknown }).chrome = { offscreen: { createDocument: async () => {}, closeDocument: async () => {} } };

const { TEAM_CONFIG_KEY, TEAM_STATUS_KEY } = await import('../team/config');
const { dispatch } = await import('../messaging/dispatch');
const { db } = await import('../storage/db');

const CHAT = { tabId: 3, url: 'http://127.0.0.1:4100/chat/%E6%9E%97%E5%A5%B3%E5%A3%AB' };
async function ok<T>(verb: string, payload: unknown, sender: 'extension-page' | 'content-script' = 'extension-page', ctx = {}): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, sender, ctx);
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const drops = () => toPage.filter((m) => m.kfTeam === 'op').map((m) => m.req);
const status = () => local[TEAM_STATUS_KEY] as { state: string; reopened?: { id: string }[] };

beforeEach(async () => {
  await db.clear('followups');
  toPage.length = 0;
  local[TEAM_CONFIG_KEY] = { server: 'http://127.0.0.1:5984', shop: 'demo', user: '小周', role: 'agent' };
});

it('a note from the chat panel on an item a colleague reopened drops its notice; an item without one asks the team page nothing', async () => {
  const review = { kind: 'bad-review', buyer: '林女士', buyerId: 'u-2001', platform: 'demo', orderId: '50123456' };
  const item = await ok<{ id: string }>('addFollowup', review, 'content-script', CHAT);
  const other = await ok<{ id: string }>('addFollowup', { ...review, orderId: '50123999' }, 'content-script', CHAT);
  local[TEAM_STATUS_KEY] = { state: 'synced', pending: 0, reopened: [{ id: item.id, at: 1_000, by: '小吴' }] };

  // Another order's 中差评 note first: not this notice's item (checked below: only one drop is asked).
  expect(other.id).not.toBe(item.id);
  await ok('addFollowup', { ...review, orderId: '50123999', note: '买家说会改好评' }, 'content-script', CHAT);

  // The same order's 中差评 with a note: the open item takes the note, and the notice goes.
  const noted = await ok<{ id: string; note?: string }>('addFollowup', { ...review, note: '已电话沟通，等她改评' }, 'content-script', CHAT);
  expect(noted).toMatchObject({ id: item.id, note: '已电话沟通，等她改评' });
  await vi.waitFor(() => expect(status().reopened).toBeUndefined());
  expect(drops()).toEqual([{ op: 'dismissRefused', reopened: item.id }]);
  expect(status()).toMatchObject({ state: 'synced' });
});

it('any verb on the item drops it too (the popup asks as well): the other notices stay', async () => {
  const a = await ok<{ id: string }>('addFollowup', { kind: 'manual', title: '给林女士回电话' });
  local[TEAM_STATUS_KEY] = { state: 'synced', pending: 0, reopened: [{ id: a.id, at: 1_000 }, { id: 'manual:other', at: 2_000 }] };
  await ok('updateFollowup', { id: a.id, action: 'snooze', until: Date.now() + 3_600_000 });
  await vi.waitFor(() => expect(status().reopened).toEqual([{ id: 'manual:other', at: 2_000 }]));
  expect(drops()).toEqual([{ op: 'dismissRefused', reopened: a.id }]);
});
