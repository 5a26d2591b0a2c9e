/**
 * The page's guard before its script is in, for the browser tests (guard.e2e, sidepanel-guard.e2e).
 */
import { onTestFinished } from 'vitest';
import type { Harness } from './harness';

/**
 * Keeps the worker from putting the guard's script into the tab (its executeScript waits) until the
 * returned function is called: the page's guard is then where it is in the first moment after a chat
 * page loads, or on a slow machine. Undone when the test finishes.
 */
export async function holdGuardScript(h: Harness): Promise<() => Promise<void>> {
  const sw = await h.serviceWorker();
  await sw.evaluate(() => {
    const g = globalThis as any;
    const gate = new Promise<void>((open) => (g.__kfOpenGuard = open));
    g.__kfExec = g.chrome.scripting.executeScript;
    g.chrome.scripting.executeScript = async function (this: unknown, opts: { files?: string[] }, ...rest: unknown[]) {
      if (opts?.files?.includes('/guard-feature.js')) await gate;
      return g.__kfExec.call(this, opts, ...rest);
    };
  });
  onTestFinished(() => sw.evaluate(() => ((globalThis as any).__kfOpenGuard(), ((globalThis as any).chrome.scripting.executeScript = (globalThis as any).__kfExec))).catch(() => {}));
  return () => sw.evaluate(() => (globalThis as any).__kfOpenGuard());
}
