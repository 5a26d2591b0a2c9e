/**
 * What the panel can hand over to the new copy of the content script when the extension updates under
 * an open console tab (updated as extension-reload.e2e.test.ts does: the same directory loaded again),
 * in Chromium with the built extension. Measured 2026-12-06: the new copy runs in an isolated world of
 * its own (a new execution context beside the old copy's, which lives on), so nothing the old copy
 * keeps in its world's memory reaches it, and the new copy's call to the older one (kfStop, the hand-
 * over between two copies of one runtime) finds nothing. What the new copy can do is take the old
 * panel's fields before the old copy takes them off the page, and give their texts back in the new
 * panel, the remark form's into the new form on its order (entrypoints/content/index.tsx,
 * components/panel/LeftTexts.tsx, lib/panel/left-remark.ts; lib/panel/README.md).
 * Its own browser: an update leaves the other files' worker gone.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, chatInput, demo, altKeyOf, inPanel, openDemoChat, openDemoOrders, remarkDialog } from './pages';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';
import { extensionSuite } from './suite';
import { updateExtension } from './update';

const s = extensionSuite({ shop: 'none', pageErrors: true, launch: { args: ['--enable-unsafe-extension-debugging'] } });

/** The panel hosts on the page: 'old' for the one drawn before the update (marked by the test). */
const panels = (page: Page) => page.evaluate(() => [...document.querySelectorAll('kf-panel')].map((e) => ((e as any).__beforeUpdate ? 'old' : 'new')));

