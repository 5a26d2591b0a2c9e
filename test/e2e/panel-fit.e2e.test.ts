/**
 * The panel beside what it cannot move, on a 1366×768 screen at 125% zoom (a 1093×614 CSS viewport
 * drawn at 1.25 device pixels per CSS pixel), in Chromium with the built extension:
 * - the console's remark dialog, centred on the whole window, is moved clear of the panel (its box,
 *   its buttons and its warning line are the page's to click), and the panel's remark form beside it
 *   still works; a dialog too wide for the room goes to the left edge and the panel narrows; one too
 *   wide even for the narrowest panel (900 px) folds the panel while it is open, like other dialogs;
 * - the console's other modal dialogs (a confirm with 取消/确定): moved clear of the panel when they fit
 *   beside it, else the panel folds while they are open and opens again when they close;
 * - a console with a minimum width, which cannot be narrowed, gets the panel folded, saying why — at
 *   the panel's load, and when it takes that width (or the window narrows) later.
 * Hit tests use the page's own `elementFromPoint`: what the agent's click would land on.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { coveredCorners, evaluateInPanel, inPanel, openDemoOrders, panel, remarkDialog } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole, routeConsole } from './consoles';
import { isoDate } from '../../lib/domain/remarks';

const PURPLE = '3930018273645518290'; // demo order: 缺货，晚点发 — the form writes its delay line
const VIEWPORT = { width: 1093, height: 614 };

const s = extensionSuite({ viewport: VIEWPORT, deviceScaleFactor: 1.25, shop: 'close' });

/** The panel's width, as drawn. */
const panelWidth = (p: Page) => evaluateInPanel(p, (roots) => Math.round(roots.map((r) => r.querySelector('[data-kf="panel"]')).find(Boolean)!.getBoundingClientRect().width));

