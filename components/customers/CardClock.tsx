import { useEffect, useState } from 'preact/hooks';
import type { CardWait } from '@/lib/panel/card-frame';
import { clockLevel, countedMs, formatWait } from '@/lib/domain/clock/wait';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { clockPanelMessages } from '@/lib/i18n/messages/clock-panel';

registerMessages(clockPanelMessages);

/**
 * The reply clock on the buyer card: how long the open buyer has waited since their oldest
 * unanswered message (the time the page shows on it), coloured at the platform's thresholds.
 * One timer, only while the buyer waits, wakes it on the next whole second for the visible count.
 */
export function CardClock(props: { wait: CardWait | null }) {
  const now = Date.now;
  const since = props.wait?.since ?? null;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (since === null) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setTick((n) => n + 1);
      timer = setTimeout(tick, 1000 - (now() % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (now() % 1000) + 5);
    return () => clearTimeout(timer);
  }, [since]);

  const w = props.wait;
  if (!w) return null;
  if (w.since === null) {
    return (
      <span class="kf-clock-pill" data-kf="clock" data-level="answered">
        {t('clock.answered')}
      </span>
    );
  }
  const ms = countedMs(w.since, Math.max(now(), w.since), w.window, w.zone);
  return (
    <span class="kf-clock-pill" data-kf="clock" data-level={clockLevel(ms, w)}>
      {t('clock.waiting', { time: formatWait(ms, getLocale()) })}
    </span>
  );
}
