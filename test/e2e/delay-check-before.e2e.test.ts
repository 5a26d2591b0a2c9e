/**
 * A purple remark promising a ship date two weeks off (延迟发货 +14 days) is looked at before that
 * date: three days later the popup lists the order's delay item, the reason naming the promised date
 * (domain.md: delayed orders are checked once or twice a week). It used to be one item due on the
 * promised date only, under 以后 for two weeks. The browser is started again three days later on the
 * same profile, under libfaketime (test/e2e/faketime.ts): 10:00 Beijing on the check's day.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { faketimeEnvAt } from './faketime';
import { callFromExtensionPage, inPanel, openDemoOrders, openPopup, remarkDialog, setUpDemoShop } from './pages';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';

const PURPLE = '3930018273645518290'; // paid, not shipped: 缺货，晚点发
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Beijing wall time 'YYYY-MM-DDTHH:MM' of an epoch time. */
const bjWall = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 16);

interface Listed {
  id: string;
  dueAt: number;
  reason: string;
  section: string;
}

async function listed(p: Page, id: string): Promise<Listed | undefined> {
  const list = await callFromExtensionPage<{ groups: { section: string; items: Omit<Listed, 'section'>[] }[] }>(p, 'listFollowups', { perGroup: 50 });
  return list.groups.flatMap((g) => g.items.map((f) => ({ ...f, section: g.section }))).find((f) => f.id === id);
}

async function expandAll(p: Page) {
  const collapsed = p.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
  for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) await collapsed.first().click();
}

let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

describe('a purple remark promising a ship date two weeks off', () => {
  it('three days later the popup lists a check of the order, naming the promised date', { timeout: 180_000 }, async () => {
    h = await launchWithExtension();
    const options = await setUpDemoShop(h);
    await callFromExtensionPage(options, 'saveRuleSet', PRESET_A);
    const page = await h.context.newPage();
    await openDemoOrders(page, h.demoUrl);
    const ship = isoDate(Date.now() + 14 * DAY, 480);
    await remarkDialog.open(page, PURPLE);
    await inPanel(page, '[data-kf="remark-form"]').waitFor();
    await inPanel(page, 'input[data-field="shipDate"]').fill(ship);
    await inPanel(page, 'input[data-field="reason"]').fill('等厂家补货');
    await inPanel(page, '[data-kf="remark-use"]').click();
    await inPanel(page, '[data-kf="remark-ok"]').waitFor();
    await remarkDialog.save(page).click();
    await remarkDialog.root(page).waitFor({ state: 'detached' });

    // Today: one delay item, under 以后, naming the promised date.
    const id = `delay:${PURPLE}`;
    await expect.poll(async () => (await listed(options, id))?.section).toBe('upcoming');
    expect((await listed(options, id))!.reason).toContain(ship);
    const checkDay = isoDate(Date.now() + 3 * DAY, 480);
    const kept = await h.closeKeepingProfile();

    // Three days later, 10:00 Beijing: the browser started again on the same profile.
    const at = Date.parse(`${checkDay}T10:00:00+08:00`);
    h = await launchWithExtension({ profile: kept, env: faketimeEnvAt(at) });
    const popup = await openPopup(h);
    // The popup's clock is that morning (libfaketime took), a minute or two after 10:00 at most.
    const popupNow = await popup.evaluate(() => Date.now());
    expect(popupNow).toBeGreaterThanOrEqual(at);
    expect(popupNow).toBeLessThan(at + 5 * 60_000);
    const row = popup.locator(`[data-kf="followup"][data-id="${id}"]`);
    await expect.poll(async () => {
      await expandAll(popup);
      return row.count();
    }).toBe(1);
    // Due this morning: listed first (已逾期 since 08:00), not under 以后 until the promised date.
    expect(await row.getAttribute('data-section')).toBe('overdue');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`承诺 ${ship} 发货`);
    expect(text).toContain('先查一次备货');
    expect(await popup.locator(`[data-kf="followup"][data-id^="delay:"]`).count()).toBe(1);
    // Due at the day shift's start (08:00) that day; the promise itself is still ahead.
    expect(bjWall((await listed(popup, id))!.dueAt)).toBe(`${checkDay}T08:00`);
  });
});
