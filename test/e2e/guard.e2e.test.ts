/**
 * The compliance guard and the reply clock in real Chromium with the built extension: on the demo
 * console (insert, rewrite, /code, the typing badge, the clock from the page's message times, the
 * popup's summary, undo after /code) and on the Pinduoduo chat fixture served at its real address
 * (the same acceptance list of #13: held WeChat id with its reason, rewrite, the 加我vx badge, the clock
 * on the card from the page's message times, cleared when answered, counted in the popup; and the
 * 等待中 list from the console's own unanswered markers, by uid, with a click that opens the conversation);
 * the same 等待中 list on the JD 咚咚 fixture (rows with the unanswered marker, by pin, from the row's time).
 */
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, cardReady, chatInput, clearOfMidnight, demo, inPanel, MIDNIGHT_WAIT_MS, openDemoChat, openDemoOrders } from './pages';
import { extensionSuite } from './suite';
import { holdGuardScript } from './guard-script';
import { CONSOLES, buyerName, openConsole } from './consoles';
import { buyerTag } from '../../lib/domain/customers/buyer-tag';

const WECHAT_REPLY = { id: 'guard-e2e-wechat', title: '加微信看实拍', body: '亲，加我微信 kefu_2026 发您实拍图', group: '商品咨询', scenarios: ['product-info'], code: 'wxe' };
const BUYER = '爱吃橙子的猫';
const MIN = 60_000;

const s = extensionSuite({});
beforeAll(async () => {
  const lib = await callFromExtensionPage<{ groups: string[]; templates: unknown[] }>(s.ext, 'getLibrary');
  await callFromExtensionPage(s.ext, 'saveLibrary', { groups: lib.groups, templates: [...lib.templates, WECHAT_REPLY] });
});

async function insertFromSearch(p: Page, query: string) {
  await inPanel(p, '[data-kf="search"]').fill(query);
  await inPanel(p, '[data-kf="results"] .kf-tpl-main').first().click();
}

describe('compliance guard on the demo console', () => {
  it('holds a reply with a WeChat id, shows the words and why; the rewrite replaces it', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await insertFromSearch(s.page, '加微信看实拍');
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect(await demo.draft(s.page)).toBe('');
    const words = await inPanel(s.page, '[data-kf="guard-words"]').allTextContents();
    expect(words.join(' ')).toContain('加我微信');
    expect(await inPanel(s.page, '[data-kf="guard-reason"]').first().textContent()).toMatch(/导流/);
    await inPanel(s.page, '[data-kf="guard-rewrite"]').click();
    await expect.poll(() => demo.draft(s.page)).toContain('在这里留言');
    const draft = await demo.draft(s.page);
    expect(draft).not.toContain('kefu_2026');
    expect(draft.startsWith('亲，')).toBe(true);
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    expect(await s.page.evaluate(() => (window as any).__demo.sent.length)).toBe(0);
  });

  it('says the held reply in the panel’s language: English when the shop is set to English', async () => {
    // The prompt is drawn by the guard feature script, which has its own copy of the strings.
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'en' } });
    try {
      await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
      await chatInput(s.page).click();
      await insertFromSearch(s.page, '加微信看实拍');
      await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
      expect(await inPanel(s.page, '[data-kf="guard-prompt"] h3').textContent()).toBe('This reply may break a rule — not inserted yet');
      expect(await inPanel(s.page, '[data-kf="guard-confirm"]').textContent()).toBe('I checked it — insert anyway');
      expect(await inPanel(s.page, '[data-kf="guard-finding"] strong').first().textContent()).toBe('Off-platform contact');
      await inPanel(s.page, '[data-kf="guard-cancel"]').click();
      await expect.poll(() => inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
      expect(await demo.draft(s.page)).toBe('');
    } finally {
      await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'zh-CN' } });
    }
  });

  it('inserts the reply as written once the agent confirms', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await insertFromSearch(s.page, '加微信看实拍');
    await inPanel(s.page, '[data-kf="guard-confirm"]').click();
    await expect.poll(() => demo.draft(s.page)).toBe(WECHAT_REPLY.body);
  });

  it('flags the same reply inserted a third time in one conversation (it still goes in)', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    for (let i = 1; i <= 3; i++) {
      await insertFromSearch(s.page, '咨询高峰');
      await expect.poll(async () => (await demo.draft(s.page)).split('现在咨询的朋友比较多').length - 1).toBe(i);
      if (i < 3) expect(await inPanel(s.page, '[data-kf="guard-warned"]').count()).toBe(0);
    }
    await inPanel(s.page, '[data-kf="guard-warned"] [data-category="repetition"]').waitFor();
  });

  it('drops a reply held for one buyer when the agent switches to another: it never goes into the next buyer’s box', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await insertFromSearch(s.page, '加微信看实拍');
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    await s.page.locator('.conv-item[data-nick="米粒妈妈"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe('米粒妈妈');
    await expect.poll(() => inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    expect(await demo.draft(s.page)).toBe('');
  });

  it('holds a /code expansion too, and cancelling inserts nothing', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await s.page.keyboard.type('/wxe');
    await s.page.keyboard.press('Space');
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    await inPanel(s.page, '[data-kf="guard-cancel"]').click();
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    expect(await demo.draft(s.page)).toBe('');
  });

  it('shows a kf- badge near the chat box when 加我vx is typed, never while the IME composes, without buyer data', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    const input = chatInput(s.page);
    await input.click();
    // An open composition: typed text does not count yet.
    await input.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' })));
    await input.evaluate((el) => {
      (el as HTMLTextAreaElement).value = '加我vx';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: 'vx' }));
    });
    expect(await s.page.locator('.kf-guard-badge').count()).toBe(0);
    await input.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'vx' })));
    await input.fill('');
    await s.page.keyboard.type('加我vx');
    const badge = s.page.locator('.kf-guard-badge');
    await badge.waitFor();
    const text = (await badge.textContent()) ?? '';
    expect(text).toMatch(/1/);
    expect(text + ((await badge.getAttribute('title')) ?? '')).not.toContain(BUYER);
    expect(await badge.getAttribute('title')).toContain('站外导流');
    // It sits next to the chat box.
    const b = (await badge.boundingBox())!;
    const box = (await input.boundingBox())!;
    expect(Math.abs(b.y + b.height - box.y)).toBeLessThan(40);
    // The details are in the panel; clearing the box removes the badge.
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').first().textContent()).toBe('vx');
    await input.fill('');
    await s.page.keyboard.type('好的');
    await expect.poll(() => s.page.locator('.kf-guard-badge').count()).toBe(0);
  });
});

