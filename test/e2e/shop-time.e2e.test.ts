/**
 * The consoles print Beijing time; an agent's computer may be on another clock (abroad, or a VM
 * left on UTC). Chromium runs here with TZ=UTC (it takes its zone from TZ), so a console time read
 * in the computer's zone would be 8 hours off: a buyer who wrote 3.5 minutes ago would show 0:00
 * (8 hours in the future), and a list row's "20:10" 35 minutes ago would show 16h35 (QA pass D, D1).
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, cardReady, chatInput, demo, inPanel, openDemoChat, openDemoOrders, clearOfMidnight, MIDNIGHT_WAIT_MS } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const MIN = 60_000;
/** A moment as the console prints it, in Beijing time: 'YYYY-MM-DD HH:MM:SS'. */
const beijingText = (ms: number) => new Date(ms + 8 * 60 * MIN).toISOString().replace('T', ' ').slice(0, 19);

const s = extensionSuite({ timezone: 'UTC' });

describe('console times on a computer on UTC are read as Beijing time', () => {
  it('the card counts 3分30秒 for a JD 咚咚 message stamped 3.5 minutes ago in Beijing time (red: past 3 minutes), and the popup’s figures count that wait', async () => {
    // The popup's figures are today's: a wait recorded before the shop's midnight and looked for after
    // it would be yesterday's. None starts in the day's last two minutes.
    await clearOfMidnight();
    // jd_91c0aa7e's conversation without the buyer's old last word: the shop spoke last.
    await openConsole(s.page, CONSOLES.jd, (html) =>
      html.replace(/<div class="message">\s*<div class="message__time"><span class="message__time_str">2026-11-30 20:05:30<\/span><\/div>[\s\S]*?好的，谢谢啦<\/span><\/pre>\s*<\/div>\s*<\/div>/, ''),
    );
    expect(await s.page.evaluate(() => new Date().getTimezoneOffset())).toBe(0); // Chromium did take the zone
    await s.page.click('.c_tabs-tabpane:not(.c_tabs-tab_inactive) #u_jd_91c0aa7eimcustomer100234');
    await cardReady(s.page, 'jd_91c0aa7e');
    const clock = inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');

    await s.page.evaluate((at) => (window as any).__jd.pushBuyerMessage('快递到哪了，怎么还没到', at), Date.now() - 3.5 * MIN);
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    expect(await clock.textContent()).toMatch(/(^|\D)3分[34]\d秒/);

    // The shop answers (the console prints the reply with its Beijing time): the wait goes into the day's figures.
    await s.page.evaluate((stamp) => {
      document.querySelector('#t-chat-scroll .c-c')!.insertAdjacentHTML(
        'beforeend',
        `<div class="message"><div class="message__time"><span class="message__time_str">${stamp}</span></div><div class="message_right" id="s_${Date.now()}"><pre class="message__text message__text_right"><span class="message__content">亲，已经发出了，今天能到</span></pre></div></div>`,
      );
    }, beijingText(Date.now()));
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    const jdFigures = async () => {
      const summary = await callFromExtensionPage<{ platforms: { platform: string; answered: number; medianSec: number }[] }>(s.ext, 'getClockSummary');
      return summary.platforms.find((p) => p.platform === 'jd') ?? null;
    };
    await expect.poll(jdFigures).not.toBeNull();
    const jd = (await jdFigures())!;
    expect(jd.answered).toBe(1);
    expect(jd.medianSec).toBeGreaterThanOrEqual(205);
    expect(jd.medianSec).toBeLessThan(300);
  }, 60_000 + MIDNIGHT_WAIT_MS);

  it('the 等待中 list reads the rows’ Beijing "HH:MM" as minutes ago, not 8 hours', async () => {
    const hhmm = (minutesAgo: number) => beijingText(Date.now() - minutesAgo * MIN).slice(11, 16);
    await openConsole(s.page, CONSOLES.jd, (html) =>
      html
        .replaceAll('>20:16<', `>${hhmm(3)}<`) // 京东用户_小满, the open buyer
        .replace('>20:09<', `>${hhmm(12)}<`) // jd_77b0e1d2
        .replace('>20:12<', `>${hhmm(5)}<`), // 京东用户_阿杰
    );
    const items = inPanel(s.page, '[data-kf="clock-item"]');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toMatch(/^jd_77b0e1d2 支持七天无理由吗 1[23]分$/);
    expect(await items.nth(1).textContent()).toMatch(/^京东用户_阿杰 今天能发顺丰吗 [56]分(\d{1,2}秒)?$/);
    expect(await items.nth(1).getAttribute('data-level')).toBe('red');
  });
});

/** The creation times the demo's order list prints for its unpaid orders. */
const unpaidCreatedAt = () =>
  s.page.evaluate(() =>
    [...document.querySelectorAll('.sold-order')]
      .filter((o) => o.textContent!.includes('等待买家付款'))
      .map((o) => [...o.querySelectorAll('.label')].find((l) => l.textContent === '创建时间:')!.nextElementSibling!.textContent!),
  );

