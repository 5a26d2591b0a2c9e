import { beforeEach, describe, expect, it, vi } from 'vitest';

const onInstalled: ((d: { reason: string }) => void)[] = [];
const tabs = {
  query: vi.fn(async () => [] as { id?: number; url?: string; pendingUrl?: string; windowId?: number; lastAccessed?: number }[]),
  create: vi.fn(async () => ({})),
  update: vi.fn(async (_id: number, _p?: unknown) => ({})),
};
const windows = { update: vi.fn(async () => ({})) };
vi.mock('../browser', () => ({
  browser: {
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}`, onInstalled: { addListener: (f: (d: { reason: string }) => void) => onInstalled.push(f) } },
    tabs,
    windows,
  },
}));

// The unit-test setup imported welcome.ts already (worker-extras carries openOptionsTab), with no browser.
vi.resetModules();
const { openOptionsTab, registerWelcome } = await import('./welcome');
// The worker reaches it through worker-extras.js (extras-modules.ts): this file's copy, with its browser.
const { registerWorkerExtras, workerExtras } = await import('./extras');
registerWorkerExtras({ ...workerExtras(), openOptionsTab });
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  tabs.query.mockReset().mockResolvedValue([]);
  tabs.create.mockClear();
  tabs.update.mockReset().mockImplementation(async () => ({}));
  windows.update.mockClear();
});

describe('the first hour', () => {
  it('a fresh install opens the options page on 店铺设置 with the first-run checklist; an update opens nothing', async () => {
    onInstalled.length = 0;
    const onUpdate = vi.fn(async () => {});
    registerWelcome(onUpdate);
    for (const reason of ['update', 'browser_update', 'shared_module_update']) onInstalled[0]!({ reason });
    await settle();
    expect(tabs.create).not.toHaveBeenCalled();
    // Only an update of the extension itself runs the library's update (starter rewordings, added replies).
    expect(onUpdate).toHaveBeenCalledTimes(1);
    // It is told which: only an update reaches the console tabs already open (an install has no old panel).
    expect(onUpdate).toHaveBeenLastCalledWith('update');
    onInstalled[0]!({ reason: 'install' });
    await settle();
    expect(tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://ext/options.html?welcome#shop' });
    // An install runs it too: it notes that the machine has every starter reply, so one deleted
    // before the next update is not added back then.
    expect(onUpdate).toHaveBeenCalledTimes(2);
    expect(onUpdate).toHaveBeenLastCalledWith('install');
  });

  it('brings an options page already open forward on the tab asked for, changing only its hash (unsaved edits stay)', async () => {
    tabs.query.mockResolvedValue([
      { id: 3, url: 'https://mms.pinduoduo.com/chat-merchant/index.html', windowId: 1 },
      { id: 9, url: 'chrome-extension://ext/options.html?welcome#templates', windowId: 2 },
    ]);
    await openOptionsTab('shop');
    expect(tabs.create).not.toHaveBeenCalled();
    expect(tabs.update).toHaveBeenCalledWith(9, { url: 'chrome-extension://ext/options.html?welcome#shop', active: true });
    expect(windows.update).toHaveBeenCalledWith(2, { focused: true });
  });

  it('with several options pages open, brings forward the one used last', async () => {
    tabs.query.mockResolvedValue([
      { id: 4, url: 'chrome-extension://ext/options.html#import', windowId: 1, lastAccessed: 1_000 },
      { id: 7, url: 'chrome-extension://ext/options.html#templates', windowId: 1, lastAccessed: 5_000 },
    ]);
    await openOptionsTab('shop');
    expect(tabs.update.mock.calls).toEqual([[7, { url: 'chrome-extension://ext/options.html#shop', active: true }]]);
    expect(tabs.create).not.toHaveBeenCalled();
  });

  it('passes over an options tab closed meanwhile (still listed, gone when updated) for the next one, else opens one', async () => {
    tabs.query.mockResolvedValue([
      { id: 4, url: 'chrome-extension://ext/options.html#import', windowId: 1, lastAccessed: 9_000 },
      { id: 7, url: 'chrome-extension://ext/options.html#templates', windowId: 1, lastAccessed: 5_000 },
    ]);
    tabs.update.mockImplementation(async (id: number) => {
      if (id === 4) throw new Error('No tab with id: 4.');
      return {};
    });
    await openOptionsTab('shop');
    expect(tabs.update).toHaveBeenLastCalledWith(7, { url: 'chrome-extension://ext/options.html#shop', active: true });
    expect(tabs.create).not.toHaveBeenCalled();

    tabs.query.mockResolvedValue([{ id: 4, url: 'chrome-extension://ext/options.html#import', windowId: 1 }]);
    await openOptionsTab('shop');
    expect(tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://ext/options.html#shop' });
  });

  it('counts an options tab still loading (its address pending)', async () => {
    tabs.query.mockResolvedValue([{ id: 5, url: '', pendingUrl: 'chrome-extension://ext/options.html#import', windowId: 1 } as never]);
    await openOptionsTab('shop');
    expect(tabs.update).toHaveBeenCalledWith(5, { url: 'chrome-extension://ext/options.html#shop', active: true });
    expect(tabs.create).not.toHaveBeenCalled();
  });

  it('opens a new options tab when none is open', async () => {
    await openOptionsTab('shop');
    expect(tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://ext/options.html#shop' });
  });
});
