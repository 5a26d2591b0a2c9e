/**
 * The floors the bench divides by, measured in the same run as the figures (this machine is
 * shared and noisy; absolute times moved 2× between runs, ratios much less): the bare fixture
 * extension (test/bench/bare-extension) loaded alone into a second Chromium, a no-op `ping`
 * round trip to our own worker, and the demo page's own render without our extension.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, watchExtensionWorker, type Harness } from '../e2e/harness';
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
 * (as Chrome does when it is idle; watchExtensionWorker waits until Chrome reports it stopped), then
 * the extension page `page` sends `message`; `sample()` returns the milliseconds from the send to
 * the answer, timed in that page. `page` should send nothing of its own meanwhile (the options
 * page's data tabs reload on every change, and such a message wakes the worker before `message`
 * does): quietExtensionPage.
 */
export async function workerWaker(h: Harness, page: Page, message: unknown): Promise<{ sample(): Promise<number>; close(): Promise<void> }> {
  const worker = await watchExtensionWorker(h, page);
  return {
    async sample() {
      await worker.stop();
      return page.evaluate(async (msg) => {
        const t0 = performance.now();
        const r = await (globalThis as any).chrome.runtime.sendMessage(msg);
        if (!r?.ok) throw new Error(`no answer: ${JSON.stringify(r)}`);
        return performance.now() - t0;
      }, message);
    },
    close: () => worker.detach(),
  };
}

/**
 * The agent's click on the demo's conversation item `id`: real input through the DevTools protocol
 * (page.mouse), so the page and the extension see a trusted click as from a mouse. Timed in the page
 * (epoch ms, performance.timeOrigin + now): `t0` when the click event reaches the window, before any
 * listener of the page or of an extension; `handled` when every listener of it has returned (the
 * page's own handler, and ours where the extension is loaded). `mark`: a performance mark at t0
 * (trace-switch.ts).
 */
export async function agentClick(page: Page, id: string, mark?: string): Promise<{ t0: number; handled: number }> {
  const at = await page.evaluate(
    ([id, mark]) => {
      const item = [...document.querySelectorAll<HTMLElement>('.conv-item')].find((li) => li.dataset.buyerId === id);
      if (!item) throw new Error(`no conversation ${id}`);
      item.scrollIntoView({ block: 'nearest' });
      const w = window as unknown as { __kfClick?: { t0: number; handled: number } };
      w.__kfClick = undefined;
      let t0 = 0;
      addEventListener('click', () => ((t0 = performance.timeOrigin + performance.now()), mark && performance.mark(mark)), { capture: true, once: true });
      addEventListener('click', () => (w.__kfClick = { t0, handled: performance.timeOrigin + performance.now() }), { once: true });
      const r = item.getBoundingClientRect();
      return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
    },
    [id, mark ?? ''] as const,
  );
  await page.mouse.click(at.x, at.y);
  const times = await page.evaluate(() => (window as unknown as { __kfClick?: { t0: number; handled: number } }).__kfClick);
  if (!times) throw new Error(`the click on ${id} did not reach the page`);
  return times;
}

/**
 * The demo page's own conversation switch, without our extension: ms from the agent's click on
 * the conversation (agentClick: trusted, timed from when it reaches the window) to the animation
 * frame in which the page shows that buyer in the chat header. (The page renders synchronously on
 * click, so this is the time to its next frame: what an agent sees of the switch.) Run it on a page
 * of the bare harness after `openDemoChat`. `id`: the buyer id to click (two demo buyers share a
 * masked nickname).
 */
export async function pageSwitchOnce(page: Page, nick: string, id: string): Promise<number> {
  const shown = await watchPageSwitch(page, nick, id);
  const { t0 } = await agentClick(page, id);
  return (await shown()) - t0;
}

/**
 * Watches the page for its switch to `nick` (`id`): the returned function resolves to the epoch ms
 * of the animation frame in which the page's chat header shows them. Set up before the click.
 */
export async function watchPageSwitch(page: Page, nick: string, id: string): Promise<() => Promise<number>> {
  await page.evaluate(
    ([nick, id]) => {
      const shown = () => document.querySelector('.chat-buyer-nick')?.textContent === nick && document.querySelector('.chat-header')?.getAttribute('data-buyer-id') === id;
      (window as unknown as { __kfOwn: Promise<number> }).__kfOwn = new Promise<number>((resolve, reject) => {
        const obs = new MutationObserver(() => {
          if (!shown()) return;
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`page did not switch to ${nick} in 5 s`)), 5000);
      });
    },
    [nick, id] as const,
  );
  return () => page.evaluate(() => (window as unknown as { __kfOwn: Promise<number> }).__kfOwn);
}
