import { useState } from 'preact/hooks';
import { ChangedElsewhere } from './ChangedElsewhere';
import { typedNumber, useSettingsDraft, type StatusMessage } from './useDraft';
import { DEFAULT_APP_SETTINGS, type AppSettings, type FollowupPrefs } from '@/lib/storage/settings';
import { registerMessages, t } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { optionsDrafts } from '@/lib/i18n/messages/options-drafts';
import { Said } from './Said';

registerMessages(followups);
registerMessages(followupsUi);
registerMessages(optionsDrafts);

/**
 * A shift time as typed, in 24-hour time (08:30, 8:30, 8：30, 23:00) → HH:MM as stored; anything
 * else (4:00 PM, 下午4点, 24:00, 0830) → null, said with the 24-hour example rather than guessed.
 */
export function readShiftTime(typed: string): string | null {
  const m = /^\s*([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)\s*$/.exec(typed);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}
type NumberKey = 'unpaidAfterMinutes' | 'notifyBeforeCutoffMinutes';
/** Each number field: its label and its largest value (the input's max). */
const NUMBERS: Record<NumberKey, { label: string; max: number }> = {
  unpaidAfterMinutes: { label: 'followups.options.unpaidAfter', max: 1440 },
  notifyBeforeCutoffMinutes: { label: 'followups.options.notifyBefore', max: 720 },
};

/** The day shift round the clock (全天白班): stored as start = end, which the rules read as no night at all. */
const ALL_DAY = { start: '00:00', end: '00:00' };

/** What is wrong with the draft, naming the field, or null. `allDay`: 全天白班 is ticked. */
function problem(d: FollowupPrefs, allDay: boolean): StatusMessage | null {
  for (const [key, { label, max }] of Object.entries(NUMBERS) as [NumberKey, (typeof NUMBERS)[NumberKey]][]) {
    const v = d[key];
    if (!Number.isInteger(v) || v < 0 || v > max) return { key: 'followups.options.invalidNumber', params: { field: t(label), max } };
  }
  if (readShiftTime(d.dayShift.start) === null) return { key: 'followups.options.invalidTime', params: { field: t('followups.options.dayStart') } };
  if (readShiftTime(d.dayShift.end) === null) return { key: 'followups.options.invalidTime', params: { field: t('followups.options.dayEnd') } };
  // Equal times are the day shift round the clock: said with the 全天白班 box, not by two times typed
  // alike by mistake (which would silently drop the night shift).
  if (!allDay && readShiftTime(d.dayShift.start) === readShiftTime(d.dayShift.end)) return { key: 'followups.options.zeroShift', params: { time: readShiftTime(d.dayShift.start)! } };
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
  // Ticked or not by the agent; until then, as stored (start = end).
  const [ticked, setTicked] = useState<boolean | null>(null);
  const d = form.draft;
  if (!d.value) return <p class="kf-help">{t('options.loading')}</p>;
  const draft = d.value;
  const edit = form.edit;
  const allDay = ticked ?? draft.dayShift.start === draft.dayShift.end;
  const setAllDay = (on: boolean) => {
    setTicked(on);
    // Unticked from round the clock: the default hours, for the agent to change.
    edit((cur) => ({ ...cur, dayShift: on ? { ...ALL_DAY } : cur.dayShift.start === cur.dayShift.end ? { ...DEFAULT_APP_SETTINGS.followups.dayShift } : cur.dayShift }));
  };

  const num = (key: NumberKey) => (e: Event) => {
    const n = typedNumber(e);
    edit((cur) => ({ ...cur, [key]: n }));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const wrong = problem(draft, allDay);
    // Saved as HH:MM, as before (8:30 typed is 08:30); a refused draft is saved not at all, kept as typed.
    const dayShift = wrong ? draft.dayShift : { start: readShiftTime(draft.dayShift.start)!, end: readShiftTime(draft.dayShift.end)! };
    await form.save({ followups: { ...draft, dayShift } }, wrong);
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
        <span>{t('followups.options.allDay')}</span>
        <input name="allDay" type="checkbox" checked={allDay} aria-describedby="kf-all-day-help" onChange={(e) => setAllDay(e.currentTarget.checked)} />
      </label>
      <p class="kf-help" id="kf-all-day-help" data-kf="all-day-help">{t(allDay ? 'followups.options.allDayOn' : 'followups.options.allDayOff')}</p>
      <label class="kf-row">
        <span>{t('followups.options.dayStart')}</span>
        {/* Text, not type="time": Chromium shows that in the browser's locale (04:00 PM), not as the shop writes hours.
            As wide as the cut-off's text box (options/style.css), not the row's whole width. */}
        <input name="dayStart" disabled={allDay} value={draft.dayShift.start} placeholder={t('followups.options.timeExample')} maxLength={8} onInput={(e) => {
            const start = e.currentTarget.value;
            setTicked(false); // Hours typed (the box is not ticked): two equal times are a mistake said on save, not 全天白班.
            edit((cur) => ({ ...cur, dayShift: { ...cur.dayShift, start } }));
          }} />
      </label>
      <label class="kf-row">
        <span>{t('followups.options.dayEnd')}</span>
        <input name="dayEnd" disabled={allDay} value={draft.dayShift.end} placeholder={t('followups.options.timeExample')} maxLength={8} onInput={(e) => {
            const end = e.currentTarget.value;
            setTicked(false); // Hours typed (the box is not ticked): two equal times are a mistake said on save, not 全天白班.
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
