import { afterEach, expect, vi } from 'vitest';
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsContext, type OptionsApi } from './OptionsContext';
import { mount } from '../remarks/testing';

/** Lets pending effects and replies settle. */
export const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

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

/**
 * An options tab mounted with a fake background: `replies` answers each verb (any other verb is an
 * error, so a test notices an unexpected call). Unmounted after each test.
 */
export async function mountTab(component: ComponentChild, replies: Record<string, (payload: any) => unknown>, opts: TabOptions = {}) {
  const listeners = new Set<() => void>();
  const call = vi.fn(async (verb: string, payload?: unknown) => {
    const r = replies[verb];
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
  /** Another tab (or the background) changed data: every change listener fires. */
  const changed = async () => {
    await act(async () => listeners.forEach((l) => l()));
    await flush();
  };
  return { q, m, call, click, submit, changed };
}