describe('the guard before its script is in (it comes on demand, after the panel)', () => {
  it('a clean reply inserted meanwhile waits for it, then goes in at the caret the agent left', async () => {
    const release = await holdGuardScript(s.h);
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    const input = chatInput(s.page);
    await input.click();
    await s.page.keyboard.type('您好！');
    await input.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(0, 0));
    await insertFromSearch(s.page, '咨询高峰');
    // Nothing unchecked goes in.
    expect(await demo.draft(s.page)).toBe('您好！');
    await release();
    await expect.poll(() => demo.draft(s.page)).toMatch(/^.*现在咨询的朋友比较多.*您好！$/s);
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
  });

  it('a reply with a WeChat id inserted meanwhile is held once it arrives, and goes in as written when confirmed', async () => {
    const release = await holdGuardScript(s.h);
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await insertFromSearch(s.page, '加微信看实拍');
    expect(await demo.draft(s.page)).toBe('');
    await release();
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="guard-words"]').first().textContent()).toContain('加我微信');
    expect(await demo.draft(s.page)).toBe('');
    await inPanel(s.page, '[data-kf="guard-confirm"]').click();
    await expect.poll(() => demo.draft(s.page)).toBe(WECHAT_REPLY.body);
  });

  it('what was typed in the chat box meanwhile is checked once it arrives: the badge and the panel’s details', async () => {
    const release = await holdGuardScript(s.h);
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await s.page.keyboard.type('加我vx');
    expect(await s.page.locator('.kf-guard-badge').count()).toBe(0);
    await release();
    await s.page.locator('.kf-guard-badge').waitFor();
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').first().textContent()).toBe('vx');
  });

  it('on an order page, which does not load it at start, a copied reply with a WeChat id is held until the agent confirms', async () => {
    await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.h.demoUrl });
    await openDemoOrders(s.page, s.h.demoUrl);
    await s.page.evaluate(() => navigator.clipboard.writeText('空'));
    await inPanel(s.page, '[data-kf="search"]').fill('加微信看实拍');
    await inPanel(s.page, '[data-kf="results"] [data-kf="copy"]').first().click();
    await expect.poll(() => inPanel(s.page, '[data-kf="guard-prompt"] h3').textContent()).toBe('这条回复可能违规，暂未复制');
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe('空');
    await inPanel(s.page, '[data-kf="guard-confirm"]').click();
    await expect.poll(() => s.page.evaluate(() => navigator.clipboard.readText())).toBe(WECHAT_REPLY.body);
  });
});

/** The starter reply 小额让利（20元内） with its amount typed into the fill-in form. */
async function smallDiscount(p: Page, amount: string) {
  await openDemoChat(p, s.h.demoUrl, { buyer: BUYER });
  await chatInput(p).click();
  await insertFromSearch(p, '小额让利');
  await inPanel(p, '[data-kf="fill"]').waitFor();
  await p.keyboard.type(amount);
  await p.keyboard.press('Enter');
}

