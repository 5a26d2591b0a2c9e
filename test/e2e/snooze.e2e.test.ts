/**
 * 推迟 offers a choice of times in the popup, in shop time (Beijing) on a computer whose clock is
 * in another zone: the agent picks the second one with the keyboard and the item is snoozed until
 * exactly then, which the list then shows. Chromium takes its zone from TZ.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, openPopup } from './pages';
import { extensionSuite } from './suite';

let popup: Page;

/** The row of an item, wherever the list files it (以后 starts folded: late in the evening a to-do due in 3 hours is tomorrow's). */
async function rowOf(id: string) {
  await popup.reload();
  await popup.locator('[data-kf="followups"]').waitFor();
  const folded = popup.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
  for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
  return popup.locator(`[data-kf="followup"][data-id="${id}"]`);
}

/** "HH:MM" (today) or "M-DD HH:MM", Beijing time, as the popup writes due times. */
function beijing(ms: number, now: number): string {
  const at = new Date(ms + 8 * 3_600_000).toISOString();
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const hm = at.slice(11, 16);
  return at.slice(0, 10) === today ? hm : `${Number(at.slice(5, 7))}-${at.slice(8, 10)} ${hm}`;
}

const s = extensionSuite({ timezone: 'America/Los_Angeles', shop: 'none', page: 'none' });
beforeAll(async () => {
  popup = await openPopup(s.h);
  // The day shift round the clock (全天白班, 00:00–00:00), so the to-do is this agent's own whatever
  // the hour of the run. 00:00–23:59 left 23:59 to the night shift: a to-do made then was the night's
  // handover, due by noon, and 推迟 offered two times, not three (run at 23:59 Beijing).
  await callFromExtensionPage(popup, 'patchSettings', { followups: { dayShift: { start: '00:00', end: '00:00' } } });
});

