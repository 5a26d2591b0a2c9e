import { afterEach, vi } from 'vitest';
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsContext, type OptionsApi } from './OptionsContext';
import { mount } from '../remarks/testing';

/** Lets pending effects and replies settle. */
export const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/**
 * An options tab mounted with a fake background: `replies` answers each verb (any other verb is an
 * error, so a test notices an unexpected call). Unmounted after each test.
 */
export async function mountTab(component: ComponentChild, replies: Record<string, (payload: any) => unknown>) {
  const call = vi.fn(async (verb: string, payload?: unknown) => {
    const r = replies[verb];
    if (!r) throw new Error(`unexpected ${verb}`);
    return r(payload);
  });
  const api = { call, onChanged: () => () => {} } as unknown as OptionsApi;
  const m = mount(<OptionsContext.Provider value={api}>{component}</OptionsContext.Provider>);
  cleanup = m.unmount;
  await flush();
  const q = (sel: string) => m.root.querySelector(sel);
  const click = async (sel: string) => {
    await act(async () => (q(sel) as HTMLElement).click());
    await flush();
  };
  return { q, m, call, click };
}