describe('money promised over the agent’s limits (the shop’s remark rules: 20 yuan alone, compensation at most the postage)', () => {

  it('filled with 50, the reply is held before it goes in, saying the 20-yuan limit and the supervisor; with 20 it goes in quietly', async () => {
    await smallDiscount(s.page, '50');
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect(await demo.draft(s.page)).toBe('');
    expect(await inPanel(s.page, '[data-kf="guard-words"]').allTextContents()).toEqual(['给您优惠50元']);
    const reason = await inPanel(s.page, '[data-kf="guard-reason"]').textContent();
    expect(reason).toContain('20 元');
    expect(reason).toContain('主管');
    await inPanel(s.page, '[data-kf="guard-cancel"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    expect(await demo.draft(s.page)).toBe('');

    await smallDiscount(s.page, '20');
    await expect.poll(() => demo.draft(s.page)).toContain('这单给您优惠20元～');
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="guard-warned"]').count()).toBe(0);
    expect(await s.page.evaluate(() => (window as any).__demo.sent.length)).toBe(0);
  });

  it('follows the shop’s own limit: raised to 60 in the remark rules, 50 goes in quietly', async () => {
    const rules = await callFromExtensionPage<{ limits: { agentDiscountYuan: number } }>(s.ext, 'getRuleSet');
    await callFromExtensionPage(s.ext, 'saveRuleSet', { ...rules, limits: { ...rules.limits, agentDiscountYuan: 60 } });
    try {
      await smallDiscount(s.page, '50');
      await expect.poll(() => demo.draft(s.page)).toContain('这单给您优惠50元～');
      expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    } finally {
      await callFromExtensionPage(s.ext, 'saveRuleSet', rules);
    }
  });
});

describe('money handed over directly, and the shop’s switch for the money check', () => {
  it('holds 直接给您退50元 typed into the chat box, and lets a statement of what was already given pass', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    const input = chatInput(s.page);
    await input.click();
    await s.page.keyboard.type('实在抱歉，直接给您退50元');
    const badge = s.page.locator('.kf-guard-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').first().textContent()).toBe('给您退50元');
    await input.fill('');
    await s.page.keyboard.type('这单已经给您优惠了40元，不能再少了');
    await expect.poll(() => badge.count()).toBe(0);
  });

  it('lets a typed refund of what the buyer paid go without a hold, its reason in an earlier clause', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    // The closing 质量最好 is a warning the badge shows once the whole reply is typed: the moment to
    // read what the badge holds, so the absence of 超出权限 is read after the refund was checked.
    await s.page.keyboard.type('您寄回的包裹仓库已经签收了，给您退168元，另外这款面料质量最好');
    const badge = s.page.locator('.kf-guard-badge');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('极限用语');
    expect(await badge.getAttribute('title')).not.toContain('超出权限');
    expect(await badge.textContent()).toContain('1处');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').allTextContents()).toEqual(['质量最好']);
  });

  it('reads the sentence before a typed offer and the one after its question mark: a return received lets it pass, a defect named after it is held against the postage', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    const input = chatInput(s.page);
    await input.click();
    // As above, the closing 质量最好 marks the moment the whole reply has been checked.
    await s.page.keyboard.type('您寄回的包裹仓库已经签收了。给您退168元可以吗？这款面料质量最好');
    const badge = s.page.locator('.kf-guard-badge');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('极限用语');
    expect(await badge.getAttribute('title')).not.toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').allTextContents()).toEqual(['质量最好']);
    await input.fill('');
    await s.page.keyboard.type('给您退15元可以吗？裤脚开线确实是我们的问题');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').allTextContents()).toEqual(['给您退15元']);
    // Within the agent's own 20 yuan, but money for a defect is measured against the postage (10).
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-reason"]').first().textContent()).toContain('运费（10 元）');
  });

  it('names 仅退款 in the hold of money back with the goods kept, and lets a reply reporting a failed refund pass', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    const input = chatInput(s.page);
    await input.click();
    await s.page.keyboard.type('东西不用寄回，给您仅退款50元');
    const badge = s.page.locator('.kf-guard-badge');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').allTextContents()).toEqual(['给您仅退款50元']);
    const reason = await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-reason"]').first().textContent();
    expect(reason).toContain('仅退款');
    expect(reason).toContain('20 元');
    await input.fill('');
    // As above, the closing 质量最好 marks the moment the whole reply has been checked.
    await s.page.keyboard.type('退款失败了，麻烦您重新提交一下，给您退159元可以吗？这款面料质量最好');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('极限用语');
    expect(await badge.getAttribute('title')).not.toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').allTextContents()).toEqual(['质量最好']);
  });

  it('holds money back the buyer is asked to accept (…，您看行吗) and lets a promotion’s payout (活动会返您) pass', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    const input = chatInput(s.page);
    await input.click();
    await s.page.keyboard.type('我先给您退50元，您看行吗');
    const badge = s.page.locator('.kf-guard-badge');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').first().textContent()).toBe('给您退50元');
    await input.fill('');
    // As above, the closing 质量最好 marks the moment the whole reply has been checked.
    await s.page.keyboard.type('满减返现活动会返您30元，另外这款面料质量最好');
    await expect.poll(async () => (await badge.count()) && (await badge.getAttribute('title'))).toContain('极限用语');
    expect(await badge.getAttribute('title')).not.toContain('超出权限');
    expect(await inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-words"]').allTextContents()).toEqual(['质量最好']);
  });

  it('switched off in 合规规则, a 50-yuan discount goes in quietly; switched on again, it is held', async () => {
    await callFromExtensionPage(s.ext, 'patchGuardConfig', { rule: 'over-limit-discount', on: false });
    try {
      await smallDiscount(s.page, '50');
      await expect.poll(() => demo.draft(s.page)).toContain('这单给您优惠50元～');
      expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    } finally {
      await callFromExtensionPage(s.ext, 'patchGuardConfig', { rule: 'over-limit-discount', on: true });
    }
    await smallDiscount(s.page, '50');
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect(await demo.draft(s.page)).toBe('');
  });
});

