import { formatWall } from '@/lib/domain/time';
import { t } from '@/lib/i18n';

/** A due time in shop time: "15:30" today, "3-05 15:30" on another day. */
export function formatDue(ms: number, now: number, zone: number | null): string {
  const at = formatWall(ms, zone);
  const today = formatWall(now, zone).slice(0, 10);
  return at.slice(0, 10) === today ? at.slice(11) : `${Number(at.slice(5, 7))}-${at.slice(8, 10)} ${at.slice(11)}`;
}

/** A duration in the largest sensible unit: "25 分钟", "3 小时", "2 天". */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t('followups.popup.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('followups.popup.hours', { n: hours });
  return t('followups.popup.days', { n: Math.round(hours / 24) });
}

/** "+8", "+5:30", "-3": a zone as minutes east of UTC. */
function utcOffset(minutes: number): string {
  const m = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

/**
 * Which zone the times are in, said once, when the computer's clock is in another one (an agent
 * abroad, or a machine left on UTC): due times are shop time (Beijing), and a bare 20:00 read
 * against a clock showing 04:00 looks wrong. Null when the two agree or the shop uses the
 * computer's zone.
 */
export function shopZoneLabel(zone: number | null, now: number, messages: 'followups.popup' | 'followups.panel' = 'followups.popup'): string | null {
  if (zone === null || zone === -new Date(now).getTimezoneOffset()) return null;
  // `messages`: the panel's feature script loads its own strings, not the popup's.
  return zone === 480 ? t(`${messages}.zoneBeijing`) : t(`${messages}.zoneShop`, { offset: utcOffset(zone) });
}
