import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})) } },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
  },
}));
// The hourly job's scan of every buyer fails (a damaged store, a worker stopped midway).
vi.mock('../storage/customers', () => ({ scanCustomers: vi.fn(async () => Promise.reject(new Error('scan failed'))) }));

const { vipRevisits } = await import('./followup-jobs');
const { addFollowup, changeFollowup } = await import('../storage/followups');
const { db } = await import('../storage/db');
const { complete, panelFollowup } = await import('../domain/followups');

const DAY = 86_400_000;

beforeEach(async () => {
  await db.clear('followups');
  await db.clear('meta');
});

describe('the hourly follow-up job', () => {
  it('drops done items closed more than 30 days ago even when its scan of the buyers fails', async () => {
    const then = Date.UTC(2026, 10, 1, 2);
    const done = await addFollowup(panelFollowup('bad-review', '甲', then, {}, undefined, { orderId: 'A9' }), then);
    const open = await addFollowup(panelFollowup('bad-review', '乙', then, {}, undefined, { orderId: 'B9' }), then);
    await changeFollowup(done.id, (f) => complete(f, then), then);
    await expect(vipRevisits(then + 31 * DAY)).rejects.toThrow('scan failed');
    expect((await db.keys('followups')).sort()).toEqual([open.id]);
  });
});
