/**
 * The popup lists what the agent must act on first at the top (lib/domain/followups/priority.ts):
 * QA E's mix, imported through 全部数据 — an unpaid order 20 minutes late, a promised answer an hour
 * late, six postage refunds three days late and six VIP revisits a month late. The unpaid order was
 * the last group, folded below the VIP revisits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, openPopup } from './pages';
import { extensionSuite } from './suite';

const MIN = 60_000;
const HOUR = 60 * MIN;

let popup: Page;

const s = extensionSuite({ page: 'none' });
beforeAll(async () => {
  const options = s.ext;
  const now = Date.now();
  let n = 0;
  const item = (kind: string, label: string, buyer: string, lateMs: number) => ({
    v: 2,
    id: `qa-order-${++n}`,
    kind,
    title: `${label}：${buyer}`,
    reason: `${label}（测试）`,
    createdAt: now - 40 * 24 * HOUR,
    dueAt: now - lateMs,
    status: 'open',
    source: 'manual',
    buyer,
    platform: 'demo',
  });
  const items = [
    item('unpaid', '拍下未付', '急单买家', 20 * MIN),
    item('promised-answer', '承诺答复', '等答复买家', HOUR),
    ...[0, 1, 2, 3, 4, 5].map((k) => item('postage-refund', '待退运费', `退运费买家${k}`, (72 + k) * HOUR)),
    ...[0, 1, 2, 3, 4, 5].map((k) => item('vip-revisit', 'VIP 回访', `VIP买家${k}`, (30 * 24 + k) * HOUR)),
  ];
  const all = await callFromExtensionPage<Record<string, unknown>>(options, 'exportAllData');
  const file = { ...all, followups: { v: 2, items }, exportedAt: now };
  const result = await callFromExtensionPage<{ ok: boolean; errors?: string[] }>(options, 'importAllData', { json: file, merge: true });
  expect(result).toMatchObject({ ok: true });
  popup = await openPopup(s.h);
  await popup.setViewportSize({ width: 400, height: 600 });
});

describe('the popup’s order', () => {
  it('puts the unpaid order first and selects it; VIP revisits come last', async () => {
    const groups = popup.locator('section[data-section="overdue"] [data-kf="group"]');
    await expect.poll(() => groups.count()).toBe(4);
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['unpaid', 'promised-answer', 'postage-refund', 'vip-revisit']);
    const first = popup.locator('[data-kf="followup"]').first();
    expect(await first.getAttribute('data-id')).toBe('qa-order-1');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => first.isVisible()).toBe(true);
    // In view at open in a 400×600 popup, not below the fold.
    const box = await first.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(600);
  });
});
