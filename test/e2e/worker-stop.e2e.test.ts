/**
 * Stopping the extension's worker mid-operation, as the worker-restart tests do (harness.ts
 * watchExtensionWorker): the stop returns once Chrome reports the worker stopped, even when a
 * message starts a fresh worker again at once — which the earlier wait, looking at Chrome's last
 * report every 10–50 ms, missed ("worker did not stop" / "timed out waiting for the extension worker
 * to stop": worker-extras passed only on its retry). And what the extension's client
 * (lib/messaging/client.ts) relies on: a message the stop cut off — rejected, or resolved with no
 * reply at all — reaches the fresh worker when sent once more.
 */
import { expect, it } from 'vitest';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';
import { inPanel, panel } from './pages';

const s = extensionSuite({ shop: 'none', page: 'none', quietPage: true });

it('a worker stopped while messages keep coming: the stop is seen, each message cut off is answered when sent once more, by a fresh worker', async () => {
  for (let i = 0; i < 3; i++) {
    await (await s.h.serviceWorker()).evaluate(() => ((globalThis as { __kfMarker?: string }).__kfMarker = 'old worker'));
    // The page keeps messaging the worker through the stop (so it is started again within
    // milliseconds), each message sent once more when cut off, as the client does.
    await s.quiet.evaluate(() => {
      const w = globalThis as any;
      const ping = () => w.chrome.runtime.sendMessage({ kf: 'ping' }).catch(() => undefined);
      w.__kfPings = { on: true, answered: 0, lost: 0 };
      w.__kfPinging = (async () => {
        while (w.__kfPings.on) {
          const r = (await ping()) ?? (await ping());
          if (r?.ok) w.__kfPings.answered++;
          else w.__kfPings.lost++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
    });
    const worker = await s.stopWorker();
    await worker.detach();
    const pings = await s.quiet.evaluate(async () => {
      const w = globalThis as any;
      w.__kfPings.on = false;
      await w.__kfPinging;
      return w.__kfPings as { answered: number; lost: number };
    });
    expect(pings).toMatchObject({ lost: 0 });
    expect(pings.answered).toBeGreaterThan(0);
    // The worker answering now is a new one, with nothing of the old one's memory (Playwright's
    // Worker for the extension reaches whichever runs; the pings have just started one).
    expect(await (await s.h.serviceWorker()).evaluate(() => (globalThis as { __kfMarker?: string }).__kfMarker ?? null)).toBeNull();
  }
});

it('a stopped worker is started by the console page the agent opens: the panel gets its data from the fresh worker', async () => {
  await (await s.h.serviceWorker()).evaluate(() => ((globalThis as { __kfMarker?: string }).__kfMarker = 'old worker'));
  const worker = await s.stopWorker();
  const page = await s.h.context.newPage();
  try {
    // Whether anything had started the worker by the time the console page was asked for: the
    // harness's routing once waited for the stopped worker (Playwright's context.route), until the
    // worker's alarm woke it a minute later, and the tests waited with it.
    const atRequest: string[] = [];
    page.on('request', (r) => r.url() === CONSOLES.taobaoMemo.url && atRequest.push(worker.status() ?? 'unknown'));
    await openConsole(page, CONSOLES.taobaoMemo);
    expect(atRequest).toEqual(['stopped']);
    // The reply library, which only the worker hands the panel.
    await inPanel(page, '[data-kf="library"] [data-kf="template"]').first().waitFor();
    expect(await inPanel(page, '[data-kf="notice"]').count()).toBe(0);
    await expect.poll(() => worker.status()).toBe('running');
    expect(await (await s.h.serviceWorker()).evaluate(() => (globalThis as { __kfMarker?: string }).__kfMarker ?? null)).toBeNull();
    expect(await panel(page).count()).toBe(1);
  } finally {
    await worker.detach();
    await page.close();
  }
});

it('a large import whose parts a stopped worker held is never imported short: the next part and the commit are refused (upload-lost, nothing written); sent whole again, every buyer goes in', async () => {
  const send = (kf: string, payload: unknown) => s.quiet.evaluate(([kf, payload]) => (globalThis as any).chrome.runtime.sendMessage({ kf, payload }), [kf, payload] as const);
  for (let i = 0; i < 5; i++) expect(await send('patchCustomer', { platform: 'demo', nickname: `分批导入${i}`, patch: { note: `第${i}位` } })).toMatchObject({ ok: true });
  const all = (await send('exportCustomers', {})).value.items as { nickname: string }[];
  expect(all.map((c) => c.nickname).sort()).toEqual(['分批导入0', '分批导入1', '分批导入2', '分批导入3', '分批导入4']);
  expect(await send('deleteAllCustomers', { confirm: true })).toMatchObject({ ok: true });
  const head = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [] };

  // The options page sends a large file in parts (components/options/Customers.tsx); the worker holds them in memory.
  expect(await send('stageCustomersImport', { upload: 'e2e-parts', customers: all.slice(0, 3), from: 0 })).toMatchObject({ ok: true, value: { staged: 3 } });
  // Chrome stops the worker between two parts (idle, an update): the fresh one holds none of them.
  await (await s.stopWorker()).detach();
  expect(await send('stageCustomersImport', { upload: 'e2e-parts', customers: all.slice(3), from: 3 })).toMatchObject({ ok: false, error: { code: 'upload-lost' } });
  expect(await send('importCustomers', { json: head, upload: 'e2e-parts', count: 5 })).toMatchObject({ ok: false, error: { code: 'upload-lost' } });
  expect((await send('exportCustomers', {})).value.items).toEqual([]);

  // The page sends the file whole again, under a new upload: all five.
  expect(await send('stageCustomersImport', { upload: 'e2e-parts-2', customers: all.slice(0, 3), from: 0 })).toMatchObject({ ok: true });
  expect(await send('stageCustomersImport', { upload: 'e2e-parts-2', customers: all.slice(3), from: 3 })).toMatchObject({ ok: true, value: { staged: 5 } });
  expect(await send('importCustomers', { json: head, upload: 'e2e-parts-2', count: 5 })).toMatchObject({ ok: true, value: { ok: true, count: 5, added: 5 } });
  expect(((await send('exportCustomers', {})).value.items as { nickname: string }[]).map((c) => c.nickname).sort()).toEqual(all.map((c) => c.nickname).sort());
});
