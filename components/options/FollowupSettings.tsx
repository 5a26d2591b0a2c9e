import { useState } from 'preact/hooks';
import { ChangedElsewhere } from './ChangedElsewhere';
import { typedNumber, useSettingsDraft, type StatusMessage } from './useDraft';
import { DEFAULT_APP_SETTINGS, type AppSettings, type FollowupPrefs } from '@/lib/storage/settings';
import { registerMessages, t } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { optionsDrafts } from '@/lib/i18n/messages/options-drafts';
import { Said } from './Said';
import { readShiftTime, shiftTimeOf } from '@/lib/domain/shift-time';

registerMessages(followups);
registerMessages(followupsUi);
registerMessages(optionsDrafts);

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
  for (const [key, label] of [['start', 'followups.options.dayStart'], ['end', 'followups.options.dayEnd']] as const) {
    const typed = d.dayShift[key];
    const read = readShiftTime(typed);
    // 4点 / 4:00 may be either half of the day: asked, naming both, rather than guessed.
    if (read && 'either' in read) return { key: 'followups.options.eitherTime', params: { field: t(label), typed: typed.trim(), morning: read.either[0], evening: read.either[1] } };
    if (!read) return { key: 'followups.options.invalidTime', params: { field: t(label) } };
  }
  // Equal times are the day shift round the clock: said with the 全天白班 box, not by two times typed
  // alike by mistake (which would silently drop the night shift).
  const start = shiftTimeOf(d.dayShift.start)!;
  if (!allDay && start === shiftTimeOf(d.dayShift.end)) return { key: 'followups.options.zeroShift', params: { time: start } };
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

  /** 白班开始 / 白班结束: typed as the lead says it (下午4点, 4:00 PM), shown as stored (16:00) once left. */
  const shiftBox = (key: 'start' | 'end', name: string) => (
    <label class="kf-row">
      <span>{t(`followups.options.${name}`)}</span>
      {/* Text, not type="time": Chromium shows that in the browser's locale (04:00 PM), not as the shop writes hours.
          As wide as the cut-off's text box (options/style.css), not the row's whole width; long enough for 12:30 p.m. */}
      <input
        name={name}
        disabled={allDay}
        value={draft.dayShift[key]}
        placeholder={t('followups.options.timeExample')}
        maxLength={12}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          setTicked(false); // Hours typed (the box is not ticked): two equal times are a mistake said on save, not 全天白班.
          edit((cur) => ({ ...cur, dayShift: { ...cur.dayShift, [key]: typed } }));
        }}
        onBlur={(e) => {
          // Left: a time with one meaning is shown as it is saved; an asked or unread one stays as typed, for save to say why.
          const time = shiftTimeOf(e.currentTarget.value);
          if (time && time !== e.currentTarget.value) edit((cur) => ({ ...cur, dayShift: { ...cur.dayShift, [key]: time } }));
        }}
      />
    </label>
  );

  const save = async (e: Event) => {
    e.preventDefault();
    const wrong = problem(draft, allDay);
    // Saved as HH:MM, as before (下午4点 typed is 16:00); a refused draft is saved not at all, kept as typed.
    const dayShift = wrong ? draft.dayShift : { start: shiftTimeOf(draft.dayShift.start)!, end: shiftTimeOf(draft.dayShift.end)! };
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
      {shiftBox('start', 'dayStart')}
      {shiftBox('end', 'dayEnd')}
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
