import { useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { useShopZone } from './useShopZone';
import { useTeamShop } from './useTeamShop';
import { formatWall } from '@/lib/domain/time';
import { dateStamp, downloadJson, JsonFileInput, readImportJson, undoLine } from './ImportExport';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { learnedMessages } from '@/lib/i18n/messages/learned';
import { Said } from './Said';
import { outcomeText, refused, writeFailed } from './import-outcome';
import { reasonText } from '@/lib/messaging/reason';
import { notDoneText } from '@/lib/messaging/not-done';

registerMessages(learnedMessages);

/** A failure said by a message of its own around the reason in words. */
const said = (key: string) => (err: unknown) => t(key, { reason: reasonText(err) });

const label = (id: ScenarioId) => (getLocale() === 'en' ? SCENARIOS[id].en : SCENARIOS[id].zh);

/** The 学习记录 tab: what the panel learned from the agent's picks; forget one or all; learning on/off. */
export function LearnedPicks() {
  const api = useApi();
  const { value: learned, reload } = useLoaded('getLearned', ['learned', 'settings']);
  const shop = useTeamShop();
  const { value: lib } = useLoaded('getLibrary', ['library']);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const zone = useShopZone();
  if (!learned) return <p>{t('options.loading')}</p>;
  const titles = new Map((lib?.templates ?? []).map((tpl) => [tpl.id, tpl.title]));

  /** `failed`: what a failure says — what was not done and what stays as it was — around the reason in words (reasonText). */
  const run = async (op: () => Promise<string>, failed: (err: unknown) => string) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await op() });
    } catch (err) {
      setMessage({ ok: false, text: failed(err) });
      // A forget cut off midway (a full disk refused its bookkeeping) may have forgotten some: the counts as they are now.
      reload();
    } finally {
      setConfirming(false);
    }
  };
  const forget = (payload: { ids?: string[]; all?: boolean }) =>
    run(async () => t('learned.forgotten', { count: (await api.call('forgetLearned', payload)).deleted }), said('learned.forgetFailed'));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => {
      const read = await readImportJson(file);
      const r = read.ok ? await api.call('importLearned', { json: read.json }) : { ok: false as const, errors: [read.error] };
      // One line, no heading: the reasons, then that nothing changed (said by no reason itself).
      if (!r.ok) throw new Error(outcomeText('problem' in r ? writeFailed('learned', r) : refused('learned', r.errors)));
      return [t('learned.imported', { count: r.count }), ...(r.duplicates ? [t('learned.duplicates', { count: r.duplicates })] : []), ...undoLine(r)].join(' ');
      // Refused at its safety copy or before (a write failing after it comes back as a WriteFailed): nothing written.
    }, (err) => notDoneText(err, t('learned.notDone.import'), t('learned.unchanged.import'), t('learned.importAgain')));
  };

  return (
    <section class="kf-card" data-kf="learned">
      <h2>{t('learned.title')}</h2>
      <p class="kf-help" data-kf="learned-help">{shop ? t('learned.helpTeam', { cap: learned.cap, shop }) : t('learned.help', { cap: learned.cap })}</p>
      <label class="kf-check">
        <input
          type="checkbox"
          data-kf="learning-enabled"
          checked={learned.enabled}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void run(async () => (await api.call('patchSettings', { privacy: { learnFromPicks: on } }), ''), said(on ? 'learned.onFailed' : 'learned.offFailed'));
          }}
        />
        {t('learned.enabled')}
      </label>
      <p data-kf="learned-count">{t('learned.count', { count: learned.count })}</p>
      {message && message.text && (
        <Said of={message} class={message.ok ? 'kf-ok' : 'kf-bad'} kf="learned-message">
          {message.text}
        </Said>
      )}
      <div class="kf-actions">
        <button data-kf="learned-export" onClick={async () => downloadJson(await api.call('exportLearned'), `kefu-learned-${dateStamp()}.json`)}>
          {t('learned.export')}
        </button>
        <JsonFileInput label={t('learned.import')} kf="learned-import" onFile={onFile} />
        {confirming ? (
          <span data-kf="learned-confirm-all">
            {t('learned.confirmAll', { count: learned.count })}{' '}
            <button class="kf-danger" data-kf="learned-forget-all-confirm" onClick={() => void forget({ all: true })}>
              {t('learned.confirm')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('learned.cancel')}</button>
          </span>
        ) : (
          <button class="kf-danger" data-kf="learned-forget-all" disabled={learned.count === 0} onClick={() => setConfirming(true)}>
            {t('learned.forgetAll')}
          </button>
        )}
      </div>
      {learned.count === 0 ? (
        <p class="kf-help" data-kf="learned-none">{t('learned.none')}</p>
      ) : (
        <>
          <h3>{t('learned.perScenario')}</h3>
          <ul class="kf-counts" data-kf="learned-per-scenario">
            {SCENARIO_IDS.filter((id) => learned.perScenario[id]).map((id) => (
              <li data-scenario={id}>
                {label(id)} <b>{learned.perScenario[id]}</b>
              </li>
            ))}
          </ul>
          <h3>{t('learned.latest')}</h3>
          <table class="kf-table" data-kf="learned-latest">
            <thead>
              <tr>
                <th>{t('learned.message')}</th>
                <th>{t('learned.scenario')}</th>
                <th>{t('learned.template')}</th>
                <th>{t('learned.when')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {learned.latest.map((p) => (
                <tr data-pick-id={p.id}>
                  <td>{p.text}</td>
                  <td>{label(p.scenario)}</td>
                  <td>{p.templateId ? titles.get(p.templateId) ?? p.templateId : t('learned.chipOnly')}</td>
                  <td>{formatWall(p.at, zone)}</td>
                  <td>
                    <button data-kf="learned-forget" onClick={() => void forget({ ids: [p.id] })}>
                      {t('learned.forget')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
