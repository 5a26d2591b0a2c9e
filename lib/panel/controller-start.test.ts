// @vitest-environment happy-dom
/**
 * The panel's start on a shop with a year of data (QA E, defect 5): the library (2,000 replies, 400
 * KB to pass and index) and the usage counts grow with the data, so the page is read, the buyer
 * card told and the features started without waiting for them; only the settings (the language,
 * the remembered 收起) are waited for. Timing is not asserted: the library here answers only when
 * the test says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APP_SETTINGS } from '../storage/settings';

const bg = vi.hoisted(() => ({ library: null as null | ((v: unknown) => void) }));
vi.mock('../messaging/client', () => ({
  call: (verb: string) => {
    if (verb === 'getSettings') return Promise.resolve(DEFAULT_APP_SETTINGS);
    if (verb === 'getPanelLibrary') return new Promise((resolve) => (bg.library = resolve));
    if (verb === 'getUsage') return Promise.resolve({ v: 1, templates: {} });
    return new Promise(() => {});
  },
  onDataChanged: () => () => {},
}));
vi.mock('./features', () => ({ loadFeature: () => new Promise(() => {}) }));

import { bootDemo } from '../sites/testing';
import { demoAdapter } from '../sites/demo';
import type { CardFrameHost } from './card-frame';
import { PanelController } from './controller';

let abort: AbortController;
beforeEach(() => {
  bootDemo();
  abort = new AbortController();
});
afterEach(() => {
  bg.library = null;
  abort.abort();
});

describe('the panel on a page load', () => {
  it('reads the buyer and starts its features while the library is still on its way', async () => {
    const panel = new PanelController(demoAdapter, document, abort.signal);
    const started = vi.fn();
    const start = panel.start({ card: {} as CardFrameHost, features: [{ name: 'probe', init: started }] });
    const outcome = await Promise.race([start.then(() => 'started'), new Promise((r) => setTimeout(() => r('still waiting for the library'), 200))]);
    expect(outcome).toBe('started');
    expect(started).toHaveBeenCalledOnce();
    expect(panel.store.get()).toMatchObject({ ready: true, pageKind: 'chat', library: null, engineReady: false });
    expect(panel.store.get().buyer).toBeTruthy();

    // The library arrives later and is taken in.
    const library = { v: 1, groups: ['常用'], templates: [], updatedAt: 1 };
    bg.library!({ library, index: { n: 0, keys: '', pos: '' } });
    await vi.waitFor(() => expect(panel.store.get().library).toEqual(library));
  });
});
