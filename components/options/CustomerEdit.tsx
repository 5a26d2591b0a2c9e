import { useState } from 'preact/hooks';
import { useApi } from './OptionsContext';
import { EditProblems } from '../customers/EditProblems';
import { editDraftOf, patchFromDraft, SIZE_ORDER, type EditDraft, type EditProblem } from '@/lib/domain/customers/edit';
import { LIMITS, segmentOf } from '@/lib/domain/customers/customer';
import { SEGMENTS, type Customer, type Segment } from '@/lib/domain/customers/types';
import { reasonText } from '@/lib/messaging/reason';
import { t } from '@/lib/i18n';

/**
 * 客户档案: one buyer's fields edited without their chat — segment, tags, sizes, preferences,
 * address note, note — with the buyer card's rules (lib/domain/customers/edit.ts) and its masking
 * (on save, in the background). Only what the agent changed is sent, measured against the record
 * as the form opened, so an edit made meanwhile elsewhere (the panel, another tab) to another field
 * is kept. Enter in a one-line field or 保存 saves; Esc or 取消 closes without saving.
 */
export function CustomerEditForm(props: { c: Customer; onDone(message: string | null): void }) {
  const api = useApi();
  const [base] = useState(props.c);
  const [draft, setDraft] = useState<EditDraft>(() => editDraftOf(props.c));
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (d: Partial<EditDraft>) => setDraft((old) => ({ ...old, ...d }));
  const nick = base.nickname;

  const save = async (e: Event) => {
    e.preventDefault();
    const r = patchFromDraft(base, draft);
    setProblems(r.problems);
    setError(null);
    if (r.problems.length) return;
    if (!Object.keys(r.patch).length) return props.onDone(null);
    setBusy(true);
    try {
      const saved = await api.call('editCustomer', { platform: base.platform, nickname: nick, buyerId: base.buyerId ?? null, patch: r.patch });
      props.onDone(t(saved ? 'customers.options.edited' : 'customers.options.editGone', { nick }));
    } catch (err) {
      // The form stays open with what was typed.
      setError(t('customers.options.failed', { reason: reasonText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const text = (f: 'preferences' | 'addressNote' | 'note', rows: number) => (
    <label class="kf-row kf-top">
      <span>{t(`customers.field.${f}`)}</span>
      <textarea data-field={f} rows={rows} maxLength={LIMITS[f]} value={draft[f]} onInput={(e) => edit({ [f]: e.currentTarget.value })} />
    </label>
  );

  return (
    <form
      class="kf-editor"
      data-kf="customer-edit-form"
      aria-label={t('customers.options.editTitle', { nick })}
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onDone(null);
      }}
    >
      <label class="kf-row">
        <span>{t('customers.options.col.segment')}</span>
        <select data-field="segment" value={draft.segment} onChange={(e) => edit({ segment: e.currentTarget.value as Segment | '' })}>
          <option value="">{t('customers.options.segmentAuto', { segment: t(`customers.segment.${segmentOf({ ...base, segmentManual: undefined })}`) })}</option>
          {SEGMENTS.map((s) => (
            <option value={s}>{t(`customers.segment.${s}`)}</option>
          ))}
        </select>
      </label>
      <label class="kf-row">
        <span>{t('customers.field.tags')}</span>
        <input data-field="tags" value={draft.tags} placeholder={t('customers.card.tagsPlaceholder')} onInput={(e) => edit({ tags: e.currentTarget.value })} />
      </label>
      {SIZE_ORDER.map((k) => (
        <label class="kf-row">
          <span>{t(`customers.size.${k}`)}</span>
          <input
            data-field={k}
            inputMode={k === 'usualSize' ? 'text' : 'decimal'}
            maxLength={k === 'usualSize' ? LIMITS.usualSize : 8}
            style="max-width: 120px"
            value={draft.sizes[k]}
            onInput={(e) => edit({ sizes: { ...draft.sizes, [k]: e.currentTarget.value } })}
          />
        </label>
      ))}
      {text('preferences', 2)}
      {text('addressNote', 2)}
      {text('note', 3)}
      <EditProblems problems={problems} class="kf-bad" />
      {error && (
        <p class="kf-bad" role="alert">
          {error}
        </p>
      )}
      <div class="kf-actions">
        <button type="submit" class="kf-primary" data-kf="customer-edit-save" disabled={busy}>
          {t('customers.card.save')}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t('customers.options.cancel')}
        </button>
        <small class="kf-help">{t('customers.options.editHelp')}</small>
      </div>
    </form>
  );
}