describe('the demo console’s own day, on a computer on UTC', () => {
  it('at 01:00 Beijing time (17:00 UTC the day before), today’s unpaid orders are from the Beijing day, as on a Beijing computer', async () => {
    // A UTC computer's midnight is 08:00 in Beijing: the demo put "today's" orders on the day before.
    await s.page.clock.setFixedTime(new Date('2026-12-03T17:00:00Z'));
    await openDemoOrders(s.page, s.h.demoUrl);
    const created = await unpaidCreatedAt();
    expect(created).toHaveLength(3);
    for (const at of created) {
      expect(at.slice(0, 10)).toBe('2026-12-04');
      expect(at <= '2026-12-04 01:00:00').toBe(true);
    }
    // The other orders keep their ages, printed in Beijing time (the paid one 55 minutes ago).
    expect(await s.page.locator('.sold-order[data-order-id="3951842736019283746"]').textContent()).toContain('2026-12-04 00:05:00');
  });
});

describe('the demo console’s orders in the first minutes of the Beijing day', () => {
  it('at 00:01 Beijing time no unpaid order is made after now (the sweep at 23:59 lost all three reminders)', async () => {
    await s.page.clock.setFixedTime(new Date('2026-12-03T16:01:00Z'));
    await openDemoOrders(s.page, s.h.demoUrl);
    const created = await unpaidCreatedAt();
    expect(created).toHaveLength(3);
    for (const at of created) expect(at >= '2026-12-04 00:00:00' && at <= '2026-12-04 00:01:00', at).toBe(true);
  });
});

