import { useEffect, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import type { FollowupPrefs } from '@/lib/storage/settings';
import { registerMessages, t } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { reasonText } from '@/lib/messaging/reason';

registerMessages(followups);
registerMessages(followupsUi);

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
type NumberKey = 'unpaidAfterMinutes' | 'shippingOverdueHours' | 'notifyBeforeCutoffMinutes';
/** Each number field: its label and its largest value (the input's max). */
const NUMBERS: Record<NumberKey, { label: string; max: number }> = {
  unpaidAfterMinutes: { label: 'followups.options.unpaidAfter', max: 1440 },
  shippingOverdueHours: { label: 'followups.options.shippingOverdue', max: 720 },
  notifyBeforeCutoffMinutes: { label: 'followups.options.notifyBefore', max: 720 },
};

/** What is wrong with the draft, naming the field, or null. */
function problem(d: FollowupPrefs): string | null {
  for (const [key, { label, max }] of Object.entries(NUMBERS) as [NumberKey, (typeof NUMBERS)[NumberKey]][]) {
    const v = d[key];
    if (!Number.isInteger(v) || v < 0 || v > max) return t('followups.options.invalidNumber', { field: t(label), max });
  }
  if (!HHMM.test(d.dayShift.start)) return t('followups.options.invalidTime', { field: t('followups.options.dayStart') });
  if (!HHMM.test(d.dayShift.end)) return t('followups.options.invalidTime', { field: t('followups.options.dayEnd') });
  return null;
}

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

  // An emptied box is no number (Number('') would quietly save 0).
  const num = (key: NumberKey) => (e: Event) => {
    const raw = (e.currentTarget as HTMLInputElement).value.trim();
    setDraft({ ...draft, [key]: raw === '' ? NaN : Number(raw) });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const wrong = problem(draft);
    if (wrong) {
      setStatus(wrong);
      return;
    }
    try {
      await api.call('patchSettings', { followups: draft });
      setStatus(t('options.saved'));
    } catch (err) {
      setStatus(t('options.saveFailed', { reason: reasonText(err) }));
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
