import { useState } from 'preact/hooks';
import type { Problem } from '../../lib/domain/remarks';
import { getLocale, registerMessages, t } from '../../lib/i18n';
import { remarks } from '../../lib/i18n/messages/remarks';
import { TooLong, invalidIf, overBy } from '../TooLong';

/** The longest reason the worker records with an override. */
const REASON_MAX = 200;

registerMessages(remarks);

export interface RemarkCheckProps {
  /** checkRemark(...) of the text the agent typed, recomputed by the parent as they type. */
  problems: Problem[];
  /**
   * emptyRemarkNote(...) of the box: set when the box is empty and allowed to be (gray). Shown
   * instead of "follows the rules", which an empty box does not.
   */
  empty?: { message: string; messageEn: string } | null;
  /** The agent saves anyway; `reason` is non-empty and trimmed. */
  onOverride(reason: string): void;
}

/** Live problems of a hand-typed remark, and a way past them that asks why. */
export function RemarkCheck(props: RemarkCheckProps) {
  const { problems, empty, onOverride } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const en = getLocale() === 'en';

  if (problems.length === 0 && empty) {
    return (
      <div class="kf-rm" data-kf="remark-check">
        <p class="kf-rm-help" data-kf="remark-empty">{en ? empty.messageEn : empty.message}</p>
      </div>
    );
  }

  if (problems.length === 0) {
    return (
      <div class="kf-rm" data-kf="remark-check">
        <p class="kf-rm-ok" data-kf="remark-ok">{t('remarks.check.ok')}</p>
      </div>
    );
  }

  const confirm = () => {
    const r = reason.trim();
    if (!r || overBy(r, REASON_MAX)) return;
    onOverride(r);
    setOpen(false);
    setReason('');
  };

  return (
    <div class="kf-rm" data-kf="remark-check">
      <div role="alert">
        <h4>{t('remarks.check.problems', { count: problems.length })}</h4>
        <ul class="kf-rm-problems" data-kf="remark-problems">
          {problems.map((p, i) => (
            <li key={`${i}:${p.code}`} data-code={p.code} data-field={p.field}>{en ? p.messageEn : p.message}</li>
          ))}
        </ul>
      </div>
      {!open ? (
        <div class="kf-rm-row">
          <button type="button" class="kf-rm-btn kf-rm-btn-quiet" data-kf="remark-override-open" onClick={() => setOpen(true)}>
            {t('remarks.check.override')}
          </button>
        </div>
      ) : (
        <div class="kf-rm-field" data-kf="remark-override">
          <label class="kf-rm-field">
            <span>{t('remarks.check.reason')}</span>
            <textarea rows={2} aria-invalid={invalidIf(reason.trim(), REASON_MAX)} value={reason} data-kf="remark-override-reason" onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <TooLong text={reason.trim()} max={REASON_MAX} class="kf-rm-help kf-rm-over" kf="remark-override-too-long" />
          {!reason.trim() && <p class="kf-rm-help" data-kf="remark-override-missing">{t('remarks.check.reasonMissing')}</p>}
          <div class="kf-rm-row">
            <button type="button" class="kf-rm-btn" data-kf="remark-override-confirm" disabled={!reason.trim() || overBy(reason.trim(), REASON_MAX) > 0} onClick={confirm}>
              {t('remarks.check.confirm')}
            </button>
            <button type="button" class="kf-rm-btn kf-rm-btn-quiet" onClick={() => setOpen(false)}>
              {t('remarks.check.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
