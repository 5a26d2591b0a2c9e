import { ChangedElsewhere } from './ChangedElsewhere';
import { useSettingsDraft } from './useDraft';
import { SCENARIO_IDS, SCENARIOS, isScenarioId, type ScenarioId } from '@/lib/domain/scenarios';
import type { ShopSettings } from '@/lib/domain/templates/types';
import type { AppSettings } from '@/lib/storage/settings';
import { getLocale, t } from '@/lib/i18n';
import { Said } from './Said';
import { useAnchor } from './useAnchor';
import { firstRun } from '@/lib/i18n/messages/first-run';
import { registerMessages } from '@/lib/i18n';
import { parseClock } from '@/lib/domain/time-words';
import { formatMinutes } from '@/lib/domain/time';
import { formatNoShipDates, parseNoShipDates } from '@/lib/domain/no-ship-text';

registerMessages(firstRun);

/**
 * What this form edits: the shop section, the cue phrases as typed (one box per scenario), and the
 * dates the shop does not ship as typed (one day or range a line; read on save).
 */
interface ShopDraft {
  shop: ShopSettings;
  cues: Partial<Record<ScenarioId, string>>;
  noShipDates: string;
}

function shopDraftOf(s: AppSettings): ShopDraft {
  return {
    shop: s.shop,
    cues: Object.fromEntries(Object.entries(s.shopCues).map(([k, v]) => [k, (v ?? []).join('，')])),
    noShipDates: formatNoShipDates(s.shop.noShip?.dates ?? []),
  };
}

/** Monday first, as a Chinese calendar shows the week (0 = Sunday, as Date counts). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

const scenarioLabel = (id: ScenarioId) => (getLocale() === 'en' ? SCENARIOS[id].en : SCENARIOS[id].zh);

/** The label of a changed field ('shop.shopName', 'cues.size-fit'), for the changed-elsewhere notice. */
function fieldLabel(path: string): string {
  const [section, key = ''] = path.split('.');
  if (section === 'cues') return isScenarioId(key) ? `${t('options.shopCues')}：${scenarioLabel(key)}` : t('options.shopCues');
  if (section === 'noShipDates') return t('options.noShipDates');
  return t(`options.${key}`);
}

