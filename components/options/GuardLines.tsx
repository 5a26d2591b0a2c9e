import type { GuardFinding } from '@/lib/domain/guard/types';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { guardPromptMessages } from '@/lib/i18n/messages/guard-prompt';

// Severities and categories: with the guard feature script's words.
registerMessages(guardPromptMessages);

/** A template's compliance findings, one line each: category, the words, why. */
export function GuardLines(props: { findings: GuardFinding[] }) {
  const en = getLocale() === 'en';
  return (
    <ul class="kf-guard-lines">
      {props.findings.map((f) => (
        <li data-severity={f.severity}>
          {t(`guard.severity.${f.severity}`)} · {t(`guard.cat.${f.category}`)}「{f.words}」— {en ? f.reason.en : f.reason.zh}
        </li>
      ))}
    </ul>
  );
}