describe('the remark dialog the console centres on the whole window', () => {
  it('is moved clear of the panel: the box, 保存, 取消 and the warning line are the page’s; the panel’s form still writes the remark', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    const dialog = remarkDialog.root(s.page);
    const parts = {
      textarea: remarkDialog.textarea(s.page),
      save: remarkDialog.save(s.page),
      cancel: dialog.locator('button.cancel'),
      warning: dialog.getByText('保存后将替换原有备注'),
    };
    for (const [name, l] of Object.entries(parts)) await expect.poll(() => coveredCorners(l), { message: name }).toEqual([]);
    // Still the whole dialog in the window, and the panel at its full width beside it.
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width - 340);
    expect(await panelWidth(s.page)).toBe(340);

    // The panel's remark form is reachable beside it (real clicks and typing at the panel's fields).
    const shipDate = isoDate(Date.now() + 4 * 86_400_000, 480);
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(shipDate);
    await inPanel(s.page, 'input[data-field="reason"]').fill('缺货');
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await expect.poll(() => parts.textarea.inputValue()).toContain(`可发货日：${shipDate}`);

    // Folding the panel puts the dialog back where the page centred it.
    await inPanel(s.page, '[data-kf="collapse"]').click();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    const offCentre = () => dialog.evaluate((el) => Math.round(Math.abs(el.getBoundingClientRect().left + el.getBoundingClientRect().width / 2 - document.documentElement.clientWidth / 2)));
    await expect.poll(offCentre).toBeLessThanOrEqual(1);
    expect(await dialog.evaluate((el) => (el as HTMLElement).style.translate)).toBe('');
    await inPanel(s.page, '[data-kf="expand"]').click();
    await panel(s.page).waitFor();
    for (const [name, l] of Object.entries(parts)) await expect.poll(() => coveredCorners(l), { message: name }).toEqual([]);
  });

  /** A Taobao sold page's remark dialog as Fusion 1.x draws it: the box itself position:fixed, left/top set by the page's script. */
  async function openFusionDialog(p: Page, width: number, { form = true } = {}) {
    await p.evaluate((width) => {
      const wrapper = document.createElement('div');
      wrapper.className = 'next-overlay-wrapper opened';
      wrapper.innerHTML = `<div class="next-overlay-backdrop" style="position:fixed;inset:0;background:rgba(0,0,0,.3);z-index:1000"></div>
        <div role="dialog" aria-modal="true" class="next-overlay-inner next-dialog" style="position:fixed;z-index:1001;top:60px;width:${width}px;background:#fff;font:12px sans-serif">
          <div class="next-dialog-header" style="padding:12px">修改备注</div>
          <form class="next-dialog-body" style="padding:12px" onsubmit="return false">
            <input type="hidden" name="biz_order_id" value="3712093845610298374">
            <label><input type="radio" name="flag" id="flag0" checked>灰</label><label><input type="radio" name="flag" id="flag5">紫</label>
            <textarea id="memo" rows="5" style="display:block;width:100%;box-sizing:border-box"></textarea>
            <p class="warn" style="text-align:right;margin:4px 0">保存后将替换原有备注</p>
            <div class="next-dialog-footer" style="text-align:right"><button type="submit" class="btn">确定</button> <button type="button" class="cancel">取消</button></div>
          </form>
        </div>`;
      document.body.append(wrapper);
      const box = wrapper.querySelector<HTMLElement>('.next-dialog')!;
      box.style.left = `${(innerWidth - box.offsetWidth) / 2}px`;
    }, width);
    if (form) await inPanel(p, '[data-kf="remark-form"]').waitFor();
    const dialog = p.locator('.next-dialog');
    return { dialog, textarea: dialog.locator('textarea'), ok: dialog.locator('button.btn'), cancel: dialog.locator('button.cancel'), warning: dialog.locator('p.warn') };
  }

  it('on a Taobao sold page, a 600 px Fusion dialog is moved beside the panel', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold);
    const { dialog, ...parts } = await openFusionDialog(s.page, 600);
    for (const [name, l] of Object.entries(parts)) await expect.poll(() => coveredCorners(l), { message: name }).toEqual([]);
    expect(await panelWidth(s.page)).toBe(340);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    // Closed: nothing of it is left changed, and the panel keeps its width.
    await dialog.evaluate((el) => el.parentElement!.remove());
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor({ state: 'detached' });
    expect(await panelWidth(s.page)).toBe(340);
  });

  it('an 800 px dialog, too wide for the room beside the panel, goes to the left edge and the panel narrows beside it', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold);
    const { dialog, ...parts } = await openFusionDialog(s.page, 800);
    for (const [name, l] of Object.entries(parts)) await expect.poll(() => coveredCorners(l), { message: name }).toEqual([]);
    expect(Math.round((await dialog.boundingBox())!.x)).toBe(8);
    const width = await panelWidth(s.page);
    expect(width).toBeLessThan(340);
    expect(width).toBeGreaterThanOrEqual(260);
    // The panel's form is still there to click, at the narrower width.
    const use = await evaluateInPanel(s.page, (roots) => {
      const b = roots.map((r) => r.querySelector('[data-kf="remark-form"]')).find(Boolean)!.getBoundingClientRect();
      return document.elementFromPoint(b.left + b.width / 2, b.top + 5)?.tagName;
    });
    expect(use).toBe('KF-PANEL');
    // Closed: the panel is back at its width.
    await dialog.evaluate((el) => el.parentElement!.remove());
    await expect.poll(() => panelWidth(s.page)).toBe(340);
  });
  /** The demo's own remark dialog (role=dialog, closed by its 取消), drawn `width` px wide. */
  async function openWideDemoDialog(p: Page, width: number) {
    await openDemoOrders(p, s.h.demoUrl);
    await p.addStyleTag({ content: `.next-dialog.remark-dialog { width: ${width}px; }` });
    await remarkDialog.open(p, PURPLE);
    const dialog = remarkDialog.root(p);
    await dialog.waitFor();
    return { dialog, textarea: remarkDialog.textarea(p), save: remarkDialog.save(p), cancel: dialog.locator('button.cancel'), warning: dialog.getByText('保存后将替换原有备注') };
  }

  it('a 900 px remark dialog, too wide even beside the narrowest panel, folds the panel while it is open: 保存, 取消 and the text are the page’s; 取消 opens the panel again', async () => {
    const { dialog, ...parts } = await openWideDemoDialog(s.page, 900);
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    await pageHas(parts);
    // Typed into and closed with the page's own 取消 (a real click where it is drawn).
    await parts.textarea.fill('缺货，晚点发');
    await parts.cancel.click();
    await dialog.waitFor({ state: 'detached' });
    await panel(s.page).waitFor();
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    expect(await panelWidth(s.page)).toBe(340);
  });

  it('a 900 px Fusion dialog on a Taobao sold page: the panel folds; opened by the agent over it, it stays open with the form; it keeps its width when the dialog closes', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold);
    const { dialog, ...parts } = await openFusionDialog(s.page, 900, { form: false });
    const tab = inPanel(s.page, '[data-kf="expand"]');
    await tab.waitFor();
    await pageHas(parts);
    // The agent's choice is theirs: the panel opens over the dialog with its remark form (the dialog at the left edge, the panel at its narrowest).
    await tab.click();
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await tab.count()).toBe(0);
    await dialog.evaluate((el) => el.parentElement!.remove());
    await expect.poll(() => panelWidth(s.page)).toBe(340);
    expect(await tab.count()).toBe(0);
  });

  it('at 1366×768 (100%), the same 900 px remark dialog fits beside the panel: moved clear of it, the panel open at its width', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    const { dialog, ...parts } = await openWideDemoDialog(s.page, 900);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    await pageHas(parts);
    expect(await panelWidth(s.page)).toBe(340);
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    await parts.cancel.click();
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('a console with a minimum width', () => {
  const MIN_WIDTH = (html: string) => html.replace('</head>', '<style>html,body{min-width:1200px}</style></head>');

  /** The panel is folded, saying why, and the visible part of the reply box is the page's, to its right edge (left of the folded tab). */
  async function foldedForRoom() {
    const tab = inPanel(s.page, '[data-kf="expand"]');
    await tab.waitFor();
    expect(await tab.getAttribute('title')).toContain('不能变窄');
    const hits = await s.page.locator('#replyTextarea').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const right = Math.min(r.right, document.documentElement.clientWidth) - 40;
      return [document.elementFromPoint(right, r.top + 5), document.elementFromPoint(right, r.bottom - 5)].map((x) => x?.id);
    });
    expect(hits).toEqual(['replyTextarea', 'replyTextarea']);
    return tab;
  }

  it('cannot be narrowed: the panel starts folded, says why, and the chat box is the page’s', async () => {
    await routeConsole(s.h.context, CONSOLES.pdd, MIN_WIDTH);
    await s.page.goto(CONSOLES.pdd.url);
    const tab = await foldedForRoom();
    // The page's own 1200 px run past the window; the panel adds nothing to it.
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1200);
    // Opened by the agent, the panel says why it was folded.
    await tab.click();
    await panel(s.page).waitFor();
    expect(await inPanel(s.page, '[data-kf="notice"]').textContent()).toContain('不能变窄');
  });

  it('that it takes after the panel has loaded folds the panel then, saying why; opened by the agent, it stays open', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBe(VIEWPORT.width);
    // The console's own stylesheet arrives later (a lazily loaded route, a layout class).
    await s.page.addStyleTag({ content: 'html,body{min-width:1200px}' });
    const tab = await foldedForRoom();
    await tab.click();
    await panel(s.page).waitFor();
    expect(await inPanel(s.page, '[data-kf="notice"]').textContent()).toContain('不能变窄');
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await tab.count()).toBe(0);
  });

  it('at 1366×768 (100%), one the page’s script puts on <body> (or on what body holds) after the panel has loaded folds the panel then, though nothing scrolls sideways', async () => {
    const widen = {
      body: () => void (document.body.style.minWidth = '1200px'),
      'body’s child': () => void (document.querySelector<HTMLElement>('.chat-main')!.style.minWidth = '1100px'),
    };
    for (const [what, fn] of Object.entries(widen)) {
      await s.freshPage();
      await s.page.setViewportSize({ width: 1366, height: 768 });
      await openConsole(s.page, CONSOLES.pdd);
      await s.page.locator('#replyTextarea').waitFor();
      expect(await inPanel(s.page, '[data-kf="expand"]').count(), what).toBe(0);
      await s.page.evaluate(fn);
      // 1200 px run under the panel (1026 px are left beside it) but stay inside the 1366 px window.
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth), what).toBe(1366);
      const tab = await foldedForRoom();
      await tab.click();
      await panel(s.page).waitFor();
      expect(await inPanel(s.page, '[data-kf="notice"]').textContent(), what).toContain('不能变窄');
    }
  });

  it('that the window falls below after the panel has loaded (zoomed in) folds the panel then', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await routeConsole(s.h.context, CONSOLES.pdd, (html) => html.replace('</head>', '<style>html,body{min-width:1000px}</style></head>'));
    await s.page.goto(CONSOLES.pdd.url);
    await panel(s.page).waitFor();
    await s.page.locator('#replyTextarea').waitFor();
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    await s.page.setViewportSize(VIEWPORT);
    await foldedForRoom();
  });

  it('a console without one keeps the panel open', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    await s.page.locator('#replyTextarea').waitFor();
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBe(VIEWPORT.width);
  });
});

