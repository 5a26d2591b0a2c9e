/**
 * Keyboard findings of an agent's shift walked through on the demo console (2026-12-07), in real
 * Chromium with the built extension:
 * - 承诺答复 (and 中差评, 售后) opened its form with the keys left on the button: what the agent typed
 *   next went nowhere, and Enter closed the form again (the button toggles it). Now the keys are in
 *   the form; Enter adds the item and the keys go back to the chat box, where typing goes on.
 * - Enter in a field of the remark form did nothing: the agent tabbed down to 使用这条备注, then
 *   Alt+R to the console's box, then on to 保存. Now Enter writes the remark into the box and the
 *   keys are there: Tab, Enter saves it.
 * - H in the popup (交接, as its key line says) showed 交给… on the row with the keys left on the
 *   row: ↓ then moved to the next item and Enter opened that one's chat. Now the keys are in 交给…:
 *   ↓ hands the item over, and the keys are the row's again.
 * - 打开 (Enter) in the popup opened the buyer's chat with the payment reminder first, but the keys
 *   were on the new tab's page, not in the chat box: what the agent typed to the buyer went nowhere.
 *   Now the keys are in the chat box.
 */
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { bjClock, callFromExtensionPage, chatInput, clearOfMidnight, dayShiftEndingToday, demo, dueLaterToday, evaluateInPanel, inPanel, MIDNIGHT_WAIT_MS, openDemoChat, openDemoOrders, openPopup, panel, remarkDialog } from './pages';
import { extensionSuite } from './suite';
import { holdStore } from './stores';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';

const s = extensionSuite({});

/** The `data-kf` (or `data-field`) of the element focused in the panel's shadow root, else null. */
const panelKey = (p: Page) =>
  evaluateInPanel(p, (roots) => {
    const el = roots.map((r) => r.activeElement).find(Boolean);
    return el ? (el.getAttribute('data-kf') ?? el.getAttribute('data-field') ?? el.tagName) : null;
  });
const inChatBox = (p: Page) => p.evaluate(() => !!document.activeElement?.matches('.chat-editor .chat-input'));

/** Every item the worker holds, as JSON. */
const stored = async () => JSON.stringify(await callFromExtensionPage(s.ext, 'listFollowups', { perGroup: 200 }));

describe('the chat panel’s follow-up forms from the keyboard', () => {
  it('承诺答复 opens with the keys in its note: Enter adds it and the keys go back to the chat box, nothing sent', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: 'tb_8834729_88' });
    // The feature script's own buttons are in (a click before that is queued: another path).
    await inPanel(s.page, '[data-kf="fu-after"]').waitFor();
    await chatInput(s.page).click();
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await expect.poll(() => panelKey(s.page)).toBe('fu-note');
    await s.page.keyboard.type('ask the warehouse about the lining');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复：tb_8834729_88');
    await expect.poll(stored).toContain('ask the warehouse about the lining');
    await expect.poll(() => inChatBox(s.page)).toBe(true);
    // The agent goes on typing to the buyer: it lands in the chat box, and nothing was ever sent.
    await s.page.keyboard.type('ok');
    expect(await demo.draft(s.page)).toBe('ok');
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('承诺答复 added slowly (the follow-ups store busy): the agent moved on to the search box meanwhile, and the keys stay there', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: 'tb_8834729_88' });
    await inPanel(s.page, '[data-kf="fu-after"]').waitFor();
    await chatInput(s.page).click();
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await expect.poll(() => panelKey(s.page)).toBe('fu-note');
    await s.page.keyboard.type('check the lining with the warehouse');
    // The worker's write waits behind stuck work (as after a worker restart or a long import).
    const hold = await holdStore(s.ext, 'kf-followups');
    try {
      await s.page.keyboard.press('Enter');
      await inPanel(s.page, '[data-kf="search"]').click();
      await s.page.keyboard.type('退');
    } finally {
      await hold.release();
    }
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复：tb_8834729_88');
    await expect.poll(stored).toContain('check the lining with the warehouse');
    // Typing on: the word goes into the search box, none of it to the buyer's chat box.
    await s.page.keyboard.type('货');
    expect(await inPanel(s.page, '[data-kf="search"]').inputValue()).toBe('退货');
    expect(await demo.draft(s.page)).toBe('');
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('中差评 and 售后 open with the keys in their first field', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: 'tb_8834729_88' });
    await inPanel(s.page, '[data-kf="fu-after"]').waitFor();
    await inPanel(s.page, '[data-kf="fu-bad-review"]').click();
    await expect.poll(() => panelKey(s.page)).toBe('fu-review-order');
    await inPanel(s.page, '[data-kf="fu-after"]').click();
    await expect.poll(() => panelKey(s.page)).toBe('fu-after-kind');
    // Closing a form with its own button leaves the keys on the button.
    await inPanel(s.page, '[data-kf="fu-after"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-after-kind"]').count()).toBe(0);
    expect(await panelKey(s.page)).toBe('fu-after');
  });
});

