import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, chatInput, demo, inPanel, openDemoChat, openDemoOrders, panel, type InputKind, panelFocus } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({});

describe('the panel on the demo chat page', () => {
  it('mounts beside the chat without covering the chat box, and shows the open buyer', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    const active = await s.page.evaluate(() => (window as any).__demo.activeBuyer());
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe(active);
    const p = (await panel(s.page).boundingBox())!;
    const input = (await chatInput(s.page).boundingBox())!;
    expect(input.x + input.width).toBeLessThanOrEqual(p.x + 1);
  });

  it('collapses and remembers it across a reload', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await inPanel(s.page, '[data-kf="collapse"]').click();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    await s.page.reload();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    expect(await panel(s.page).count()).toBe(0);
    await inPanel(s.page, '[data-kf="expand"]').click();
    await panel(s.page).waitFor();
  });

  for (const kind of ['textarea', 'contenteditable', 'controlled'] as InputKind[]) {
    it(`inserts a reply at the caret of a ${kind} input, the page's own code sees it, nothing is sent`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { input: kind });
      const input = chatInput(s.page);
      await input.click();
      await s.page.keyboard.type('亲，');
      await s.page.keyboard.type('好的');
      // Caret between the two typed parts: the reply must land exactly there.
      await s.page.keyboard.press('ArrowLeft');
      await s.page.keyboard.press('ArrowLeft');
      const before = (await demo.inputLog(s.page)).length;
      await inPanel(s.page, '[data-kf="search"]').fill('咨询高峰');
      await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
      const body = '现在咨询的朋友比较多';
      await expect.poll(() => demo.draft(s.page)).toContain(body);
      const draft = await demo.draft(s.page);
      expect(draft.startsWith('亲，您好，现在咨询')).toBe(true);
      expect(draft.endsWith('好的')).toBe(true);
      expect((await demo.inputLog(s.page)).length).toBeGreaterThan(before);
      if (kind === 'controlled') {
        // A re-render of the framework-like input keeps the text: its state really changed.
        await demo.push(s.page, '还在不在');
        await expect.poll(() => input.inputValue()).toContain(body);
      }
      expect(await demo.sent(s.page)).toBe(0);
    });
  }

  it('follows a conversation switch without a page load', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await s.page.evaluate(() => ((window as any).__noReload = true));
    const other = s.page.locator('.conv-item').nth(2);
    const nick = await other.getAttribute('data-nick');
    await other.click();
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe(nick);
    expect(await s.page.evaluate(() => (window as any).__noReload)).toBe(true);
  });

  it('expands /code followed by Space in the chat box', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await chatInput(s.page).click();
    await s.page.keyboard.type('/dd');
    await s.page.keyboard.press('Space');
    await expect.poll(() => demo.draft(s.page)).toContain('现在咨询的朋友比较多');
    expect(await demo.draft(s.page)).not.toContain('/dd');
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('leaves a /code inside a link or a date as typed', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await chatInput(s.page).click();
    await s.page.keyboard.type('https://shop.example.com/th');
    await s.page.keyboard.press('Space');
    await s.page.keyboard.type('日期12/dd');
    await s.page.keyboard.press('Space');
    await expect.poll(() => demo.draft(s.page)).toBe('https://shop.example.com/th 日期12/dd ');
    expect(await inPanel(s.page, '[data-kf="fill"]').count()).toBe(0);
  });

  it('focuses the panel search with Alt+K from the chat box, and Escape clears it', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+K');
    await expect
      .poll(() => panelFocus(s.page))
      .toBe('search');
    await s.page.keyboard.type('退货');
    await inPanel(s.page, '[data-kf="results"] [data-kf="template"]').first().waitFor();
    await s.page.keyboard.press('Escape');
    expect(await inPanel(s.page, '[data-kf="search"]').inputValue()).toBe('');
  });

  it('does not expand /code while an input method is composing', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    const input = chatInput(s.page);
    await input.click();
    await s.page.keyboard.type('/dd');
    const expanded = await input.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      const e = new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, cancelable: true, isComposing: true });
      el.dispatchEvent(e);
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '' }));
      return e.defaultPrevented;
    });
    expect(expanded).toBe(false);
    expect(await demo.draft(s.page)).toBe('/dd');
  });

  it('renders a buyer nickname that looks like HTML as literal text, in the panel and in a reply', async () => {
    let dialogs = 0;
    s.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const nick = '<img src=x onerror=alert(1)>';
    await openDemoChat(s.page, s.h.demoUrl, { buyer: nick });
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe(nick);
    expect(await inPanel(s.page, 'img').count()).toBe(0);
    await chatInput(s.page).click();
    await inPanel(s.page, '[data-kf="search"]').fill('新客欢迎');
    await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
    await expect.poll(() => demo.draft(s.page)).toContain(`${nick}您好，欢迎光临橙子旗舰店`);
    expect(dialogs).toBe(0);
  });

  it('fills a nickname carrying direction controls into a reply without them: the card reads in order, the chat box gets no override', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
    // The buyer renames themselves to a name that reads "exe.png" where controls act.
    await s.page.evaluate(() => {
      for (const el of document.querySelectorAll('.conv-item.active .conv-nick, .chat-header .chat-buyer-nick')) el.textContent = '\u202Egnp.exe';
    });
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe('⟨RLO⟩gnp.exe');
    await chatInput(s.page).click();
    await inPanel(s.page, '[data-kf="search"]').fill('新客欢迎');
    const card = inPanel(s.page, '[data-kf="results"] .kf-tpl-body').first();
    await expect.poll(() => card.textContent()).toContain('gnp.exe您好，欢迎光临橙子旗舰店');
    expect(await card.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
    await expect.poll(() => demo.draft(s.page)).toContain('gnp.exe您好，欢迎光临橙子旗舰店');
    expect(await demo.draft(s.page)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('asks for fill-ins and warns before inserting a reply that still has a placeholder', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await chatInput(s.page).click();
    const lib = await callFromExtensionPage<{ templates: { title: string; body: string }[] }>(s.ext, 'getLibrary');
    const withFill = lib.templates.find((x) => /\{[^{}]+[?？]\}/.test(x.body) && !lib.templates.some((y) => y !== x && y.title.includes(x.title)))!;
    await inPanel(s.page, '[data-kf="search"]').fill(withFill.title);
    await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    await inPanel(s.page, '[data-kf="fill-ok"]').click();
    await inPanel(s.page, '[data-kf="fill-warning"]').waitFor();
    expect(await demo.draft(s.page)).toBe('');
    const fields = inPanel(s.page, '[data-kf="fill-input"]');
    for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill('M码');
    await inPanel(s.page, '[data-kf="fill-ok"]').click();
    await expect.poll(() => demo.draft(s.page)).toContain('M码');
  });
});

