/**
 * What the night agent reads from the order pages keeps its own due time and is not a handover
 * (QA pass W, defects 1, 2 and 5). Before, every item made at night was marked for the day shift
 * and due by noon: a purple remark promising a ship date five days out sat under 已逾期 (the order
 * rule's past due time won), a return parcel was due at noon, and all of it filled the morning's
 * 夜班交接 beside the night agent's own notes. (A promise that far off is now checked before its
 * date, at the day shift's start three days on: lib/domain/followups/rules.ts checkBefore.) The night agent's own to-do still goes to the
 * morning, to the day shift it was made for even after the shop changes its shift hours.
 *
 * The shift hours are set around the real clock (now is night, then day), so this runs at any hour.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bjClock, callFromExtensionPage, inPanel, openDemoOrders, openPopup, remarkDialog } from './pages';
import { extensionSuite } from './suite';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';

const PURPLE = '3930018273645518290'; // paid, not shipped, 缺货，晚点发: long overdue by the order rule
const EXCHANGE = '3890726354182736450'; // green remark: an exchange parcel on its way back
const DAY_MS = 86_400_000;

const s = extensionSuite({});

async function setShiftHours(start: string, end: string) {
  await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start, end } } });
}

async function expandAll(p: Page) {
  const collapsed = p.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
  for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) await collapsed.first().click();
}

const row = (p: Page, id: string) => p.locator(`[data-kf="followup"][data-id="${id}"]`);

interface Listed {
  id: string;
  dueAt: number;
}

describe('the night shift reads the demo order pages', () => {
  it('a delay remark and a return keep their own due times and stay out of 夜班交接; the night’s to-do is handed to the morning', async () => {
    await callFromExtensionPage(s.ext, 'saveRuleSet', PRESET_A);
    // Night now: the day shift starts in two hours.
    const dayStart = bjClock(120);
    await setShiftHours(dayStart, bjClock(240));

    await openDemoOrders(s.page, s.h.demoUrl);
    const ship = isoDate(Date.now() + 5 * DAY_MS, 480);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(ship);
    await inPanel(s.page, 'input[data-field="reason"]').fill('等供应商补货');
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();
    await remarkDialog.save(s.page).click();
    await remarkDialog.root(s.page).waitFor({ state: 'detached' });
    const todo = await callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title: '明早问仓库到货时间' });

    let popup = await openPopup(s.h);
    const delay = row(popup, `delay:${PURPLE}`);
    const ret = row(popup, `return-pending:${EXCHANGE}`);
    await expect.poll(async () => {
      await expandAll(popup);
      return (await delay.count()) + (await ret.count());
    }).toBe(2);
    // Its own time (a check of the order before the promised date), not 已逾期; and neither is tagged for the day shift.
    expect(await delay.getAttribute('data-section')).toBe('upcoming');
    expect(await delay.textContent()).toContain(ship);
    expect(await delay.locator('[data-kf="handover-tag"]').count()).toBe(0);
    expect(await ret.locator('[data-kf="handover-tag"]').count()).toBe(0);
    // The agent's own to-do is the night's handover.
    expect(await row(popup, todo.id).locator('[data-kf="handover-tag"]').textContent()).toBe('交给白班');
    const list = await callFromExtensionPage<{ groups: { items: Listed[] }[] }>(popup, 'listFollowups', { perGroup: 50 });
    const due = (id: string) => list.groups.flatMap((g) => g.items).find((f) => f.id === id)!.dueAt;
    // Five days out: checked before it, at the day shift's start three days on (not by noon); the parcel is looked at in two days.
    expect(new Date(due(`delay:${PURPLE}`) + 8 * 3_600_000).toISOString().slice(0, 16)).toBe(`${isoDate(Date.now() + 3 * DAY_MS, 480)}T${dayStart}`);
    expect(due(`return-pending:${EXCHANGE}`)).toBeGreaterThan(Date.now() + 2 * DAY_MS - 10 * 60_000);
    await popup.close();

    // Morning: the shop also moved its shift hours, so now is day. 夜班交接 holds the night's to-do only.
    await setShiftHours(bjClock(-120), bjClock(120));
    popup = await openPopup(s.h);
    const handover = popup.locator('[data-kf="section"][data-section="handover"]');
    await handover.waitFor();
    expect(await handover.locator('[data-kf="section-toggle"]').textContent()).toContain('夜班交接');
    expect(await handover.locator('[data-kf="followup"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([todo.id]);
    await popup.close();
  });
});