describe('推迟 in the popup', () => {
  it('offers times in Beijing time; the second one, picked with the keyboard, is when the item comes back', async () => {
    const dueAt = Date.now() + 3 * 3_600_000;
    const made = await callFromExtensionPage<{ id: string }>(popup, 'addFollowup', { kind: 'manual', title: '回电话确认尺码', dueAt });
    const row = await rowOf(made.id);
    expect(await popup.evaluate(() => new Date().getTimezoneOffset())).toBeGreaterThan(0); // the computer is not on Beijing time
    await row.click();

    await popup.keyboard.press('s');
    const options = popup.locator('[data-kf="snooze-option"]');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(3);
    // The usual time first (tomorrow at the start of the shift) and focused: S then Enter is the old one-key snooze.
    expect(await options.first().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await options.first().textContent()).toMatch(/^明天上班 · \d+-\d{2} 00:00$/);
    // Every time is shop time: the button's time is the Beijing wall time of its moment.
    const now = Date.now();
    for (const o of await options.all()) {
      const until = Number(await o.getAttribute('data-until'));
      expect(await o.locator('[data-kf="snooze-time"]').textContent()).toBe(beijing(until, now));
    }
    expect(await popup.locator('[data-kf="snooze-zone"]').textContent()).toBe('时间均为北京时间');

    await popup.keyboard.press('ArrowDown');
    const second = options.nth(1);
    expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
    const until = Number(await second.getAttribute('data-until'));
    const shown = await second.locator('[data-kf="snooze-time"]').textContent();
    await popup.keyboard.press('Enter');

    await popup.locator('[data-kf="snooze-menu"]').waitFor({ state: 'detached' });
    // Filed under 已推迟, showing the time picked.
    const toggle = popup.locator('[data-kf="section"][data-section="snoozed"] [data-kf="section-toggle"]');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const snoozed = popup.locator(`[data-kf="followup"][data-id="${made.id}"][data-section="snoozed"]`);
    await expect.poll(() => snoozed.locator('[data-kf="followup-when"]').textContent()).toBe(`推迟到 ${shown}`);
    const list = await callFromExtensionPage<{ groups: { items: { id: string; snoozedUntil?: number; status: string }[] }[] }>(popup, 'listFollowups', { perGroup: 50 });
    const stored = list.groups.flatMap((g) => g.items).find((f) => f.id === made.id)!;
    expect(stored).toMatchObject({ status: 'snoozed', snoozedUntil: until });
  });

  it('takes a time of the agent’s own, typed as Beijing time', async () => {
    const made = await callFromExtensionPage<{ id: string }>(popup, 'addFollowup', { kind: 'manual', title: '核对退款', dueAt: Date.now() + 2 * 3_600_000 });
    await (await rowOf(made.id)).click();
    await popup.keyboard.press('s');
    // Two days from now, 18:30 in Beijing.
    const day = new Date(Date.now() + 8 * 3_600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    await popup.locator('[data-kf="snooze-custom"]').fill(`${day}T18:30`);
    await popup.locator('[data-kf="snooze-custom-go"]').click();
    await popup.locator('[data-kf="snooze-menu"]').waitFor({ state: 'detached' });
    // The menu closes before the worker has the snooze (the popup then asks it): wait for the stored item.
    await expect
      .poll(async () => {
        const list = await callFromExtensionPage<{ groups: { items: { id: string; snoozedUntil?: number }[] }[] }>(popup, 'listFollowups', { perGroup: 50 });
        return list.groups.flatMap((g) => g.items).find((f) => f.id === made.id)?.snoozedUntil;
      })
      .toBe(Date.parse(`${day}T18:30:00+08:00`));
  });
});

/**
 * A night's handover is done before noon (domain.md): 推迟 at 09:10 offered 明天上班 first, past it.
 * The popup's clock is pinned to 09:10 Beijing tomorrow (the worker's own clock is real: a snooze to
 * tomorrow's noon is in its future at any hour of the run).
 */
describe('推迟 on a handover due at noon', () => {
  const HOUR = 3_600_000;
  /** Tomorrow (Beijing) at hh:mm Beijing, as epoch ms. */
  const tomorrowAt = (hh: number, mm: number) => {
    const day = new Date(Date.now() + 8 * HOUR + 24 * HOUR).toISOString().slice(0, 10);
    return Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
  };

  it('at 09:10 offers nothing past 12:00: in an hour, then the deadline itself, which is where the item then waits', async () => {
    const noon = tomorrowAt(12, 0);
    const made = await callFromExtensionPage<{ id: string }>(popup, 'addFollowup', { kind: 'handover', title: '夜班留言：买家等换货单号', dueAt: noon });
    await popup.clock.setFixedTime(new Date(tomorrowAt(9, 10)));
    await (await rowOf(made.id)).click();
    await popup.keyboard.press('s');
    const options = popup.locator('[data-kf="snooze-option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.allTextContents()).toEqual(['1 小时后 · 10:10', '截止时间 · 12:00']);
    for (const o of await options.all()) expect(Number(await o.getAttribute('data-until'))).toBeLessThanOrEqual(noon);
    expect(await popup.locator('[data-kf="snooze-deadline"]').textContent()).toBe('这项须在 12:00 前处理，推迟不会超过这个时间');

    // A time of the agent's own past noon is refused, naming the deadline; nothing is snoozed.
    const day = new Date(noon + 8 * HOUR).toISOString().slice(0, 10);
    await popup.locator('[data-kf="snooze-custom"]').fill(`${day}T13:00`);
    await popup.locator('[data-kf="snooze-custom-go"]').click();
    expect(await popup.locator('[data-kf="snooze-bad"]').textContent()).toBe('请选一个不晚于截止时间 12:00 的时间');

    await options.last().click();
    await popup.locator('[data-kf="snooze-menu"]').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const list = await callFromExtensionPage<{ groups: { items: { id: string; status: string; snoozedUntil?: number }[] }[] }>(popup, 'listFollowups', { perGroup: 50 });
        return list.groups.flatMap((g) => g.items).find((f) => f.id === made.id);
      })
      .toMatchObject({ status: 'snoozed', snoozedUntil: noon });
  });

  it('at 11:58 no time is left: the menu offers none and says to handle it now', async () => {
    const noon = tomorrowAt(12, 0);
    const made = await callFromExtensionPage<{ id: string }>(popup, 'addFollowup', { kind: 'handover', title: '夜班留言：回复尺码', dueAt: noon });
    await popup.clock.setFixedTime(new Date(tomorrowAt(11, 58)));
    await (await rowOf(made.id)).click();
    await popup.keyboard.press('s');
    const said = popup.locator('[data-kf="snooze-deadline"]');
    await said.waitFor();
    expect(await said.textContent()).toBe('这项须在 12:00 前处理，已没有可以推迟到的时间：请现在处理');
    expect(await said.getAttribute('role')).toBe('alert');
    expect(await popup.locator('[data-kf="snooze-option"]').count()).toBe(0);
  });
});
