// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { CardClock } from './CardClock';
import { mount } from '../remarks/testing';
import { DEFAULT_CLOCK_SETTINGS } from '@/lib/domain/clock/types';
import { setLocale } from '@/lib/i18n';

const BEIJING = 480;
const START = Date.UTC(2026, 11, 2, 2, 0, 0); // 10:00 in Beijing
let cleanup: (() => void) | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  vi.useRealTimers();
});

function show(wait: Parameters<typeof CardClock>[0]['wait']) {
  const m = mount(<CardClock wait={wait} />);
  cleanup = m.unmount;
  return () => m.root.querySelector('[data-kf="clock"]');
}

describe('the reply clock on the buyer card', () => {
  it('counts from the buyer message’s time and turns amber at 2 and red at 3 minutes', () => {
    const pill = show({ ...DEFAULT_CLOCK_SETTINGS.pdd, since: START - 100_000, zone: BEIJING });
    expect(pill()?.textContent).toBe('已等待 1分40秒');
    expect(pill()?.getAttribute('data-level')).toBe('ok');
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(pill()?.textContent).toBe('已等待 2分');
    expect(pill()?.getAttribute('data-level')).toBe('amber');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(pill()?.getAttribute('data-level')).toBe('red');
    expect(pill()?.textContent).toBe('已等待 3分');
  });

  it('says answered and runs no timer once the shop has replied', () => {
    const pill = show({ ...DEFAULT_CLOCK_SETTINGS.pdd, since: null, zone: BEIJING });
    expect(pill()?.getAttribute('data-level')).toBe('answered');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs one timer while the buyer waits, none after unmounting', () => {
    show({ ...DEFAULT_CLOCK_SETTINGS.pdd, since: START - 1000, zone: BEIJING });
    expect(vi.getTimerCount()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(vi.getTimerCount()).toBe(1);
    cleanup!();
    cleanup = undefined;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts only the hours the platform counts (Douyin 08:00–23:00), on the shop’s clock', () => {
    // 23:30 → 08:01:30 Beijing; 15:30 → 00:01:30 UTC, where the computer's own clock would count 7½ hours.
    vi.setSystemTime(Date.UTC(2026, 11, 2, 0, 1, 30));
    const pill = show({ ...DEFAULT_CLOCK_SETTINGS.douyin, since: Date.UTC(2026, 11, 1, 15, 30), zone: BEIJING });
    expect(pill()?.textContent).toBe('已等待 1分30秒');
  });

  it('says a long wait in days and hours of the interface language, never "74h56" nor 74小时56分', () => {
    setLocale('zh-CN');
    const since = START - (74 * 60 + 56) * 60_000;
    expect(show({ ...DEFAULT_CLOCK_SETTINGS.demo, since, zone: BEIJING })()?.textContent).toBe('已等待 3天2小时');
    cleanup!();
    setLocale('en');
    expect(show({ ...DEFAULT_CLOCK_SETTINGS.demo, since, zone: BEIJING })()?.textContent).toBe('Waiting 3d 2h');
    setLocale('zh-CN');
  });

  it('shows nothing without a reading', () => {
    expect(show(null)()).toBeNull();
  });
});
