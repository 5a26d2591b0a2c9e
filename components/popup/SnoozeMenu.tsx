import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Followup, FollowupSettings } from '@/lib/domain/followups/types';
import { parseShopTime, shopTimeValue, snoozeLimit, snoozeOptions } from '@/lib/domain/followups/snooze';
import { t } from '@/lib/i18n';
import { formatDue, shopZoneLabel } from './format';

/** Within a year (the worker refuses anything further). */
const YEAR = 366 * 24 * 60 * 60 * 1000 - 60_000;

/**
 * 推迟 on a row: the times that suit the item (lib/domain/followups/snooze.ts), the usual one first
 * and focused (S then Enter snoozes as S alone used to), ↑/↓ between them, Escape closes; then a
 * time of the agent's own. Times are shop time, as the list shows them (the zone line says so when
 * the computer's zone differs, and so does the custom field).
 */
export function SnoozeMenu(props: { item: Followup; settings?: FollowupSettings; zone: number | null; onPick(until: number | null): void }) {
  const { item, zone } = props;
  // Made when the menu opens: the list's own clock may be minutes old.
  const now = useMemo(() => Date.now(), []);
  const settings = { ...props.settings, utcOffsetMinutes: zone };
  const options = useMemo(() => snoozeOptions(item, now, settings), [item, now]);
  // Handovers, promised answers and bad reviews: no choice past the deadline (the shop's rule), and
  // none at all when it is less than 5 minutes away — then the menu says to handle it now. A handover
  // to the night shift past its deadline at night: within the night only, and the menu says why.
  const limit = useMemo(() => snoozeLimit(item, now, settings), [item, now]);
  const deadline = limit?.until ?? null;
  const [custom, setCustom] = useState(() => shopTimeValue(options[0]?.until ?? deadline ?? now + 60 * 60_000, zone));
  const [bad, setBad] = useState<'time' | 'deadline' | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.querySelector<HTMLElement>('[role="menuitem"], input')?.focus(), []);
  const zoneHint = shopZoneLabel(zone, now);
  const deadlineText = deadline === null ? '' : formatDue(deadline, now, zone);

  const pickCustom = () => {
    const until = parseShopTime(custom, zone);
    const at = Date.now();
    if (until === null || until <= at || until > at + YEAR) return setBad('time');
    if (deadline !== null && until > deadline) return setBad('deadline');
    props.onPick(until);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing || e.keyCode === 229) return;
    // The list's keys (D, S, N, H, arrows) are not for the rows while the menu is open.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onPick(null);
      return;
    }
    // In the time field the arrows change the date and time.
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || (e.target as HTMLElement).tagName === 'INPUT') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"], input') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <div ref={ref} class="kf-fu-snooze" role="menu" aria-label={t('followups.snooze.menu')} data-kf="snooze-menu" onClick={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
      {deadline !== null && (
        <p class={options.length ? 'kf-muted' : 'kf-error'} role={options.length ? undefined : 'alert'} data-kf="snooze-deadline">
          {limit?.night
            ? t(options.length ? 'followups.snooze.nightHandover' : 'followups.snooze.nightHandoverNow', { due: formatDue(item.dueAt, now, zone), time: deadlineText })
            : t(options.length ? 'followups.snooze.deadline' : 'followups.snooze.dueNow', { time: deadlineText })}
        </p>
      )}
      {options.map((o) => (
        <button role="menuitem" data-kf="snooze-option" data-until={o.until} onClick={() => props.onPick(o.until)}>
          {t(o.key, o.params)} · <span data-kf="snooze-time">{formatDue(o.until, now, zone)}</span>
        </button>
      ))}
      <label class="kf-fu-snooze-custom">
        <span>{t('followups.snooze.custom')}</span>
        <input
          type="datetime-local"
          data-kf="snooze-custom"
          value={custom}
          title={zoneHint ?? undefined}
          aria-invalid={!!bad}
          onInput={(e) => {
            setCustom(e.currentTarget.value);
            setBad(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              pickCustom();
            }
          }}
        />
        <button data-kf="snooze-custom-go" onClick={pickCustom}>{t('followups.snooze.customGo')}</button>
      </label>
      {zoneHint && <p class="kf-muted" data-kf="snooze-zone">{zoneHint}</p>}
      {bad && (
        <p class="kf-error" role="alert" data-kf="snooze-bad">
          {bad === 'deadline' ? t('followups.snooze.pastDeadline', { time: deadlineText }) : t('followups.snooze.customBad')}
        </p>
      )}
    </div>
  );
}
