import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { showDirectionControls } from '@/lib/domain/text';
import { imeKey } from '../ime-key';
import { useApi } from './OptionsContext';
import { EditProblems } from '../customers/EditProblems';
import { draftTagsOver, editDraftOf, shownTagsOver, patchFromDraft, SIZE_ORDER, type EditDraft, type EditProblem } from '@/lib/domain/customers/edit';
import { arriveEdit, settleClash, type EditState } from '@/lib/domain/customers/edit-clash';
import { EditClashNotice } from '../customers/EditClashNotice';
import { TagsOverNotice } from '../customers/TagsOverNotice';
import { LIMITS, segmentOf } from '@/lib/domain/customers/customer';
import { SEGMENTS, type Customer, type Segment } from '@/lib/domain/customers/types';
import { customersNotDone } from './customers-not-done';
import { t } from '@/lib/i18n';
import { TooLong, invalidIf, overBy } from '../TooLong';
import { pageSentence } from '../PageText';

/** The long text fields, each held to the worker's LIMITS (it measures them as typed, spaces too). */
const TEXTS = ['preferences', 'addressNote', 'note'] as const;
/** A long text field over its limit: the form saves nothing until it is shortened. */
const textOver = (d: EditDraft) => TEXTS.some((f) => overBy(d[f], LIMITS[f]) > 0);

/**
 * 客户档案: one buyer's fields edited without their chat — segment, tags, sizes, preferences,
 * address note, note — with the buyer card's rules (lib/domain/customers/edit.ts) and its masking
 * (on save, in the background). Only what the agent changed is sent, so an edit made meanwhile
 * elsewhere (the panel, another tab) to another field is kept, and shown here in a field the agent
 * has not touched. A field the agent changed that was also changed and saved elsewhere is said, with
 * the value there, as soon as the list reloads and again when saving (the reload may not have
 * arrived): the agent takes that value or overwrites it; until then nothing is saved
 * (lib/domain/customers/edit-clash.ts). A buyer deleted elsewhere meanwhile (found by the list's
 * reload, `gone`, or by the save) is not recorded again by 保存: the form stays open with what was
 * typed, says so, and offers 用我填写的内容重新建档. Enter in a one-line field or 保存 saves; Esc or
 * 取消 closes without saving.
 */
