import { useMemo, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { ChangedElsewhere } from './ChangedElsewhere';
import { saveDraft, useDraft, type StatusMessage } from './useDraft';
import { RuleSetEditor, firstRuledFlag } from '../remarks/RuleSetEditor';
import { RemarkOverrides } from './RemarkOverrides';
import { REMARK_CSS } from '../remarks/styles';
import { FLAG_COLORS, FLAG_NAMES, RECORD_KINDS, checkRemark, formatLine, getRule, isRecordKind, isoDate, validateRuleSet, type RemarkTarget, type RuleSet } from '@/lib/domain/remarks';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { remarks } from '@/lib/i18n/messages/remarks';
import { remarksPanel } from '@/lib/i18n/messages/remarks-panel';
import { reasonText } from '@/lib/messaging/reason';
import { useShopZone } from './useShopZone';
import { Said } from './Said';

registerMessages(remarks);
registerMessages(remarksPanel);

/**
 * Options tab: the shop's remark rule set (preset A/B, edited), saved explicitly. The draft is
 * kept while the rules are reloaded (a remark saved anyway announces 'rules' too); when another
 * tab saves different rules meanwhile, the draft stays and a notice offers the new version.
 * Below: a box to try a remark against the rules as edited, and the log of saved-anyway remarks.
 */
export function RemarkRules() {
  const api = useApi();
  const { value: saved, error } = useLoaded('getRuleSet', ['rules']);
  const { value: overrides } = useLoaded('listRemarkOverrides', ['rules']);
  const d = useDraft(saved);
  const check = useMemo(() => d.value && validateRuleSet(d.value), [d.value]);
  const [status, setStatus] = useState<(StatusMessage & { ok: boolean }) | null>(null);
  // The flag or after-sale record tried: the one being edited, until the owner picks another in the try-out.
  const [tryTarget, setTryTarget] = useState<RemarkTarget | null>(null);

  const save = async () => {
    if (!d.dirty || !check?.ok) return;
    try {
      const limitsSet = !!d.base && JSON.stringify(check.ruleSet.limits) !== JSON.stringify(d.base.limits);
      const done = await saveDraft(d, () => api.call('getRuleSet'), () => api.call('saveRuleSet', check.ruleSet));
      setStatus(done ? { ok: true, key: 'remarkRules.saved' } : { ok: false, key: 'drafts.wouldOverwrite' });
      // The first-run checklist's steps: the shop chose its convention; limits it changed are checked.
      if (done) await api.call('patchSettings', { setup: { remarks: true, ...(limitsSet ? { limits: true } : {}) } }).catch(() => {});
    } catch (err) {
      setStatus({ ok: false, key: 'remarkRules.saveFailed', params: { reason: reasonText(err) } });
    }
  };

  return (
    <section class="kf-card" data-kf="remark-rules">
      <style>{REMARK_CSS}</style>
      <h2>{t('options.remarkRules')}</h2>
      <p class="kf-help">{t('remarkRules.help')}</p>
      {error && <p class="kf-bad">{error}</p>}
      {d.value && d.base && check && (
        <>
          <ChangedElsewhere draft={d} whatKey="drafts.rules" />
          <RuleSetEditor
            value={d.value}
            onChange={(r) => {
              d.edit(r);
              setStatus(null);
            }}
            onTarget={setTryTarget /* The try-out follows the flag or record being edited. */}
          />
          <div class="kf-actions">
            <button class="kf-primary" data-kf="rules-save" disabled={!d.dirty || !check.ok} onClick={() => void save()}>
              {t('remarkRules.save')}
            </button>
            {d.dirty && <span class="kf-warn-text" data-kf="rules-unsaved">{t('remarkRules.unsaved')}</span>}
            {status && (
              <Said of={status} tag="span" class={status.ok ? 'kf-ok' : 'kf-bad'} kf="rules-status">
                {t(status.key, status.params)}
              </Said>
            )}
          </div>
          {/* An invalid edit (its errors shown above) is tried as the saved rules. */}
          <TryRemark ruleSet={check.ok ? check.ruleSet : d.base} target={tryTarget ?? firstRuledFlag(d.base)} onTarget={setTryTarget} />
        </>
      )}
      {overrides && overrides.length > 0 && <RemarkOverrides overrides={overrides} />}
    </section>
  );
}

/**
 * How a remark for `target` (a flag or an after-sale record) is written under `ruleSet`: the canonical
 * line (【标题】标签：值｜…｜经办人 日期) with “…” for each value, signed `agent` today — what an owner writing
 * the shop's format cannot guess.
 */
function formatExample(ruleSet: RuleSet, target: RemarkTarget, agent: string, today: string): string {
  const rule = getRule(ruleSet, target);
  // Every value as text: a money field's “…” is not written “…元”.
  const asText = { ...rule, fields: rule.fields.map((f) => ({ ...f, type: 'text' as const })) };
  return formatLine(asText, Object.fromEntries(rule.fields.map((f) => [f.key, '…'])), agent, today);
}

/** “Quality exchange record” → “quality exchange record”, for the middle of an English sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Checks a sample remark (a flag's, or an after-sale record's) against the rules as they are being edited, under how one is written. */
function TryRemark({ ruleSet, target, onTarget: setTarget }: { ruleSet: RuleSet; target: RemarkTarget; onTarget(target: RemarkTarget): void }) {
  const [text, setText] = useState('');
  // "Today" is the shop's date, as where remarks are written (lib/panel/remarks.ts).
  const zone = useShopZone();
  const shopAgent = useLoaded('getSettings', ['settings']).value?.shop.agentName.trim() ?? '';
  const agent = shopAgent || t('remarkRules.agentPlaceholder');
  const today = isoDate(Date.now(), zone);
  // The check's messages ask for the shop's agent name (not “客服名”); a remark another agent signed is
  // tried for its shape all the same: who signs is checked where remarks are written (谁处理谁备注).
  // An after-sale record is written on an order under whatever flag it has (the flag is not checked then):
  // tried as on an unflagged order.
  const kind = isRecordKind(target) ? { flag: 'gray' as const, record: target } : { flag: target };
  const problems = useMemo(
    () =>
      text.trim()
        ? checkRemark(text, { ruleSet, ...kind, today, ...(shopAgent ? { agent: shopAgent } : {}) }).filter((p) => p.code !== 'other-agent')
        : [],
    [ruleSet, target, text, today, shopAgent],
  );
  const en = getLocale() === 'en';
  const line = formatExample(ruleSet, target, agent, today);
  // A flag names the order's remark (“红旗的备注”, “an order with a red flag”); a record is a remark of its
  // own (“质量换货记录”, “a quality exchange record”: the picker's name, lower-cased mid-sentence).
  const format = isRecordKind(target)
    ? t('remarkRules.tryFormatRecord', { record: en ? lowerFirst(t(`remarks.record.${target}`)) : t(`remarks.record.${target}`), line })
    : t('remarkRules.tryFormat', { flag: en ? FLAG_NAMES[target].en : FLAG_NAMES[target].zh, line });
  return (
    <div class="kf-rm" data-kf="rules-try">
      <h4>{t('remarkRules.try')}</h4>
      <div class="kf-rm-row">
        <select data-kf="rules-try-flag" value={target} onChange={(e) => setTarget(e.currentTarget.value as RemarkTarget)}>
          {FLAG_COLORS.map((c) => (
            <option key={c} value={c}>{en ? FLAG_NAMES[c].en : FLAG_NAMES[c].zh}</option>
          ))}
          <optgroup label={t('remarks.editor.records')}>
            {RECORD_KINDS.map((k) => (
              <option key={k} value={k}>{t(`remarks.record.${k}`)}</option>
            ))}
          </optgroup>
        </select>
      </div>
      <p class="kf-help" data-kf="rules-try-format">
        {format}
      </p>
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