describe('售后 from the keyboard (after-sales walk, 2026-12-07)', () => {
  // The form opens with the keys on its kind (a select): Enter there did nothing — a select does not
  // submit its form — so 售后 then Enter added no 待收退货 and the agent had to Tab three fields down.
  it('售后, ↓ to the kind, Enter: the item is added with that kind and the keys go back to the chat box, nothing sent', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '阳光明媚的日子' });
    await inPanel(s.page, '[data-kf="fu-after"]').waitFor();
    await chatInput(s.page).click();
    await inPanel(s.page, '[data-kf="fu-after"]').click();
    await expect.poll(() => panelKey(s.page)).toBe('fu-after-kind');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('阳光明媚的日子');
    await expect.poll(async () => JSON.parse(await stored()).groups.flatMap((g: { kind: string; items: { buyer: string }[] }) => g.items.filter((i) => i.buyer === '阳光明媚的日子').map(() => g.kind))).toEqual(['return-pending']);
    expect(await stored()).toContain('"key":"followups.reason.exchangePending"');
    await expect.poll(() => inChatBox(s.page)).toBe(true);
    expect(await demo.sent(s.page)).toBe(0);
  });
});

describe('the remark form from the keyboard', () => {
  // The line is signed with the shop's date when it is written: no test starts in the day's last minutes.
  beforeEach(async () => {
    await clearOfMidnight();
    await callFromExtensionPage(s.ext, 'saveRuleSet', PRESET_A);
  }, 60_000 + MIDNIGHT_WAIT_MS);

  it('Enter in a field writes the remark into the console’s box and the keys go there: Tab, Enter saves it', async () => {
    const id = '3925561829304718266'; // paid, no flag, no remark
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, id);
    await remarkDialog.root(s.page).locator('input[type=radio][value="1"]').check();
    await inPanel(s.page, '[data-kf="remark-form"][data-target="red"]').waitFor();
    await s.page.keyboard.press('Alt+r');
    await expect.poll(() => panelKey(s.page)).toBe('discount');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    expect(await panelKey(s.page)).toBe('note');
    await s.page.keyboard.type('顺丰');
    await s.page.keyboard.press('Enter');
    const line = `【已核对可发货】说明：顺丰｜小美 ${isoDate(Date.now(), 480)}`;
    await expect.poll(() => remarkDialog.textarea(s.page).inputValue()).toBe(line);
    await expect.poll(() => s.page.evaluate(() => !!document.activeElement?.matches('[role="dialog"].remark-dialog textarea'))).toBe(true);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => remarkDialog.saves(s.page)).toEqual([{ orderId: id, flag: 'red', remark: line }]);
  });

  it('Enter in a field with a required field left empty writes nothing, and the keys stay in the form', async () => {
    const id = '3925561829304718266';
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, id);
    await remarkDialog.root(s.page).locator('input[type=radio][value="5"]').check();
    await inPanel(s.page, '[data-kf="remark-form"][data-target="purple"]').waitFor();
    await inPanel(s.page, 'input[data-field="reason"]').click();
    await s.page.keyboard.type('缺货');
    await s.page.keyboard.press('Enter');
    expect(await remarkDialog.textarea(s.page).inputValue()).toBe('');
    expect(await panelKey(s.page)).toBe('reason');
    expect(await inPanel(s.page, '[data-kf="remark-form"] [data-kf="remark-problems"]').textContent()).toContain('可发货日');
  });
});

