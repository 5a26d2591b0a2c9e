// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ClockThresholds } from './ClockThresholds';
import { mountTab } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '@/lib/storage/settings';
import { DEFAULT_CLOCK_SETTINGS, type ClockThresholds as Thresholds } from '@/lib/domain/clock/types';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));

/** The settings with Douyin's (and Taobao's) counted hours as a shop saved them. */
const withWindows = (douyin: Thresholds['window'], taobao?: Thresholds['window']): AppSettings => ({
  ...DEFAULT_APP_SETTINGS,
  replyClock: {
    ...DEFAULT_CLOCK_SETTINGS,
    douyin: { ...DEFAULT_CLOCK_SETTINGS.douyin, window: douyin },
    taobao: taobao === undefined ? DEFAULT_CLOCK_SETTINGS.taobao : { ...DEFAULT_CLOCK_SETTINGS.taobao, window: taobao },
  },
});

const rowLabel = async (settings: AppSettings, platform: string) => {
  const { q } = await mountTab(<ClockThresholds />, { getSettings: () => settings });
  return q(`[data-kf="clock-thresholds"] tr[data-platform="${platform}"] th`)!.textContent;
};

describe('the reply clock’s rows in the options page name the hours the shop saved', () => {
  it('shows Douyin’s default 08:00–23:00 when nothing else was saved', async () => {
    expect(await rowLabel(DEFAULT_APP_SETTINGS, 'douyin')).toBe('抖店 (08:00–23:00)');
    expect(await rowLabel(DEFAULT_APP_SETTINGS, 'taobao')).toBe('淘宝/天猫');
  });

  it('says 全天 for a window of null (an import chose to count every hour), not the default hours', async () => {
    expect(await rowLabel(withWindows(null), 'douyin')).toBe('抖店 (全天)');
  });

  it('shows another saved window, on Douyin and on a platform with none by default', async () => {
    const s = withWindows({ from: '09:00', to: '22:30' }, { from: '10:00', to: '18:00' });
    expect(await rowLabel(s, 'douyin')).toBe('抖店 (09:00–22:30)');
    expect(await rowLabel(s, 'taobao')).toBe('淘宝/天猫 (10:00–18:00)');
  });

  it('says “all day” in English', async () => {
    setLocale('en');
    try {
      expect(await rowLabel(withWindows(null), 'douyin')).toBe('Douyin shop (all day)');
      expect(await rowLabel(DEFAULT_APP_SETTINGS, 'douyin')).toBe('Douyin shop (08:00–23:00)');
    } finally {
      setLocale('zh-CN');
    }
  });
});