describe('undo after a /code expansion', () => {
  for (const input of ['textarea', 'contenteditable'] as const) {
    it(`${input}: one Ctrl+Z after a held and confirmed /code gives back the box as it was before the expansion`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER, input });
      await chatInput(s.page).click();
      await s.page.keyboard.type('亲，/wxe');
      await s.page.keyboard.press('Space');
      await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
      // The typed code stays in the box while the agent decides.
      expect(await demo.draft(s.page)).toBe('亲，/wxe');
      await inPanel(s.page, '[data-kf="guard-confirm"]').click();
      await expect.poll(() => demo.draft(s.page)).toBe(`亲，${WECHAT_REPLY.body}`);
      await s.page.keyboard.press('Control+z');
      await expect.poll(() => demo.draft(s.page)).toBe('亲，/wxe');
    });

    it(`${input}: the same for a /code nothing holds`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER, input });
      await chatInput(s.page).click();
      await s.page.keyboard.type('/dd');
      await s.page.keyboard.press('Space');
      await expect.poll(() => demo.draft(s.page)).toContain('现在咨询的朋友比较多');
      await s.page.keyboard.press('Control+z');
      await expect.poll(() => demo.draft(s.page)).toBe('/dd');
    });
  }

  it('cancelling a held /code takes the code out of the box', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    await s.page.keyboard.type('亲，/wxe');
    await s.page.keyboard.press('Tab');
    await inPanel(s.page, '[data-kf="guard-cancel"]').click();
    await expect.poll(() => demo.draft(s.page)).toBe('亲，');
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
  });
});

describe('shop rules', () => {
  it('a rule the shop saves in the options page applies in an open chat at once; a switched-off rule stays quiet', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await chatInput(s.page).click();
    try {
      await callFromExtensionPage(s.ext, 'saveGuardConfig', {
        v: 1,
        disabled: ['absolute-grade'],
        rules: [{ id: 'e2e-shop', words: ['秒发'], severity: 'warn', platforms: ['any'], reason: '本店不承诺秒发' }],
      });
      await s.page.keyboard.type('国家级工艺，今天秒发');
      await s.page.locator('.kf-guard-badge').waitFor();
      await expect.poll(() => inPanel(s.page, '[data-kf="guard-typed"] [data-kf="guard-reason"]').allTextContents()).toEqual(['本店不承诺秒发']);
    } finally {
      await callFromExtensionPage(s.ext, 'saveGuardConfig', { v: 1, disabled: [], rules: [] });
    }
  });
});

describe('shop rules from two options tabs', () => {
  it('switching a rule in a tab that has not seen another tab’s change keeps that change', async () => {
    const options = await s.h.openExtensionPage('options.html#guard');
    try {
      await callFromExtensionPage(s.ext, 'saveGuardConfig', { v: 1, disabled: [], rules: [] });
      const builtIn = (id: string) => options.locator(`[data-kf="guard-builtin"] tr[data-rule-id="${id}"] input`);
      await expect.poll(() => builtIn('absolute-first').isChecked()).toBe(true);
      // Another tab's save, written straight to the store so this tab is not told (the moment before
      // it would have reloaded): a shop rule added and a built-in rule switched off.
      const other = { v: 1, disabled: ['qr-code'], rules: [{ id: 'e2e-other-tab', words: ['秒发'], severity: 'warn', platforms: ['any'], reason: '别的窗口加的' }] };
      await s.ext.evaluate(
        (value) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('kf-meta');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('kv', 'readwrite');
              tx.objectStore('kv').put(value, 'guardRules');
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        other,
      );
      expect(await builtIn('qr-code').isChecked()).toBe(true);
      await builtIn('absolute-first').click();
      await expect
        .poll(() => callFromExtensionPage<{ disabled: string[]; rules: { id: string }[] }>(s.ext, 'getGuardConfig'))
        .toMatchObject({ disabled: ['qr-code', 'absolute-first'], rules: [{ id: 'e2e-other-tab' }] });
      // The tab now shows the settings as stored, the other tab's rule included.
      await options.locator('[data-kf="guard-shop-rules"] tr[data-rule-id="e2e-other-tab"]').waitFor();
      expect(await builtIn('qr-code').isChecked()).toBe(false);
    } finally {
      await callFromExtensionPage(s.ext, 'saveGuardConfig', { v: 1, disabled: [], rules: [] });
      await options.close();
    }
  });
});

