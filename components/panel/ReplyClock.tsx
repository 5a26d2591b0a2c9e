import { PageText } from '@/components/PageText';
import { BuyerTag } from '@/components/BuyerTag';
import { buyerLabel } from '@/lib/domain/customers/buyer-tag';
import { showDirectionControls } from '@/lib/domain/text';
import { useStore } from '../useStore';
import { usePanelState } from '../PanelContext';
import type { Store } from '@/lib/panel/store';
import { clockLevel, countedMs, formatWait } from '@/lib/domain/clock/wait';
import { DEFAULT_CLOCK_SETTINGS, type ClockPlatform } from '@/lib/domain/clock/types';
import { shopZone } from '@/lib/storage/settings';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { clockPanelMessages } from '@/lib/i18n/messages/clock-panel';

registerMessages(clockPanelMessages);

export interface ClockUiState {
  platform: ClockPlatform;
  /** The time the countdown last ticked (the one timer while another buyer waits). */
  now: number;
  /** Buyers waiting, longest first (as the console's list shows them; key: buyer id, else nickname). */
  waiting: { key: string; buyer: string; since: number; preview?: string }[];
  /** The page lists conversations but not who waits among them (the adapter could not read its list). */
  listUnread: boolean;
  canOpen: boolean;
  /** Shown after a click the console cannot follow. */
  hint: string | null;
}

/** The console's id of a waiting buyer: the key, where it is not the nickname. */
const idOf = (w: { key: string; buyer: string }) => (w.key === w.buyer ? null : w.key);

/**
 * Is the list's `key` the open buyer? The list keys a buyer by the console's id where it shows one,
 * else by the nickname; the open buyer may have both. Kuaishou's list shows names only while its
 * open conversation gives the id: matched by id alone, the open buyer was listed as someone else
 * waiting (a namesake in a name-only list is taken for the open buyer: the list cannot tell them apart).
 */
export const isOpenKey = (key: string, open: { buyer: string | null; buyerId: string | null }) => key === open.buyerId || key === open.buyer;

/** How many waiting buyers the list names; the rest are counted (+N). */
const LIST_SHOWN = 5;

/**
 * The 等待中 list: the other buyers waiting longest (the first five, then +N for the rest), coloured
 * at the shop's thresholds; a click switches to one where the console allows. (The open buyer's
 * wait is on the card: CardClock.)
 */
export function ReplyClock(props: { store: Store<ClockUiState>; open(key: string): void }) {
  const s = useStore(props.store);
  const panel = usePanelState();
  const th = panel.settings.replyClock?.[s.platform] ?? DEFAULT_CLOCK_SETTINGS[s.platform];
  const zone = shopZone(panel.settings);
  const wait = (since: number) => countedMs(since, Math.max(s.now, since), th.window, zone);
  // By key: two buyers may share a masked nickname (S*******n).
  // Longest wait first whatever order the list came in, so the cut never drops a red one.
  const waiting = s.waiting.filter((w) => !isOpenKey(w.key, panel)).sort((a, b) => a.since - b.since);
  const others = waiting.slice(0, LIST_SHOWN);
  const more = waiting.length - others.length;
  if (!others.length && !s.hint && !s.listUnread) return null;
  return (
    <section class="kf-clock" data-kf="reply-clock">
      {others.length > 0 && (
        <div class="kf-clock-list" data-kf="clock-list">
          <span class="kf-label">{t('clock.list')}</span>
          {others.map((w) => {
            const ms = wait(w.since);
            // With the tag of a masked name (S*******n · 3f2a): two buyers of that name wait apart.
            const name = t('clock.open', { buyer: showDirectionControls(buyerLabel(w.buyer, idOf(w))) });
            const time = formatWait(ms, getLocale());
            // What they wrote last, where the console's list previews it (JD): cut short here, whole on hover.
            const said = w.preview && showDirectionControls(w.preview);
            // The name says what a click does (切换到 …) and the wait: the content alone ("S*******n 4分")
            // would win over the title for a screen reader.
            return (
              <button class="kf-clock-item" data-kf="clock-item" data-level={clockLevel(ms, th)} title={said ? `${name}\n${said}` : name} aria-label={said ? `${name} · ${said} · ${time}` : `${name} · ${time}`} data-key={w.key} onClick={() => props.open(w.key)}>
                {/* Nicknames and messages come from the page: text only. */}
                <span class="kf-clock-buyer"><PageText text={w.buyer} /></span>
                <BuyerTag nickname={w.buyer} buyerId={idOf(w)} />{' '}
                {w.preview && (
                  <>
                    {/* Styled here, not in the panel's CSS: this list is the clock's feature script's. */}
                    <span class="kf-clock-buyer" style={{ color: '#646a73' }} data-kf="clock-preview">
                      <PageText text={w.preview} />
                    </span>{' '}
                  </>
                )}
                {time}
              </button>
            );
          })}
          {more > 0 && (
            <span class="kf-muted" data-kf="clock-more" title={t('clock.more', { n: more })}>
              +{more}
            </span>
          )}
        </div>
      )}
      {s.listUnread && (
        <p class="kf-muted" data-kf="clock-list-unread">
          {t('clock.listUnread')}
        </p>
      )}
      {s.hint && <p class="kf-muted">{s.hint}</p>}
    </section>
  );
}
