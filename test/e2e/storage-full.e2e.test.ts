/**
 * A full disk, end to end in Chromium with the built extension. With unlimitedStorage the origin
 * has no quota short of the disk (wxt.config.ts, lib/storage/README.md), so a write fails for quota
 * only when the disk itself is full — which a test cannot arrange, and the DevTools quota override
 * does not apply to an unlimited origin. The test makes the worker's IndexedDB refuse writes the
 * way a full disk does (QuotaExceededError) and checks what the agent meets: a note saved on the
 * buyer card says the storage is full, the typed text stays, nothing saved before is lost, and the
 * same note saves once there is room again. Likewise a remark saved on an order page (the page's own
 * save goes through; the panel says its follow-up was not made, and 重试 makes it) and a follow-up
 * note typed in the popup (the input keeps the text). And a reply inserted: it goes into the chat box
 * (the agent is never held up), the panel says that what it taught was not saved, and saves it once
 * there is room.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, cardReady, chatInput, demo, evaluateInPanel, inPanel, openDemoChat, openDemoOrders, openPopup, remarkDialog } from './pages';
import { buyerNotesSuite } from './suite';
import { diskFull as setDiskFull } from './stores';

const s = buyerNotesSuite();
const BUYER = '米粒妈妈';
const notes = () => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').allTextContents();

/** The worker's IndexedDB writes fail as on a full disk (on), or work again (off). */
const diskFull = async (on: boolean) => setDiskFull(await s.h.serviceWorker(), on);

/** The shop's calendar date `days` from now (the demo shop keeps Beijing time). */
const shopDate = (days: number) => new Date(Date.now() + days * 864e5 + 8 * 3600e3).toISOString().slice(0, 10);

