/**
 * Self-check: a supported console (the demo) whose chat input is gone (`?broken=input`, as after a
 * console update). The panel says so once, calmly, offers teach mode, and copy keeps working;
 * nothing throws into the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ shop: 'none', pageErrors: true });
beforeAll(async () => {
  await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.h.demoUrl });
});

const notice = () => inPanel(s.page, '[data-kf="notice"]');

describe('a supported console whose chat input disappeared', () => {
  it('says so calmly, offers to teach the page, and keeps copy working', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { query: 'broken=input' });
    await expect.poll(() => notice().textContent()).toContain('没有找到聊天输入框');
    expect(await notice().getAttribute('class')).toContain('kf-warn');
    await inPanel(s.page, '[data-kf="notice"] [data-kf="teach"]').waitFor();
    expect(await inPanel(s.page, 'footer').textContent()).toContain('复制模式');
    await inPanel(s.page, '[data-kf="search"]').fill('咨询高峰');
    await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
    await expect.poll(() => notice().textContent()).toContain('已复制');
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toContain('现在咨询的朋友比较多');
    expect(s.pageErrors).toEqual([]);
  });

  for (const input of ['textarea', 'contenteditable', 'controlled'] as const) {
    it(`says so when the ${input} chat box is removed after the page loaded, as at load`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { input });
      await inPanel(s.page, '[data-kf="suggestions"]').waitFor();
      expect(await notice().count()).toBe(0);
      await s.page.evaluate(() => document.querySelector('.chat-editor .chat-input')!.remove());
      await expect.poll(() => notice().textContent()).toContain('没有找到聊天输入框');
      expect(s.pageErrors).toEqual([]);
    });
  }

  it('says it only once: new buyer messages do not bring the warning back', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { query: 'broken=input' });
    await expect.poll(() => notice().textContent()).toContain('没有找到聊天输入框');
    await inPanel(s.page, '[data-kf="notice"] .kf-link:not([data-kf])').click();
    await notice().waitFor({ state: 'detached' });
    await demo.push(s.page, '在不在呀');
    await demo.push(s.page, '有没有人呀');
    // The classifier reacted to the new messages (so the page was re-read), and no warning returned.
    await expect.poll(() => inPanel(s.page, '[data-kf="chip"]').first().getAttribute('data-scenario')).toBe('greeting');
    expect(await notice().count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });

  it('starts teach mode from the notice, and Esc leaves the page as it was', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { query: 'broken=input' });
    await inPanel(s.page, '[data-kf="notice"] [data-kf="teach"]').click();
    await s.page.locator('kf-teach [data-kf="teach-card"]').waitFor();
    await s.page.keyboard.press('Escape');
    await s.page.locator('kf-teach').waitFor({ state: 'detached' });
    // The page is clickable again: a conversation switch works.
    const other = s.page.locator('.conv-item').nth(2);
    const nick = await other.getAttribute('data-nick');
    await other.click();
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe(nick);
    expect(s.pageErrors).toEqual([]);
  });
});