describe('the 跟进 buttons across a conversation switch', () => {
  type Listed = { groups: { items: { kind: string; buyer?: string; title: string; note?: string }[] }[] };
  const promised = async (buyer: string) =>
    (await callFromExtensionPage<Listed>(s.ext, 'listFollowups', { perGroup: 500 })).groups
      .flatMap((g) => g.items)
      .filter((x) => x.kind === 'promised-answer' && x.buyer === buyer);
  const switchTo = async (nick: string) => {
    await s.page.locator(`.conv-item[data-nick="${nick}"]`).click();
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe(nick);
  };

  it('shows each buyer their own status and form, saves against the open buyer, and keeps a half-typed note for its buyer', async () => {
    // QA's steps: 咨询未拍 on 南风知我意2019, then 承诺答复 with a note on 小鹿乱撞0521, then 米粒妈妈.
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '南风知我意2019' });
    await inPanel(s.page, '[data-kf="fu-inquiry"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('咨询未拍：南风知我意2019');
    await switchTo('小鹿乱撞0521');
    expect(await inPanel(s.page, '[data-kf="fu-status"]').count()).toBe(0);
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await inPanel(s.page, '[data-kf="fu-note"]').fill('尺码表明早发给小鹿');
    await switchTo('米粒妈妈');
    // Nothing of the two buyers before: no status line, no open form, no note.
    expect(await inPanel(s.page, '[data-kf="fu-status"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="fu-note"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="fu-promised"]').getAttribute('aria-expanded')).toBe('false');
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    expect(await inPanel(s.page, '[data-kf="fu-note"]').inputValue()).toBe('');
    await inPanel(s.page, '[data-kf="fu-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复：米粒妈妈');
    const mili = await promised('米粒妈妈');
    expect(mili).toHaveLength(1);
    expect(mili[0]!.note ?? '').not.toContain('小鹿');
    // Back on 小鹿: the note typed for them waits in their open form, and goes on their item.
    await switchTo('小鹿乱撞0521');
    expect(await inPanel(s.page, '[data-kf="fu-status"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="fu-note"]').inputValue()).toBe('尺码表明早发给小鹿');
    await inPanel(s.page, '[data-kf="fu-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复：小鹿乱撞0521');
    expect((await promised('小鹿乱撞0521')).map((x) => x.note)).toEqual(['尺码表明早发给小鹿']);
    expect(await inPanel(s.page, '[data-kf="fu-note"]').count()).toBe(0);
  });
});

