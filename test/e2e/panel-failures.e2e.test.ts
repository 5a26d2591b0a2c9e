/**
 * What the in-page panel says when its data or one of its feature scripts cannot be had: the reason
 * with what the agent can do, never a developer's message alone. The worker is made to answer as
 * the cases do, by a listener that answers before its own (as test/e2e/customers.e2e.test.ts does).
 */
import { expect, it, onTestFinished } from 'vitest';
import { extensionSuite } from './suite';
import { inPanel, openDemoChat } from './pages';

const s = extensionSuite();

/** Makes the worker answer `verbs` as `error`, first; taken away when the test finishes. */
async function answerFirst(verbs: Record<string, { code: string; message: string }>, only?: { name: string }): Promise<void> {
  const sw = await s.h.serviceWorker();
  await sw.evaluate(
    ([answers, filter]) => {
      const g = globalThis as any;
      g.__kfFirst = (m: { kf?: string; payload?: { name?: string } } | undefined, _sender: unknown, respond: (r: unknown) => void) => {
        const error = m?.kf ? answers[m.kf] : undefined;
        if (error && (!filter || m?.payload?.name === filter.name)) respond({ ok: false, error });
      };
      g.chrome.runtime.onMessage.addListener(g.__kfFirst);
    },
    [verbs, only ?? null] as const,
  );
  onTestFinished(() => sw.evaluate(() => (globalThis as any).chrome.runtime.onMessage.removeListener((globalThis as any).__kfFirst)).catch(() => {}));
}

it('a background older than the page (updated, not reloaded) is named in the library notice with what to do, not as “unknown message”', async () => {
  // What such a background answers a verb it does not know (lib/messaging/dispatch.ts), here the library's read.
  await answerFirst({ getPanelLibrary: { code: 'invalid', message: 'unknown message' } });
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
  await expect
    .poll(() => inPanel(s.page, '[data-kf="notice"] > span').textContent())
    .toBe('读取话术库失败：客服助手已更新，但还没有重新加载：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」，然后刷新此页面');
});

it('a part of the panel whose script does not load says to refresh the page, with the reason', async () => {
  // The page check's script, as an update that took its file away would fail it (the worker's executeScript).
  await answerFirst({ loadFeature: { code: 'unknown', message: "Could not load file: '/check-feature.js'." } }, { name: 'check' });
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
  await inPanel(s.page, '[data-kf="check-open"]').click();
  await expect
    .poll(() => inPanel(s.page, '[data-kf="feature-check"] .kf-error').textContent())
    .toBe("这部分功能没能加载（Could not load file: '/check-feature.js'.）：请刷新页面再试");
});

it('the reply clock, when the script it comes with cannot be put in the tab, says so in its place, and the rest of the panel works', async () => {
  // The clock is in the script every panel loads after it is shown (lib/panel/features.ts: 'fit'). The
  // worker's executeScript fails as an update that took the file away would fail it (answering the
  // message first is not enough here: the worker's own handler would still put the small script in).
  const sw = await s.h.serviceWorker();
  await sw.evaluate(() => {
    const g = globalThis as any;
    g.__kfExec = g.chrome.scripting.executeScript;
    g.chrome.scripting.executeScript = function (this: unknown, opts: { files?: string[] }, ...rest: unknown[]) {
      if (opts?.files?.includes('/fit-feature.js')) return Promise.reject(new Error("Could not load file: '/fit-feature.js'."));
      return g.__kfExec.call(this, opts, ...rest);
    };
  });
  onTestFinished(() => sw.evaluate(() => ((globalThis as any).chrome.scripting.executeScript = (globalThis as any).__kfExec)).catch(() => {}));
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
  await expect.poll(() => inPanel(s.page, '[data-kf="clock-slot"] .kf-error').textContent()).toMatch(/^这部分功能没能加载（.+）：请刷新页面再试$/);
  expect(await inPanel(s.page, '[data-kf="buyer"]').textContent()).toContain('小鹿乱撞0521');
});
