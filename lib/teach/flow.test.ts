import { describe, expect, it, vi } from 'vitest';
import { forgetSite, isRequiredOrigin, teachTab, type TabStatus, type TeachDeps } from './flow';
import { CONSOLE_MATCHES, DEMO_MATCHES } from '../sites/matches';
import { CONTENT_SCRIPT_FILE, scriptIdFor, syncTaughtScripts, type RegisteredScript, type ScriptingApi } from './scripts';

const STATUS: TabStatus = { site: null, canInsert: false, buyer: null, teaching: false };

/** A browser where the agent answers the permission prompt with `grant` and our script may be missing. */
function fakeBrowser(opts: { grant: boolean; scriptPresent: boolean; injectWorks?: boolean }) {
  let present = opts.scriptPresent;
  const calls: string[] = [];
  const deps: TeachDeps = {
    requestPermission: vi.fn(async (p: string) => {
      calls.push(`request ${p}`);
      return opts.grant;
    }),
    ping: vi.fn(async () => (present ? STATUS : null)),
    inject: vi.fn(async () => {
      calls.push('inject');
      if (opts.injectWorks === false) throw new Error('Cannot access contents of the page');
      present = true;
    }),
    startTeach: vi.fn(async () => {
      calls.push('start');
      return present;
    }),
  };
  return { deps, calls };
}

describe('teaching a tab: permission first, then the picker', () => {
  it('asks for this site only, injects our script when absent, then starts the picker', async () => {
    const b = fakeBrowser({ grant: true, scriptPresent: false });
    const r = await teachTab({ id: 7, url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace?x=1' }, b.deps);
    expect(r).toEqual({ ok: true, origin: 'https://im.jinritemai.com' });
    expect(b.calls).toEqual(['request https://im.jinritemai.com/*', 'inject', 'start']);
  });

  it('asks for the permission before anything else awaits (the click gesture must still be alive)', async () => {
    const b = fakeBrowser({ grant: true, scriptPresent: true });
    const p = teachTab({ id: 1, url: 'https://erp.example/' }, b.deps);
    // Synchronously, before the first microtask: the request has already been made.
    expect(b.deps.requestPermission).toHaveBeenCalledTimes(1);
    await p;
    expect(b.deps.inject).not.toHaveBeenCalled();
  });

  it('changes nothing when the agent declines the permission', async () => {
    const b = fakeBrowser({ grant: false, scriptPresent: false });
    expect(await teachTab({ id: 1, url: 'https://erp.example/' }, b.deps)).toEqual({ ok: false, reason: 'denied', origin: 'https://erp.example' });
    expect(b.calls).toEqual(['request https://erp.example/*']);
  });

  it('refuses browser pages and tabs whose address it cannot read', async () => {
    const b = fakeBrowser({ grant: true, scriptPresent: true });
    expect(await teachTab({ id: 1, url: 'chrome://extensions/' }, b.deps)).toMatchObject({ ok: false, reason: 'not-web' });
    expect(await teachTab({ id: 1 }, b.deps)).toMatchObject({ ok: false, reason: 'not-web' });
    expect(await teachTab(null, b.deps)).toMatchObject({ ok: false, reason: 'no-tab' });
    expect(b.deps.requestPermission).not.toHaveBeenCalled();
  });

  it('reports a page the browser will not let us script (e.g. the web store)', async () => {
    const b = fakeBrowser({ grant: true, scriptPresent: false, injectWorks: false });
    expect(await teachTab({ id: 1, url: 'https://erp.example/' }, b.deps)).toMatchObject({ ok: false, reason: 'inject-failed' });
  });
});

describe('forgetting a site', () => {
  it('removes the record, the registered script and the optional permission', async () => {
    const deps = { forget: vi.fn(async () => true), unregister: vi.fn(async () => {}), removePermission: vi.fn(async () => true) };
    expect(await forgetSite('https://erp.example', deps)).toEqual({ removed: true, permission: 'removed' });
    expect(deps.unregister).toHaveBeenCalledWith('https://erp.example');
    expect(deps.removePermission).toHaveBeenCalledWith('https://erp.example/*');
  });

  it('keeps a permission the running build requires (the demo host of the test build) and says so', async () => {
    const deps = {
      forget: vi.fn(async () => true),
      unregister: vi.fn(async () => {}),
      removePermission: vi.fn(async () => true),
      required: [...CONSOLE_MATCHES, ...DEMO_MATCHES],
    };
    expect(await forgetSite('http://127.0.0.1:41234', deps)).toEqual({ removed: true, permission: 'required' });
    expect(deps.removePermission).not.toHaveBeenCalled();
  });

  it('tells required origins by scheme, host and port like Chrome does', () => {
    // The build users get does not ask for the demo's local hosts; the test build does.
    expect(isRequiredOrigin('http://127.0.0.1:5173')).toBe(false);
    expect(isRequiredOrigin('http://127.0.0.1:5173', [...CONSOLE_MATCHES, ...DEMO_MATCHES])).toBe(true);
    expect(isRequiredOrigin('https://mms.pinduoduo.com')).toBe(true);
    expect(isRequiredOrigin('http://mms.pinduoduo.com')).toBe(false);
    expect(isRequiredOrigin('https://im.jinritemai.com')).toBe(true);
    expect(isRequiredOrigin('https://fxg.jinritemai.com')).toBe(false);
    expect(isRequiredOrigin('https://a.shop.example', ['https://*.shop.example/*'])).toBe(true);
  });
});

describe('content scripts for taught origins', () => {
  function fakeScripting(granted: string[], registered: RegisteredScript[] = []) {
    const state = [...registered];
    const api: ScriptingApi = {
      getRegistered: async () => [...state],
      register: async (s) => {
        for (const x of s) {
          if (state.some((y) => y.id === x.id)) throw new Error(`Duplicate script ID '${x.id}'`);
          expect(x.js).toEqual([CONTENT_SCRIPT_FILE]);
          state.push({ id: x.id, matches: x.matches });
        }
      },
      unregister: async (ids) => {
        for (const id of ids) state.splice(state.findIndex((y) => y.id === id), 1);
      },
      hasAccess: async (p) => granted.includes(p),
    };
    return { api, state };
  }

  it('registers one script per taught origin the agent granted, and is idempotent', async () => {
    const f = fakeScripting(['https://erp.example/*']);
    const r = await syncTaughtScripts(['https://erp.example', 'https://not-granted.example'], f.api);
    expect(r.registered).toEqual([scriptIdFor('https://erp.example')]);
    expect(f.state).toEqual([{ id: scriptIdFor('https://erp.example'), matches: ['https://erp.example/*'] }]);
    expect(await syncTaughtScripts(['https://erp.example'], f.api)).toEqual({ registered: [], unregistered: [] });
  });

  it('removes scripts of forgotten or revoked sites and leaves other extensions’ ids alone', async () => {
    const f = fakeScripting([], [{ id: scriptIdFor('https://old.example'), matches: ['https://old.example/*'] }, { id: 'someone-else', matches: ['https://x/*'] }]);
    expect(await syncTaughtScripts(['https://old.example'], f.api)).toEqual({ registered: [], unregistered: [scriptIdFor('https://old.example')] });
    expect(f.state.map((s) => s.id)).toEqual(['someone-else']);
  });
});