describe('reply clock on the demo console', () => {
  it('counts from the buyer message’s time, turns red past the threshold, clears when answered; the popup counts it', async () => {
    // The popup counts today's answered waits: one recorded before the shop's midnight and looked for
    // after it would be yesterday's. None starts in the day's last two minutes.
    await clearOfMidnight();
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    // On the buyer card (its frame), beside the buyer's segment.
    const clock = inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]');
    // Answer what the buyer wrote before, so the wait starts fresh.
    const input = chatInput(s.page);
    await input.click();
    await s.page.keyboard.type('亲，在的');
    await s.page.locator('.chat-editor button.send-btn').click();
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    // A buyer message the page shows as sent 100 s ago: counting, not yet amber (2 min).
    await s.page.evaluate(([n, at]) => (window as any).__demo.pushBuyerMessage(n, '这个有货吗', at), [BUYER, Date.now() - 100_000] as const);
    await expect.poll(() => clock.getAttribute('data-level')).toBe('ok');
    expect(await clock.textContent()).toMatch(/(^|\D)1分[34]\d秒/);
    // The buyer's earlier unanswered message was 4 minutes ago: the wait counts from the oldest one.
    await s.page.evaluate(([n, at]) => (window as any).__demo.pushBuyerMessage(n, '在吗', at), [BUYER, Date.now() - 4 * MIN] as const);
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    expect(await clock.textContent()).toMatch(/(^|\D)4分(\d秒)?$/);
    // Answering clears it.
    await input.click();
    await s.page.keyboard.type('亲，有货的');
    await s.page.locator('.chat-editor button.send-btn').click();
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    const popup = await s.h.openExtensionPage('popup.html');
    const row = popup.locator('[data-kf="clock-summary"] tr[data-platform="demo"] [data-kf="clock-answered"]');
    await expect.poll(() => row.textContent()).toBe('1');
    await popup.close();
  }, 60_000 + MIDNIGHT_WAIT_MS);

  it('lists the other waiting buyers, longest first, and switches to one on click', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    // The page shows this buyer's message as sent 12 hours ago: longer than anyone else waits.
    await s.page.evaluate(([at]) => (window as any).__demo.pushBuyerMessage('tb_8834729_88', '还在不在', at), [Date.now() - 12 * 60 * MIN] as const);
    const first = inPanel(s.page, '[data-kf="clock-item"]').first();
    await expect.poll(() => first.getAttribute('title')).toMatch(/tb_8834729_88$/);
    expect(await first.textContent()).toMatch(/^tb_8834729_88 12小时(\d分)?$/);
    expect(await first.getAttribute('data-level')).toBe('red');
    expect(await inPanel(s.page, '[data-kf="clock-item"]').count()).toBeLessThanOrEqual(5);
    await first.click();
    await expect.poll(() => s.page.evaluate(() => (window as any).__demo.activeBuyer())).toBe('tb_8834729_88');
  });
});

/** The Pinduoduo chat fixture served at the console's real address, with the panel up. */
const openPdd = (p: Page) => openConsole(p, CONSOLES.pdd);

/** The 等待中 list: its rows, their keys (buyer ids) in order, and the line shown when a click was not followed. */
const waitingItems = () => inPanel(s.page, '[data-kf="clock-item"]');
const waitingKeys = async () => {
  const n = await waitingItems().count();
  return Promise.all(Array.from({ length: n }, (_, i) => waitingItems().nth(i).getAttribute('data-key')));
};
const clockHint = () => inPanel(s.page, '[data-kf="reply-clock"] .kf-muted');
/**
 * The console drops synthetic clicks (as one source reports for the live Pinduoduo page; the agent's
 * own clicks still work): a click on the `index`th waiting row says so in words, and the open
 * conversation (`current()`) stays `stays`.
 */
