/**
 * Background side of teach mode: the real browser calls behind scripts.ts and forgetSite (Chrome
 * MV3; Firefox where the same APIs exist). Nothing here runs at import time.
 */
import { browser } from '../browser';
import { queueSync, syncTaughtScripts, type ScriptingApi } from './scripts';
import { forgetSite, type ForgetResult } from './flow';
import { forgetTaughtSite, listTaughtSites } from '../storage/sites';

type Scripting = {
  getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(s: unknown[]): Promise<void>;
  unregisterContentScripts(f: { ids: string[] }): Promise<void>;
};
const scripting = () => (browser as unknown as { scripting?: Scripting }).scripting;

export function browserScriptingApi(): ScriptingApi {
  return {
    getRegistered: async () => (await scripting()?.getRegisteredContentScripts()) ?? [],
    register: async (scripts) => {
      await scripting()?.registerContentScripts(scripts);
    },
    unregister: async (ids) => {
      await scripting()?.unregisterContentScripts({ ids });
    },
    hasAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  };
}

/** Background: registers our content script for every taught origin we may access. */
export function syncTaughtScriptsNow(): Promise<void> {
  return queueSync(async () => {
    if (!scripting()) return;
    const sites = await listTaughtSites();
    await syncTaughtScripts(
      sites.map((s) => s.origin),
      browserScriptingApi(),
    );
  });
}

/** syncTaughtScriptsNow after a change of the taught sites: a failure is logged, never thrown at what changed them. */
export const syncTaughtScriptsQuietly = (): Promise<void> => syncTaughtScriptsNow().catch((err) => console.warn('[kf] taught-site scripts', err));

/** Background: forgets a site: record, registered script, permission. */
export function forgetSiteNow(origin: string): Promise<ForgetResult> {
  return forgetSite(origin, {
    forget: forgetTaughtSite,
    // The record is gone first: a sync then takes the site's script out (and leaves the others as they are).
    unregister: syncTaughtScriptsNow,
    removePermission: (pattern) => browser.permissions.remove({ origins: [pattern] }),
    required: browser.runtime.getManifest().host_permissions ?? undefined,
  });
}

/**
 * Background start: sync now, and again whenever the agent grants or withdraws a site's access
 * (in our pages or in the browser's extension settings).
 */
export function registerTaughtSiteScripts(): void {
  const sync = () => void syncTaughtScriptsQuietly();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
