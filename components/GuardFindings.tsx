import type { GuardFinding } from '@/lib/domain/guard/types';
import { getLocale, t } from '@/lib/i18n';

/**
 * What the compliance guard found, one line each: severity, category, the words as the agent wrote
 * them and why — all rendered as text. The chat panel's hold (components/panel/GuardPrompt.tsx,
 * `kf` guard) and the side panel's held copy (components/sidepanel/LibraryPane.tsx, `kf` side-guard)
 * list them alike; the words come from guardPromptMessages, which each registers.
 */
export function GuardFindings(props: { findings: GuardFinding[]; kf: 'guard' | 'side-guard' }) {
  const en = getLocale() === 'en';
  return (
    <ul class="kf-list kf-guard-findings">
      {props.findings.map((f) => (
        <li data-kf={`${props.kf}-finding`} data-category={f.category} data-severity={f.severity}>
          <span class={`kf-guard-sev kf-guard-${f.severity}`}>{t(`guard.severity.${f.severity}`)}</span>
          <strong>{t(`guard.cat.${f.category}`)}</strong>
          「<mark data-kf={`${props.kf}-words`}>{f.words}</mark>」
          <span class="kf-reason" data-kf={`${props.kf}-reason`}>{en ? f.reason.en : f.reason.zh}</span>
        </li>
      ))}
    </ul>
  );
}