describe('the popup’s handover from the keyboard', () => {
  it('H puts the keys in 交给…: ↓ hands the selected item to the next shift, and the keys are the row’s again', async () => {
    // The day shift now, whatever the hour of the run (two hours either side): at night the agent's
    // own to-do is made for the day shift already (交给白班, the last choice), so ↓ changed nothing and
    // the keys stayed in 交给… (run at 22:30 Beijing with the default 08:00–20:00).
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: await dayShiftEndingToday() } });
    onTestFinished(() => callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '08:00', end: '20:00' } } }));
    await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'manual', title: '回电确认尺码', buyer: '米粒妈妈', dueAt: dueLaterToday() });
    const popup = await openPopup(s.h);
    try {
      const row = popup.locator('[data-kf="followup"]', { hasText: '回电确认尺码' });
      await row.click();
      expect(await row.locator('[data-kf="handover-tag"]').count()).toBe(0);
      await popup.mouse.move(0, 0);
      await popup.keyboard.press('h');
      const picker = row.locator('[data-kf="handover-to"]');
      await picker.waitFor();
      await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
      await popup.keyboard.press('ArrowDown');
      await expect.poll(() => row.locator('[data-kf="handover-tag"]').textContent()).toBe('交给夜班');
      await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-kf'))).toBe('followup');
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toContain('回电确认尺码');
    } finally {
      await popup.close();
    }
  }, 60_000 + MIDNIGHT_WAIT_MS);

  it('at night, H then ↓ on an item made for the day shift already (交给白班, the last choice) says so beside the choice; the item stays handed over', async () => {
    // Night now, whatever the hour of the run: the day shift starts in two hours; the item is due today (its row
    // in a section the popup shows open), so midnight is waited out first when it is near.
    await clearOfMidnight();
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: bjClock(120), end: bjClock(240) } } });
    onTestFinished(() => callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '08:00', end: '20:00' } } }));
    await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'manual', title: '夜里记下的退款问题', buyer: '米粒妈妈', dueAt: dueLaterToday() });
    const popup = await openPopup(s.h);
    try {
      const row = popup.locator('[data-kf="followup"]', { hasText: '夜里记下的退款问题' });
      await row.click();
      expect(await row.locator('[data-kf="handover-tag"]').textContent()).toBe('交给白班');
      await popup.mouse.move(0, 0);
      await popup.keyboard.press('h');
      const picker = row.locator('[data-kf="handover-to"]');
      await picker.waitFor();
      await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await picker.evaluate((el: HTMLSelectElement) => el.selectedIndex === el.options.length - 1)).toBe(true);
      await popup.keyboard.press('ArrowDown');
      // Before, nothing on the screen changed: the agent could not tell the key had been heard.
      await expect.poll(() => row.locator('[data-kf="handover-to-edge"]').textContent()).toBe('已是最后一项：按 ↑ 换一项');
      expect(await row.locator('[data-kf="handover-tag"]').textContent()).toBe('交给白班');
      // Escape closes 交给… and its line, and the keys are the row's again.
      await popup.keyboard.press('Escape');
      await expect.poll(() => row.locator('[data-kf="handover-to-edge"]').count()).toBe(0);
      await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-kf'))).toBe('followup');
    } finally {
      await popup.close();
    }
  }, 60_000 + MIDNIGHT_WAIT_MS);
});