export function CustomerEditForm(props: { c: Customer; gone?: boolean; onDone(message: ComponentChildren): void }) {
  const api = useApi();
  const [state, setState] = useState<EditState<Customer>>(() => ({ base: props.c, draft: editDraftOf(props.c), clash: null }));
  // The state as of now, for the save (past an await, the render's closure is old); changed only through `change`.
  const latest = useRef(state);
  const change = (f: (s: EditState<Customer>) => EditState<Customer>) => setState((latest.current = f(latest.current)));
  const { base, draft, clash } = state;
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Found deleted by the save's own read or by editCustomer (the list's reload may not have arrived).
  const [goneFound, setGoneFound] = useState(false);
  const gone = !!props.gone || goneFound;
  const noticeRef = useRef<HTMLDivElement>(null);
  // Set by a save the notice held back: the notice takes the focus then, never while the agent types.
  const [focusNotice, setFocusNotice] = useState(false);
  const edit = (d: Partial<EditDraft>) => change((s) => ({ ...s, draft: { ...s.draft, ...d } }));
  const nick = base.nickname;
  const tagsBad = draftTagsOver(base, draft);
  const tagsShown = shownTagsOver(draft);

  // The list reloads on every change to the buyers (another tab, the panel): a new record for this row.
  useEffect(() => {
    if (props.c !== latest.current.base && props.c !== latest.current.clash?.now) change((s) => arriveEdit(s, props.c));
  }, [props.c]);

  const choose = (theirs: boolean) => {
    change((s) => settleClash(s, theirs));
    setError(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    // Too long: nothing saved; the field keeps the whole text and says by how much (TooLong).
    if (gone || textOver(latest.current.draft) || draftTagsOver(latest.current.base, latest.current.draft)) return;
    const r = patchFromDraft(latest.current.base, latest.current.draft);
    setProblems(r.problems);
    if (r.problems.length) return;
    if (latest.current.clash) {
      setError(t('customers.clash.first'));
      return setFocusNotice(true);
    }
    setBusy(true);
    try {
      // What is stored now, read without side effects: a change whose reload has not arrived yet.
      const [now] = await api.call('getCustomers', { platform: base.platform, buyers: [{ nickname: nick, buyerId: base.buyerId ?? null }] });
      if (!now) return setGoneFound(true);
      change((s) => arriveEdit(s, now));
      const s = latest.current;
      if (s.clash) {
        setError(t('customers.clash.first'));
        return setFocusNotice(true);
      }
      if (draftTagsOver(s.base, s.draft)) return;
      const { patch } = patchFromDraft(s.base, s.draft);
      if (!Object.keys(patch).length) return props.onDone(null);
      const saved = await api.call('editCustomer', { platform: base.platform, nickname: nick, buyerId: base.buyerId ?? null, patch });
      if (!saved) return setGoneFound(true);
      props.onDone(pageSentence('customers.options.edited', { nick }));
    } catch (err) {
      // The form stays open with what was typed.
      setError(customersNotDone(err, 'edit'));
    } finally {
      setBusy(false);
    }
  };
  /** The agent's choice after a deletion elsewhere: everything the form holds becomes a new record. */
  const recreate = async () => {
    setError(null);
    const d = latest.current.draft;
    if (textOver(d) || draftTagsOver(null, d)) return;
    const r = patchFromDraft(null, d);
    setProblems(r.problems);
    if (r.problems.length) return;
    setBusy(true);
    try {
      await api.call('patchCustomer', { platform: base.platform, nickname: nick, buyerId: base.buyerId ?? null, patch: r.patch });
      props.onDone(pageSentence('customers.options.recreated', { nick }));
    } catch (err) {
      setError(customersNotDone(err, 'edit'));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (!focusNotice) return;
    noticeRef.current?.focus();
    setFocusNotice(false);
  }, [focusNotice]);

  const text = (f: (typeof TEXTS)[number], rows: number) => (
    <>
      <label class="kf-row kf-top">
        <span>{t(`customers.field.${f}`)}</span>
        <textarea data-field={f} rows={rows} aria-invalid={invalidIf(draft[f], LIMITS[f])} value={draft[f]} onInput={(e) => edit({ [f]: e.currentTarget.value })} />
      </label>
      <TooLong text={draft[f]} max={LIMITS[f]} class="kf-bad" kf={`${f}-too-long`} />
    </>
  );

  return (
    <form
      class="kf-editor"
      data-kf="customer-edit-form"
      aria-label={t('customers.options.editTitle', { nick: showDirectionControls(nick) })}
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        // An Escape that cancels a pinyin composition must not close the form (and drop the edits).
        if (e.key === 'Escape' && !imeKey(e)) props.onDone(null);
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
        <input data-field="tags" aria-invalid={tagsShown ? 'true' : undefined} value={draft.tags} placeholder={t('customers.card.tagsPlaceholder')} onInput={(e) => edit({ tags: e.currentTarget.value })} />
      </label>
      <TagsOverNotice over={tagsShown} class="kf-bad" />
      {SIZE_ORDER.map((k) => (
        <label class="kf-row">
          <span>{t(`customers.size.${k}`)}</span>
          <input
            data-field={k}
            inputMode={k === 'usualSize' ? 'text' : 'decimal'}
            maxLength={k === 'usualSize' ? LIMITS.usualSize : 8}
            style="max-width: 120px"
            value={draft.sizes[k]}
            onInput={(e) => {
              const v = e.currentTarget.value;
              change((s) => ({ ...s, draft: { ...s.draft, sizes: { ...s.draft.sizes, [k]: v } } }));
            }}
          />
        </label>
      ))}
      {text('preferences', 2)}
      {text('addressNote', 2)}
      {text('note', 3)}
      {clash && <EditClashNotice intro={pageSentence('customers.options.clash', { nick })} fields={clash.fields} base={base} onChoose={choose} class="kf-notice" noticeRef={noticeRef} />}
      <EditProblems problems={problems} class="kf-bad" />
      {gone && (
        <div class="kf-notice" role="alert" data-kf="customer-edit-gone">
          <p>{pageSentence('customers.options.editGone', { nick })}</p>
          <button type="button" data-kf="customer-edit-recreate" disabled={busy || textOver(draft) || !!draftTagsOver(null, draft)} onClick={() => void recreate()}>
            {t('customers.card.recreate')}
          </button>
        </div>
      )}
      {error && (
        <p class="kf-bad" role="alert">
          {error}
        </p>
      )}
      <div class="kf-actions">
        <button type="submit" class="kf-primary" data-kf="customer-edit-save" disabled={busy || textOver(draft) || !!tagsBad || gone}>
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
