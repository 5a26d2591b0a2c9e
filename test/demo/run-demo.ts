/**
 * `npm run demo`: the built extension in Chromium on the bundled demo seller console.
 * With a display (DISPLAY or WAYLAND_DISPLAY set, and DEMO_HEADLESS unset) it opens a real window
 * and stays open until you close it. Without one it runs the same walkthrough headless and saves
 * screenshots, printing where they are.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/harness';
import { inPanel, panel } from '../e2e/pages';
import { ensureChromium } from '../../scripts/find-chromium';

const headless = !!process.env.DEMO_HEADLESS || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve(import.meta.dirname, '..', '..', 'demo-screenshots');

async function walkthrough(page: Page, demoUrl: string, shot: (name: string) => Promise<void>, extPage: (p: string) => Promise<Page>) {
  // The agent's name and the shop name fill {客服} and {店铺} in replies.
  const options = await extPage('options.html');
  await options.evaluate(() =>
    (globalThis as any).chrome.runtime.sendMessage({ kf: 'patchSettings', payload: { shop: { agentName: '小美', shopName: '演示旗舰店' } } }),
  );

  await page.goto(`${demoUrl}/chat`);
  await panel(page).waitFor();
  await page.evaluate(() => (window as any).__demo?.setAutoMessages?.(false));
  await shot('01-chat-panel');

  // A buyer asks for a discount: the panel recognises bargaining and suggests replies.
  await page.evaluate(() => (window as any).__demo.pushBuyerMessage((window as any).__demo.activeBuyer(), '亲，这件能便宜点吗？买两件可以优惠吗'));
  await inPanel(page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await shot('02-suggestions');

  // One click puts a suggestion into the chat box at the caret (it never sends); fill-ins first.
  await page.locator('.chat-editor .chat-input').click();
  await inPanel(page, '[data-kf="suggestions"] .kf-tpl-main').nth(1).click();
  const fill = inPanel(page, '[data-kf="fill-input"]');
  if (await fill.count()) {
    for (let i = 0; i < (await fill.count()); i++) await fill.nth(i).fill('10');
    await inPanel(page, '[data-kf="fill-ok"]').click();
  }
  await shot('03-inserted');

  // The order list: broken remarks are marked; the remark dialog gets the shop's format as a form.
  await page.goto(`${demoUrl}/orders`);
  await inPanel(page, '[data-kf="remark-lint-count"]').waitFor();
  await shot('04-orders');
  const purple = await page.evaluate(() => (window as any).__demo.orders().find((o: any) => o.flag === 'purple')?.id);
  if (purple) {
    await page.evaluate((id) => (window as any).__demo.openRemark(id), purple);
    await inPanel(page, '[data-kf="remark-form"]').waitFor();
    await shot('05-remark-form');
  }

  const popup = await extPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 620 });
  await popup.locator('[data-kf="followups"][data-ready="true"]').waitFor();
  await popup.screenshot({ path: resolve(outDir, '06-popup.png') });
  await options.reload();
  await options.locator('[data-kf="template-table"]').waitFor();
  await options.screenshot({ path: resolve(outDir, '07-options.png') });
}

async function main() {
  ensureChromium();
  const h = await launchWithExtension({ headless });
  const page = await h.context.newPage();
  if (!headless) {
    await page.goto(`${h.demoUrl}/chat`);
    console.log(`Demo console: ${h.demoUrl}/chat  (orders: ${h.demoUrl}/orders)`);
    console.log(`Popup: chrome-extension://${h.extensionId}/popup.html  Options: chrome-extension://${h.extensionId}/options.html`);
    console.log('Close the browser window to stop.');
    await new Promise<void>((done) => h.context.on('close', () => done()));
    await h.close();
    return;
  }
  await mkdir(outDir, { recursive: true });
  const shot = async (name: string) => {
    await page.screenshot({ path: resolve(outDir, `${name}.png`) });
  };
  try {
    await walkthrough(page, h.demoUrl, shot, (p) => h.openExtensionPage(p));
    console.log(`No display found: ran the demo walkthrough headless. Screenshots in ${outDir}`);
  } finally {
    await h.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
