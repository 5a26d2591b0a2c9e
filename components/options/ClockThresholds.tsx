import { ChangedElsewhere } from './ChangedElsewhere';
import { typedNumber, useSettingsDraft, type StatusMessage } from './useDraft';
import { CLOCK_PLATFORMS, DEFAULT_CLOCK_SETTINGS, type ClockPlatform, type ClockSettings, type ClockThresholds } from '@/lib/domain/clock/types';
import type { AppSettings } from '@/lib/storage/settings';
import { registerMessages, t } from '@/lib/i18n';
import { guardMessages } from '@/lib/i18n/messages/guard';
import { Said } from './Said';

registerMessages(guardMessages);

type Field = 'amberSec' | 'redSec';
/** What the reply clock accepts (lib/domain/clock/settings.ts quietly puts a default in place of anything else). */
const MIN_SEC = 5;
const MAX_SEC = 86_400;

const clockOf = (s: AppSettings) => s.replyClock;
const fieldName = (p: ClockPlatform, f: Field) => `${t(`platform.${p}`)} · ${t(f === 'amberSec' ? 'options.clock.amber' : 'options.clock.red')}`;

/**
 * The hours a platform's clock counts, as saved — not the default: an import may have set Douyin's
 * to null (all day, labelled 全天) or to other hours, and the row said 08:00–23:00 (2026-12-06).
 * Absent (a record from before windows) is the platform's default; '' where it counts all day anyway.
 */
function hoursOf(w: ClockThresholds['window'], p: ClockPlatform): string {
  const window = w === undefined ? DEFAULT_CLOCK_SETTINGS[p].window : w;
  if (window) return `${window.from}–${window.to}`;
  return window === null && DEFAULT_CLOCK_SETTINGS[p].window ? t('options.clock.allDay') : '';
}

/** What is wrong with the thresholds, naming the box, or null. */
function problem(c: ClockSettings): StatusMessage | null {
  for (const p of CLOCK_PLATFORMS) {
    for (const f of ['amberSec', 'redSec'] as const) {
      const v = c[p][f];
      if (!Number.isInteger(v) || v < MIN_SEC || v > MAX_SEC) return { key: 'options.clock.invalid', params: { field: fieldName(p, f), min: MIN_SEC, max: MAX_SEC } };
    }
    if (c[p].redSec < c[p].amberSec) return { key: 'options.clock.redBeforeAmber', params: { platform: t(`platform.${p}`), amber: c[p].amberSec, red: c[p].redSec } };
  }
  return null;
}

/**
 * The reply clock's thresholds per platform (options → 合规检查), saved with 保存 or Enter. What is
 * typed stays through a settings write elsewhere (the panel storing its collapsed state, another
 * tab): useDraft keeps it, and says when the thresholds themselves changed there.
 */
export function ClockThresholds() {
  const form = useSettingsDraft(clockOf);
  const d = form.draft;
  if (!d.value) return <p class="kf-help">{t('options.loading')}</p>;
  const clock = d.value;

  const onInput = (p: ClockPlatform, f: Field) => (e: Event) => {
    const n = typedNumber(e);
    form.edit((cur) => ({ ...cur, [p]: { ...cur[p], [f]: n } }));
  };
  const save = async (e: Event) => {
    e.preventDefault();
    await form.save({ replyClock: clock }, problem(clock));
  };

  return (
    // Checked here rather than by the browser, so the message names the box in the page's language.
    <form data-kf="clock-form" noValidate onSubmit={save}>
      <h2>{t('options.clock')}</h2>
      <p class="kf-help">{t('options.clock.help')}</p>
      <p class="kf-help" data-kf="clock-defaults">{t('options.clock.defaults')}</p>
      <ChangedElsewhere
        draft={d}
        whatKey="drafts.settings"
        fieldLabel={(path) => {
          const [p, f] = path.split('.') as [ClockPlatform, string];
          return f === 'amberSec' || f === 'redSec' ? fieldName(p, f) : t(`platform.${p}`);
        }}
        canMerge
      />
      <table class="kf-table" data-kf="clock-thresholds">
        <thead><tr><th /><th>{t('options.clock.amber')}</th><th>{t('options.clock.red')}</th></tr></thead>
        <tbody>
          {CLOCK_PLATFORMS.map((p) => {
            const hours = hoursOf(clock[p].window, p);
            return (
              <tr data-platform={p}>
                <th>{t(`platform.${p}`)}{hours && <span data-kf="clock-hours">{` (${hours})`}</span>}</th>
                {(['amberSec', 'redSec'] as const).map((f) => (
                  <td>
                    <input
                      type="number"
                      name={`${p}.${f}`}
                      aria-label={fieldName(p, f)}
                      min={MIN_SEC}
                      max={MAX_SEC}
                      step={1}
                      value={Number.isNaN(clock[p][f]) ? '' : clock[p][f]}
                      onInput={onInput(p, f)}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="kf-actions">
        <button type="submit" class="kf-primary" data-kf="clock-save">{t('options.save')}</button>
        {form.status && <Said of={form.status} tag="span" kf="clock-status">{t(form.status.key, form.status.params)}</Said>}
      </div>
    </form>
  );
}