describe('the payment reminder after the shop’s cut-off, on a computer on UTC (QA pass F, defect 1)', () => {
  /** Beijing's calendar day `days` from now, as agents write it (12月4日). */
  const beijingDay = (days: number) => {
    const d = new Date(Date.now() + 8 * 60 * MIN + days * 24 * 60 * MIN);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  };
  const cutoffAt = (cutoff: string) => callFromExtensionPage(s.ext, 'patchSettings', { shop: { cutoff } });

  it('/cf inserts "现在付款，明天…就能发出" after the cut-off, never a deadline already past; its card showed that very text', async () => {
    // 00:00: whatever the hour, the day's cut-off has passed (paid at or after it ships tomorrow).
    await cutoffAt('00:00');
    try {
      await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await chatInput(s.page).click();
      await s.page.keyboard.press('Alt+K');
      await s.page.keyboard.type('/cf');
      const hit = inPanel(s.page, '[data-kf="results"] [data-template-id="pay-remind"] .kf-tpl-main');
      const expected = `亲，看到您拍下的宝贝还没付款哦～现在付款，明天（${beijingDay(1)}）就能发出，早付款早收到，有什么疑问也可以问我～`;
      // The card (and so its button's accessible name) shows the reply as it will go in: no {变量}.
      await expect.poll(() => hit.locator('.kf-tpl-body').textContent()).toBe(expected);
      expect(await hit.textContent()).not.toMatch(/[{}]/);
      await s.page.keyboard.press('Enter');
      await expect.poll(() => demo.draft(s.page)).toBe(expected);
      expect(await demo.draft(s.page)).not.toMatch(/今天\d\d:\d\d前/);
      expect(await demo.sent(s.page)).toBe(0);
    } finally {
      await cutoffAt('16:00');
    }
  });

  it('before the cut-off the same reply names today’s deadline and today', async () => {
    // Not within a minute of the shop's midnight: from 23:59 the 23:59 cut-off has passed (CI at
    // 15:59 UTC got 明天), and the expected day is read after the reply.
    await clearOfMidnight();
    await cutoffAt('23:59');
    try {
      await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await chatInput(s.page).click();
      await s.page.keyboard.press('Alt+K');
      await s.page.keyboard.type('/cf');
      await inPanel(s.page, '[data-kf="results"] [data-template-id="pay-remind"]').waitFor();
      await s.page.keyboard.press('Enter');
      // (clearOfMidnight above keeps this from running at 23:59 Beijing, when the cut-off has passed.)
      await expect.poll(() => demo.draft(s.page)).toBe(`亲，看到您拍下的宝贝还没付款哦～今天23:59前付款，今天（${beijingDay(0)}）就能发出，早付款早收到，有什么疑问也可以问我～`);
    } finally {
      await cutoffAt('16:00');
    }
  }, 60_000 + MIDNIGHT_WAIT_MS);

  it('a shop reply naming today’s cut-off, typed as its /code straight into the chat box after the cut-off, goes in as the shop wrote it with the panel’s warning, in Chinese and in English', async () => {
    const lib = await callFromExtensionPage<{ groups: string[]; templates: unknown[] }>(s.ext, 'getLibrary');
    const late = { id: 'shop-time-e2e-cutoff', title: '当天发货', body: '亲，今天{截单时间}前付款的订单当天发出哦', group: lib.groups[0], scenarios: ['shipping-time'], code: 'drfh' };
    await callFromExtensionPage(s.ext, 'saveLibrary', { groups: lib.groups, templates: [...lib.templates, late] });
    await cutoffAt('00:00');
    try {
      for (const [locale, warning] of [['zh-CN', '今天的截单时间已过，请改后再发'], ['en', 'Cut-off passed: edit before sending']] as const) {
        await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale }, panel: { collapsed: false } });
        await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
        // The panel folded, as an agent working from the chat box may keep it.
        await inPanel(s.page, '[data-kf="collapse"]').click();
        await inPanel(s.page, '[data-kf="expand"]').waitFor();
        await chatInput(s.page).click();
        await s.page.keyboard.type('/drfh');
        await s.page.keyboard.press('Space');
        await expect.poll(() => demo.draft(s.page)).toBe('亲，今天00:00前付款的订单当天发出哦');
        // The panel opens with the card’s own warning; nothing is sent and the shop’s words stay theirs.
        await expect.poll(() => inPanel(s.page, '[data-kf="notice"] > span').textContent()).toBe(warning);
        expect(await demo.sent(s.page)).toBe(0);
      }
    } finally {
      await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'zh-CN' }, panel: { collapsed: false } });
      await callFromExtensionPage(s.ext, 'saveLibrary', { groups: lib.groups, templates: lib.templates });
      await cutoffAt('16:00');
    }
  });

  it('a shop reply that writes today’s deadline out (今天HH:00前, no {截单时间}) is marked once that Beijing time has passed, on its card and in the fill-in box, and no longer leads the unpaid buyer’s suggestions', async () => {
    // The hour now in Beijing: its HH:00 has passed (at 00:xx, 00:00 has, as a 00:00 cut-off has).
    const hour = String(new Date(Date.now() + 8 * 60 * MIN).getUTCHours()).padStart(2, '0');
    const lib = await callFromExtensionPage<{ groups: string[]; templates: unknown[] }>(s.ext, 'getLibrary');
    // First in the library (the shop's priority) and for payment: before the fix it led an unpaid buyer's suggestions.
    const clock = { id: 'shop-time-e2e-clock', title: '写明时间的催付', body: `亲，拍下还没付款的话，今天${hour}:00前付款今天就能发货哦`, group: lib.groups[0], scenarios: ['payment', 'shipping-time'], code: 'xmsj' };
    const ask = { id: 'shop-time-e2e-clock-fill', title: '有货写明时间', body: `亲，{颜色?}有现货，今天${hour}:00前付款当天发出`, group: lib.groups[0], scenarios: ['stock'], code: 'yhsj' };
    await callFromExtensionPage(s.ext, 'saveLibrary', { groups: lib.groups, templates: [clock, ask, ...lib.templates] });
    // The shop's cut-off is still ahead (but at 23:59 itself): the written-out time alone decides.
    await cutoffAt('23:59');
    try {
      await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await inPanel(s.page, '[data-kf="suggestions"][data-signals="ready"] [data-kf="template"]').first().waitFor();
      const suggested = await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-template-id')));
      // Alt+1 is the reminder true at any hour ({付款发货}), not the one whose time has passed (it led before).
      expect(suggested[0]).toBe('pay-remind');

      await inPanel(s.page, '[data-kf="search"]').fill('写明时间');
      const card = inPanel(s.page, '[data-kf="results"] [data-template-id="shop-time-e2e-clock"]');
      await expect.poll(() => card.locator('.kf-tpl-body').textContent()).toBe(clock.body); // the shop's words, as written
      expect(await card.locator('[data-kf="past-cutoff"]').textContent()).toBe('今天的截单时间已过，请改后再发');

      await inPanel(s.page, '[data-kf="search"]').fill('有货写明时间');
      await inPanel(s.page, '[data-kf="results"] [data-template-id="shop-time-e2e-clock-fill"] .kf-tpl-main').click();
      await expect.poll(() => inPanel(s.page, '[data-kf="fill"] [data-kf="past-cutoff"]').textContent()).toBe('今天的截单时间已过，请改后再发');
      expect(await demo.sent(s.page)).toBe(0);
    } finally {
      await callFromExtensionPage(s.ext, 'saveLibrary', { groups: lib.groups, templates: lib.templates });
      await cutoffAt('16:00');
    }
  });

  it('the library list on an order page shows replies filled with the shop’s names, not {店铺} {客服}', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    const hi = inPanel(s.page, '[data-kf="group-list"] [data-template-id="welcome-new"] .kf-tpl-body');
    // No buyer on an order page: that value is marked for the agent, not left as raw braces.
    await expect.poll(() => hi.textContent()).toBe('【买家】您好，欢迎光临橙子旗舰店！我是客服小美，很高兴为您服务。看中哪款宝贝，直接把链接发给我就行，规格、用法、库存和发货都可以问我～');
  });
});
