import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { usePopupApi } from './PopupContext';
import { reasonText } from '@/lib/messaging/reason';
import type { Followup } from '@/lib/domain/followups/types';
import { TooLong, invalidIf, overBy } from '../TooLong';

/** The longest title the worker takes. */
const TITLE_MAX = 200;

/**
 * A to-do typed by the agent, or a note for the next shift (handover). `onAdded` gets the stored
 * item, so the list can keep it on screen wherever it is filed.
 */
export function AddFollowupForm(props: { onAdded(item: Followup): void }) {
  const api = usePopupApi();
  const [title, setTitle] = useState('');
  const [buyer, setBuyer] = useState('');
  const [handover, setHandover] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    // Too long: nothing sent; the field keeps the whole text and says by how much (TooLong).
    if (!title.trim() || overBy(title.trim(), TITLE_MAX)) return;
    try {
      const added = await api.call('addFollowup', { kind: handover ? 'handover' : 'manual', title: title.trim(), buyer: buyer.trim() || undefined });
      setTitle('');
      setBuyer('');
      setStatus(null);
      props.onAdded(added);
    } catch (err) {
      setStatus(t('followups.popup.actionFailed', { reason: reasonText(err) }));
    }
  };

  return (
    <details class="kf-add" data-kf="add-followup">
      <summary>{t('followups.action.add')}</summary>
      <form onSubmit={submit}>
        {/* Labelled for screen readers (a placeholder is not a name); the placeholder is the visible one. */}
        <input name="title" required aria-invalid={invalidIf(title.trim(), TITLE_MAX)} placeholder={t('followups.popup.addTitle')} aria-label={t('followups.popup.addTitle')} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        <TooLong text={title.trim()} max={TITLE_MAX} kf="add-title-too-long" />
        <input name="buyer" maxLength={64} placeholder={t('followups.popup.addBuyer')} aria-label={t('followups.popup.addBuyer')} value={buyer} onInput={(e) => setBuyer(e.currentTarget.value)} />
        <label>
          <input type="checkbox" name="handover" checked={handover} onChange={(e) => setHandover(e.currentTarget.checked)} /> {t('followups.popup.addHandover')}
        </label>
        <button type="submit" class="kf-primary" disabled={overBy(title.trim(), TITLE_MAX) > 0}>{t('followups.action.add')}</button>
        {status && <p class="kf-error">{status}</p>}
      </form>
    </details>
  );
}
