import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type Harness } from './harness';
import { CONSOLE_MATCHES } from '../../lib/sites/matches';

let h: Harness;
beforeAll(async () => {
  h = await launchWithExtension();
});
afterAll(async () => h?.close());

it('asks only for the permissions it uses, and host access only for the supported consoles', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'clipboardWrite', 'notifications', 'scripting', 'sidePanel', 'storage']);
  expect([...manifest.host_permissions].sort()).toEqual([...CONSOLE_MATCHES].sort());
  // Any other site only when the agent teaches it (asked for at that moment, for that site alone).
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|unsafe-eval/);
});

it('loads the built extension: its worker answers and the popup renders the follow-up list', async () => {
  expect(h.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await h.openExtensionPage('popup.html');
  await page.locator('[data-kf="followups"][data-ready="true"]').waitFor();
});
