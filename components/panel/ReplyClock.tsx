import { PageText } from '@/components/PageText';
import { useStore } from '../useStore';
import { usePanelState } from '../PanelContext';
import type { Store } from '@/lib/panel/store';
import { clockLevel, countedMs, formatWait } from '@/lib/domain/clock/wait';
import { DEFAULT_CLOCK_SETTINGS, type ClockPlatform } from '@/lib/domain/clock/types';
import { registerMessages, t } from '@/lib/i18n';
import { guardPanelMessages } from '@/lib/i18n/messages/guard-panel';

registerMessages(guardPanelMessages);

export interface ClockUiState {
  platform: ClockPlatform;
  /** When the open buyer's oldest unanswered message was sent; null when nobody waits. */
  since: number | null;
  /** The time the countdown last ticked (the one timer while a buyer waits). */
  now: number;
  /** Other buyers waiting, longest first (as the console's list shows them). */
  waiting: { buyer: string; since: number }[];
  canOpen: boolean;
  /** Shown after a click the console cannot follow. */
  hint: string | null;
}

/** The open buyer's waiting time, coloured at the shop's thresholds, and the 等待中 list. */
export function ReplyClock(props: { store: Store<ClockUiState>; open(buyer: string): void }) {
  const s = useStore(props.store);
  const panel = usePanelState();
  const th = panel.settings.replyClock?.[s.platform] ?? DEFAULT_CLOCK_SETTINGS[s.platform];
  const wait = (since: number) => countedMs(since, Math.max(s.now, since), th.window);
  const others = s.waiting.filter((w) => w.buyer !== panel.buyer).slice(0, 5);
  return (
    <section class="kf-clock" data-kf="reply-clock">
      {s.since !== null ? (
        <span class="kf-clock-pill" data-kf="clock" data-level={clockLevel(wait(s.since), th)}>
          {t('clock.waiting', { time: formatWait(wait(s.since)) })}
        </span>
      ) : (
        <span class="kf-clock-pill" data-kf="clock" data-level="answered">
          {t('clock.answered')}
        </span>
      )}
      {others.length > 0 && (
        <div class="kf-clock-list" data-kf="clock-list">
          <span class="kf-label">{t('clock.list')}</span>
          {others.map((w) => (
            <button class="kf-clock-item" data-kf="clock-item" data-level={clockLevel(wait(w.since), th)} title={t('clock.open', { buyer: w.buyer })} onClick={() => props.open(w.buyer)}>
              {/* Nicknames come from the page: text only. */}
              <span class="kf-clock-buyer"><PageText text={w.buyer} /></span> {formatWait(wait(w.since))}
            </button>
          ))}
        </div>
      )}
      {s.hint && <p class="kf-muted">{s.hint}</p>}
    </section>
  );
}