async function expectClickNotFollowed(open: (p: Page) => Promise<void>, listed: string[], index: number, current: () => Promise<string>, stays: string) {
  await open(s.page);
  await s.page.evaluate(() => document.addEventListener('click', (e) => !e.isTrusted && e.stopImmediatePropagation(), true));
  await expect.poll(waitingKeys).toEqual(listed);
  await waitingItems().nth(index).click();
  await expect.poll(() => clockHint().textContent()).toMatch(/没有切换/);
  expect(await current()).toBe(stays);
}

const pdd = {
  current: (p: Page) => p.evaluate(() => (window as any).__pdd.current() as string),
  pushBuyer: (p: Page, text: string, at: number) => p.evaluate(([t, a]) => (window as any).__pdd.pushBuyerMessage(t, undefined, a), [text, at] as const),
  answer: async (p: Page, text: string) => {
    await p.locator('#replyTextarea').click();
    await p.keyboard.type(text);
    await p.keyboard.press('Enter');
  },
};

describe('compliance guard on the Pinduoduo chat fixture at its real address', () => {
  it('holds a reply with a WeChat id there too, and the rewrite goes into the framework-controlled box', async () => {
    await openPdd(s.page);
    await s.page.locator('#replyTextarea').click();
    await insertFromSearch(s.page, '加微信看实拍');
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="guard-reason"]').first().textContent()).toMatch(/导流/);
    expect(await s.page.locator('#replyTextarea').inputValue()).toBe('');
    await inPanel(s.page, '[data-kf="guard-rewrite"]').click();
    await expect.poll(() => s.page.locator('#replyTextarea').inputValue()).toContain('在这里留言');
    expect(await s.page.locator('#replyTextarea').inputValue()).not.toContain('kefu_2026');
  });

  it('counts a repeated reply per buyer, not per nickname: sent once to each S*******n is no warning; the third to one is', async () => {
    await openPdd(s.page);
    const box = s.page.locator('#replyTextarea');
    const warned = inPanel(s.page, '[data-kf="guard-warned"] [data-category="repetition"]');
    const open = async (uid: string) => {
      await s.page.locator(`.all-chat-list .chat-item-box[data-random^="${uid}-"]`).click();
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-card"]').getAttribute('data-buyer-id')).toBe(uid);
    };
    /** Inserts the reply into the open buyer's box and waits until it is there for the `n`th time. */
    const insert = async (n: number) => {
      await box.click();
      await insertFromSearch(s.page, '咨询高峰');
      await expect.poll(async () => (await box.inputValue()).split('现在咨询的朋友比较多').length - 1).toBe(n);
    };
    await insert(1);
    await open('6620034417'); // the other S*******n
    await insert(1);
    await open('7205118833');
    // The second time for this buyer (the third for the name): nothing to warn of.
    await insert(2);
    expect(await warned.count()).toBe(0);
    // The third time for this buyer.
    await insert(3);
    await warned.waitFor();
    expect(await s.page.evaluate(() => (window as any).__pdd.sent.length)).toBe(0);
  });

  it('shows the badge by the reply box when 加我vx is typed there, and drops it when the text is clean', async () => {
    await openPdd(s.page);
    const box = s.page.locator('#replyTextarea');
    await box.click();
    await s.page.keyboard.type('加我vx');
    const badge = s.page.locator('.kf-guard-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toContain('站外导流');
    expect((await badge.textContent()) + ((await badge.getAttribute('title')) ?? '')).not.toContain('S*******n');
    const b = (await badge.boundingBox())!;
    const r = (await box.boundingBox())!;
    expect(Math.abs(b.y + b.height - r.y)).toBeLessThan(40);
    await box.fill('');
    await s.page.keyboard.type('好的');
    await expect.poll(() => badge.count()).toBe(0);
  });
});

describe('reply clock where the console shows no message times', () => {
  it('Douyin: counts the open buyer’s wait from the timer on their own list row (45秒), red when it says 4分钟; no clock rather than a wrong one once the row shows none', async () => {
    // Douyin's clock counts only 08:00–23:00 shop time by default (lib/domain/clock/types.ts): run at
    // night, 4分钟 stayed green (failed from 23:00 Beijing). The window is widened for this test.
    await callFromExtensionPage(s.ext, 'patchSettings', { replyClock: { douyin: { amberSec: 120, redSec: 180, window: { from: '00:00', to: '23:59' } } } });
    onTestFinished(() => callFromExtensionPage(s.ext, 'patchSettings', { replyClock: { douyin: { amberSec: 120, redSec: 180, window: { from: '08:00', to: '23:00' } } } }).then(() => undefined));
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    const clock = inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]');
    const timer = (text: string) => s.page.evaluate((t) => (document.querySelector('[title="豆豆爱吃梨"] [class*="timerParticular"]')!.textContent = t), text);
    await expect.poll(() => clock.getAttribute('data-level')).toBe('ok');
    expect(await clock.textContent()).toMatch(/已等待 (\d+秒|1分\d+秒)$/);
    await timer('4分钟');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    await timer('');
    await expect.poll(() => clock.count()).toBe(0);
  });
});

