import { useEffect, useRef, useState } from 'preact/hooks';
import { PageText } from '@/components/PageText';
import { registerMessages, t } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsCard } from '@/lib/i18n/messages/followups-card';
import { followupTitle } from '@/lib/domain/followups/text';
import type { BuyerFollowups } from '@/lib/messaging/protocol-followups';
import { formatDue } from '../popup/format';
import type { CustomerCardController } from '@/lib/panel/customers';

registerMessages(followups);
registerMessages(followupsCard);

/**
 * The buyer's follow-ups not yet done, on their card, one line each: what (the kind, or the agent's
 * own words), when it is due, and the item's note — so an agent opening the conversation sees the
 * answer they promised before the buyer asks again. Asked for after the card is drawn (a switch
 * draws the card first) and again when the list changes anywhere; the last answer per buyer is kept,
 * so going back to a buyer draws theirs at once.
 */
export function CardFollowups(props: { card: CustomerCardController; buyer: string; buyerId: string | null }) {
  const { card } = props;
  const kept = useRef(new Map<string, BuyerFollowups>()).current;
  const key = `${props.buyerId}\n${props.buyer}`;
  const [, redraw] = useState(0);

  useEffect(() => {
    const platform = card.platform;
    if (!platform) return;
    let live = true;
    const load = () =>
      card.api.call('buyerFollowups', { platform, nickname: props.buyer, buyerId: props.buyerId }).then(
        (got) => {
          kept.set(key, got);
          if (live) redraw((n) => n + 1);
        },
        () => {}, // The card itself says when the background cannot be reached.
      );
    void load();
    const off = card.api.onDataChanged(['followups'], () => {
      kept.clear();
      void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [card, key]);

  const got = kept.get(key);
  if (!got?.items.length) return null;
  const now = Date.now();
  return (
    <section class="kf-cc-fu" data-kf="customer-followups" aria-label={t('followups.card.heading')}>
      <ul class="kf-cc-history">
        {got.items.map((f) => {
          const due = formatDue(f.dueAt, now, got.utcOffsetMinutes);
          const overdue = f.dueAt < now;
          return (
            <li data-kf="customer-followup" data-id={f.id} data-overdue={overdue}>
              <span class="kf-cc-kind">{t('followups.card.heading')}</span>
              <span class="kf-cc-text">
                <PageText text={followupTitle(f, t, false)} />
                {f.note && <span class="kf-muted"> · <PageText text={f.note.split('\n')[0]!} /></span>}
              </span>
              <time class={overdue ? 'kf-cc-fu-overdue' : undefined} data-kf="customer-followup-due">
                {t(overdue ? 'followups.card.overdue' : 'followups.card.due', { due })}
              </time>
            </li>
          );
        })}
        {got.total > got.items.length && <li class="kf-muted">{t('followups.card.more', { count: got.total - got.items.length })}</li>}
      </ul>
    </section>
  );
}