describe('when the disk is full', () => {
  it('a note saved on the buyer card says the storage is full, keeps the text, loses nothing, and saves once there is room', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await cardReady(s.page, BUYER);
    const input = inPanel(s.page, '[data-kf="customer-note-input"]');
    await input.fill('只发顺丰');
    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect.poll(notes).toEqual([expect.stringContaining('只发顺丰')]);

    await diskFull(true);
    try {
      await input.fill('地址改到公司');
      await inPanel(s.page, '[data-kf="customer-note-save"]').click();
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-save-error"]').textContent()).toContain('存储空间已满');
      expect(await input.inputValue()).toBe('地址改到公司');
    } finally {
      await diskFull(false);
    }
    // Nothing saved before was lost, and nothing half-written.
    const stored = await callFromExtensionPage<{ items: { nickname: string; history: { kind: string; text: string }[] }[] }>(s.ext, 'listCustomers', {});
    expect(stored.items.map((c) => [c.nickname, c.history.filter((e) => e.kind === 'note').map((e) => e.text)])).toEqual([[BUYER, ['只发顺丰']]]);

    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect.poll(() => input.inputValue()).toBe('');
    await expect.poll(async () => (await notes()).join('|')).toMatch(/地址改到公司.*只发顺丰|只发顺丰.*地址改到公司/);
    expect(await inPanel(s.page, '[data-kf="customer-save-error"]').count()).toBe(0);
  });

  it('a reply inserted goes into the chat box, which keeps the caret; the panel says what it taught was not saved, and saves it once there is room', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await cardReady(s.page, BUYER);
    await demo.push(s.page, '我想退货，这个不想要了');
    await inPanel(s.page, '[data-kf="suggestions"][data-signals="ready"]').waitFor();
    const top = inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first();
    const id = (await top.getAttribute('data-template-id'))!;
    const body = (await inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-body').first().textContent())!;
    expect(body).not.toMatch(/【/); // goes straight in, no fill-in form
    const usage = async () => (await callFromExtensionPage<{ templates: Record<string, { count: number }> }>(s.ext, 'getUsage')).templates[id]?.count ?? 0;
    const picks = async () => (await callFromExtensionPage<{ picks: { templateId: string | null }[] }>(s.ext, 'exportLearned')).picks.filter((p) => p.templateId === id).length;
    const usedLines = async () => {
      const { items } = await callFromExtensionPage<{ items: { history: { kind: string; ref?: string }[] }[] }>(s.ext, 'listCustomers', {});
      return items.flatMap((c) => c.history).filter((e) => e.kind === 'template-used' && e.ref === id).length;
    };
    const before = { usage: await usage(), picks: await picks() };
    const notice = inPanel(s.page, '[data-kf="notice"]');

    await chatInput(s.page).click();
    await diskFull(true);
    try {
      await s.page.keyboard.press('Alt+1');
      await expect.poll(() => demo.draft(s.page)).toBe(body);
      await expect.poll(() => notice.textContent()).toContain('没能保存（存储空间已满）');
      // Said, not asked: a status line, and the caret is still in the chat box, after the reply.
      expect(await notice.getAttribute('role')).toBe('status');
      await s.page.keyboard.type('好的');
      await expect.poll(() => demo.draft(s.page)).toBe(`${body}好的`);
      // A click on the card inserts too, and is kept the same way.
      await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"] .kf-tpl-main').first().click();
      await expect.poll(() => demo.draft(s.page)).toContain(`好的${body}`);
      await expect.poll(() => notice.textContent()).toContain('存储空间已满');
      expect(await usage()).toBe(before.usage);
      expect(await picks()).toBe(before.picks);
      expect(await usedLines()).toBe(0);
      expect(await demo.sent(s.page)).toBe(0);
    } finally {
      await diskFull(false);
    }
    // Room again: the next write that gets through (a note saved on the card) brings what was kept.
    await inPanel(s.page, '[data-kf="customer-note-input"]').fill('周末不在家');
    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect.poll(usage).toBe(before.usage + 2);
    // The same pick twice within a minute is one example; the buyer's line is one per reply and day.
    expect(await picks()).toBe(before.picks + 1);
    expect(await usedLines()).toBe(1);
    await expect.poll(() => notice.textContent()).toContain('已补上');
  });

  it('a remark saved on an order page says its follow-up was not recorded, and 重试 records it once there is room', async () => {
    const PURPLE = '3930018273645518290';
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
    const followupsOfOrder = async () => JSON.stringify(await callFromExtensionPage(s.ext, 'listFollowups', { perGroup: 200 })).split(PURPLE).length - 1;
    const remarkLines = async () => {
      const { items } = await callFromExtensionPage<{ items: { history: { kind: string; ref?: string }[] }[] }>(s.ext, 'listCustomers', {});
      return items.flatMap((c) => c.history).filter((e) => e.kind === 'remark-saved' && e.ref === PURPLE).length;
    };
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(shopDate(4));
    await inPanel(s.page, 'input[data-field="reason"]').fill('等面料到货');
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();

    const unrecorded = inPanel(s.page, '[data-kf="remark-unrecorded"]');
    await diskFull(true);
    try {
      await remarkDialog.save(s.page).click();
      // The page's own save is the page's: it went through.
      await expect.poll(async () => (await remarkDialog.saves(s.page)).map((x) => x.orderId)).toEqual([PURPLE]);
      await expect.poll(() => unrecorded.textContent()).toContain('存储空间已满');
      expect(await unrecorded.textContent()).toContain('跟进');
      expect(await inPanel(s.page, '[data-kf="remark-notice"]').count()).toBe(0);
      expect(await remarkLines()).toBe(0);
      // Still full: 重试 fails again and says so; nothing is dropped. (Its count was 1 before the
      // click too: the tries say that this 重试 was made and has answered, before room comes back.)
      await inPanel(s.page, '[data-kf="remark-retry"]').click();
      await expect.poll(() => inPanel(s.page, '[data-kf="remark-tries"]').textContent()).toContain('已试了 2 次');
      expect(await unrecorded.getAttribute('data-count')).toBe('1');
    } finally {
      await diskFull(false);
    }
    await inPanel(s.page, '[data-kf="remark-retry"]').click();
    await expect.poll(() => unrecorded.count()).toBe(0);
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-notice"]').textContent()).toContain('跟进已补上');
    expect(await followupsOfOrder()).toBeGreaterThan(0);
    expect(await remarkLines()).toBe(1);
  });

  it('重试 clicked again while the first 重试 is still under way is not lost: the remark is recorded once there is room', async () => {
    const PURPLE = '3930018273645518290';
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
    const remarkLines = async () => {
      const { items } = await callFromExtensionPage<{ items: { history: { kind: string; ref?: string }[] }[] }>(s.ext, 'listCustomers', {});
      return items.flatMap((c) => c.history).filter((e) => e.kind === 'remark-saved' && e.ref === PURPLE).length;
    };
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(shopDate(5));
    await inPanel(s.page, 'input[data-field="reason"]').fill('工厂排单晚了');
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();

    const unrecorded = inPanel(s.page, '[data-kf="remark-unrecorded"]');
    const sw = await s.h.serviceWorker();
    await diskFull(true);
    try {
      await remarkDialog.save(s.page).click();
      await expect.poll(() => unrecorded.textContent()).toContain('存储空间已满');
      // Room comes back just after the worker took the first 重试 (it still finds the disk full);
      // the second 重试 is clicked before that one has answered — as on a slow worker.
      await sw.evaluate(() => {
        const g = globalThis as any;
        let taken = 0;
        g.__kfRoomOnSecond = (m: { kf?: string } | undefined) => {
          if (m?.kf !== 'recordRemark' || ++taken !== 2) return;
          (IDBObjectStore.prototype as any).put = g.__kfPut;
          (IDBObjectStore.prototype as any).add = g.__kfAdd;
        };
        g.chrome.runtime.onMessage.addListener(g.__kfRoomOnSecond);
      });
      await evaluateInPanel(s.page, (roots) => {
        const retry = roots.map((r) => r.querySelector<HTMLElement>('[data-kf="remark-retry"]')).find(Boolean)!;
        retry.click();
        retry.click();
      });
      await expect.poll(() => unrecorded.count()).toBe(0);
      await expect.poll(() => inPanel(s.page, '[data-kf="remark-notice"]').textContent()).toContain('跟进已补上');
      expect(await remarkLines()).toBe(1);
    } finally {
      await sw.evaluate(() => (globalThis as any).chrome.runtime.onMessage.removeListener((globalThis as any).__kfRoomOnSecond));
      await diskFull(false);
    }
  });

  it('a panel re-mounted while a 重试 is under way shows the save kept, and the try is counted once', async () => {
    const PURPLE = '3930018273645518290';
    await callFromExtensionPage(s.ext, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
    await openDemoOrders(s.page, s.h.demoUrl);
    await remarkDialog.open(s.page, PURPLE);
    await inPanel(s.page, 'input[data-field="shipDate"]').fill(shopDate(5));
    await inPanel(s.page, 'input[data-field="reason"]').fill('面料到货晚了');
    await inPanel(s.page, '[data-kf="remark-use"]').click();
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();
    const unrecorded = inPanel(s.page, '[data-kf="remark-unrecorded"]');
    // Every recordRemark the panel sends is counted, and held until let go (a slow worker).
    await evaluateInPanel(s.page, () => {
      const g = globalThis as any;
      const runtime = g.chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      g.__kfRemarkSends = 0;
      g.__kfHold = null;
      runtime.sendMessage = async (m: { kf?: string }) => {
        if (m?.kf === 'recordRemark') {
          g.__kfRemarkSends++;
          if (g.__kfHold) await g.__kfHold.promise;
        }
        return send(m);
      };
    });
    const sends = () => evaluateInPanel(s.page, () => (globalThis as any).__kfRemarkSends as number);
    await diskFull(true);
    try {
      await remarkDialog.save(s.page).click();
      await expect.poll(() => unrecorded.textContent()).toContain('存储空间已满');
      expect(await sends()).toBe(1);
      await evaluateInPanel(s.page, (roots) => {
        const g = globalThis as any;
        let release!: () => void;
        g.__kfHold = { promise: new Promise<void>((r) => (release = r)), release };
        roots.map((r) => r.querySelector<HTMLElement>('[data-kf="remark-retry"]')).find(Boolean)!.click();
      });
      await expect.poll(sends).toBe(2);
      // The panel folded and opened again (its remark form is mounted anew) while that 重试 is held.
      await inPanel(s.page, '[data-kf="collapse"]').click();
      await inPanel(s.page, '[data-kf="expand"]').click();
      await inPanel(s.page, '[data-kf="remarks"]').waitFor();
      await expect.poll(() => unrecorded.textContent()).toContain('存储空间已满');
      await evaluateInPanel(s.page, () => (globalThis as any).__kfHold.release());
      // Two sends (the save and one 重试), said as two tries.
      await expect.poll(() => inPanel(s.page, '[data-kf="remark-tries"]').textContent()).toContain('已试了 2 次');
      expect(await sends()).toBe(2);
      expect(await inPanel(s.page, '[data-kf="remark-tries"]').textContent()).toContain('已试了 2 次');
    } finally {
      await evaluateInPanel(s.page, () => (globalThis as any).__kfHold?.release()).catch(() => {});
      await diskFull(false);
    }
    await inPanel(s.page, '[data-kf="remark-retry"]').click();
    await expect.poll(() => unrecorded.count()).toBe(0);
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-notice"]').textContent()).toContain('跟进已补上');
  });

  it('a follow-up note typed in the popup keeps its input and text, and saves with Enter once there is room', async () => {
    // Due a minute ago: an overdue item is on the popup's open list at any hour. Due in an hour, it
    // was tomorrow's from 23:00 Beijing, in the folded 以后, and the row was never on screen.
    const fu = await callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title: '回电确认尺码', dueAt: Date.now() - 60_000 });
    const popup = await openPopup(s.h);
    try {
      const row = popup.locator(`[data-kf="followup"][data-id="${fu.id}"]`);
      await row.click();
      await popup.keyboard.press('n');
      const input = row.locator('[data-kf="note-input"]');
      await input.fill('买家说周五前都在家');
      await diskFull(true);
      try {
        await input.press('Enter');
        await expect.poll(() => row.locator('[data-kf="followup-error"]').textContent()).toContain('存储空间已满');
        expect(await input.inputValue()).toBe('买家说周五前都在家');
      } finally {
        await diskFull(false);
      }
      await input.press('Enter');
      await expect.poll(() => row.locator('[data-kf="followup-note"]').textContent()).toBe('买家说周五前都在家');
      expect(await input.count()).toBe(0);
      expect(await row.locator('[data-kf="followup-error"]').count()).toBe(0);
    } finally {
      await popup.close();
    }
  });
});