describe('reply clock on the Pinduoduo chat fixture at its real address', () => {

  it('lists the buyers the console marks unanswered, by uid (the open buyer’s namesake too), longest first; the page ignores the panel’s click, as the live page does, and the panel says so', async () => {
    await openPdd(s.page);
    // 橘子汽水2020 "已等待12分钟", the other S*******n "已等待6分钟"; the open S*******n is not listed.
    await expect.poll(waitingKeys).toEqual(['5931407726', '6620034417']);
    expect(await waitingItems().nth(0).textContent()).toMatch(/^橘子汽水2020 12分$/);
    expect(await waitingItems().nth(0).getAttribute('data-level')).toBe('red');
    // With its tag: not to be read as the open S*******n's wait (QA did).
    const tag = buyerTag('S*******n', '6620034417');
    expect(tag).not.toBe(buyerTag('S*******n', '7205118833'));
    expect(await waitingItems().nth(1).textContent()).toMatch(new RegExp(`^S\\*{7}n · ${tag} 6分(\\d{1,2}秒)?$`));
    // consoles.md: the live page ignores synthetic clicks on conversation rows, and so does the
    // fixture. The panel's click is one: the page stays, the card keeps the open buyer, the agent is told.
    await waitingItems().nth(1).click();
    await expect.poll(() => clockHint().textContent()).toContain('后台没有切换到这位买家');
    expect(await pdd.current(s.page)).toBe('7205118833');
    expect(await inPanel(s.page, '[data-kf="customer-card"]').getAttribute('data-buyer-id')).toBe('7205118833');
    // The agent's own click in the page's list (trusted) switches; the card and the list follow.
    await s.page.locator('.all-chat-list .chat-item-box[data-random^="6620034417-"]').click();
    await expect.poll(() => pdd.current(s.page)).toBe('6620034417');
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-card"]').getAttribute('data-buyer-id')).toBe('6620034417');
    // Now the buyer left behind (still marked unanswered) is listed, the one opened is not. (Their
    // order depends on the hour the test runs: the one left behind shows only its last message time.)
    await expect.poll(async () => (await waitingKeys()).sort()).toEqual(['5931407726', '7205118833']);
  });

  it('counts on the card from the buyer message’s time, red past the threshold, clears when answered; the popup counts it', async () => {
    // The popup counts today's answered waits: one recorded before the shop's midnight and looked for
    // after it would be yesterday's. None starts in the day's last two minutes.
    await clearOfMidnight();
    await openPdd(s.page);
    const clock = inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]');
    // The fixture's buyer wrote last (2026-11-30): answer first, so the wait starts fresh.
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    await pdd.answer(s.page, '亲，在的');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    await pdd.pushBuyer(s.page, '这个有货吗', Date.now() - 100_000);
    await expect.poll(() => clock.getAttribute('data-level')).toBe('ok');
    expect(await clock.textContent()).toMatch(/(^|\D)1分[34]\d秒/);
    await pdd.pushBuyer(s.page, '在吗', Date.now() - 4 * MIN);
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    expect(await clock.textContent()).toMatch(/(^|\D)4分(\d秒)?$/);
    await pdd.answer(s.page, '亲，有货的');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    const popup = await s.h.openExtensionPage('popup.html');
    const row = popup.locator('[data-kf="clock-summary"] tr[data-platform="pdd"] [data-kf="clock-answered"]');
    await expect.poll(() => row.textContent()).toBe('1');
    await popup.close();
  }, 60_000 + MIDNIGHT_WAIT_MS);
});

describe('reply clock on Pinduoduo: a buyer only the platform robot answered', () => {
  const row = (uid: string) => s.page.locator(`.all-chat-list .chat-item-box[data-random^="${uid}-"]`);
  const robot = () => s.page.evaluate(() => (window as any).__pdd.pushRobotReply('您好，小助手在呢，仓库会尽快安排'));

  it('stays in 等待中 after the list drops their marker and the agent opens someone else, until the agent’s own reply is seen', async () => {
    await openPdd(s.page);
    await expect.poll(waitingKeys).toEqual(['5931407726', '6620034417']);
    // The robot answers the open S*******n; the page's list drops their marker.
    await robot();
    await row('5931407726').click();
    await expect.poll(() => pdd.current(s.page)).toBe('5931407726');
    await expect.poll(async () => (await waitingKeys()).sort()).toEqual(['6620034417', '7205118833']);
    // The agent goes back and answers: no longer waiting, also after leaving again.
    await row('7205118833').click();
    await expect.poll(() => pdd.current(s.page)).toBe('7205118833');
    await pdd.answer(s.page, '亲，今天下午就安排发出');
    await row('5931407726').click();
    await expect.poll(() => pdd.current(s.page)).toBe('5931407726');
    await expect.poll(waitingKeys).toEqual(['6620034417']);
  });

  it('leaves the list when their row shows a reply we did not see (another tab, the desktop client)', async () => {
    await openPdd(s.page);
    await robot();
    await row('5931407726').click();
    await expect.poll(async () => (await waitingKeys()).sort()).toEqual(['6620034417', '7205118833']);
    await s.page.evaluate(() => (window as any).__pdd.answerElsewhere('7205118833', '亲，已经安排今天发出'));
    await expect.poll(waitingKeys).toEqual(['6620034417']);
  });
});

