/**
 * Order remarks end to end: the built extension in Chromium on the demo console's /orders page.
 * The form writes the remark and the page saves it; an invalid hand-typed remark is held with the
 * reason shown; an override with a reason saves and is recorded; broken remarks on the list are
 * marked and counted; a rule edited in the options page changes what is held.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { callFromExtensionPage, clearOfMidnight, inPanel, MIDNIGHT_WAIT_MS, openDemoOrders, orderRow, remarkDialog } from './pages';
import { extensionSuite } from './suite';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';

const PURPLE = '3930018273645518290'; // 缺货，晚点发 — no ship date, no signature
const RED = '3951842736019283746';
const UNFLAGGED = '4012938475610293847'; // gray, no remark: nothing to say
const UNPAID = '3967201845739261054'; // 等待买家付款, gray, no remark

const today = () => isoDate(Date.now(), 480);
const inDays = (n: number) => isoDate(Date.now() + n * 86_400_000, 480);

interface Override {
  orderId: string;
  agent: string;
  reason: string;
  flag: string;
  text: string;
  problems: { code: string; message: string }[];
}

const s = extensionSuite({});

// The product signs a remark with the shop's date when it writes it, the test with its own today():
// a test that straddles the shop's midnight would expect yesterday's date, so none starts in its last minutes.
beforeEach(async () => {
  await clearOfMidnight();
  await callFromExtensionPage(s.ext, 'saveRuleSet', PRESET_A);
}, 60_000 + MIDNIGHT_WAIT_MS);

describe('remarks on the demo order list', () => {
  it('gives the after-sale records\' examples for goods other than clothes, while the stored rule set keeps the preset\'s text', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    // The order's flag, then the after-sale records: 质量换货 first, 非质量换货 next (as an agent picks with the keyboard).
    const target = inPanel(s.page, '[data-kf="remark-target"]');
    await target.press('ArrowDown');
    await expect.poll(() => target.inputValue()).toBe('quality-exchange');
    await expect.poll(() => inPanel(s.page, '.kf-rm-help').allTextContents()).toContain('例如：袖口开线、外壳磕碰、包装破损');
    await target.press('ArrowDown');
    await expect.poll(() => target.inputValue()).toBe('nonquality-exchange');
    await expect.poll(() => inPanel(s.page, '.kf-rm-help').allTextContents()).toContain('买家的原因，例如：尺码偏小、拍错规格、不想要了');
    const stored = await callFromExtensionPage<typeof PRESET_A>(s.ext, 'getRuleSet');
    expect(stored.records['quality-exchange'].fields.find((f) => f.key === 'defect')!.help).toBe('例如：袖口开线');
  });

  it('builds a remark with the panel form; the page saves it with the earlier line kept', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="remark-meaning"]').textContent()).toContain('【延迟发货】');
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(inDays(4));
    await inPanel(s.page, 'input[data-field="reason"]').fill('缺货');
    const line = `【延迟发货】可发货日：${inDays(4)}｜原因：缺货｜小美 ${today()}`;
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-preview"]').textContent()).toBe(line);
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await expect.poll(() => remarkDialog.textarea(s.page).inputValue()).toBe(`缺货，晚点发\n${line}`);
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();
    await remarkDialog.save(s.page).click();
    await expect.poll(() => remarkDialog.saves(s.page)).toEqual([{ orderId: PURPLE, flag: 'purple', remark: `缺货，晚点发\n${line}` }]);
    await remarkDialog.root(s.page).waitFor({ state: 'detached' });
    expect(await orderRow(s.page, PURPLE).locator('.memo-text').textContent()).toBe(`缺货，晚点发\n${line}`);
  });

  it('a 原因 pasted longer than its 100 characters is kept whole in the form, which says by how much it is over and writes nothing until it is shortened', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    const long = '供应商说这批颜色还要再等几天'.repeat(10).slice(0, 130);
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(inDays(4));
    await inPanel(s.page, 'input[data-field="reason"]').fill(long);
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-field-too-long"]').textContent()).toContain('多 30 字');
    expect(await inPanel(s.page, 'input[data-field="reason"]').inputValue()).toBe(long);
    expect(await inPanel(s.page, '[data-kf="remark-use"]').isDisabled()).toBe(true);
    expect(await remarkDialog.textarea(s.page).inputValue()).toBe('缺货，晚点发');
    await inPanel(s.page, 'input[data-field="reason"]').fill(long.slice(0, 100));
    await inPanel(s.page, '[data-kf="remark-field-too-long"]').waitFor({ state: 'detached' });
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await expect.poll(() => remarkDialog.textarea(s.page).inputValue()).toContain(`原因：${long.slice(0, 100)}｜小美`);
  });

  it('holds the save of an invalid hand-typed remark and shows why; the text stays', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await remarkDialog.textarea(s.page).fill('缺货 过几天发');
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-check"] [data-kf="remark-problems"]').textContent()).toContain('可发货日');
    await remarkDialog.save(s.page).click();
    await inPanel(s.page, '[data-kf="remark-held"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="remark-held"]').textContent()).toContain('保存已拦下');
    // Said in the dialog too, next to the page's own buttons, which stay usable.
    await expect.poll(() => remarkDialog.root(s.page).locator('[data-kf="remark-held"]').textContent()).toContain('可发货日');
    expect(await remarkDialog.save(s.page).isEnabled()).toBe(true);
    expect(await remarkDialog.saves(s.page)).toEqual([]);
    expect(await remarkDialog.textarea(s.page).inputValue()).toBe('缺货 过几天发');
    // Fixing the text lets the same button save.
    await remarkDialog.textarea(s.page).fill(`【延迟发货】可发货日:${inDays(2)}｜小美 ${today()}`);
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();
    expect(await remarkDialog.root(s.page).locator('[data-kf="remark-held"]').count()).toBe(0);
    await remarkDialog.save(s.page).click();
    await expect.poll(async () => (await remarkDialog.saves(s.page)).length).toBe(1);
  });

  it('an empty box on an unflagged order: says there is nothing to check and what gray asks for, not that it follows the rules', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, UNFLAGGED);
    await inPanel(s.page, '[data-kf="remark-empty"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="remark-empty"]').textContent()).toContain('没有备注需要检查');
    expect(await inPanel(s.page, '[data-kf="remark-empty"]').textContent()).toContain('“无效订单”');
    expect(await inPanel(s.page, '[data-kf="remark-ok"]').count()).toBe(0);
  });

  it('saves anyway with a stated reason, and the override can be read back from the extension', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await remarkDialog.textarea(s.page).fill('缺货 到货再发 小美');
    await remarkDialog.save(s.page).click();
    await inPanel(s.page, '[data-kf="remark-held"]').waitFor();
    await inPanel(s.page, '[data-kf="remark-override-open"]').click();
    expect(await inPanel(s.page, '[data-kf="remark-override-confirm"]').isDisabled()).toBe(true);
    await inPanel(s.page, '[data-kf="remark-override-reason"]').fill('买家同意等到货，供应商未给日期');
    await inPanel(s.page, '[data-kf="remark-override-confirm"]').click();
    await expect.poll(() => remarkDialog.saves(s.page)).toEqual([{ orderId: PURPLE, flag: 'purple', remark: '缺货 到货再发 小美' }]);
    await expect
      .poll(async () => (await callFromExtensionPage<Override[]>(s.ext, 'listRemarkOverrides')).find((o) => o.text === '缺货 到货再发 小美'))
      .toMatchObject({ orderId: PURPLE, agent: '小美', flag: 'purple', reason: '买家同意等到货，供应商未给日期' });
    const [latest] = await callFromExtensionPage<Override[]>(s.ext, 'listRemarkOverrides');
    expect(latest!.problems.map((p) => p.code)).toContain('missing-field');
  });

  it('warns beside the flag when red (已核对可发货) is set on an order not yet paid, and lets it be saved; a paid order\'s red says nothing; the list then marks the unpaid one', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    const warning = inPanel(s.page, '[data-kf="remark-status-warning"]');
    // A paid order (买家已付款) flagged red: ready to ship is right, nothing is said.
    await remarkDialog.open(s.page, RED);
    await inPanel(s.page, '[data-kf="remark-form"][data-target="red"]').waitFor();
    expect(await warning.count()).toBe(0);
    await remarkDialog.root(s.page).locator('button.cancel').click();
    await remarkDialog.root(s.page).waitFor({ state: 'detached' });

    // An unpaid order (等待买家付款): the agent flags it red in a hurry.
    await remarkDialog.open(s.page, UNPAID);
    await inPanel(s.page, '[data-kf="remark-form"][data-target="gray"]').waitFor();
    expect(await warning.count()).toBe(0);
    await remarkDialog.root(s.page).locator('input[name="remark-flag"][data-color="red"]').check();
    await inPanel(s.page, '[data-kf="remark-form"][data-target="red"]').waitFor();
    await expect.poll(() => warning.textContent()).toContain('这单还没付款');
    expect(await warning.textContent()).toContain('已核对可发货');
    // A warning, not a hold: the form still writes the line and the page saves it.
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    const line = `【已核对可发货】小美 ${today()}`;
    await expect.poll(() => remarkDialog.textarea(s.page).inputValue()).toBe(line);
    await remarkDialog.save(s.page).click();
    await expect.poll(() => remarkDialog.saves(s.page)).toEqual([{ orderId: UNPAID, flag: 'red', remark: line }]);
    await remarkDialog.root(s.page).waitFor({ state: 'detached' });
    // On the list, the red remark on the unpaid order is marked; the paid red order is not.
    const marker = (id: string) => orderRow(s.page, id).locator('[data-kf="remark-lint"]');
    await expect.poll(() => marker(UNPAID).textContent()).toContain('这单还没付款');
    expect(await marker(UNPAID).getAttribute('data-code')).toBe('status-contradicts-flag');
  });

  it('marks broken remarks on the list and counts them in the panel; valid and empty unflagged ones are not marked', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    // Give one order a valid remark first (through the dialog, as an agent would).
    await remarkDialog.open(s.page, RED);
    await remarkDialog.textarea(s.page).fill(`【已核对可发货】小美 ${today()}`);
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();
    await remarkDialog.save(s.page).click();
    await remarkDialog.root(s.page).waitFor({ state: 'detached' });

    const marker = (id: string) => orderRow(s.page, id).locator('[data-kf="remark-lint"]');
    await expect.poll(() => marker(PURPLE).count()).toBe(1);
    expect(await marker(PURPLE).getAttribute('class')).toMatch(/^kf-/);
    expect(await marker(PURPLE).textContent()).toContain('可发货日');
    expect(await marker(RED).count()).toBe(0);
    expect(await marker(UNFLAGGED).count()).toBe(0);

    const count = inPanel(s.page, '[data-kf="remark-lint-count"]');
    const marked = await s.page.locator('.sold-order [data-kf="remark-lint"]').count();
    const shown = await s.page.locator('.sold-order').count();
    await expect.poll(() => count.textContent()).toBe(`本页检查了 ${shown} 个订单，${marked} 条备注不符合规范`);
    const listed = await inPanel(s.page, '[data-kf="remark-lint-order"]').allTextContents();
    expect(listed).toContain(PURPLE);
    expect(listed).not.toContain(RED);
    // The page's own data is untouched by the markers.
    const orders = await s.page.evaluate(() => (window as any).__demo.orders() as { id: string; remark: string }[]);
    expect(orders.find((o) => o.id === PURPLE)!.remark).toBe('缺货，晚点发');
    // Clicking an order number in the panel brings its row into view.
    await s.page.evaluate(() => window.scrollTo(0, 0));
    const last = listed.at(-1)!;
    await inPanel(s.page, `[data-kf="remark-lint-order"]:text-is("${last}")`).click();
    await expect.poll(() => orderRow(s.page, last).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight + r.height;
    })).toBe(true);
  });
});

describe('the rule set edited in the options page', () => {
  it('changes what a remark on the order page must say', async () => {
    const text = `【延迟发货】可发货日:${inDays(3)}｜小美 ${today()}`;
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await remarkDialog.textarea(s.page).fill(text);
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();

    // The shop makes the reason of a purple remark required.
    const options = await s.h.openExtensionPage('options.html');
    await options.locator('[data-tab="remark-rules"]').click();
    await options.locator('[data-kf="ruleset-editor"]').waitFor();
    await options.locator('[data-kf="editor-target"]').selectOption('purple');
    await options.locator('[data-kf="editor-fields"] tr[data-field="reason"] [data-kf="field-required"]').check();
    await options.locator('[data-kf="rules-try-flag"]').selectOption('purple');
    await options.locator('[data-kf="rules-try-text"]').fill(text);
    await options.locator('[data-kf="rules-try-problems"] [data-field="reason"]').waitFor();
    await options.locator('[data-kf="rules-save"]').click();
    await expect.poll(() => options.locator('[data-kf="rules-status"]').textContent()).toBe('规则已保存。');
    await options.close();
    await s.page.bringToFront(); // animation frames and focus run only in the front tab

    // The open order page follows at once: the same text is now held.
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-check"] [data-kf="remark-problems"]').textContent()).toContain('原因');
    await remarkDialog.save(s.page).click();
    await inPanel(s.page, '[data-kf="remark-held"]').waitFor();
    expect(await remarkDialog.saves(s.page)).toEqual([]);
    await remarkDialog.textarea(s.page).fill(`【延迟发货】可发货日:${inDays(3)}｜原因:缺货｜小美 ${today()}`);
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();
    await remarkDialog.save(s.page).click();
    await expect.poll(async () => (await remarkDialog.saves(s.page)).length).toBe(1);
  });
});
