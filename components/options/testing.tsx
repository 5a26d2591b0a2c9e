import { afterEach, expect, vi } from 'vitest';
import { PRESET_A } from '@/lib/domain/remarks/presets';
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsContext, type OptionsApi } from './OptionsContext';
import { mount } from '../remarks/testing';
import { DEFAULT_APP_SETTINGS, type AppSettings, type DeepPartial } from '@/lib/storage/settings';
import type { LibraryRecord } from '@/lib/storage/library';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { parseLibraryImport } from '@/lib/domain/templates/validate';
import { lostUnreckoned, settleLostWithKind } from '@/lib/domain/templates/starter-kinds';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import { TemplateEditor } from './TemplateEditor';

/** Lets pending effects and replies settle. */
export const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

/**
 * Waits until `shown` holds (returns something truthy, or stops throwing) for what the tab shows,
 * letting Preact render and run its effects between tries: a list loads, a search waits for the
 * typing to pause, a file is read, a download follows two replies, each in its own time.
 */
export async function until(shown: () => unknown): Promise<void> {
  await vi.waitFor(
    async () => {
      await act(async () => {});
      if (!shown()) throw new Error('not shown yet');
    },
    { timeout: 5_000, interval: 20 },
  );
}

let cleanups: (() => void)[] = [];
/** Verbs a tab called that its test gave no reply for (the components turn the error into a message, so it is checked here). */
let unexpected: string[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
  const seen = unexpected;
  unexpected = [];
  expect(seen, 'verbs the tab called without a reply in its test').toEqual([]);
});

export interface TabOptions {
  /** Verbs that write: after answering one, every change listener fires, as storage.onChanged would. */
  notify?: string[];
}

const DEFAULT_REPLIES: Record<string, (payload: any) => unknown> = {
  teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
  checkStarterReturn: () => ({ ids: [] }),
};

/**
 * An options tab mounted with a fake background: `replies` answers each verb (any other verb is an
 * error, so a test notices an unexpected call). Unmounted after each test.
 */
export async function mountTab(component: ComponentChild, replies: Record<string, (payload: any) => unknown>, opts: TabOptions = {}) {
  const listeners = new Set<() => void>();
  const call = vi.fn(async (verb: string, payload?: unknown) => {
    // Outside team mode unless the test says: the privacy statements and delete questions ask (useTeamShop);
    // and no welcome lost with an earlier removal of the clothing replies (话术库 asks, StarterReturnNotice).
    const r = replies[verb] ?? DEFAULT_REPLIES[verb];
    if (!r) {
      unexpected.push(verb);
      throw new Error(`unexpected ${verb}`);
    }
    const value = await r(payload);
    if (opts.notify?.includes(verb)) queueMicrotask(() => listeners.forEach((l) => l()));
    return value;
  });
  const onChanged = (_areas: unknown, l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const api = { call, onChanged } as unknown as OptionsApi;
  const m = mount(<OptionsContext.Provider value={api}>{component}</OptionsContext.Provider>);
  cleanups.push(m.unmount);
  await flush();
  const q = (sel: string) => m.root.querySelector(sel);
  const click = async (sel: string) => {
    await act(async () => (q(sel) as HTMLElement).click());
    await flush();
  };
  /** Submits the form `sel` as Enter or its submit button would. */
  const submit = async (sel = 'form') => {
    await act(async () => {
      q(sel)!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
  };
  /** Something changed elsewhere (another tab, the panel): every change listener fires, as storage.onChanged would. */
  const changed = async () => {
    await act(async () => listeners.forEach((l) => l()));
    await flush();
  };
  return { q, m, call, click, submit, changed };
}

/** The settings as the worker keeps them: a new object on every read, patches merged per section. */
export function settingsStore(first: DeepPartial<AppSettings> = {}) {
  let stored: AppSettings = merge(structuredClone(DEFAULT_APP_SETTINGS), first);
  function merge(s: AppSettings, p: DeepPartial<AppSettings>): AppSettings {
    return {
      ...s,
      shop: { ...s.shop, ...p.shop },
      panel: { ...s.panel, ...p.panel },
      followups: { ...s.followups, ...p.followups },
      shopCues: (p.shopCues as AppSettings['shopCues']) ?? s.shopCues,
      ...(p.setup || s.setup ? { setup: { ...s.setup!, ...p.setup } } : {}),
    };
  }
  const patchSettings = vi.fn((p: DeepPartial<AppSettings>) => structuredClone((stored = merge(stored, p))));
  return {
    replies: { getSettings: () => structuredClone(stored), patchSettings },
    patchSettings,
    /** A write from elsewhere (another tab, the panel); the page hears of it with `changed()`. */
    elsewhere: (p: DeepPartial<AppSettings>) => void (stored = merge(stored, p)),
  };
}

/**
 * The 话术库 tab over `lib` (stored at updatedAt 5), with a background that validates saves the way
 * the worker does and refuses one made on a stale copy; `role` = team mode as that member. Resolves
 * once the shipped starter (fetched after the stored library) has arrived.
 */
export async function libraryTab(lib: TemplateLibrary, role?: 'agent' | 'supervisor', worker: { mark?: unknown; copy?: TemplateLibrary } = {}) {
  let stored: LibraryRecord = { v: 2, ...structuredClone(lib), updatedAt: 5 };
  // The worker's starter mark (`meta` 'starter-added') and the removal's safety copy, as checkStarterReturn reads them.
  let mark = worker.mark;
  const saves: any[] = [];
  const tab = await mountTab(
    <TemplateEditor />,
    {
      getLibrary: () => stored,
      getGuardConfig: () => undefined,
      getRuleSet: () => PRESET_A,
      // The reply editor's fill-in help names the shop's cut-off ({付款发货}); none stored: the default.
      getSettings: () => undefined,
      teamStatus: () =>
        role
          ? { config: { server: 'https://couch.example', shop: 'shop1', user: 'xiaowang', role }, status: { state: 'synced', pending: 0 } }
          : { config: null, status: { state: 'off', pending: 0 } },
      checkStarterReturn: ({ answered }: { answered?: string[] }) => {
        const r = settleLostWithKind(stored, mark, STARTER_LIBRARY, lostUnreckoned(mark) ? worker.copy : null, answered);
        mark = r.mark;
        return { ids: r.ids };
      },
      saveLibrary: ({ baseUpdatedAt, ...payload }: any) => {
        saves.push({ baseUpdatedAt, ...payload });
        if (baseUpdatedAt !== stored.updatedAt) throw Object.assign(new Error('conflict'), { code: 'conflict' });
        const parsed = parseLibraryImport({ format: 'kefu-library', version: 1, ...payload });
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        stored = { v: 2, ...parsed.library, updatedAt: stored.updatedAt + 1 };
        return stored;
      },
    },
    { notify: ['saveLibrary'] },
  );
  await flush();
  return {
    ...tab,
    saves,
    stored: () => stored,
    mark: () => mark,
    /** Another tab saves a change meanwhile. */
    otherTab: (change: (l: LibraryRecord) => LibraryRecord) => (stored = change(stored)),
  };
}
