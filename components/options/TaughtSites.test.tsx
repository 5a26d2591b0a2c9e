// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { provideSiteAccess, TaughtSites } from './TaughtSites';
import { mountTab } from './testing';
import { onComputerZone } from '@/lib/domain/testing';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import type { TaughtSite } from '@/lib/sites/taught/record';

vi.mock('@/lib/browser', () => ({ browser: {} }));

// 01:30 UTC on 3 December: 09:30 in Beijing (shop time), still 2 December in Los Angeles.
const site: TaughtSite = {
  v: 1,
  origin: 'https://im.shop.example',
  name: '店铺客服工作台',
  url: 'https://im.shop.example/chat',
  fields: { chatInput: [{ css: 'textarea.reply' }] } as TaughtSite['fields'],
  createdAt: Date.UTC(2026, 10, 1, 2, 0),
  updatedAt: Date.UTC(2026, 11, 3, 1, 30),
};

provideSiteAccess({ hasAccess: async () => true, requestAccess: async () => true, reteach: async () => {} });

describe.each(['UTC', 'America/Los_Angeles'])('已教会的页面 on a computer on %s', (tz) => {
  onComputerZone(tz);

  it('dates a taught page in shop time, as every other options tab shows a moment', async () => {
    const { q } = await mountTab(<TaughtSites />, { listTaughtSites: () => [site], getSettings: () => DEFAULT_APP_SETTINGS });
    expect(q('[data-kf="taught-site"] .kf-help')!.textContent).toContain('更新于 2026-12-03 09:30');
  });
});