describe('the popup’s 打开 from the keyboard', () => {
  it('Enter on a payment reminder opens the buyer’s chat with the keys in the chat box: what is typed there goes to the buyer’s draft', async () => {
    // The order list read makes the unpaid orders' reminders — due today whatever the hour (a 23:59
    // cut-off, as followups.e2e): after the default 16:00 one they are due tomorrow, folded under 以后,
    // and the row is not there to click (CI 2026-12-07 at 16:25 Beijing).
    // No wait after the order either: just after midnight the demo's unpaid orders are placed at the
    // day's start, minutes ago, under the 30 minutes (run at 00:30 Beijing, there was no reminder to open).
    await clearOfMidnight();
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { cutoff: '23:59' }, followups: { unpaidAfterMinutes: 0 } });
    await openDemoOrders(s.page, s.h.demoUrl);
    const popup = await openPopup(s.h);
    try {
      const row = popup.locator('[data-kf="followup"][data-id="unpaid:3967201845739261054"]');
      await row.click();
      const opened = s.h.context.waitForEvent('page');
      await popup.keyboard.press('Enter');
      const chat = await opened;
      await chat.waitForURL(/\/chat\//);
      await panel(chat).waitFor();
      await expect.poll(() => inPanel(chat, '[data-kf="chip"][data-scenario="payment"]').count()).toBe(1);
      await expect.poll(() => inChatBox(chat)).toBe(true);
      await chat.keyboard.type('ok');
      expect(await demo.draft(chat)).toBe('ok');
      expect(await demo.sent(chat)).toBe(0);
      await chat.close();
    } finally {
      await popup.close();
    }
  }, 60_000 + MIDNIGHT_WAIT_MS);

  it('Enter on a call-back with no situation to show (made while the buyer had only said thanks) opens the chat with the keys in the chat box too', async () => {
    // 星辰大海ing's last words are 谢谢: the 回电 item made now carries no situation for the chat.
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '星辰大海ing' });
    await inPanel(s.page, '[data-kf="fu-after"]').click();
    await inPanel(s.page, '[data-kf="fu-after-kind"]').waitFor();
    await evaluateInPanel(s.page, (roots) => {
      const select = roots.map((r) => r.querySelector<HTMLSelectElement>('[data-kf="fu-after-kind"]')).find(Boolean)!;
      select.value = 'call-back';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // Two hours on, as the shop's clock (UTC+8) writes it.
    await inPanel(s.page, '[data-kf="fu-after-due"]').fill(new Date(Date.now() + 10 * 3_600_000).toISOString().slice(0, 16));
    await inPanel(s.page, '[data-kf="fu-after-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('星辰大海ing');
    const item = (await callFromExtensionPage<{ groups: { items: { id: string; kind: string; suggestScenario?: string }[] }[] }>(s.ext, 'listFollowups', { perGroup: 200 })).groups
      .flatMap((g) => g.items)
      .find((f) => f.kind === 'call-back')!;
    expect(item.suggestScenario).toBeUndefined();
    await s.page.goto('about:blank');
    const popup = await openPopup(s.h);
    try {
      // Late in the shop's day the item is due tomorrow, in a section that starts folded.
      const folded = popup.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
      for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
      await popup.locator(`[data-kf="followup"][data-id="${item.id}"]`).click();
      const opened = s.h.context.waitForEvent('page');
      await popup.keyboard.press('Enter');
      const chat = await opened;
      await chat.waitForURL(/\/chat\//);
      await panel(chat).waitFor();
      await expect.poll(() => inChatBox(chat)).toBe(true);
      await chat.keyboard.type('ok');
      expect(await demo.draft(chat)).toBe('ok');
      expect(await demo.sent(chat)).toBe(0);
      await chat.close();
    } finally {
      await popup.close();
    }
  });
});
