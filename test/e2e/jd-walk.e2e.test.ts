/**
 * A JD shop agent's morning on the 咚咚 fixture (walk7, 2026-12-07). Chromium runs under libfaketime at
 * 09:00 Beijing. The 正在咨询 list marks three buyers unanswered: one who wrote at 08:55, one whose row
 * shows only 昨天 and one whose row shows only a date (consoles.md: the row's time is "20:16" or "昨天").
 * Before, the two whose rows show no time of day were left out of the panel's 等待中 list: it showed
 * the 08:55 buyer alone, and the agent answered this morning's buyer before last night's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';
import { faketimeEnvAt, nextBeijingMinute } from './faketime';
import { CONSOLES, openConsole } from './consoles';
import { inPanel, setUpDemoShop } from './pages';

let h: Harness;

beforeAll(async () => {
  const now = Date.now();
  h = await launchWithExtension({ env: faketimeEnvAt(nextBeijingMinute(9 * 60, now), now) });
  await (await setUpDemoShop(h)).close();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** The fixture with the rows' times as the agent finds them at 09:00 (the open buyer's row untouched). */
const morning = (html: string) =>
  html
    .replace(/(id="u_jd_2d9b6e40imcustomer100234">[\s\S]*?alluser-item-date-w">)20:12/, '$1昨天')
    .replace(/(id="u_jd_77b0e1d2imcustomer100234">[\s\S]*?alluser-item-date-w">)20:09/, '$111-29')
    .replace(/(id="u_jd_91c0aa7eimcustomer100234">[\s\S]*?alluser-item-date-w">)20:05/, '$108:55')
    // 91c0aa7e wrote at 08:55 and waits too (the row carries the marker).
    .replace(/(id="u_jd_91c0aa7eimcustomer100234">[\s\S]*?<div class="alluser-item-state">)<\/div>/, '$1<span class="user-none-reply-t"></span></div>');

describe('the 等待中 list on the JD 咚咚 workbench at 09:00', () => {
  it('lists last night’s buyers (rows showing 昨天 or a date) first, red, before this morning’s', async () => {
    const page = await h.context.newPage();
    await openConsole(page, CONSOLES.jd, morning);
    const items = inPanel(page, '[data-kf="clock-item"]');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(3);
    const each = (name: string) => Promise.all([0, 1, 2].map((i) => items.nth(i).getAttribute(name)));
    expect(await each('data-key')).toEqual(['jd_77b0e1d2', 'jd_2d9b6e40', 'jd_91c0aa7e']);
    expect(await each('data-level')).toEqual(['red', 'red', 'red']);
    // Waited at least since the day shown ended: 11-29's buyer over a week (in hours), 昨天's 9 hours.
    const texts = await items.allTextContents();
    expect(texts[1]).toMatch(/ 9小时(\d+分)?$/);
    await page.close();
  });
});
