import { useStore } from '../useStore';
import type { Store } from '@/lib/panel/store';
import type { GuardFinding } from '@/lib/domain/guard/types';
import { registerMessages, t, type Locale } from '@/lib/i18n';
import { guardPromptMessages } from '@/lib/i18n/messages/guard-prompt';
import { GuardFindings } from '../GuardFindings';

registerMessages(guardPromptMessages);

/** Drawn with each section in the panel's shadow root, from the guard feature script: not in PANEL_CSS, which every seller page loads. */
export const GUARD_CSS = `
.kf-guard { background: #fffbeb; }
.kf-guard-hold { background: #fef2f2; border-left: 3px solid #dc2626; }
.kf-guard h3 { color: #991b1b; }
.kf-guard-findings li { margin: 4px 0; }
.kf-guard-findings mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 2px; word-break: break-all; }
.kf-guard-sev { font-size: 11px; border-radius: 3px; padding: 0 4px; margin-right: 4px; color: #fff; }
.kf-guard-block { background: #dc2626; }
.kf-guard-warn { background: #b45309; }
.kf-guard-preview { margin: 6px 0; padding: 4px 6px; background: #fff; border: 1px dashed #c9cdd4; border-radius: 4px; white-space: pre-wrap; }
`;

export interface GuardHold {
  text: string;
  findings: GuardFinding[];
  /** The compliant version, when any finding can be rewritten. */
  rewritten: string | null;
  via: 'panel' | 'code' | 'copy';
}

export interface GuardUiState {
  /** A reply held until the agent decides. */
  hold: GuardHold | null;
  /** Warnings on the reply just inserted. */
  warned: GuardFinding[];
  /** Findings in the chat box text as typed. */
  typed: GuardFinding[];
}

export interface GuardActions {
  rewrite(): void;
  confirm(): void;
  cancel(): void;
  dismiss(): void;
}

function FindingsSection(props: { kf: string; title: string; findings: GuardFinding[]; onDismiss?: () => void }) {
  return (
    <section class="kf-guard" data-kf={props.kf}>
      <style>{GUARD_CSS}</style>
      <h3>{props.title}</h3>
      <GuardFindings findings={props.findings} kf="guard" />
      {props.onDismiss && (
        <button class="kf-link" data-kf="guard-dismiss" onClick={props.onDismiss}>
          {t('guard.dismiss')}
        </button>
      )}
    </section>
  );
}

export interface GuardPromptProps {
  store: Store<GuardUiState>;
  actions: GuardActions;
  /** The panel's language (the feature script's strings are its own copy). */
  locale: Locale;
}

/**
 * The guard's part of the panel: a held reply with the words and why, warnings, and what the chat box
 * holds. In the guard feature script (entrypoints/guard-feature.tsx), not content.js: it has
 * something to show only once the rules, loaded with it, have found something.
 */
export function GuardPrompt(props: GuardPromptProps) {
  const s = useStore(props.store);
  const { actions } = props;
  if (s.hold) {
    return (
      <section class="kf-guard kf-guard-hold" data-kf="guard-prompt" role="alertdialog" aria-label={t('guard.held')}>
        <style>{GUARD_CSS}</style>
        <h3>{t(s.hold.via === 'copy' ? 'guard.heldCopy' : 'guard.held')}</h3>
        <GuardFindings findings={s.hold.findings} kf="guard" />
        {s.hold.rewritten !== null && (
          <p class="kf-guard-preview">
            <span class="kf-label">{t('guard.rewritePreview')}</span>
            <span data-kf="guard-rewritten">{s.hold.rewritten}</span>
          </p>
        )}
        <div class="kf-actions">
          {s.hold.rewritten !== null && (
            <button class="kf-primary" data-kf="guard-rewrite" onClick={actions.rewrite}>
              {t('guard.rewrite')}
            </button>
          )}
          <button data-kf="guard-confirm" onClick={actions.confirm}>
            {t('guard.confirm')}
          </button>
          <button data-kf="guard-cancel" onClick={actions.cancel}>
            {t('guard.cancel')}
          </button>
        </div>
      </section>
    );
  }
  if (s.warned.length) return <FindingsSection kf="guard-warned" title={t('guard.warned')} findings={s.warned} onDismiss={actions.dismiss} />;
  if (s.typed.length) return <FindingsSection kf="guard-typed" title={t('guard.typed')} findings={s.typed} />;
  return null;
}
