import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteDrafts } from './note-drafts';
import type { TabArea } from './tab-note-drafts';
import { forgetDrafts } from '../domain/customers/forget';

/** The card frame's API as a frame loaded mid-update may find it: `tabs` can be missing. */
const api = vi.hoisted(() => ({ browser: {} as Record<string, unknown> }));
vi.mock('../browser', () => ({
  get browser() {
    return api.browser;
  },
}));

const { sessionTabArea, tabNoteDrafts } = await import('./tab-note-drafts');

const session = () => {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k: string) => (map.has(k) ? { [k]: map.get(k) } : {}),
    set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => map.set(k, v)),
  };
};

beforeEach(() => {
  api.browser = {};
});

it('keeps a draft under the frame’s own tab', async () => {
  const area = session();
  api.browser = { storage: { session: area }, tabs: { getCurrent: async () => ({ id: 7 }) } };
  const tab = sessionTabArea()!;
  tab.setItem('米粒妈妈', '要大一码');
  await vi.waitFor(() => expect(area.map.get('kf:note-draft@7:米粒妈妈')).toBe('要大一码'));
  expect(await tab.getItem('米粒妈妈')).toBe('要大一码');
});

// A card frame drawn while the extension was being updated under the page threw "Cannot read
// properties of undefined (reading 'getCurrent')" into the card (update-taught.e2e, once).
it('has no tab, and throws nothing, when the tabs API is gone', async () => {
  api.browser = { storage: { session: session() } };
  // (old)
  const tab = sessionTabArea()!;
  expect(await tab.getItem('米粒妈妈')).toBeNull();
  expect(() => tab.setItem('米粒妈妈', '要大一码')).not.toThrow();
});

it('has no tab when asking for it is refused', async () => {
  api.browser = { tabs: { getCurrent: () => Promise.reject(new Error('Extension context invalidated.')) } };
  // (old)
});

// A tab that showed another tab's draft (restored from the latest kept) had no key of its own, so
// deleting the buyer — which removes every tab's keys for them — never reached it.
describe('a tab showing the latest draft another tab left', () => {
  const latestOf = (m: Map<string, string>): NoteDrafts => ({ get: async (k) => m.get(k) ?? '', set: (k, t) => void (t ? m.set(k, t) : m.delete(k)) });

  it('marks it under its tab, which reads as no draft of its own and is removed with the buyer', async () => {
    const area = session();
    api.browser = { storage: { session: area, onChanged: { addListener() {}, removeListener() {} } }, tabs: { getCurrent: async () => ({ id: 8 }) } };
    const tab = sessionTabArea()!;
    const drafts = tabNoteDrafts(latestOf(new Map([['demo#u-1', '甲写了一半']])), tab);
    expect(await drafts.restore('demo#u-1')).toBe('甲写了一半');
    await vi.waitFor(() => expect(area.map.has('kf:note-draft@8:demo#u-1')).toBe(true));
    expect(typeof area.map.get('kf:note-draft@8:demo#u-1')).not.toBe('string');
    expect(await tab.getItem('demo#u-1')).toBeNull();
    expect(forgetDrafts(Object.fromEntries(area.map), { buyers: [{ platform: 'demo', nickname: '米粒妈妈', buyerId: 'u-1', key: 'demo#u-1' }] }).remove).toEqual(['kf:note-draft@8:demo#u-1']);
  });

  it('leaves no mark when there is nothing to show, or the agent typed while it was read', async () => {
    const marked: string[] = [];
    const set: [string, string][] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const tab: TabArea = { getItem: async () => (await slow, null), setItem: (k, t) => void set.push([k, t]), markShown: (k) => void marked.push(k) };
    const drafts = tabNoteDrafts(latestOf(new Map([['demo#u-1', '甲写了一半']])), tab);
    const restoring = drafts.restore('demo#u-1');
    drafts.keep('demo#u-1', '乙自己的');
    release();
    await restoring;
    expect(await drafts.restore('demo#u-2')).toBe('');
    expect(marked).toEqual([]);
    expect(set).toEqual([['demo#u-1', '乙自己的']]);
  });
});
