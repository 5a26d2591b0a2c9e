// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { registerMessages, setLocale } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import type { FollowupList as ListData } from '@/lib/messaging/protocol-followups';
import { mountPopup } from './testing';
import { PopupApp } from './PopupApp';

registerMessages(followups);
registerMessages(followupsUi);
vi.mock('@/lib/browser', () => ({ browser: {} }));

const EMPTY: ListData = {
  now: Date.UTC(2026, 2, 2, 4),
  counts: { handover: 0, overdue: 0, today: 0, upcoming: 0, snoozed: 0, done: 0, badge: 0 },
  groups: [],
  utcOffsetMinutes: 480,
};

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
});

async function setup(openOptions: () => Promise<void> = async () => {}) {
  const m = await mountPopup(<PopupApp initial={EMPTY} />, (verb) => {
    if (verb === 'listFollowups') return EMPTY;
    // One JD reply answered today: the response table and its export show.
    if (verb === 'getClockSummary') return { platforms: [{ platform: 'jd', answered: 1, medianSec: 5, p90Sec: 5, withinRed: 1, redSec: 180 }] };
    if (verb === 'openOptions') return openOptions();
    return {};
  });
  cleanup = m.unmount;
  return { root: m.root, calls: m.calls };
}

describe('PopupApp', () => {
  it('names each export by what it saves: the follow-ups, or the daily response times (both read 导出 CSV before)', async () => {
    const exports = async () => {
      const { root } = await setup();
      await act(async () => {});
      return [root.querySelector('[data-kf="export"]')?.textContent, root.querySelector('[data-kf="clock-export"]')?.textContent];
    };
    expect(await exports()).toEqual(['导出跟进（CSV）', '导出每日响应时间（CSV）']);
    cleanup!();
    setLocale('en');
    // "Export follow-ups (CSV)" wrapped the 420 px popup's header onto two lines (the tabs too): "(CSV)" left out there.
    expect(await exports()).toEqual(['Export follow-ups', 'Export daily response times (CSV)']);
  });

  it('has a 设置 button that opens the options page on 店铺设置 (the way back once the welcome tab is closed)', async () => {
    const { root, calls } = await setup();
    const settings = root.querySelector<HTMLButtonElement>('[data-kf="open-settings"]');
    expect(settings?.textContent).toContain('设置');
    await act(async () => settings!.click());
    expect(calls.filter(([verb]) => verb === 'openOptions')).toEqual([['openOptions', { tab: 'shop' }]]);
  });

  it('says so in English, and says why when the options page could not be opened', async () => {
    setLocale('en');
    const { root } = await setup(async () => {
      throw new Error('worker gone');
    });
    const settings = root.querySelector<HTMLButtonElement>('[data-kf="open-settings"]')!;
    expect(settings.textContent).toContain('Settings');
    await act(async () => settings.click());
    await act(async () => {});
    expect(root.querySelector('[data-kf="export-status"]')?.textContent).toContain('worker gone');
  });
});
