/**
 * Team mode in real Chromium: a buyer's note this machine sent to the shop's server before the door
 * of an address was masked (2026-12-06) reaches the server masked at the first worker start after the
 * update (lib/background/remask-run.ts queues the buyers it re-masks; lib/team/docs.ts
 * maskedBuyerBody), once, as a new revision of the profile. One profile against a pouchdb-server on
 * 127.0.0.1 (team-world.ts).
 */
import { expect, it } from 'vitest';
import { extensionSuite } from './suite';
import type { TeamServer } from '../team/server';
import { call, join, startTeamShop, syncNow, WORKER } from './team-world';
import { getRaw, putRaw } from './stores';
import { customerKey } from '../../lib/domain/customers';
import { dbName } from '../../lib/team/names';

const SHOP = 'e2e-remask';
const DOOR = '文三路88号3幢201室';
const MASKED = '文三路**号*幢***室';
const NICK = '阳光明媚的日子';
const s = extensionSuite<TeamServer>({
  server: () => startTeamShop(SHOP, { 小王: { role: 'agent', password: 'wang-pw' } }),
  shop: 'none',
  page: 'none',
  setUpTimeout: 600_000,
});

/** The buyer's profile on the server, asked as its admin. */
async function onServer(): Promise<{ _rev: string; _conflicts?: string[]; customer: { note: string; addressNote: string; updatedAt: number } }> {
  const auth = 'Basic ' + btoa(`${s.server.admin.user}:${s.server.admin.password}`);
  const id = encodeURIComponent(`buyer:${customerKey('demo', NICK)}`);
  return fetch(`${s.server.url}/${dbName(SHOP, 'buyers')}/${id}?conflicts=true`, { headers: { authorization: auth } }).then((r) => r.json());
}

it('a note sent with the door in clear before the update is on the server masked after the next worker start, as one new revision', { timeout: 600_000 }, async () => {
  const team = await join(s.h, s.server, SHOP, '小王', 'wang-pw');
  // The rules before 2026-12-06 kept the door: masking off stands in for them while the note is saved.
  await call(team, 'patchSettings', { privacy: { maskPii: false } });
  await call(team, 'patchCustomer', { platform: 'demo', nickname: NICK, patch: { note: `地址 ${DOOR}`, addressNote: `杭州${DOOR}` } });
  expect(await syncNow(team)).toBe('已同步');
  const before = await onServer();
  expect(before.customer).toMatchObject({ note: `地址 ${DOOR}`, addressNote: `杭州${DOOR}` });

  // The update: masking on, the upgrade's mark as the older version left it (not there), the worker started again.
  await call(team, 'patchSettings', { privacy: { maskPii: true } });
  const sw = await s.h.serviceWorker();
  await putRaw(sw, 'meta', 'privacy:remasked', undefined);
  const worker = await s.stopWorker(team);
  const page = await s.h.openExtensionPage('options.html#team');
  await expect.poll(() => worker.status(), WORKER).toBe('running');
  await expect.poll(() => getRaw(page, 'meta', 'privacy:remasked'), { timeout: 15_000 }).toBe(1);
  expect(await call(page, 'getCustomer', { platform: 'demo', nickname: NICK })).toMatchObject({ note: `地址 ${MASKED}` });

  await expect.poll(async () => (await syncNow(page)) === '已同步' && (await onServer()).customer.note, { timeout: 60_000 }).toBe(`地址 ${MASKED}`);
  const after = await onServer();
  expect(after.customer).toMatchObject({ addressNote: `杭州${MASKED}`, updatedAt: before.customer.updatedAt });
  expect(after._conflicts).toBeUndefined();
  expect(Number(after._rev.split('-')[0])).toBe(Number(before._rev.split('-')[0]) + 1);
  // Once: another round writes nothing more.
  expect(await syncNow(page)).toBe('已同步');
  expect((await onServer())._rev).toBe(after._rev);
});
