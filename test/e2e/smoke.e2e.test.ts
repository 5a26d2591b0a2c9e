import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchWithExtension();
});
afterAll(async () => h?.close());

it('loads the built extension and its popup page', async () => {
  expect(h.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await h.openExtensionPage('popup.html');
  await expect(page.locator('body')).toBeDefined();
  expect(await page.textContent('body')).toContain('今日跟进');
});
