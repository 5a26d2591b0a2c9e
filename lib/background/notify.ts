/**
 * Optional desktop notifications shortly before the shipping cut-off for orders still unpaid (off
 * by default; Settings → 跟进 turns them on). Checked by the `kf-followups` alarm, which fires when
 * payment reminders turn due (cut-off minus `notifyBeforeCutoffMinutes`). Each item is announced
 * once a day (the log is in storage). Clicking opens the buyer's chat for one order, or the list.
 */
import { browser } from '../browser';
import type { Followup } from '../domain/followups';
import { atTime, formatWall, hhmm } from '../domain/time';
import { claimNotifications, loadFollowups } from '../storage/followups';
import { followupSettingsOf, loadSettings } from '../storage/settings';
import { openFollowupItem } from './open-followup';
import { workerExtras } from './extras';
import { registerMessages, setLocale, t } from '../i18n/lookup';
import { followupsWorker as followupMessages } from '../i18n/messages/followups';

registerMessages(followupMessages);

const ITEM_PREFIX = 'kf-followup:';
const LIST_ID = 'kf-followups:list';

/** Unpaid items to announce at `now`: inside the window before today's cut-off, open, due by it. */
export function unpaidToAnnounce(items: readonly Followup[], now: number, s: { cutoff: string; notifyBeforeCutoffMinutes: number; utcOffsetMinutes: number | null }): Followup[] {
  const cutoff = atTime(now, hhmm(s.cutoff, '16:00'), s.utcOffsetMinutes);
  const from = cutoff - s.notifyBeforeCutoffMinutes * 60_000;
  if (now < from || now >= cutoff) return [];
  return items.filter(
    (f) =>
      f.kind === 'unpaid' &&
      f.status !== 'done' &&
      !(f.status === 'snoozed' && (f.snoozedUntil ?? 0) > now) &&
      f.dueAt <= cutoff,
  );
}

/** Shows a notification for unpaid orders not yet announced today. Returns how many were new. */
export async function notifyUnpaidBeforeCutoff(now = Date.now()): Promise<number> {
  const app = await loadSettings();
  // Until the owner confirms the cut-off, 16:00 is only the default guess: no "before the cut-off" alert names it.
  if (!app.followups.notify || !app.setup?.cutoff) return 0;
  const s = followupSettingsOf(app);
  const due = unpaidToAnnounce(await loadFollowups(now), now, s);
  if (!due.length) return 0;
  const fresh = await claimNotifications(formatWall(now, s.utcOffsetMinutes).slice(0, 10), due.map((f) => f.id));
  if (!fresh.length) return 0;
  setLocale(app.shop.locale);
  const buyers = due.map((f) => f.buyer).filter((b): b is string => !!b);
  await browser.notifications.create(due.length === 1 ? `${ITEM_PREFIX}${due[0]!.id}` : LIST_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('followups.notify.title', { count: due.length, cutoff: s.cutoff }),
    // Plain text (notifications render no HTML), each name cut and without direction controls (notify-text.ts).
    message: workerExtras().followups.notifyBuyers(buyers),
  });
  return fresh.length;
}

/** Opens the popup list where the browser allows it (Chrome 127+), else the list in a tab. */
async function openList(): Promise<void> {
  const action = (browser as unknown as { action?: { openPopup?: () => Promise<void> } }).action;
  try {
    if (!action?.openPopup) throw new Error('no openPopup');
    await action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}

/** Registered synchronously at every worker start (a click may be what wakes it). */
export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ITEM_PREFIX) && id !== LIST_ID) return;
    void (async () => {
      await browser.notifications.clear(id);
      if (id === LIST_ID) return openList();
      const item = (await loadFollowups()).find((f) => f.id === id.slice(ITEM_PREFIX.length));
      if (item) await openFollowupItem(item);
      else await openList();
    })().catch((err) => console.warn('[kf] notification click failed', err));
  });
}