describe('reply clock on the JD 咚咚 fixture at its real address', () => {
  const jd = { current: (p: Page) => p.evaluate(() => (window as any).__jd.current() as string) };
  /** The rows show their last message's time of day in Beijing time, to the minute: set them to minutes ago. */
  const hhmm = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MIN + 8 * 60 * MIN).toISOString().slice(11, 16);
  const openJd = (p: Page) =>
    openConsole(p, CONSOLES.jd, (html) =>
      html
        .replaceAll('>20:16<', `>${hhmm(3)}<`) // 京东用户_小满, the open buyer
        .replace('>20:09<', `>${hhmm(12)}<`) // jd_77b0e1d2
        .replace('>20:12<', `>${hhmm(5)}<`), // 京东用户_阿杰
    );

  it('lists the buyers whose row is marked unanswered, by pin, longest first with their wait; a click opens that conversation', async () => {
    await openJd(s.page);
    // The open buyer and the answered jd_91c0aa7e are not listed.
    await expect.poll(waitingKeys).toEqual(['jd_77b0e1d2', 'jd_2d9b6e40']);
    // With what each wrote last, as their row previews it.
    expect(await waitingItems().nth(0).textContent()).toMatch(/^jd_77b0e1d2 支持七天无理由吗 1[23]分$/);
    expect(await waitingItems().nth(0).getAttribute('data-level')).toBe('red');
    expect(await waitingItems().nth(1).textContent()).toMatch(/^京东用户_阿杰 今天能发顺丰吗 [56]分(\d{1,2}秒)?$/);
    await waitingItems().nth(0).click();
    await expect.poll(() => jd.current(s.page)).toBe('jd_77b0e1d2');
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-card"]').getAttribute('data-buyer-id')).toBe('jd_77b0e1d2');
    expect(await buyerName(s.page)).toBe('jd_77b0e1d2');
    // The buyer left behind still waits (their row keeps the marker); the one opened is not listed.
    await expect.poll(waitingKeys).toEqual(['jd_2d9b6e40', 'jd_4f2a9c81']);
    expect(await clockHint().count()).toBe(0);
  });

  it('says so in words when the page does not follow the click', async () => {
    await expectClickNotFollowed(openJd, ['jd_77b0e1d2', 'jd_2d9b6e40'], 1, () => jd.current(s.page), 'jd_4f2a9c81');
  });

  it('the unanswered marker renamed while 正在咨询(4) counts customers: says it cannot read who waits, not that nobody waits; once a row is marked again, lists it', async () => {
    await openConsole(s.page, CONSOLES.jd, (html) => html.split('class="user-none-reply-t"').join('class="user-none-reply"'));
    await cardReady(s.page, '京东用户_小满');
    await expect.poll(() => inPanel(s.page, '[data-kf="clock-list-unread"]').count()).toBe(1);
    expect(await waitingItems().count()).toBe(0);
    // (A new marker element, as a render puts it there.)
    await s.page.evaluate(() => document.querySelector('#u_jd_2d9b6e40imcustomer100234 .alluser-item-state')!.insertAdjacentHTML('beforeend', '<span class="user-none-reply-t"></span>'));
    await expect.poll(waitingKeys).toEqual(['jd_2d9b6e40']);
    expect(await inPanel(s.page, '[data-kf="clock-list-unread"]').count()).toBe(0);
  });

  it('everyone in consultation answered (no row marked, the open conversation’s last turn the shop’s): no “cannot read who waits”, nobody listed', async () => {
    await openConsole(s.page, CONSOLES.jd, (html) => html.split('<span class="user-none-reply-t"></span>').join(''));
    await cardReady(s.page, '京东用户_小满');
    // The open buyer wrote last and their row is not marked: the marker may be renamed, so it says so.
    await expect.poll(() => inPanel(s.page, '[data-kf="clock-list-unread"]').count()).toBe(1);
    await s.page.click('.EditorContent');
    await s.page.keyboard.type('亲，专票需要公司名称和税号');
    await s.page.click('.SendButtonGroup > .send-button');
    await expect.poll(() => inPanel(s.page, '[data-kf="clock-list-unread"]').count()).toBe(0);
    expect(await waitingItems().count()).toBe(0);
  });
});
