import { useEffect, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import type { FollowupPrefs } from '@/lib/storage/settings';
import { registerMessages, t } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';

registerMessages(followups);
registerMessages(followupsUi);

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const wholeNumber = (v: number) => Number.isInteger(v) && v >= 0;

/** Follow-up list settings: thresholds, the day shift (night = the rest), cut-off notifications. */
export function FollowupSettings() {
  const api = useApi();
  const { value: settings } = useLoaded('getSettings', ['settings']);
  const [draft, setDraft] = useState<FollowupPrefs | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (settings) setDraft(settings.followups);
  }, [settings]);

  if (!draft) return <p class="kf-help">{t('options.loading')}</p>;

  const num = (key: 'unpaidAfterMinutes' | 'shippingOverdueHours' | 'notifyBeforeCutoffMinutes') => (e: Event) =>
    setDraft({ ...draft, [key]: Number((e.currentTarget as HTMLInputElement).value) });

  const save = async (e: Event) => {
    e.preventDefault();
    const ok =
      wholeNumber(draft.unpaidAfterMinutes) &&
      wholeNumber(draft.shippingOverdueHours) &&
      wholeNumber(draft.notifyBeforeCutoffMinutes) &&
      HHMM.test(draft.dayShift.start) &&
      HHMM.test(draft.dayShift.end);
    if (!ok) {
      setStatus(t('followups.options.invalid'));
      return;
    }
    try {
      await api.call('patchSettings', { followups: draft });
      setStatus(t('options.saved'));
    } catch (err) {
      setStatus(t('options.saveFailed', { reason: (err as Error).message }));
    }
  };

  return (
    <form class="kf-card" data-kf="followup-settings" onSubmit={save}>
      <h2>{t('followups.options.heading')}</h2>
      <p class="kf-help">{t('followups.options.help')}</p>
      <label class="kf-row">
        <span>{t('followups.options.unpaidAfter')}</span>
        <input name="unpaidAfterMinutes" type="number" min={0} max={1440} step={1} value={draft.unpaidAfterMinutes} onInput={num('unpaidAfterMinutes')} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.shippingOverdue')}</span>
        <input name="shippingOverdueHours" type="number" min={0} max={720} step={1} value={draft.shippingOverdueHours} onInput={num('shippingOverdueHours')} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.dayStart')}</span>
        <input name="dayStart" type="time" value={draft.dayShift.start} onInput={(e) => setDraft({ ...draft, dayShift: { ...draft.dayShift, start: e.currentTarget.value } })} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.dayEnd')}</span>
        <input name="dayEnd" type="time" value={draft.dayShift.end} onInput={(e) => setDraft({ ...draft, dayShift: { ...draft.dayShift, end: e.currentTarget.value } })} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.notify')}</span>
        <input name="notify" type="checkbox" checked={draft.notify} onChange={(e) => setDraft({ ...draft, notify: e.currentTarget.checked })} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.notifyBefore')}</span>
        <input name="notifyBeforeCutoffMinutes" type="number" min={0} max={720} step={1} value={draft.notifyBeforeCutoffMinutes} onInput={num('notifyBeforeCutoffMinutes')} />
      </label>
      <button type="submit" class="kf-primary">{t('options.save')}</button>
      {status && <p role="status" data-kf="status">{status}</p>}
    </form>
  );
}
