/**
 * The seller page as an attacker (issue #11): a script in the page's own world tries to read and
 * write buyer notes through the panel. Everything here runs against the build users get.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, inPanel, openDemoChat } from './pages';

let h: Harness;
let ext: Page;
let page: Page;

const SECRET = '只发顺丰-暗号4711';
const OTHER_SECRET = '别家买家的地址备注-暗号0815';

const cardReady = (p: Page, nick: string) =>
  expect
    .poll(async () => `${await inPanel(p, '[data-kf="customer-card"]').getAttribute('data-buyer')}|${await inPanel(p, '[data-kf="customer-card"]').getAttribute('data-state')}`)
    .toBe(`${nick}|ready`);

beforeAll(async () => {
  h = await launchWithExtension();
  ext = await h.openExtensionPage('options.html');
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await page?.close();
  page = await h.context.newPage();
  await callFromExtensionPage(ext, 'deleteAllCustomers', { confirm: true });
  await callFromExtensionPage(ext, 'patchCustomer', { platform: 'demo', nickname: '米粒妈妈', patch: { note: SECRET, preferences: SECRET } });
  await callFromExtensionPage(ext, 'patchCustomer', { platform: 'demo', nickname: '小鹿乱撞0521', patch: { addressNote: OTHER_SECRET } });
});

describe('a script in the seller page', () => {
  it('finds the panel host but no shadow root to read it through', async () => {
    await openDemoChat(page, h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(page, '米粒妈妈');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('kf-panel') as HTMLElement & { shadowRoot: ShadowRoot | null };
      return { host: !!host, shadowRoot: host?.shadowRoot ?? null, light: host?.innerHTML ?? '', text: document.body.innerText };
    });
    expect(seen.host).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.light).toBe('');
    expect(seen.text).not.toContain(SECRET);
  });
});
