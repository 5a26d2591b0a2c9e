/**
 * A shop open round the clock (QA W, defect 6): the options page offers 全天白班（没有夜班）, and
 * then nothing is handed to a night shift that never comes — a handover note goes to whoever is on
 * next, and one already stored for the night shift is the day shift's.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, dayShiftEndingToday, MIDNIGHT_WAIT_MS, openPopup } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });
const followupsTab = () => s.ext.goto(s.ext.url().replace(/#.*$/, '') + '#followups');
type Settings = { followups: { dayShift: { start: string; end: string } } };

describe('全天白班 in the options page', () => {
  it('is offered in both languages; ticked and saved, the day shift runs round the clock and the hours are not asked', async () => {
    await followupsTab();
    const form = s.ext.locator('[data-kf="followup-settings"]');
    const box = form.locator('input[name="allDay"]');
    await box.waitFor();
    expect(await form.locator('label:has(input[name="allDay"])').textContent()).toBe('全天白班（没有夜班）');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    expect(await form.locator('input[name="dayStart"]').isDisabled()).toBe(true);
    expect(await form.locator('input[name="dayEnd"]').isDisabled()).toBe(true);
    expect(await form.locator('[data-kf="all-day-help"]').textContent()).toContain('没有夜班');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('已保存');
    const saved = await callFromExtensionPage<Settings>(s.ext, 'getSettings');
    expect(saved.followups.dayShift).toEqual({ start: '00:00', end: '00:00' });
    // Opened again (and in English): still round the clock, said so.
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'en' } });
    await s.ext.reload();
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    expect(await form.locator('label:has(input[name="allDay"])').textContent()).toBe('Day shift all day (no night shift)');
    expect(await form.locator('[data-kf="all-day-help"]').textContent()).toContain('no night shift');
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'zh-CN' } });
  });

  it('two equal hours typed without it are refused with a word about 全天白班, and nothing is saved', async () => {
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '08:00', end: '20:00' } } });
    await followupsTab();
    await s.ext.reload();
    const form = s.ext.locator('[data-kf="followup-settings"]');
    await form.locator('input[name="dayEnd"]').fill('08:00');
    expect(await form.locator('input[name="allDay"]').isChecked()).toBe(false);
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toContain('请勾选“全天白班（没有夜班）”');
    expect((await callFromExtensionPage<Settings>(s.ext, 'getSettings')).followups.dayShift).toEqual({ start: '08:00', end: '20:00' });
  });
});

describe('handing over in a shop open round the clock', () => {
  it('a handover stored for the night shift is the day shift’s; a new note goes to whoever is on next; no night shift is offered', { timeout: 60_000 + MIDNIGHT_WAIT_MS }, async () => {
    // By day under the shop's old hours, a handover note is for the night shift.
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: await dayShiftEndingToday() } });
    const old = await callFromExtensionPage<{ id: string; shift?: string }>(s.ext, 'addFollowup', { kind: 'handover', title: '仓库回电话后告诉买家' });
    expect(old.shift).toBe('night');
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '00:00', end: '00:00' } } });

    const popup = await openPopup(s.h);
    try {
      const stored = popup.locator(`[data-kf="followup"][data-id="${old.id}"]`);
      await expect.poll(() => stored.locator('[data-kf="handover-tag"]').textContent()).toBe('交给白班');

      const form = popup.locator('[data-kf="add-followup"]');
      await form.locator('summary').click();
      expect(await form.locator('label:has(input[name="handover"])').textContent()).toContain('交接给下一位（全天白班）');
      await form.locator('input[name="title"]').fill('买家说下午到店自提');
      await form.locator('input[name="handover"]').check();
      await form.locator('button[type="submit"]').click();
      const note = popup.locator('[data-kf="followup"][data-kind="handover"]', { hasText: '买家说下午到店自提' });
      await note.waitFor();
      expect(await note.locator('[data-kf="handover-tag"]').textContent()).toBe('交给白班');
      expect(await note.locator('[data-kf="followup-reason"]').textContent()).toMatch(/^交给下一位，\d{4}-\d{2}-\d{2} 12:00 前处理完$/);
      expect(await note.textContent()).not.toContain('夜班');
      // The stored one is listed with what is handed to the day shift (its reason keeps the words it was handed with).
      expect(await stored.getAttribute('data-section')).toBe('handover');

      // 交给…: the day shift (whoever is on next); no night shift.
      await note.click();
      await popup.keyboard.press('h');
      const picker = note.locator('[data-kf="handover-to"]');
      await picker.waitFor();
      const values = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(values).not.toContain('shift:night');
      expect(values).toContain('shift:day');
    } finally {
      await popup.close();
    }
  });
});
