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

describe('reply clock settings', () => {
  it('Douyin’s window patched to null reads back as none (every hour counts), its thresholds kept; patched absent, the default again', async () => {
    await patchSettings({ replyClock: { douyin: { amberSec: 60, redSec: 90 } } as never });
    expect((await patchSettings({ replyClock: { douyin: { window: null } } as never })).replyClock.douyin).toEqual({ amberSec: 60, redSec: 90, window: null });
    expect((await loadSettings()).replyClock.douyin).toEqual({ amberSec: 60, redSec: 90, window: null });
    // Another platform's change leaves it so.
    await patchSettings({ replyClock: { pdd: { amberSec: 100, redSec: 200 } } as never });
    expect((await loadSettings()).replyClock).toMatchObject({ douyin: { window: null }, pdd: { amberSec: 100, redSec: 200 } });
    await patchSettings({ replyClock: { douyin: { window: undefined } } as never });
    expect((await loadSettings()).replyClock.douyin).toEqual({ amberSec: 60, redSec: 90, window: { from: '08:00', to: '23:00' } });
  });
});

describe('follow-up settings', () => {
  it('defaults to notifications off, the 08:00–20:00 day shift and the domain rules', () => {
    const s = normaliseSettings({});
    expect(s.followups).toEqual({
      unpaidAfterMinutes: 30,
      dayShift: { start: '08:00', end: '20:00' },
      notifyBeforeCutoffMinutes: 30,
      notify: false,
    });
  });

  it('drops malformed shift hours and negative minutes, keeps good values', () => {
    const s = normaliseSettings({ followups: { unpaidAfterMinutes: -5, dayShift: { start: '9:00', end: '21:30' }, notify: 'yes' } });
    expect(s.followups.unpaidAfterMinutes).toBe(30);
    expect(s.followups.dayShift).toEqual({ start: '08:00', end: '21:30' });
    expect(s.followups.notify).toBe(false);
  });

  it('hands the rules the shop cut-off together with the follow-up choices', async () => {
    const { followupSettingsOf } = await import('./settings');
    const s = await patchSettings({ shop: { cutoff: '17:00' } as never, followups: { notify: true, unpaidAfterMinutes: 10 } });
    expect(s.followups.notify).toBe(true);
    const rules = followupSettingsOf(s);
    expect(rules.cutoff).toBe('17:00');
    expect(rules.unpaidAfterMinutes).toBe(10);
    expect(rules.utcOffsetMinutes).toBe(480);
  });
});
