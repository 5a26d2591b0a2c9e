import { useMemo, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { BUILT_IN_RULES } from '@/lib/domain/guard/rules';
import { activeRules, checkReply } from '@/lib/domain/guard/check';
import { GUARD_PLATFORMS, type GuardPlatform, type GuardRule, type GuardSeverity, type ShopRule } from '@/lib/domain/guard/types';
import { DEFAULT_LIMITS } from '@/lib/domain/remarks/presets';
import type { GuardPatch } from '@/lib/domain/guard/config';
import { ClockThresholds } from './ClockThresholds';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { guardMessages } from '@/lib/i18n/messages/guard';
import { guardPromptMessages } from '@/lib/i18n/messages/guard-prompt';
import { reasonText } from '@/lib/messaging/reason';
import { TooLong, invalidIf, overBy } from '../TooLong';
import { Said } from './Said';

registerMessages(guardMessages);
// Severities and categories: with the guard feature script's words.
registerMessages(guardPromptMessages);

/** The longest reason or rewrite the worker takes for a shop rule (lib/domain/guard/config.ts). */
const TEXT_MAX = 200;

const EMPTY_DRAFT = { words: '', reason: '', replacement: '', severity: 'warn' as GuardSeverity, platform: 'any' as GuardPlatform };

/** The shop's compliance rules (switch built-in ones off, add its own, try a reply) and the reply clock's thresholds (ClockThresholds). */
export function GuardSettings() {
  const api = useApi();
  const { value: config, error } = useLoaded('getGuardConfig', ['guard']);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [trial, setTrial] = useState('');
  const [trialPlatform, setTrialPlatform] = useState<GuardPlatform>('any');
  const en = getLocale() === 'en';
  const rules = useMemo(() => activeRules(config ?? undefined), [config]);
  // The money rules measure against the shop's saved limits (备注规范), as the panel does.
  const { value: ruleSet, error: ruleSetError } = useLoaded('getRuleSet', ['rules']);
  // Unreadable: the default limits, as the panel does.
  const limits = ruleSet?.limits ?? DEFAULT_LIMITS;

  if (error) return <p class="kf-bad">{error}</p>;
  if (!config || (!ruleSet && !ruleSetError)) return <p>{t('options.loading')}</p>;

  // Each change is sent as that one change, applied by the background to the settings as stored
  // then: what another tab (or a library import) changed since this tab loaded is kept.
  const save = async (patch: GuardPatch) => {
    try {
      await api.call('patchGuardConfig', patch);
      setStatus({ ok: true, text: t('options.guard.saved') });
      return true;
    } catch (e) {
      setStatus({ ok: false, text: t('options.saveFailed', { reason: reasonText(e) }) });
      return false;
    }
  };
  const toggle = (id: string, on: boolean) => void save({ rule: id, on });
  /** Field edits apply to the latest draft (two quick events must not undo each other). */
  const edit = (patch: Partial<typeof EMPTY_DRAFT>) => setDraft((d) => ({ ...d, ...patch }));
  const tooLong = overBy(draft.reason.trim(), TEXT_MAX) > 0 || overBy(draft.replacement.trim(), TEXT_MAX) > 0;
  const addRule = async (e: Event) => {
    e.preventDefault();
    // Too long: nothing added; the fields keep the whole text and say by how much (TooLong).
    if (tooLong) return;
    const rule: ShopRule = {
      id: `shop-${Date.now().toString(36)}`,
      words: draft.words.split(/[,，、\s]+/).map((w) => w.trim()).filter(Boolean),
      severity: draft.severity,
      platforms: [draft.platform],
      reason: draft.reason.trim(),
      ...(draft.replacement.trim() ? { replacement: draft.replacement.trim() } : {}),
    };
    if (await save({ add: rule })) setDraft(EMPTY_DRAFT);
  };
  const trialFindings = trial.trim() ? checkReply(trial, { platform: trialPlatform, rules, limits }) : [];
  const reasonOf = (r: GuardRule) => (en ? r.reason.en : r.reason.zh).replace('{limit}', r.limit ? String(limits[r.limit]) : '');

  return (
    <section class="kf-card" data-kf="guard-settings">
      <h2>{t('options.guard')}</h2>
      <p class="kf-help">{t('options.guard.help')}</p>
      {status && <Said of={status} class={status.ok ? 'kf-ok' : 'kf-bad'} kf="status">{status.text}</Said>}

      <h3>{t('options.guard.try')}</h3>
      <div class="kf-actions">
        <input data-kf="guard-try" placeholder={t('options.guard.tryPlaceholder')} value={trial} onInput={(e) => setTrial(e.currentTarget.value)} style="flex:1" />
        <select value={trialPlatform} onChange={(e) => setTrialPlatform(e.currentTarget.value as GuardPlatform)}>
          {GUARD_PLATFORMS.map((p) => <option value={p}>{t(`platform.${p}`)}</option>)}
        </select>
      </div>
      {trial.trim() && (
        <ul data-kf="guard-try-result">
          {trialFindings.length === 0 ? <li>{t('options.guard.clean')}</li> : trialFindings.map((f) => (
            <li data-severity={f.severity}>
              {t(`guard.severity.${f.severity}`)} · {t(`guard.cat.${f.category}`)}「{f.words}」— {en ? f.reason.en : f.reason.zh}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('options.guard.shopRules')}</h3>
      {config.rules.length === 0 && <p class="kf-muted">{t('options.guard.none')}</p>}
      <table class="kf-table" data-kf="guard-shop-rules">
        <tbody>
          {config.rules.map((r) => (
            <tr data-rule-id={r.id}>
              <td>{r.words.join('、')}</td>
              <td>{t(`guard.severity.${r.severity}`)}</td>
              <td>{r.platforms.map((p) => t(`platform.${p}`)).join('、')}</td>
              <td>{r.reason}</td>
              <td>{r.replacement ?? ''}</td>
              <td>
                <button class="kf-link" onClick={() => void save({ remove: r.id })}>{t('options.guard.remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="kf-editor" data-kf="guard-add" onSubmit={addRule}>
        <label class="kf-row"><span>{t('options.guard.words')}</span><input name="words" required value={draft.words} onInput={(e) => edit({ words: e.currentTarget.value })} /></label>
        <label class="kf-row"><span>{t('options.guard.reason')}</span><input name="reason" required aria-invalid={invalidIf(draft.reason.trim(), TEXT_MAX)} value={draft.reason} onInput={(e) => edit({ reason: e.currentTarget.value })} /></label>
        <TooLong text={draft.reason.trim()} max={TEXT_MAX} class="kf-bad" kf="guard-reason-too-long" />
        <label class="kf-row"><span>{t('options.guard.replacement')}</span><input name="replacement" aria-invalid={invalidIf(draft.replacement.trim(), TEXT_MAX)} value={draft.replacement} onInput={(e) => edit({ replacement: e.currentTarget.value })} /></label>
        <TooLong text={draft.replacement.trim()} max={TEXT_MAX} class="kf-bad" kf="guard-replacement-too-long" />
        <label class="kf-row">
          <span>{t('options.guard.severity')}</span>
          <select name="severity" value={draft.severity} onChange={(e) => edit({ severity: e.currentTarget.value as GuardSeverity })}>
            <option value="warn">{t('guard.severity.warn')}</option>
            <option value="block">{t('guard.severity.block')}</option>
          </select>
        </label>
        <label class="kf-row">
          <span>{t('options.guard.platforms')}</span>
          <select name="platform" value={draft.platform} onChange={(e) => edit({ platform: e.currentTarget.value as GuardPlatform })}>
            {GUARD_PLATFORMS.map((p) => <option value={p}>{t(`platform.${p}`)}</option>)}
          </select>
        </label>
        <div class="kf-actions"><button type="submit" class="kf-primary" data-kf="guard-add-rule" disabled={tooLong}>{t('options.guard.add')}</button></div>
      </form>

      <h3>{t('options.guard.builtIn')}</h3>
      {/* The limits are quoted below but kept with the remark rules: say where to change them. */}
      <p class="kf-help" data-kf="guard-limits">
        {t('options.guard.limits', { discount: limits.agentDiscountYuan, postage: limits.postageYuan })}{' '}
        <a href="#remark-rules:limits" data-kf="guard-limits-link">{t('options.guard.limitsLink')}</a>
      </p>
      <table class="kf-table" data-kf="guard-builtin">
        <tbody>
          {BUILT_IN_RULES.map((r) => (
            <tr data-rule-id={r.id}>
              <td><input type="checkbox" aria-label={t('options.guard.on')} checked={!config.disabled.includes(r.id)} onChange={(e) => toggle(r.id, e.currentTarget.checked)} /></td>
              <td>{t(`guard.cat.${r.category}`)}</td>
              <td>{en ? r.label.en : r.label.zh}</td>
              <td>{t(`guard.severity.${r.severity}`)}</td>
              <td>{r.platforms.map((p) => t(`platform.${p}`)).join('、')}</td>
              <td class="kf-help">{reasonOf(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <ClockThresholds />
    </section>
  );
}
