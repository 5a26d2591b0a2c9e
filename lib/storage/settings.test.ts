import { describe, expect, it } from 'vitest';
import { loadSettings, normaliseSettings, patchSettings, SETTINGS_SCHEMA } from './settings';
import { migrate } from './versioned';

describe('settings', () => {
  it('falls back to defaults for malformed values', () => {
    const s = normaliseSettings({ shop: { cutoff: '25:99', agentName: 7 }, privacy: { retentionDays: -3 }, shopCues: { bargain: ['包邮吗', ''], nope: ['x'] } });
    expect(s.shop.cutoff).toBe('16:00');
    expect(s.shop.agentName).toBe('');
    expect(s.privacy.retentionDays).toBe(0);
    expect(s.shopCues).toEqual({ bargain: ['包邮吗'] });
  });

  it('migrates the flat prototype shape into shop settings', () => {
    const s = migrate({ agentName: '小美', cutoff: '15:30' }, SETTINGS_SCHEMA);
    expect(s.shop.agentName).toBe('小美');
    expect(s.shop.cutoff).toBe('15:30');
  });

  it('keeps both changes when two pages patch different settings at once', async () => {
    await Promise.all([patchSettings({ shop: { agentName: '阿青' } as never }), patchSettings({ panel: { collapsed: true } })]);
    const s = await loadSettings();
    expect(s.shop.agentName).toBe('阿青');
    expect(s.panel.collapsed).toBe(true);
  });
});
