import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { usePopupApi } from './PopupContext';
import { notDoneText } from '@/lib/messaging/not-done';
import type { Followup } from '@/lib/domain/followups/types';
import { TooLong, invalidIf, overBy } from '../TooLong';
import { futureShopTime } from '@/lib/domain/followups/snooze';
import { shopZoneLabel } from './format';
import { ORDER_ID } from '@/lib/messaging/protocol-followups';

/** The longest title the worker takes. */
const TITLE_MAX = 200;

/**
 * A to-do typed by the agent, or a note for the next shift (handover). `onAdded` gets the stored
 * item, so the list can keep it on screen wherever it is filed. The due time (shop time, `zone`, as
 * the list shows times) and the order are optional: without a time the item is due by the end of
 * the day shift (a handover, by the next shift's deadline).
 */
export function AddFollowupForm(props: { onAdded(item: Followup): void; zone?: number | null; allDay?: boolean }) {
  const api = usePopupApi();
  const [title, setTitle] = useState('');
  const [buyer, setBuyer] = useState('');
  const [due, setDue] = useState('');
  const [order, setOrder] = useState('');
  const [handover, setHandover] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    // Too long: nothing sent; the field keeps the whole text and says by how much (TooLong).
    if (!title.trim() || overBy(title.trim(), TITLE_MAX)) return;
    // A wrong time or order number is said, and nothing typed is lost.
    const dueAt = futureShopTime(due, props.zone ?? null, Date.now());
    if (dueAt === null) return setStatus(t('followups.popup.addDueBad'));
    const orderId = order.trim();
    if (orderId && !ORDER_ID.test(orderId)) return setStatus(t('followups.popup.addOrderBad'));
    try {
      const added = await api.call('addFollowup', { kind: handover ? 'handover' : 'manual', title: title.trim(), buyer: buyer.trim() || undefined, ...(dueAt && { dueAt }), ...(orderId && { orderId }) });
      setTitle('');
      setBuyer('');
      setDue('');
      setOrder('');
      setStatus(null);
      props.onAdded(added);
    } catch (err) {
      setStatus(notDoneText(err, t('followups.popup.notDone.add'), t('followups.popup.unchanged.add')));
    }
  };

  // The field is read as shop time: said in its label when the computer's clock is in another zone,
  // as the list says it (a time 2 h ahead on a UTC clock was refused as past without a word why).
  const zoneHint = shopZoneLabel(props.zone ?? null, Date.now());
  return (
    <details class="kf-add" data-kf="add-followup">
      <summary>{t('followups.action.add')}</summary>
      <form onSubmit={submit}>
        {/* Labelled for screen readers (a placeholder is not a name); the placeholder is the visible one. */}
        <input name="title" required aria-invalid={invalidIf(title.trim(), TITLE_MAX)} placeholder={t('followups.popup.addTitle')} aria-label={t('followups.popup.addTitle')} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        <TooLong text={title.trim()} max={TITLE_MAX} kf="add-title-too-long" />
        <input name="buyer" maxLength={64} placeholder={t('followups.popup.addBuyer')} aria-label={t('followups.popup.addBuyer')} value={buyer} onInput={(e) => setBuyer(e.currentTarget.value)} />
        <input name="orderId" maxLength={40} placeholder={t('followups.popup.addOrder')} aria-label={t('followups.popup.addOrder')} value={order} onInput={(e) => setOrder(e.currentTarget.value)} />
        <label>
          {t('followups.popup.addDue')}
          {zoneHint && <span class="kf-muted" data-kf="add-due-zone"> {zoneHint}</span>} <input type="datetime-local" name="due" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
        </label>
        <label>
          <input type="checkbox" name="handover" checked={handover} onChange={(e) => setHandover(e.currentTarget.checked)} /> {t(props.allDay ? 'followups.popup.addHandoverAllDay' : 'followups.popup.addHandover')}
        </label>
        <button type="submit" class="kf-primary" disabled={overBy(title.trim(), TITLE_MAX) > 0}>{t('followups.action.add')}</button>
        {/* Said aloud: Enter in a field with a bad time keeps the focus there, and nothing else changes. */}
        {status && <p class="kf-error" role="status" data-kf="add-status">{status}</p>}
      </form>
    </details>
  );
}
