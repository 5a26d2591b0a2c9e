/** Test-only: the popup's components mounted as popup.html draws them. Not imported by product code. */
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { mount } from '../remarks/testing';
import { PopupContext, type PopupApi } from './PopupContext';

/**
 * Mounts `ui` under a PopupContext whose `call` records every verb with its payload and answers with
 * `answer` (what it returns, or throws, is the worker's reply); settles the first render.
 */
export async function mountPopup(ui: ComponentChild, answer: (verb: string, payload: unknown) => unknown) {
  const calls: [string, unknown][] = [];
  const api: PopupApi = {
    call: vi.fn(async (verb: string, payload?: unknown) => {
      calls.push([verb, payload]);
      return answer(verb, payload);
    }) as PopupApi['call'],
    onChanged: () => () => {},
    download: vi.fn(),
  };
  const m = mount(<PopupContext.Provider value={api}>{ui}</PopupContext.Provider>);
  await act(async () => {});
  return { ...m, calls };
}
