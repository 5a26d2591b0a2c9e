import { beforeEach, expect, it, vi } from 'vitest';

/** The card frame's API as a frame loaded mid-update may find it: `tabs` can be missing. */
const api = vi.hoisted(() => ({ browser: {} as Record<string, unknown> }));
vi.mock('../browser', () => ({
  get browser() {
    return api.browser;
  },
}));

const { sessionTabArea } = await import('./tab-note-drafts');

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
