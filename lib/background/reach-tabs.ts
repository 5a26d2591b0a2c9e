/**
 * An update (or 重新加载 in chrome://extensions) leaves every open console tab with the old content
 * script, whose runtime is gone: Chrome puts the new one only into pages loaded afterwards. Agents
 * keep the console open all day, so the worker puts the new copy into the tabs already open — the
 * consoles the manifest's content script matches and the taught sites whose access is granted (the
 * scripts registered for them) — in the top frame, as the manifest's runs. There the new copy takes
 * over from the old one (entrypoints/content/index.tsx); a tab it cannot reach keeps the old panel,
 * which asks the agent to refresh the page. Firefox puts the new content script in by itself.
 * Run from worker-extras.js (only at an update: not worth parsing at every wake); `registered` is
 * the worker's sync of the taught sites' scripts (an update drops the old registrations). A worker
 * stopped before this is done leaves it to the next (entrypoints/background.ts).
 */
import { browser } from '../browser';
import { REACH_PENDING } from './reach-pending';

export async function reachOpenTabs(registered: Promise<unknown>): Promise<void> {
  const [cs] = browser.runtime.getManifest().content_scripts ?? [];
  if (import.meta.env.FIREFOX || !cs?.js) return;
  await registered.catch(() => {});
  const taught = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  const url = [...(cs.matches ?? []), ...taught.flatMap((s) => s.matches ?? [])];
  // Settled only once every tab took the new copy (or refused it): until then the work stays
  // marked for the next worker (reach-pending.ts).
  const tabs = await browser.tabs.query({ url });
  await Promise.all(tabs.map(({ id }) => id !== undefined && browser.scripting.executeScript({ target: { tabId: id }, files: cs.js }).catch(() => {})));
  await browser.storage.session.remove(REACH_PENDING);
}
