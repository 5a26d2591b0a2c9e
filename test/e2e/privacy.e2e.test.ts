/**
 * Buyer data as personal information, end to end in Chromium with the built extension: what the
 * agent types on a follow-up is masked before it is stored (the popup and the handover CSV show
 * 138****5678).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, openPopup } from './pages';

const PHONE = '13912345678';

let h: Harness;
let ext: Page;

beforeAll(async () => {
  h = await launchWithExtension();
  ext = await h.openExtensionPage('options.html');
  await callFromExtensionPage(ext, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
});
afterAll(async () => h?.close());

describe('follow-ups hold no phone number in clear', () => {
  it('a handover typed in the popup and its note show 139****5678 in the popup and in the handover CSV', async () => {
    const popup = await openPopup(h);
    try {
      const form = popup.locator('[data-kf="add-followup"]');
      await form.locator('summary').click();
      await form.locator('input[name="title"]').fill(`她说 ${PHONE} 晚上可以打`);
      await form.locator('input[name="handover"]').check();
      await form.locator('button[type="submit"]').click();
      const item = popup.locator('[data-kf="followup"][data-kind="handover"]').first();
      await expect.poll(() => item.locator('[data-kf="followup-title"]').textContent()).toBe('她说 139****5678 晚上可以打');
      await item.click();
      await popup.keyboard.press('n');
      await popup.locator('[data-kf="note-input"]').fill(`回电 ${PHONE}，张晓红`);
      await popup.keyboard.press('Enter');
      await expect.poll(() => item.locator('[data-kf="followup-note"]').textContent()).toBe('回电 139****5678，张晓红');
      expect(await popup.locator('body').textContent()).not.toContain(PHONE);

      const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-kf="export"]').click()]);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain('她说 139****5678 晚上可以打');
      expect(csv).toContain('回电 139****5678，张晓红');
      expect(csv).not.toContain(PHONE);
    } finally {
      await popup.close();
    }
  });
});