describe('a 承诺答复 left half-made by a keyboard-only agent', () => {
  type Listed = { groups: { items: { kind: string; buyer?: string; note?: string }[] }[] };
  const promisedTo = async (buyer: string) =>
    (await callFromExtensionPage<Listed>(s.ext, 'listFollowups', { perGroup: 500 })).groups
      .flatMap((g) => g.items)
      .filter((x) => x.kind === 'promised-answer' && x.buyer === buyer);
  const name = () => inPanel(s.page, '[data-kf="buyer-name"]').textContent();
  /** Switches from the keyboard, as QA did: a buyer in the panel's 等待中 list, Enter. */
  const switchByKeys = async () => {
    const before = await name();
    await inPanel(s.page, '[data-kf="clock-item"]').first().focus();
    const key = await inPanel(s.page, '[data-kf="clock-item"]').first().getAttribute('data-key');
    await s.page.keyboard.press('Enter');
    await expect.poll(name).not.toBe(before);
    return key;
  };

  it('is said on the next buyer’s panel and added from there for the buyer it was typed for; the note also waits in that buyer’s form', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '爱吃橙子的猫' });
    await inPanel(s.page, '[data-kf="fu-promised"]').focus();
    await s.page.keyboard.press('Enter');
    await inPanel(s.page, '[data-kf="fu-note"]').focus();
    await s.page.keyboard.type('仓库回复后告诉她到货日');
    await switchByKeys();
    const other = await name();
    // The old panel said nothing here: the note was out of sight, and lost to a busy agent.
    const line = inPanel(s.page, '[data-kf="fu-unsaved"]');
    await expect.poll(() => line.textContent()).toContain('爱吃橙子的猫 的承诺答复还没加入跟进：「仓库回复后告诉她到货日」');
    expect(await inPanel(s.page, '[data-kf="fu-note"]').count()).toBe(0);
    // Back (the browser's Alt+←, which key events sent to the page do not reach): the form is open on her note, as left.
    await s.page.goBack();
    await expect.poll(name).toBe('爱吃橙子的猫');
    expect(await inPanel(s.page, '[data-kf="fu-note"]').inputValue()).toBe('仓库回复后告诉她到货日');
    expect(await inPanel(s.page, '[data-kf="fu-unsaved"]').count()).toBe(0);
    // Away again, and added from the other buyer's panel with the keys: for her, never the open buyer.
    await switchByKeys();
    await inPanel(s.page, '[data-kf="fu-unsaved-add"]').focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复：爱吃橙子的猫');
    expect((await promisedTo('爱吃橙子的猫')).map((x) => x.note)).toEqual(['仓库回复后告诉她到货日']);
    expect(await promisedTo(other!)).toEqual([]);
    expect(await inPanel(s.page, '[data-kf="fu-unsaved"]').count()).toBe(0);
  });
});

