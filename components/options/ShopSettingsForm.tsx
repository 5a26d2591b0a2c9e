import { useEffect, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import { t } from '@/lib/i18n';
import { reasonText } from '@/lib/messaging/reason';

/** Agent name, shop name, shipping cut-off, language, and the shop's own cue phrases. */
export function ShopSettingsForm() {
  const api = useApi();
  const { value: settings } = useLoaded('getSettings', ['settings']);
  const [draft, setDraft] = useState({ agentName: '', shopName: '', cutoff: '16:00', locale: 'zh-CN' as 'zh-CN' | 'en' });
  const [cues, setCues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!settings) return;
    setDraft(settings.shop);
    setCues(Object.fromEntries(Object.entries(settings.shopCues).map(([k, v]) => [k, (v ?? []).join('，')])));
  }, [settings]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.cutoff)) {
      setStatus(t('options.cutoffInvalid'));
      return;
    }
    const shopCues: Partial<Record<ScenarioId, string[]>> = {};
    for (const [id, text] of Object.entries(cues)) {
      const list = text.split(/[,，、;；\n]/).map((x) => x.trim()).filter(Boolean);
      if (list.length) shopCues[id as ScenarioId] = list;
    }
    try {
      await api.call('patchSettings', { shop: draft, shopCues });
      setStatus(t('options.saved'));
    } catch (err) {
      setStatus(t('options.saveFailed', { reason: reasonText(err) }));
    }
  };

  return (
    <form class="kf-card" data-kf="shop-settings" onSubmit={save}>
      <h2>{t('options.shopSettings')}</h2>
      <label class="kf-row">
        <span>{t('options.agentName')}</span>
        <input name="agentName" value={draft.agentName} maxLength={40} onInput={(e) => setDraft({ ...draft, agentName: e.currentTarget.value })} />
      </label>
      <label class="kf-row">
        <span>{t('options.shopName')}</span>
        <input name="shopName" value={draft.shopName} maxLength={60} onInput={(e) => setDraft({ ...draft, shopName: e.currentTarget.value })} />
      </label>
      <label class="kf-row">
        <span>{t('options.cutoff')}</span>
        <input name="cutoff" type="time" value={draft.cutoff} onInput={(e) => setDraft({ ...draft, cutoff: e.currentTarget.value })} />
        <small>{t('options.cutoffHelp')}</small>
      </label>
      <label class="kf-row">
        <span>{t('options.locale')}</span>
        <select name="locale" value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.currentTarget.value === 'en' ? 'en' : 'zh-CN' })}>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <details>
        <summary>{t('options.shopCues')}</summary>
        <p class="kf-help">{t('options.shopCuesHelp')}</p>
        {SCENARIO_IDS.filter((id) => id !== 'other').map((id) => (
          <label class="kf-row">
            <span>{SCENARIOS[id].zh}</span>
            <input data-cue={id} value={cues[id] ?? ''} onInput={(e) => setCues({ ...cues, [id]: e.currentTarget.value })} />
          </label>
        ))}
      </details>
      <button type="submit" class="kf-primary">{t('options.save')}</button>
      {status && <p role="status" data-kf="status">{status}</p>}
    </form>
  );
}
