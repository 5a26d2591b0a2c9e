import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { RuleSetEditor } from '../remarks/RuleSetEditor';
import { RemarkOverrides } from './RemarkOverrides';
import { REMARK_CSS } from '../remarks/styles';
import { FLAG_COLORS, FLAG_NAMES, checkRemark, isoDate, type FlagColor, type RuleSet } from '@/lib/domain/remarks';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { remarks } from '@/lib/i18n/messages/remarks';
import { remarksPanel } from '@/lib/i18n/messages/remarks-panel';
import { reasonText } from '@/lib/messaging/reason';
import { DEFAULT_APP_SETTINGS, shopZone } from '@/lib/storage/settings';

registerMessages(remarks);
registerMessages(remarksPanel);

/**
 * Options tab: the shop's remark rule set (preset A/B, edited), saved explicitly — the editor
 * reports every valid edit, and saving each keystroke would race the reload of what was saved.
 * Below: a box to try a remark against the rules as edited, and the log of saved-anyway remarks.
 */
export function RemarkRules() {
  const api = useApi();
  const { value: saved, error } = useLoaded('getRuleSet', ['rules']);
  const { value: overrides } = useLoaded('listRemarkOverrides', ['rules']);
  const [pending, setPending] = useState<RuleSet | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setPending(null), [saved]);

  const save = async () => {
    if (!pending) return;
    try {
      await api.call('saveRuleSet', pending);
      setStatus({ ok: true, text: t('remarkRules.saved') });
    } catch (err) {
      setStatus({ ok: false, text: t('remarkRules.saveFailed', { reason: reasonText(err) }) });
    }
  };

  return (
    <section class="kf-card" data-kf="remark-rules">
      <style>{REMARK_CSS}</style>
      <h2>{t('options.remarkRules')}</h2>
      <p class="kf-help">{t('remarkRules.help')}</p>
      {error && <p class="kf-bad">{error}</p>}
      {saved && (
        <>
          <RuleSetEditor
            value={saved}
            onChange={(r) => {
              setPending(r);
              setStatus(null);
            }}
          />
          <div class="kf-actions">
            <button class="kf-primary" data-kf="rules-save" disabled={!pending} onClick={() => void save()}>
              {t('remarkRules.save')}
            </button>
            {pending && <span class="kf-warn-text" data-kf="rules-unsaved">{t('remarkRules.unsaved')}</span>}
            {status && (
              <span class={status.ok ? 'kf-ok' : 'kf-bad'} role="status" data-kf="rules-status">
                {status.text}
              </span>
            )}
          </div>
          <TryRemark ruleSet={pending ?? saved} />
        </>
      )}
      {overrides && overrides.length > 0 && <RemarkOverrides overrides={overrides} />}
    </section>
  );
}

/** Checks a sample remark against the rules as they are being edited. */
function TryRemark({ ruleSet }: { ruleSet: RuleSet }) {
  const [flag, setFlag] = useState<FlagColor>('purple');
  const [text, setText] = useState('');
  // "Today" is the shop's date, as where remarks are written (lib/panel/remarks.ts).
  const zone = shopZone(useLoaded('getSettings', ['settings']).value ?? DEFAULT_APP_SETTINGS);
  const problems = useMemo(() => (text.trim() ? checkRemark(text, { ruleSet, flag, today: isoDate(Date.now(), zone) }) : []), [ruleSet, flag, text, zone]);
  const en = getLocale() === 'en';
  return (
    <div class="kf-rm" data-kf="rules-try">
      <h4>{t('remarkRules.try')}</h4>
      <div class="kf-rm-row">
        <select data-kf="rules-try-flag" value={flag} onChange={(e) => setFlag(e.currentTarget.value as FlagColor)}>
          {FLAG_COLORS.map((c) => (
            <option key={c} value={c}>{en ? FLAG_NAMES[c].en : FLAG_NAMES[c].zh}</option>
          ))}
        </select>
      </div>
      <textarea rows={2} data-kf="rules-try-text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {text.trim() &&
        (problems.length === 0 ? (
          <p class="kf-rm-ok" data-kf="rules-try-ok">{t('remarks.check.ok')}</p>
        ) : (
          <ul class="kf-rm-problems" data-kf="rules-try-problems">
            {problems.map((p, i) => (
              <li key={`${i}:${p.code}`} data-code={p.code} data-field={p.field}>{en ? p.messageEn : p.message}</li>
            ))}
          </ul>
        ))}
    </div>
  );
}