describe('library data across tabs and imports', () => {
  it('leaves the library unchanged when a malformed file is imported, and says which entry is wrong', async () => {
    const opts = await s.h.openExtensionPage('options.html#import');
    const before = await callFromExtensionPage<{ templates: unknown[] }>(opts, 'getLibrary');
    const bad = { format: 'kefu-library', version: 1, groups: ['欢迎问候'], templates: [{ id: 'ok-1', title: '好', body: '好的', group: '欢迎问候', scenarios: ['thanks'] }, { id: 'bad-2', title: '坏', body: '', group: '欢迎问候', scenarios: ['nope'] }] };
    await opts.locator('[data-kf="import-file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => opts.locator('[data-kf="import-result"]').textContent()).toContain('bad-2');
    await opts.locator('[data-kf="import-file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "kefu-library", ') });
    await expect.poll(() => opts.locator('[data-kf="import-result"]').textContent()).toContain('JSON');
    const after = await callFromExtensionPage<{ templates: unknown[] }>(opts, 'getLibrary');
    expect(after).toEqual(before);
    await opts.close();
  });

  it('shows a template saved in the options tab in the chat tab without a reload', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    const opts = await s.h.openExtensionPage('options.html#templates');
    await opts.locator('[data-kf="new-template"]').click();
    await opts.locator('[data-kf="template-form"] input[name="title"]').fill('跨标签测试话术');
    await opts.locator('[data-kf="template-form"] textarea[name="body"]').fill('这是在设置页新建的话术');
    await opts.locator('[data-kf="template-form"] input[value="thanks"]').check();
    await opts.locator('[data-kf="save-template"]').click();
    await opts.locator('[data-kf="status"]').waitFor();
    await s.page.bringToFront(); // the agent goes back to the chat: animation frames and focus run only in the front tab
    await inPanel(s.page, '[data-kf="search"]').fill('跨标签');
    await expect.poll(() => inPanel(s.page, '[data-kf="results"]').textContent()).toContain('跨标签测试话术');
    await opts.close();
  });

  it('补上 in the options page gives a library saved before order conditions its starter replies’ conditions', async () => {
    type Lib = { groups: string[]; templates: { id: string; orders?: string[] }[] };
    const setup = await s.h.openExtensionPage('options.html#import');
    // The starter as shipped, and the library as an agent saved it before its replies had order conditions.
    const starter = await setup.evaluate(async () => (await fetch('/data/starter-library.json')).json() as Promise<Lib>);
    const withConditions = starter.templates.filter((x) => x.orders).map((x) => [x.id, x.orders]);
    expect(withConditions.length).toBeGreaterThan(20);
    const current = await callFromExtensionPage<Lib>(setup, 'getLibrary');
    const old = current.templates.map(({ orders: _orders, ...rest }) => rest);
    await callFromExtensionPage(setup, 'saveLibrary', { groups: current.groups, templates: old });
    await setup.close();

    const opts = await s.h.openExtensionPage('options.html#templates');

    const notice = opts.locator('[data-kf="starter-orders"]');
    await expect.poll(() => notice.textContent()).toContain(`有 ${withConditions.length} 条内置话术可以补上「适用订单状态」`);
    await opts.locator('[data-kf="starter-orders-apply"]').click();
    await expect.poll(() => opts.locator('[data-kf="status"]').textContent()).toBe(`已为 ${withConditions.length} 条内置话术补上适用订单状态。`);
    expect(await notice.count()).toBe(0);

    const stored = await callFromExtensionPage<Lib>(opts, 'getLibrary');
    expect(stored.templates.filter((x) => x.orders).map((x) => [x.id, x.orders])).toEqual(withConditions);
    expect(stored.templates.find((x) => x.id === 'order-paid')!.orders).toEqual(['paid']);
    await opts.close();
  });
});

describe('the library on an order page (no chat, the suggestion engine not asked for by a read)', () => {
  it('lists the first group’s replies, each shown filled in as it would go in', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    // The rows come with the suggest feature script, which the list asks for.
    const bodies = inPanel(s.page, '[data-kf="group-list"] [data-kf="template"] .kf-tpl-body');
    await expect.poll(() => bodies.first().textContent()).toMatch(/\S/);
    const texts = await bodies.allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text).not.toMatch(/[{}]/);
  });
});
