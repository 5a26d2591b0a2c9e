/**
 * A handover stored by the version before the 23:59 / 12:00 deadlines (due 20:00, the minute the
 * night shift came on) is moved to 23:59 by the real service worker when it next starts: the pure
 * step comes from worker-extras.js, imported by a worker that was stopped and woken again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, openPopup } from './pages';
import { extensionSuite } from './suite';
import { putRaw } from './stores';

let popup: Page;

/**
 * Beijing wall time tomorrow as epoch ms (a future day: the check does not depend on the hour of the
 * run). Tomorrow is fixed when the file loads: counted anew at the check, a run across the shop's
 * midnight expected 23:59 of the day after the one the item was handed over on.
 */
const TOMORROW = Math.floor((Date.now() + 8 * 3_600_000) / 86_400_000) + 1;
const tomorrowAt = (h: number, m = 0) => TOMORROW * 86_400_000 + (h - 8) * 3_600_000 + m * 60_000;

const s = extensionSuite({ shop: 'none', page: 'none' });
beforeAll(async () => {
  popup = await openPopup(s.h);
});

describe('handover items stored under the old due rule', () => {
  it('are due 23:59 after the worker starts again, not 20:00 (the night shift is not greeted by overdue items)', async () => {
    const handedAt = tomorrowAt(15);
    const old = {
      v: 2, id: 'manual:old-handover', kind: 'manual', title: '给阿强回电话', reason: '手动添加的待办', createdAt: handedAt - 3_600_000,
      dueAt: tomorrowAt(20), status: 'open', source: 'manual', handover: true, shift: 'night', assignedAt: handedAt,
    };
    await putRaw(popup, 'followups', old.id, old);
    await putRaw(popup, 'meta', 'followups:handover', undefined);
    const worker = await s.stopWorker(popup);
    const again = await openPopup(s.h);
    await expect.poll(() => worker.status()).toBe('running');
    const list = await callFromExtensionPage<{ groups: { items: { id: string; dueAt: number }[] }[] }>(again, 'listFollowups', { perGroup: 50 });
    expect(list.groups.flatMap((g) => g.items).find((f) => f.id === old.id)!.dueAt).toBe(tomorrowAt(23, 59));
    // Listed under 夜班交接 at night, under 以后 by day (folded): open what is folded.
    const folded = again.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
    for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
    expect(await again.locator(`[data-kf="followup"][data-id="${old.id}"] [data-kf="followup-when"]`).textContent()).toMatch(/23:59$/);
  });
});
