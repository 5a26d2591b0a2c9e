// @vitest-environment happy-dom
/**
 * What the panel reads again when another page changed something: only that (a settings change
 * does not fetch a year's library again), and one notice when the reads fail, however many.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APP_SETTINGS } from '../storage/settings';
import type { DataArea } from '../messaging/protocol';

const bg = vi.hoisted(() => ({
  calls: [] as string[],
  changed: null as null | ((area: DataArea) => void),
  fail: new Set<string>(),
  library: { v: 2, groups: ['常用'], templates: [] as unknown[], updatedAt: 1 },
}));
vi.mock('../messaging/client', () => ({
  call: async (verb: string) => {
    bg.calls.push(verb);
    if (bg.fail.has(verb)) throw new Error('Extension context invalidated.');
    if (verb === 'getSettings') return DEFAULT_APP_SETTINGS;
    if (verb === 'getPanelLibrary') return { library: bg.library, index: { n: bg.library.templates.length, keys: '', pos: '' } };
    if (verb === 'getUsage') return { v: 1, templates: {} };
    return new Promise(() => {});
  },
  onDataChanged: (_areas: DataArea[], listener: (area: DataArea) => void) => {
    bg.changed = listener;
    return () => {};
  },
}));
vi.mock('./features', () => ({ loadFeature: () => new Promise(() => {}) }));

import { bootDemo } from '../sites/testing';
import { demoAdapter } from '../sites/demo';
import type { CardFrameHost } from './card-frame';
import { PanelController, type Notice } from './controller';

let abort: AbortController;
beforeEach(() => {
  bootDemo();
  abort = new AbortController();
  bg.calls = [];
  bg.fail.clear();
});
afterEach(() => abort.abort());

/** The panel started on the demo chat, and every notice it showed. */
async function started() {
  const panel = new PanelController(demoAdapter, document, abort.signal);
  const notices: Notice[] = [];
  panel.store.subscribe((s) => s.notice && s.notice !== notices.at(-1) && notices.push(s.notice));
  await panel.start({ card: {} as CardFrameHost, features: [] });
  return { panel, notices };
}

const reads = () => bg.calls.filter((v) => v.startsWith('get'));

describe('reading again what another page changed', () => {
  it('reads only the settings when the settings changed, only the usage counts when a reply was used', async () => {
    const { panel } = await started();
    await vi.waitFor(() => expect(panel.store.get().library).toEqual(bg.library));

    bg.calls = [];
    bg.changed!('settings');
    await vi.waitFor(() => expect(reads()).toEqual(['getSettings']));
    bg.calls = [];
    bg.changed!('usage');
    await vi.waitFor(() => expect(reads()).toEqual(['getUsage']));
    await new Promise((r) => setTimeout(r, 20));
    expect(reads()).toEqual(['getUsage']);
  });

  it('shows a library edited in the options page: a library change reads the library (and only it)', async () => {
    const { panel } = await started();
    await vi.waitFor(() => expect(panel.store.get().library).toEqual(bg.library));
    bg.calls = [];
    bg.library = { ...bg.library, templates: [{ id: 'n1', title: '新话术', body: '亲，新的', group: '常用', scenarios: ['greeting'] }], updatedAt: 2 };
    bg.changed!('library');
    await vi.waitFor(() => expect(panel.store.get().library?.templates.map((t) => t.title)).toEqual(['新话术']));
    expect(reads()).toEqual(['getPanelLibrary']);
  });
});

describe('when the panel cannot read its data', () => {
  it('shows one notice, not one per failed read, when every read fails (the extension was reloaded)', async () => {
    for (const verb of ['getSettings', 'getPanelLibrary', 'getUsage']) bg.fail.add(verb);
    const { notices } = await started();
    await new Promise((r) => setTimeout(r, 30));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'error' });
    // The reason once, not once per read.
    expect(notices[0]!.text.split('Extension context invalidated.')).toHaveLength(2);
  });

  it('shows one notice when the library and the usage counts both fail', async () => {
    bg.fail.add('getPanelLibrary');
    bg.fail.add('getUsage');
    const { notices } = await started();
    await new Promise((r) => setTimeout(r, 30));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text.split('Extension context invalidated.')).toHaveLength(2);
  });
});
