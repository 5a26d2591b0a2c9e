import { beforeEach, describe, expect, it, vi } from 'vitest';

const notifications = { create: vi.fn(async () => 'id'), clear: vi.fn(async () => true), onClicked: { addListener: vi.fn() } };
vi.mock('../browser', () => ({
  browser: { notifications, runtime: { getURL: (p: string) => `chrome-extension://ext${p}` }, storage: { local: { set: vi.fn(async () => {}) } } },
}));

const { notifyUnpaidBeforeCutoff, unpaidToAnnounce } = await import('./notify');
const { db } = await import('../storage/db');
const { applyFollowupRule, invalidateFollowupCache, updateFollowupsById } = await import('../storage/followups');
const { patchSettings } = await import('../storage/settings');
const { followupsFromOrders, snooze } = await import('../domain/followups');

const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 2, 2 + day, h - 8, m);
const S = { cutoff: '16:00', notifyBeforeCutoffMinutes: 30, utcOffsetMinutes: 480 };
const unpaid = (id: string, buyer: string) => ({ orderId: id, buyer, status: 'unpaid' as const, createdAt: bj(9), flag: 'gray' as const, remark: '' });

beforeEach(async () => {
  await db.clear('followups');
  await db.clear('meta');
  invalidateFollowupCache();
  vi.clearAllMocks();
});

describe('notifications before the cut-off', () => {
  it('picks open unpaid items only inside the window before the cut-off', () => {
    const r = followupsFromOrders([unpaid('1001', '小鹿'), unpaid('1002', '阿猫')], [], {}, bj(11));
    const [a, b] = r.upserts;
    expect(unpaidToAnnounce([a!, b!], bj(15), S)).toEqual([]);
    expect(unpaidToAnnounce([a!, snooze(b!, bj(17))], bj(15, 35), S).map((f) => f.buyer)).toEqual(['小鹿']);
    expect(unpaidToAnnounce([a!], bj(16, 1), S)).toEqual([]);
  });

  it('are off by default', async () => {
    await applyFollowupRule((ex) => followupsFromOrders([unpaid('1001', '小鹿')], ex, {}, bj(11)), bj(11));
    expect(await notifyUnpaidBeforeCutoff(bj(15, 35))).toBe(0);
    expect(notifications.create).not.toHaveBeenCalled();
  });

  it('stay silent while the owner has not confirmed the cut-off (16:00 is only the default guess)', async () => {
    await patchSettings({ followups: { notify: true } });
    await applyFollowupRule((ex) => followupsFromOrders([unpaid('1001', '小鹿')], ex, {}, bj(11)), bj(11));
    expect(await notifyUnpaidBeforeCutoff(bj(15, 35))).toBe(0);
    expect(notifications.create).not.toHaveBeenCalled();
    await patchSettings({ setup: { cutoff: true } });
    expect(await notifyUnpaidBeforeCutoff(bj(15, 36))).toBe(1);
  });

  it('when on, announce each unpaid order once a day; one order opens its chat, several the list', async () => {
    await patchSettings({ followups: { notify: true }, setup: { cutoff: true } });
    await applyFollowupRule((ex) => followupsFromOrders([unpaid('1001', '小鹿'), unpaid('1002', '阿猫')], ex, {}, bj(11)), bj(11));
    expect(await notifyUnpaidBeforeCutoff(bj(15, 31))).toBe(2);
    expect(notifications.create).toHaveBeenCalledWith('kf-followups:list', expect.objectContaining({ type: 'basic', message: '小鹿、阿猫' }));
    expect(await notifyUnpaidBeforeCutoff(bj(15, 40))).toBe(0);
    await applyFollowupRule((ex) => followupsFromOrders([unpaid('1003', '王姐')], ex, {}, bj(15, 41)), bj(15, 41));
    expect(await notifyUnpaidBeforeCutoff(bj(15, 45))).toBe(1);
    expect(notifications.create).toHaveBeenLastCalledWith('kf-followups:list', expect.anything());
  });

  it("names each buyer at most 64 characters long and without direction controls (a colleague's item may carry anything)", async () => {
    await patchSettings({ followups: { notify: true }, setup: { cutoff: true } });
    const [a] = followupsFromOrders([unpaid('1001', '小鹿')], [], {}, bj(11)).upserts;
    // As a colleague's machine may have sent it: a 6,000-character name with an override in it.
    const long = { ...a!, id: 'unpaid:team-1', buyer: `\u202E甲${'乙'.repeat(6_000)}` };
    const spoof = { ...a!, id: 'unpaid:team-2', buyer: '\u202Egnp.exe' };
    await updateFollowupsById([long.id, spoof.id], (id) => (id === long.id ? long : spoof), bj(11));
    invalidateFollowupCache();
    expect(await notifyUnpaidBeforeCutoff(bj(15, 31))).toBe(2);
    const message = (notifications.create.mock.calls[0] as unknown as [string, { message: string }])[1].message;
    const names = message.split('、');
    expect(names).toEqual([expect.stringMatching(/^甲乙+…$/), 'gnp.exe']);
    expect(names[0]).toHaveLength(64);
    expect(message).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
