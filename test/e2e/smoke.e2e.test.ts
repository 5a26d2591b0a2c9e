import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';
import { extensionSuite } from './suite';
import { CONSOLE_MATCHES, DEMO_MATCHES } from '../../lib/sites/matches';

const s = extensionSuite({ shop: 'none', page: 'none' });

it('asks only for the permissions it uses, and host access only for the supported consoles (the build users get)', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'clipboardWrite', 'notifications', 'offscreen', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  expect([...manifest.host_permissions].sort()).toEqual([...CONSOLE_MATCHES].sort());
  expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([...CONSOLE_MATCHES].sort());
  // The demo console's hosts are for the demo and the tests only: no local web app gets the panel.
  expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
  // Any other site only when the agent teaches it (asked for at that moment, for that site alone).
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  // Only the buyer-card page may be framed (inside the panel), under a per-session address.
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['card.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true }]);
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|unsafe-eval/);
});

it('the tests load that build with the demo console’s hosts added to its manifest, and nothing else changed', async () => {
  const { withDemoHosts } = await import('./harness');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await withDemoHosts(EXTENSION_DIR, await mkdtemp(join(tmpdir(), 'kf-smoke-')));
  try {
    const users = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const tests = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(tests.host_permissions).toEqual([...users.host_permissions, ...DEMO_MATCHES]);
    const { host_permissions: _a, content_scripts: csU, ...restU } = users;
    const { host_permissions: _b, content_scripts: csT, ...restT } = tests;
    expect(restT).toEqual(restU);
    expect(csT.map((c: { matches: string[] }) => ({ ...c, matches: c.matches.filter((m) => !DEMO_MATCHES.includes(m)) }))).toEqual(csU);
    expect(await readFile(join(dir, 'content-scripts', 'content.js'), 'utf8')).toBe(await readFile(join(EXTENSION_DIR, 'content-scripts', 'content.js'), 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('loads the built extension: its worker answers and the popup renders the follow-up list', async () => {
  expect(s.h.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await s.h.openExtensionPage('popup.html');
  await page.locator('[data-kf="followups"][data-ready="true"]').waitFor();
});