/** Where the agent clicks on `l`: the page's own element is there (not the panel), 2 px inside each corner. */
const pageHas = async (parts: Record<string, Locator>) => {
  for (const [name, l] of Object.entries(parts)) await expect.poll(() => coveredCorners(l), { message: name }).toEqual([]);
};

/**
 * A console's confirm dialog, centred on the whole window, as the two common kits draw it, each time
 * in a new layer under <body>: `antd` — a full-window fixed wrap holding the dialog box
 * (`role="dialog" aria-modal="true"`, margin auto); `element` — the full-window layer itself marked
 * as the modal dialog, the box inside it. 确定 and 取消 close it (确定 records itself first).
 */
async function openConfirm(p: Page, width: number, kit: 'antd' | 'element' = 'antd') {
  await p.evaluate(
    ([width, kit]) => {
      const root = document.createElement('div');
      root.className = 'page-confirm';
      const box = `<div class="confirm-box" ${kit === 'antd' ? 'role="dialog" aria-modal="true"' : ''} style="position:relative;margin:100px auto 0;width:${width}px;background:#fff;font:14px sans-serif;text-align:left">
          <div style="padding:20px">确认结束与该买家的会话？结束后买家需重新进线。</div>
          <div style="text-align:right;padding:10px 16px"><button type="button" class="cancel">取消</button> <button type="button" class="ok">确定</button></div>
        </div>`;
      root.innerHTML = `<div class="mask" style="position:fixed;inset:0;background:rgba(0,0,0,.45);z-index:1000"></div>
        <div class="wrap" ${kit === 'element' ? 'role="dialog" aria-modal="true"' : ''} style="position:fixed;inset:0;z-index:1000;overflow:auto">${box}</div>`;
      root.querySelector('.ok')!.addEventListener('click', () => ((document.body.dataset.confirmed = 'ok'), root.remove()));
      root.querySelector('.cancel')!.addEventListener('click', () => root.remove());
      document.body.append(root);
    },
    [width, kit] as const,
  );
  const dialog = p.locator('.page-confirm .confirm-box');
  await dialog.waitFor();
  return { dialog, ok: dialog.locator('button.ok'), cancel: dialog.locator('button.cancel'), text: dialog.getByText('确认结束') };
}

