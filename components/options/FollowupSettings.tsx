import { ChangedElsewhere } from './ChangedElsewhere';
import { typedNumber, useSettingsDraft, type StatusMessage } from './useDraft';
import type { AppSettings, FollowupPrefs } from '@/lib/storage/settings';
import { registerMessages, t } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { optionsDrafts } from '@/lib/i18n/messages/options-drafts';
import { Said } from './Said';

registerMessages(followups);
registerMessages(followupsUi);
registerMessages(optionsDrafts);

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
type NumberKey = 'unpaidAfterMinutes' | 'notifyBeforeCutoffMinutes';
/** Each number field: its label and its largest value (the input's max). */
const NUMBERS: Record<NumberKey, { label: string; max: number }> = {
  unpaidAfterMinutes: { label: 'followups.options.unpaidAfter', max: 1440 },
  notifyBeforeCutoffMinutes: { label: 'followups.options.notifyBefore', max: 720 },
};

/** What is wrong with the draft, naming the field, or null. */
function problem(d: FollowupPrefs): StatusMessage | null {
  for (const [key, { label, max }] of Object.entries(NUMBERS) as [NumberKey, (typeof NUMBERS)[NumberKey]][]) {
    const v = d[key];
    if (!Number.isInteger(v) || v < 0 || v > max) return { key: 'followups.options.invalidNumber', params: { field: t(label), max } };
  }
  if (!HHMM.test(d.dayShift.start)) return { key: 'followups.options.invalidTime', params: { field: t('followups.options.dayStart') } };
  if (!HHMM.test(d.dayShift.end)) return { key: 'followups.options.invalidTime', params: { field: t('followups.options.dayEnd') } };
  // The night shift is the rest of the day: a day shift of no length would make every hour night.
  if (d.dayShift.start === d.dayShift.end) return { key: 'followups.options.zeroShift', params: { time: d.dayShift.start } };
  return null;
}

const followupsOf = (s: AppSettings) => s.followups;

/** The label of a changed field ('notify', 'dayShift.start'), for the changed-elsewhere notice. */
const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(NUMBERS).map(([k, v]) => [k, v.label])),
  'dayShift.start': 'followups.options.dayStart',
  'dayShift.end': 'followups.options.dayEnd',
  notify: 'followups.options.notify',
};

/** Follow-up list settings: thresholds, the day shift (night = the rest), cut-off notifications. */
export function FollowupSettings() {
  const form = useSettingsDraft(followupsOf);
  const d = form.draft;
  if (!d.value) return <p class="kf-help">{t('options.loading')}</p>;
  const draft = d.value;
  const edit = form.edit;

  const num = (key: NumberKey) => (e: Event) => {
    const n = typedNumber(e);
    edit((cur) => ({ ...cur, [key]: n }));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    await form.save({ followups: draft }, problem(draft));
  };

  return (
    <form class="kf-card" data-kf="followup-settings" onSubmit={save}>
      <h2>{t('followups.options.heading')}</h2>
      <p class="kf-help">{t('followups.options.help')}</p>
      <ChangedElsewhere
        draft={d}
        whatKey="drafts.settings"
        fieldLabel={(path) => t(FIELD_LABELS[path] ?? path)}
        canMerge
      />
      <label class="kf-row">
        <span>{t('followups.options.unpaidAfter')}</span>
        <input name="unpaidAfterMinutes" type="number" min={0} max={1440} step={1} value={draft.unpaidAfterMinutes} onInput={num('unpaidAfterMinutes')} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.dayStart')}</span>
        <input name="dayStart" type="time" value={draft.dayShift.start} onInput={(e) => {
            const start = e.currentTarget.value;
            edit((cur) => ({ ...cur, dayShift: { ...cur.dayShift, start } }));
          }} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.dayEnd')}</span>
        <input name="dayEnd" type="time" value={draft.dayShift.end} onInput={(e) => {
            const end = e.currentTarget.value;
            edit((cur) => ({ ...cur, dayShift: { ...cur.dayShift, end } }));
          }} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.notify')}</span>
        <input name="notify" type="checkbox" checked={draft.notify} onChange={(e) => {
            const notify = e.currentTarget.checked;
            edit((cur) => ({ ...cur, notify }));
          }} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.notifyBefore')}</span>
        <input name="notifyBeforeCutoffMinutes" type="number" min={0} max={720} step={1} value={draft.notifyBeforeCutoffMinutes} onInput={num('notifyBeforeCutoffMinutes')} />
      </label>
      <button type="submit" class="kf-primary">{t('options.save')}</button>
      {form.status && <Said of={form.status} kf="status">{t(form.status.key, form.status.params)}</Said>}
    </form>
  );
}
