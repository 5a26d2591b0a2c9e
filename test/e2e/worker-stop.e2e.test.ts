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
