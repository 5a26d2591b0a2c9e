/**
 * The count on the toolbar icon: overdue + due today (todayView's badgeCount), red when anything
 * is overdue. Refreshed after every change of the list and by the `kf-followups` alarm, which is
 * re-armed to fire when the next item turns due (time alone changes the count), with a 5-minute
 * period as a fallback. Nothing is kept in memory: every refresh reads storage.
 */
import { browser } from '../browser';
import { todayView, type Followup, type FollowupSettings } from '../domain/followups';
import { atTime } from '../domain/time';
import { loadFollowups } from '../storage/followups';
import { followupSettingsOf, loadSettings } from '../storage/settings';
import { registerMessages, setLocale, t } from '../i18n/lookup';
import { followupsWorker as followupMessages } from '../i18n/messages/followups';

registerMessages(followupMessages);

export const FOLLOWUP_ALARM = 'kf-followups';
export const FOLLOWUP_TICK_MINUTES = 5;
export const BADGE_OVERDUE = '#d93025';
export const BADGE_TODAY = '#1a73e8';

export interface BadgeState {
  text: string;
  color: string;
  count: number;
  overdue: number;
}

export function badgeOf(items: readonly Followup[], now: number, settings: Partial<FollowupSettings>): BadgeState {
  const view = todayView(items, now, settings);
  const count = view.badgeCount;
  return {
    text: count === 0 ? '' : count > 999 ? '999+' : String(count),
    color: view.overdue.length > 0 ? BADGE_OVERDUE : BADGE_TODAY,
    count,
    overdue: view.overdue.length,
  };
}

/** When the count can next change by itself: an item turns due, a snooze ends, or the day turns. */
export function nextChangeAt(items: readonly Followup[], now: number, settings: Pick<FollowupSettings, 'utcOffsetMinutes'>): number {
  let next = atTime(now, 0, settings.utcOffsetMinutes, 1);
  for (const f of items) {
    if (f.status === 'done') continue;
    if (f.dueAt > now && f.dueAt < next) next = f.dueAt;
    if (f.status === 'snoozed' && f.snoozedUntil !== undefined && f.snoozedUntil > now && f.snoozedUntil < next) next = f.snoozedUntil;
  }
  return next;
}

type ActionApi = typeof browser.action;

/** MV3 `action`; Firefox's MV2 build has `browserAction` with the same badge calls. */
function actionApi(): ActionApi | undefined {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction;
}

export async function refreshBadge(now = Date.now()): Promise<BadgeState> {
  const [items, app] = await Promise.all([loadFollowups(now), loadSettings()]);
  const settings = followupSettingsOf(app);
  const badge = badgeOf(items, now, settings);
  setLocale(app.shop.locale);
  const action = actionApi();
  if (action) {
    await action.setBadgeText({ text: badge.text });
    await action.setBadgeBackgroundColor({ color: badge.color });
    await action.setTitle({ title: badge.count ? t('followups.view.badge', { count: badge.count }) : t('followups.popup.title') });
  }
  // Alarms fire at the earliest 30 s from now; the period keeps the badge right if one is missed.
  const when = Math.max(now + 30_000, Math.min(nextChangeAt(items, now, settings), now + FOLLOWUP_TICK_MINUTES * 60_000));
  await browser.alarms.create(FOLLOWUP_ALARM, { when, periodInMinutes: FOLLOWUP_TICK_MINUTES });
  return badge;
}
