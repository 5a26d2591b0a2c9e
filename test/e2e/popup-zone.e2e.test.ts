/**
 * The popup's due times are shop time (Beijing). On a computer in another zone it says so once,
 * above the list; on one in Beijing time it says nothing. Chromium takes its zone from TZ, so each
 * case launches its own browser.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, openPopup } from './pages';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Chromium in zone `tz` with one to-do due at 20:00 shop time; the popup's list, its zone line and the row's due time. */
async function popupIn(tz: string) {
  h = await launchWithExtension({ env: { TZ: tz } });
  const popup = await openPopup(h);
  const dueAt = await popup.evaluate(() => {
    // 20:00 Beijing time tomorrow: due, not overdue, whatever the hour of the run.
    const now = Date.now();
    const day = Math.floor((now + 8 * 3_600_000) / 86_400_000) + 1;
    return day * 86_400_000 + 12 * 3_600_000;
  });
  await callFromExtensionPage(popup, 'addFollowup', { kind: 'manual', title: '回电话确认尺码', dueAt });
  await popup.reload();
  await popup.locator('[data-kf="followups"]').waitFor();
  const offset = await popup.evaluate(() => new Date().getTimezoneOffset());
  await popup.locator('[data-kf="section-toggle"][aria-expanded="false"]').first().click();
  const when = await popup.locator('[data-kf="followup-when"]').first().textContent();
  return { popup, offset, when };
}

describe('the popup says which zone its times are in', () => {
  it('on a computer in Los Angeles: 时间均为北京时间 once, and the due time as the shop reads it', async () => {
    const { popup, offset, when } = await popupIn('America/Los_Angeles');
    expect(offset).toBeGreaterThan(0); // Chromium did take the zone (UTC−8/−7)
    expect(await popup.locator('[data-kf="shop-zone"]').textContent()).toBe('时间均为北京时间');
    expect(await popup.locator('[data-kf="shop-zone"]').count()).toBe(1);
    expect(when).toMatch(/20:00$/);
  });

  it('on a computer in Beijing time: no label', async () => {
    const { popup, offset, when } = await popupIn('Asia/Shanghai');
    expect(offset).toBe(-480);
    expect(await popup.locator('[data-kf="shop-zone"]').count()).toBe(0);
    expect(when).toMatch(/20:00$/);
  });
});
