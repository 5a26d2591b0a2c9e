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

const headless = !!process.env.DEMO_HEADLESS || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve(import.meta.dirname, '..', '..', 'demo-screenshots');

const panel = (page: Page) => page.locator('kf-panel [data-kf="panel"]');

async function walkthrough(page: Page, demoUrl: string, shot: (name: string) => Promise<void>, extPage: (p: string) => Promise<Page>) {
  await page.goto(`${demoUrl}/chat`);
  await panel(page).waitFor();
  await page.evaluate(() => (window as any).__demo?.setAutoMessages?.(false));
  await shot('01-chat-panel');

  // A buyer asks for a discount: the panel recognises bargaining and suggests replies.
  await page.evaluate(() => (window as any).__demo.pushBuyerMessage((window as any).__demo.activeBuyer?.() ?? null, '亲，这件能便宜点吗？买两件可以优惠吗'));
  await page.locator('kf-panel [data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await shot('02-suggestions');

  // One click puts the top suggestion into the chat box (never sends).
  await page.locator('kf-panel [data-kf="suggestions"] .kf-tpl-main').first().click();
  await shot('03-inserted');

  await page.goto(`${demoUrl}/orders`);
  await page.locator('kf-panel').waitFor();
  await shot('04-orders');

  const popup = await extPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.screenshot({ path: resolve(outDir, '05-popup.png') });
  const options = await extPage('options.html');
  await options.screenshot({ path: resolve(outDir, '06-options.png'), fullPage: false });
}

async function main() {
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