describe('the console’s other dialogs (a confirm with 取消/确定)', () => {
  it('at 125%, a 520 px confirm under the panel is moved clear of it: 确定 works, and it leaves nothing changed when it closes', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    const { dialog, ...parts } = await openConfirm(s.page, 520);
    await pageHas(parts);
    expect(await panelWidth(s.page)).toBe(340);
    await parts.ok.click();
    expect(await s.page.evaluate(() => document.body.dataset.confirmed)).toBe('ok');
    await dialog.waitFor({ state: 'detached' });
    await panel(s.page).waitFor();
    // The next one is placed again, and one opened with the panel folded by the agent is left alone.
    const next = await openConfirm(s.page, 520, 'element');
    await pageHas({ ok: next.ok, cancel: next.cancel });
    await inPanel(s.page, '[data-kf="collapse"]').click();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    await expect.poll(() => next.dialog.evaluate((el) => (el as HTMLElement).style.translate)).toBe('');
    await next.cancel.click();
    await next.dialog.waitFor({ state: 'detached' });
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(1);
    await inPanel(s.page, '[data-kf="expand"]').click();
    await panel(s.page).waitFor();
  });

  it('at 125%, a 900 px confirm, too wide to go beside the panel, folds the panel while it is open; the panel opens again when it closes', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    for (const kit of ['antd', 'element'] as const) {
      const { dialog, ...parts } = await openConfirm(s.page, 900, kit);
      await inPanel(s.page, '[data-kf="expand"]').waitFor();
      await pageHas(parts);
      await parts.cancel.click();
      await dialog.waitFor({ state: 'detached' });
      await panel(s.page).waitFor();
      expect(await panelWidth(s.page)).toBe(340);
    }
    // Opened again by the agent over the dialog, the panel stays open (the agent's choice), and it is
    // open after the dialog closes.
    const { dialog, cancel } = await openConfirm(s.page, 900);
    await inPanel(s.page, '[data-kf="expand"]').click();
    await panel(s.page).waitFor();
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    await cancel.evaluate((el) => (el as HTMLElement).click());
    await dialog.waitFor({ state: 'detached' });
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
  });

  it('a dialog the console hides and shows again (kept in the page between uses) is placed each time', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    const { dialog, ...parts } = await openConfirm(s.page, 520);
    await pageHas(parts);
    const layer = s.page.locator('.page-confirm');
    await layer.evaluate((el) => ((el as HTMLElement).style.display = 'none'));
    await expect.poll(() => dialog.evaluate((el) => (el as HTMLElement).style.translate)).toBe('');
    await layer.evaluate((el) => ((el as HTMLElement).style.display = ''));
    await pageHas(parts);
  });

  it('on every other console fixture at 125% (chat and order pages): 520 px moved, 900 px folds the panel until it closes', async () => {
    for (const fx of [CONSOLES.jd, CONSOLES.douyin, CONSOLES.douyinV2, CONSOLES.kuaishou, CONSOLES.taobaoSold, CONSOLES.jdOrders]) {
      await openConsole(s.page, fx);
      const narrow = await openConfirm(s.page, 520);
      await pageHas({ ok: narrow.ok, cancel: narrow.cancel });
      expect(await panelWidth(s.page), fx.file).toBe(340);
      await narrow.ok.click();
      await narrow.dialog.waitFor({ state: 'detached' });
      const wide = await openConfirm(s.page, 900);
      await inPanel(s.page, '[data-kf="expand"]').waitFor();
      await pageHas({ ok: wide.ok, cancel: wide.cancel });
      await wide.cancel.click();
      await panel(s.page).waitFor();
    }
  });

  it('at 1366×768 (100%), the 900 px confirm fits beside the panel: moved, the panel stays open', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await openConsole(s.page, CONSOLES.pdd);
    const { dialog, ...parts } = await openConfirm(s.page, 900);
    await pageHas(parts);
    expect(await panelWidth(s.page)).toBe(340);
    expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    await parts.ok.click();
    await dialog.waitFor({ state: 'detached' });
  });
});
