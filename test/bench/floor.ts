/**
 * The floors the bench divides by, measured in the same run as the figures (this machine is
 * shared and noisy; absolute times moved 2× between runs, ratios much less): the bare fixture
 * extension (test/bench/bare-extension) loaded alone into a second Chromium, a no-op `ping`
 * round trip to our own worker, and the demo page's own render without our extension.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from '../e2e/harness';
import { percentile, round } from './stats';

export const BARE_EXTENSION_DIR = resolve(import.meta.dirname, 'bare-extension');

export function launchBare(): Promise<Harness> {
  return launchWithExtension({ extensionDir: BARE_EXTENSION_DIR });
}

/** p50(ours) / p50(floor), and both p50s. */
export function ratio(ours: number[], floor: number[]): { ours: number; floor: number; ratio: number } {
  const a = percentile(ours, 50);
  const b = percentile(floor, 50);
  return { ours: round(a, 2), floor: round(b, 2), ratio: round(a / b, 2) };
}

/**
 * Wakes a stopped service worker and times it: the worker is stopped through the DevTools protocol
 * (as Chrome does when it is idle), then the extension page `page` sends `message`; `sample()`
 * returns the milliseconds from the send to the answer, timed in that page.
 */
export async function workerWaker(h: Harness, page: Page, message: unknown): Promise<{ sample(): Promise<number>; close(): Promise<void> }> {
  const cdp = await h.context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const until = async (ok: () => boolean, what: string) => {
    for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!ok()) throw new Error(`worker wake bench: ${what}`);
  };
  await until(() => status.size > 0, 'no worker version reported');
  return {
    async sample() {
      const running = [...status].filter(([, s]) => s === 'running').map(([id]) => id);
      for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
      await until(() => [...status.values()].every((s) => s === 'stopped'), 'worker did not stop');
      return page.evaluate(async (msg) => {
        const t0 = performance.now();
        const r = await (globalThis as any).chrome.runtime.sendMessage(msg);
        if (!r?.ok) throw new Error(`no answer: ${JSON.stringify(r)}`);
        return performance.now() - t0;
      }, message);
    },
    close: () => cdp.detach(),
  };
}

/**
 * The demo page's own conversation switch, without our extension: ms from the click on `nick`'s
 * conversation to the animation frame in which the page shows that buyer in the chat header.
 * (The page renders synchronously on click, so this is the time to its next frame: what an agent
 * sees of the switch.) Run it on a page of the bare harness after `openDemoChat`.
 */
/** `id`: the buyer id to click when given (two demo buyers share a masked nickname). */
export function pageSwitchOnce(page: Page, nick: string, id?: string): Promise<number> {
  return page.evaluate(
    ([nick, id]) =>
      new Promise<number>((resolve, reject) => {
        const item = [...document.querySelectorAll<HTMLElement>('.conv-item')].find((li) => (id ? li.dataset.buyerId === id : li.dataset.nick === nick));
        if (!item) return reject(new Error(`no conversation ${id ?? nick}`));
        const shown = () =>
          document.querySelector('.chat-buyer-nick')?.textContent === nick && (!id || document.querySelector('.chat-header')?.getAttribute('data-buyer-id') === id);
        let t0 = 0;
        const done = () => requestAnimationFrame(() => resolve(performance.now() - t0));
        const obs = new MutationObserver(() => {
          if (!shown()) return;
          obs.disconnect();
          done();
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`page did not switch to ${nick} in 5 s`)), 5000);
        t0 = performance.now();
        item.click();
        if (shown()) {
          obs.disconnect();
          done();
        }
      }),
    [nick, id] as const,
  );
}
