/**
 * The popup's row actions on a full disk (robust6), in the built extension in real Chromium: the
 * worker's IndexedDB refuses writes as a full disk does (as storage-full.e2e.test.ts makes it). 完成,
 * 推迟 and 交给… were each said as 操作失败：存储空间已满 — nothing of what became of the item or what to
 * do. Now the row says what was not done, that the item is as it was (checked in the store), and to
 * make room and click again; the same button does it once there is room. Chromium's clock is set to
 * 10:00 Beijing (libfaketime, test/e2e/faketime.ts): at night a to-do goes to the day shift, due
 * before it starts, and 推迟 has no time to offer.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { faketimeEnvAt, nextBeijingMinute } from './faketime';
import { callFromExtensionPage, openPopup, setUpDemoShop } from './pages';
import type { FollowupList } from '../../lib/messaging/protocol-followups';
import { diskFull as setDiskFull } from './stores';

const s = {} as { h: Harness; ext: Page };
beforeAll(async () => {
  const now = Date.now();
  s.h = await launchWithExtension({ env: faketimeEnvAt(nextBeijingMinute(10 * 60, now), now) });
  s.ext = await setUpDemoShop(s.h);
}, 120_000);
afterAll(async () => {
  await s.h?.close();
});

/** The worker's IndexedDB writes fail as on a full disk (on), or work again (off). */
const diskFull = async (on: boolean) => setDiskFull(await s.h.serviceWorker(), on);

afterEach(() => diskFull(false));

/** The item as stored: its status, snooze and hand-over. */
async function stored(id: string) {
  const list = await callFromExtensionPage<FollowupList>(s.ext, 'listFollowups', { perGroup: 500 });
  const f = list.groups.flatMap((g) => g.items).find((x) => x.id === id)!;
  return { status: f.status, snoozedUntil: f.snoozedUntil ?? null, shift: f.shift ?? null, assignee: f.assignee ?? null };
}

const AFTER = '：存储空间已满。这一条没有改动；请腾出磁盘空间或稍等片刻后再点一次。';

it('完成, 推迟 and 交给… on a full disk say on the row that nothing changed and what to do; the item is as it was, and 完成 works once there is room', async () => {
  // No time given: due by the end of the day shift, on the popup's open list under 今天.
  const fu = await callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title: '回电确认发票抬头' });
  const before = await stored(fu.id);
  const popup = await openPopup(s.h);
  try {
    const row = popup.locator(`[data-kf="followup"][data-id="${fu.id}"]`);
    const error = row.locator('[data-kf="followup-error"]');
    const button = (action: string) => row.locator(`button[data-action="${action}"]`);
    await diskFull(true);

    await button('done').click();
    await expect.poll(() => error.textContent()).toBe(`没能标为完成${AFTER}`);
    expect(await stored(fu.id)).toEqual(before);

    await button('snooze').click();
    await popup.locator('[data-kf="snooze-option"]').first().click();
    await expect.poll(() => error.textContent()).toBe(`没能推迟${AFTER}`);
    expect(await stored(fu.id)).toEqual(before);

    await button('handover').click();
    const picker = row.locator('[data-kf="handover-to"]');
    await picker.selectOption({ index: 1 });
    await expect.poll(() => error.textContent()).toMatch(new RegExp(`^没能交给(白班|夜班)${AFTER}$`));
    expect(await stored(fu.id)).toEqual(before);
    // Still on the open list, where it was.
    expect(await row.getAttribute('data-id')).toBe(fu.id);

    await diskFull(false);
    await button('done').click();
    await expect.poll(async () => (await stored(fu.id)).status).toBe('done');
    expect(await error.count()).toBe(0);
  } finally {
    await popup.close();
  }
});