interface Context {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

it('after an update the new copy runs in an isolated world of its own: what the old copy left in its world is not there, and the old copy is not called', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));
  const cdp = await s.page.context().newCDPSession(s.page);
  const contexts: Context[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as Context));
  await cdp.send('Runtime.enable');
  const extensionWorlds = () => contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${s.h.extensionId}`);
  await expect.poll(() => extensionWorlds().length).toBe(1);
  const [old] = extensionWorlds();
  const inWorld = async (c: Context, expression: string) => ((await cdp.send('Runtime.evaluate', { contextId: c.id, expression, returnByValue: true })) as { result: { value: unknown } }).result.value;
  // The old copy's world: a mark on its global, and its hand-over to a newer copy watched.
  expect(await inWorld(old!, 'typeof kfStop')).toBe('function');
  await inWorld(old!, 'globalThis.kfMark = "old"; const stop = kfStop; kfStop = () => ((globalThis.kfStopped = true), stop()); 1');

  await updateExtension(s.h);
  await expect.poll(() => panels(s.page), { timeout: 20_000 }).toEqual(['new']);

  // A second world of the extension in the same frame: the new copy's, with its own kfStop.
  expect(extensionWorlds()).toHaveLength(2);
  const fresh = extensionWorlds()[1]!;
  expect(await inWorld(fresh, 'typeof kfStop')).toBe('function');
  expect(await inWorld(fresh, 'String(chrome.runtime?.id)')).toBe(s.h.extensionId);
  expect(await inWorld(fresh, 'typeof globalThis.kfMark')).toBe('undefined');
  // The old world lives on, its mark kept, its runtime gone, never called by the new copy.
  expect(await inWorld(old!, 'globalThis.kfMark')).toBe('old');
  expect(await inWorld(old!, 'String(chrome.runtime?.id)')).toBe('undefined');
  expect(await inWorld(old!, 'globalThis.kfStopped ?? false')).toBe(false);
  await cdp.detach();
  expect(s.pageErrors).toEqual([]);
});

it('after an update the new panel gives back what the agent typed and did not save: the search in its box, a fill-in and a 承诺答复 note to copy, with a quiet line', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await demo.push(s.page, '我身高162体重52公斤，这件穿什么码？');
  // A fill-in opened on a reply and typed into, not inserted.
  const key = await altKeyOf(s.page, '推荐尺码');
  await chatInput(s.page).click();
  await s.page.keyboard.press(key);
  await inPanel(s.page, '[data-kf="fill"]').waitFor();
  await inPanel(s.page, '[data-kf="fill-input"]').first().fill('168cm/55kg');
  // A 承诺答复 note, not added.
  await inPanel(s.page, '[data-kf="fu-promised"]').click();
  await inPanel(s.page, '[data-kf="fu-note"]').fill('查仓库后回复发货时间');
  // A search typed last (the form's Escape would have taken the focus back).
  await inPanel(s.page, '[data-kf="search"]').fill('退换');
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));

  await updateExtension(s.h);
  await expect.poll(() => panels(s.page), { timeout: 20_000 }).toEqual(['new']);

  // The search where it was; the other texts under the panel's head, each with 复制.
  await expect.poll(() => inPanel(s.page, '[data-kf="search"]').inputValue(), { timeout: 15_000 }).toBe('退换');
  await inPanel(s.page, '[data-kf="left-texts"]').waitFor();
  expect(await inPanel(s.page, '[data-kf="left-texts"]').textContent()).toContain('助手刚刚更新');
  expect(await inPanel(s.page, '[data-kf="stale-kept"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual(['168cm/55kg', '查仓库后回复发货时间']);
  // Nothing of it reached the page: not in its DOM, not in its world.
  expect(await s.page.evaluate(() => document.documentElement.outerHTML.includes('查仓库后回复发货时间'))).toBe(false);
  // 知道了 takes the box away; the new panel works on.
  await inPanel(s.page, '[data-kf="left-dismiss"]').click();
  await expect.poll(() => inPanel(s.page, '[data-kf="left-texts"]').count()).toBe(0);
  expect(await panels(s.page)).toEqual(['new']);
  expect(s.pageErrors).toEqual([]);
});

it('after an update on the order list the remark form opens again on its order with what the agent had typed, ready for 使用; the console\'s own dialog untouched', async () => {
  // An extension page of this runtime (the updates took the earlier ones away) saves the rules, and
  // the agent's name that signs a remark.
  const ext = await s.h.openExtensionPage('popup.html');
  await callFromExtensionPage(ext, 'saveRuleSet', PRESET_A);
  await callFromExtensionPage(ext, 'patchSettings', { shop: { agentName: '小美' } });
  await ext.close();
  await openDemoOrders(s.page, s.h.demoUrl);
  await remarkDialog.open(s.page, '3930018273645518290'); // 缺货，晚点发: the form asks for a ship date and a reason
  await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
  const shipDate = isoDate(Date.now() + 4 * 86_400_000, 480);
  await inPanel(s.page, 'input[data-field="shipDate"]').fill(shipDate);
  await inPanel(s.page, 'input[data-field="reason"]').fill('等面料到货');
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));

  await updateExtension(s.h);
  await expect.poll(() => panels(s.page), { timeout: 20_000 }).toEqual(['new']);

  // The new panel's form, on the same order, has both fields back.
  await expect.poll(() => inPanel(s.page, 'input[data-field="reason"]').inputValue().catch(() => ''), { timeout: 15_000 }).toBe('等面料到货');
  expect(await inPanel(s.page, '[data-kf="remark-editor"]').getAttribute('data-order-id')).toBe('3930018273645518290');
  expect(await inPanel(s.page, 'input[data-field="shipDate"]').inputValue()).toBe(shipDate);
  // Not shown a second time to copy: nothing else was left, so no such box.
  expect(await inPanel(s.page, '[data-kf="left-texts"]').count()).toBe(0);
  expect(await remarkDialog.textarea(s.page).inputValue()).toBe('缺货，晚点发');
  // 使用 writes the line into the console's box, as before the update.
  await inPanel(s.page, '[data-kf="remark-use"]').click();
  await expect.poll(() => remarkDialog.textarea(s.page).inputValue()).toContain(`可发货日：${shipDate}`);
  expect(await remarkDialog.textarea(s.page).inputValue()).toContain('等面料到货');
  expect(s.pageErrors).toEqual([]);
});

it('a <kf-panel> the page itself puts up as it loads is not taken for an old panel: its texts never show in the panel', async () => {
  const page = await s.h.context.newPage();
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      const fake = document.createElement('kf-panel');
      const root = fake.attachShadow({ mode: 'closed' });
      const note = document.createElement('textarea');
      note.value = '请把买家手机号发到这个群';
      root.append(note);
      document.body.append(fake);
    }),
  );
  await openDemoChat(page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  expect(await inPanel(page, '[data-kf="left-texts"]').count()).toBe(0);
  expect(s.pageErrors).toEqual([]);
  await page.close();
});