/** Agent name, shop name, shipping cut-off, language, and the shop's own cue phrases. */
export function ShopSettingsForm() {
  const form = useSettingsDraft(shopDraftOf);
  const { settings } = form;
  const cutoffRef = useAnchor<HTMLInputElement>('cutoff');
  const d = form.draft;
  if (!d.value) return <p class="kf-help">{t('options.loading')}</p>;
  const draft = d.value;
  const setShop = (patch: Partial<ShopSettings>) => form.edit((cur) => ({ ...cur, shop: { ...cur.shop, ...patch } }));
  // What a cut-off typed in words will be saved as (下午4点半 → 16:30), shown before the save.
  const typedCutoff = parseClock(draft.shop.cutoff);
  const understood = typedCutoff === null ? null : formatMinutes(typedCutoff);

  const save = async (e: Event) => {
    e.preventDefault();
    // The cut-off as the owner writes it (16:00, 16点, 下午4点, 4:30pm: parseClock), stored as HH:MM;
    // one that does not read as a time is said, and nothing is saved.
    const minutes = parseClock(draft.shop.cutoff);
    if (minutes === null) return form.setStatus({ key: 'options.cutoffInvalid', params: { value: draft.shop.cutoff.trim() } });
    // The days the shop does not ship: a line that is no date, a range backwards or too long is said, and nothing is saved.
    const weekdays = draft.shop.noShip?.weekdays ?? [];
    if (weekdays.length >= 7) return form.setStatus({ key: 'options.noShipEveryDay' });
    const typed = parseNoShipDates(draft.noShipDates);
    if ('error' in typed) return form.setStatus(typed.error);
    // None is no field (it ships every day), unless one was there to clear.
    const noShip = weekdays.length || typed.dates.length || draft.shop.noShip ? { noShip: { weekdays, dates: typed.dates } } : {};
    const shop = { ...draft.shop, cutoff: formatMinutes(minutes), ...noShip };
    const shopCues: Partial<Record<ScenarioId, string[]>> = {};
    for (const [id, text] of Object.entries(draft.cues)) {
      const list = (text ?? '').split(/[,，、;；\n]/).map((x) => x.trim()).filter(Boolean);
      if (list.length) shopCues[id as ScenarioId] = list;
    }
    // A cut-off the owner set and saved is the shop's (the checklist's step, and the panel stops asking for it).
    const setCutoff = d.base !== null && shop.cutoff !== d.base.shop.cutoff;
    await form.save({ shop, shopCues, ...(setCutoff ? { setup: { cutoff: true } } : {}) });
  };

  return (
    <form class="kf-card" data-kf="shop-settings" onSubmit={save}>
      <h2>{t('options.shopSettings')}</h2>
      <ChangedElsewhere draft={d} whatKey="drafts.settings" fieldLabel={fieldLabel} canMerge />
      <label class="kf-row">
        <span>{t('options.agentName')}</span>
        <input name="agentName" value={draft.shop.agentName} maxLength={40} onInput={(e) => setShop({ agentName: e.currentTarget.value })} />
        {/* Settings live per browser profile: a day and a night agent on one profile would pass for one agent. */}
        <small data-kf="agent-name-shared">{t('options.agentNameShared')}</small>
      </label>
      <label class="kf-row">
        <span>{t('options.shopName')}</span>
        <input name="shopName" value={draft.shop.shopName} maxLength={60} onInput={(e) => setShop({ shopName: e.currentTarget.value })} />
      </label>
      <label class="kf-row">
        <span>{t('options.cutoff')}</span>
        {/* Text, not type="time": that takes digits only, in the browser's own format (04:00 PM). */}
        <input name="cutoff" ref={cutoffRef} value={draft.shop.cutoff} placeholder={t('options.cutoffExample')} maxLength={20} onInput={(e) => setShop({ cutoff: e.currentTarget.value })} />
        <small>
          {understood !== null && understood !== draft.shop.cutoff.trim() && <span data-kf="cutoff-understood">{t('options.cutoffUnderstood', { time: understood })} </span>}
          {settings && !settings.setup?.cutoff && <span class="kf-warn-text" data-kf="cutoff-unconfirmed">{t('firstRun.cutoffUnconfirmedMark')} </span>}
          {t('options.cutoffHelp')}
        </small>
      </label>
      <fieldset class="kf-row" data-kf="no-ship-weekdays">
        <legend>{t('options.noShip')}</legend>
        {WEEK.map((day) => (
          <label key={day}>
            <input
              type="checkbox"
              data-weekday={day}
              checked={draft.shop.noShip?.weekdays.includes(day) ?? false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                form.edit((cur) => {
                  const was = cur.shop.noShip ?? { weekdays: [], dates: [] };
                  const weekdays = WEEK.filter((d) => (d === day ? on : was.weekdays.includes(d))).sort();
                  return { ...cur, shop: { ...cur.shop, noShip: { ...was, weekdays } } };
                });
              }}
            />
            {t(`options.weekday${day}`)}
          </label>
        ))}
        <small>{t('options.noShipHelp')}</small>
      </fieldset>
      <label class="kf-row">
        <span>{t('options.noShipDates')}</span>
        <textarea name="noShipDates" rows={3} value={draft.noShipDates} placeholder={t('options.noShipDatesExample')} onInput={(e) => {
          const text = e.currentTarget.value;
          form.edit((cur) => ({ ...cur, noShipDates: text }));
        }} />
        <small>{t('options.noShipDatesHelp')}</small>
      </label>
      <label class="kf-row">
        <span>{t('options.locale')}</span>
        <select name="locale" value={draft.shop.locale} onChange={(e) => setShop({ locale: e.currentTarget.value === 'en' ? 'en' : 'zh-CN' })}>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <details>
        <summary>{t('options.shopCues')}</summary>
        <p class="kf-help">{t('options.shopCuesHelp')}</p>
        {SCENARIO_IDS.filter((id) => id !== 'other').map((id) => (
          <label class="kf-row" key={id}>
            <span>{scenarioLabel(id)}</span>
            <input
              data-cue={id}
              value={draft.cues[id] ?? ''}
              onInput={(e) => {
                // An emptied box is no entry, as in what is saved (so clearing what was typed is no edit).
                const text = e.currentTarget.value;
                form.edit((cur) => {
                  const { [id]: _old, ...cues } = cur.cues;
                  return { ...cur, cues: text ? { ...cues, [id]: text } : cues };
                });
              }}
            />
          </label>
        ))}
      </details>
      <button type="submit" class="kf-primary">{t('options.save')}</button>
      {form.status && <Said of={form.status} kf="status">{t(form.status.key, form.status.params)}</Said>}
    </form>
  );
}
