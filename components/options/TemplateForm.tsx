import { useEffect, useRef, useState } from 'preact/hooks';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import { DEFAULT_SETTINGS, ORDER_STATUSES, TEMPLATE_SHIFTS, type OrderStatus, type Template, type TemplateLibrary } from '@/lib/domain/templates/types';
import { shiftOfTemplate } from '@/lib/domain/templates/starter-shift';
import { newTemplateId, TEMPLATE_LIMITS } from '@/lib/domain/templates/validate';
import { formatCutoff, listVariables } from '@/lib/domain/templates/variables';
import type { GuardFinding } from '@/lib/domain/guard/types';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { libraryEditor } from '@/lib/i18n/messages/library-editor';
import { team } from '@/lib/i18n/messages/team';
import { GuardLines } from './GuardLines';
import { changedFields, codeProblem, editClash } from './template-edit';
import { useReportDirty } from './useDraft';
import { TooLong, invalidIf, overBy } from '../TooLong';

registerMessages(libraryEditor);
registerMessages(team);

export type SaveOutcome = 'saved' | 'clash' | 'failed';
/** `changed`: the stored template is no longer the version the form showed (another page saved it); nothing was deleted. */
export type RemoveOutcome = 'deleted' | 'changed' | 'cancelled' | 'failed';

export interface TemplateFormProps {
  /** The draft the form opens with. */
  initial: Template;
  /** The template as stored when the form opened; null for a new one. */
  origin: Template | null;
  /** The library as this page knows it now (it follows other pages' saves). */
  lib: TemplateLibrary;
  guardCheck: (text: string) => GuardFinding[];
  /** Team mode as an agent: the draft can be proposed to the shop's library. */
  agent: boolean;
  /** Set while the draft differs from `initial`, for the editor to ask before dropping it. */
  dirty: { current: boolean };
  save(draft: Template, origin: Template | null): Promise<SaveOutcome>;
  /**
   * Deletes the template, unless the stored one is no longer `shown` (the version the form showed).
   * `confirmed`: the agent already chose 仍然删除 for `shown`, so it is not asked again.
   */
  remove(draft: Template, shown: Template | null, confirmed: boolean): Promise<RemoveOutcome>;
  /** Resolves true once the proposal is kept (sent, or waiting for the server). */
  propose(draft: Template): Promise<boolean>;
  /** `saved`: closed by a save (its message stays); otherwise cancelled. */
  close(saved: boolean): void;
  /** The shop's cut-off time (店铺设置), shown in what {付款发货} says; the default 16:00 until loaded. */
  cutoff?: string;
}

/**
 * One template's form. Its draft is its own state, so a keystroke re-renders this form only, not
 * the library's list (thousands of rows and their compliance checks).
 */
export function TemplateForm(props: TemplateFormProps) {
  const { lib } = props;
  const [draft, setDraft] = useState(props.initial);
  const [origin, setOrigin] = useState(props.origin);
  const [focusNotice, setFocusNotice] = useState(false);
  // 删除 pressed while the stored template differs from the version shown: the form asks first.
  const [askDelete, setAskDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Opened from a row far down the list: bring the form into view and put the cursor in it.
  useEffect(() => {
    formRef.current?.scrollIntoView?.({ block: 'start' });
    titleRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    if (!focusNotice) return;
    noticeRef.current?.focus();
    setFocusNotice(false);
  }, [focusNotice]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(props.initial);
  props.dirty.current = dirty;
  // The 话术库 tab is marked while this holds unsaved edits, and closing the page asks first.
  useReportDirty(dirty);
  const clash = editClash(origin, lib, draft);
  const codeError = codeProblem(draft.code, lib, draft.id);
  const findings = props.guardCheck(draft.body);
  const unknownVars = listVariables(draft.body).filter((v) => v.kind === 'unknown');
  const en = getLocale() === 'en';

  /** Field edits apply to the latest draft (two quick events must not undo each other). */
  const edit = (patch: Partial<Template>) => setDraft((cur) => ({ ...cur, ...patch }));

  const submit = async (d: Template, o: Template | null) => {
    if (!formRef.current?.reportValidity()) return;
    // Too long: nothing saved; the field keeps the whole text and says by how much (TooLong).
    if (overBy(d.title.trim(), TEMPLATE_LIMITS.title)) return titleRef.current?.focus();
    if (overBy(d.body.trim(), TEMPLATE_LIMITS.body)) return bodyRef.current?.focus();
    if (codeProblem(d.code, lib, d.id)) {
      codeRef.current?.focus();
      return;
    }
    // An agent's edit goes to the supervisor: saved here it would be shared with nobody and replaced,
    // unannounced, by the supervisor's next change to the reply (the library is the supervisor's).
    if (props.agent) {
      if (await props.propose(d)) props.close(true);
      return;
    }
    const outcome = await props.save(d, o);
    if (outcome === 'saved') props.close(true);
    else if (outcome === 'clash') setFocusNotice(true);
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (clash) setFocusNotice(true);
    else void submit(draft, origin);
  };
  const saveAsNew = () => {
    const d = { ...draft, id: newTemplateId(lib.templates.map((x) => x.id)) };
    setDraft(d);
    setOrigin(null);
    void submit(d, null);
  };
  const overwrite = (current: Template) => {
    setOrigin(current);
    void submit(draft, current);
  };
  const useTheirs = (current: Template) => {
    setDraft(current);
    setOrigin(current);
  };
  const ask = () => {
    setAskDelete(true);
    setFocusNotice(true);
  };
  const remove = async (shown: Template | null, confirmed: boolean) => {
    if ((await props.remove(draft, shown, confirmed)) === 'changed') ask();
  };
  // Another page saved this template since the form showed it: deleting would lose that edit unseen.
  const onDelete = () => (clash?.kind === 'changed' ? ask() : void remove(origin, false));
  // Escape may be pressed by accident (it closes menus everywhere); 取消 is meant.
  const escape = () => {
    if (!dirty || confirm(t('library.discard'))) props.close(false);
  };

  return (
    <form
      ref={formRef}
      class="kf-editor"
      data-kf="template-form"
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.isComposing) return;
        e.preventDefault();
        escape();
      }}
    >
      {askDelete && clash?.kind === 'changed' ? (
        <div ref={noticeRef} tabIndex={-1} role="alertdialog" aria-labelledby="kf-delete-clash-text" class="kf-notice" data-kf="delete-clash">
          <p id="kf-delete-clash-text">
            {t('library.deleteClash.changed', { fields: changedFields(clash.current, origin).map((k) => t(k)).join(en ? ', ' : '、') })}
          </p>
          <TheirVersion tpl={clash.current} />
          <div class="kf-actions">
            <button type="button" class="kf-danger" data-kf="delete-anyway" onClick={() => void remove(clash.current, true)}>{t('library.deleteClash.anyway')}</button>
            <button type="button" data-kf="delete-cancel" onClick={() => setAskDelete(false)}>{t('panel.cancel')}</button>
          </div>
        </div>
      ) : clash && (
        <div ref={noticeRef} tabIndex={-1} role="alert" class="kf-notice" data-kf="template-clash" data-clash={clash.kind}>
          {clash.kind === 'deleted' ? (
            <>
              <p>{t('library.clash.deleted')}</p>
              <div class="kf-actions">
                <button type="button" class="kf-primary" data-kf="clash-save-new" onClick={saveAsNew}>{t('library.clash.saveAsNew')}</button>
                <button type="button" data-kf="clash-discard" onClick={() => props.close(false)}>{t('library.clash.discard')}</button>
              </div>
            </>
          ) : (
            <>
              <p>{t('library.clash.changed')}</p>
              <TheirVersion tpl={clash.current} />
              <div class="kf-actions">
                <button type="button" data-kf="clash-load" onClick={() => useTheirs(clash.current)}>{t('library.clash.load')}</button>
                <button type="button" data-kf="clash-overwrite" onClick={() => overwrite(clash.current)}>{t('library.clash.overwrite')}</button>
              </div>
            </>
          )}
        </div>
      )}
      {props.agent && (
        <p class="kf-notice" data-kf="agent-library-note">
          {t('team.agentEditNote')}
        </p>
      )}
      <label class="kf-row">
        <span>{t('options.title')}</span>
        <input ref={titleRef} name="title" required aria-invalid={invalidIf(draft.title.trim(), TEMPLATE_LIMITS.title)} value={draft.title} onInput={(e) => edit({ title: e.currentTarget.value })} />
      </label>
      <TooLong text={draft.title.trim()} max={TEMPLATE_LIMITS.title} class="kf-bad" kf="title-too-long" />
      <label class="kf-row">
        <span>{t('options.group')}</span>
        <select name="group" value={draft.group} onChange={(e) => edit({ group: e.currentTarget.value })}>
          {(lib.groups.includes(draft.group) ? lib.groups : [...lib.groups, draft.group]).map((g) => (
            <option value={g}>{g}</option>
          ))}
        </select>
      </label>
      {/* No maxlength on the code either: a pasted code cut short would be another code; codeProblem says it is too long. */}
      <label class="kf-row">
        <span>{t('options.code')}</span>
        <input
          ref={codeRef}
          name="code"
          autocapitalize="off"
          spellcheck={false}
          aria-invalid={codeError ? 'true' : undefined}
          aria-describedby="kf-code-help"
          value={draft.code ?? ''}
          onInput={(e) => {
            // Codes are lowercase (the chat box matches them so); a capital is lowercased as typed. The
            // list and the panel show a code as /by, so a code typed so (or 、／, what an input method
            // types for /) loses the slash here, as the CSV import drops it, instead of being refused.
            const el = e.currentTarget;
            const lower = el.value.toLowerCase().replace(/^\s*[/／、]+/, '');
            if (lower !== el.value) {
              const at = el.selectionStart;
              const cut = el.value.length - lower.length;
              el.value = lower;
              if (at !== null) el.setSelectionRange(Math.max(0, at - cut), Math.max(0, at - cut));
            }
            edit({ code: lower });
          }}
        />
        <small id="kf-code-help">{t('options.codeHelp', { max: TEMPLATE_LIMITS.code })}</small>
      </label>
      {codeError && (
        <p class="kf-bad" role="alert" data-kf="code-error">
          {codeError}
        </p>
      )}
      <label class="kf-row kf-top">
        <span>{t('options.body')}</span>
        <textarea ref={bodyRef} name="body" required rows={5} aria-invalid={invalidIf(draft.body.trim(), TEMPLATE_LIMITS.body)} value={draft.body} onInput={(e) => edit({ body: e.currentTarget.value })} />
      </label>
      <TooLong text={draft.body.trim()} max={TEMPLATE_LIMITS.body} class="kf-bad" kf="body-too-long" />
      <p class="kf-help">{t('options.variablesHelp', { time: formatCutoff(props.cutoff ?? DEFAULT_SETTINGS.cutoff) })}</p>
      {findings.length > 0 && (
        <div class="kf-warn-text" data-kf="template-guard">
          {t('options.guard.templateIssues')}
          <GuardLines findings={findings} />
        </div>
      )}
      {unknownVars.length > 0 && <p class="kf-warn-text">{t('options.unknownVariables', { names: unknownVars.map((v) => v.token).join(' ') })}</p>}
      <fieldset class="kf-scenarios">
        <legend>{t('options.scenarios')}</legend>
        {SCENARIO_IDS.map((id) => (
          <label>
            <input
              type="checkbox"
              value={id}
              checked={draft.scenarios.includes(id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setDraft((cur) => ({ ...cur, scenarios: on ? [...cur.scenarios, id] : cur.scenarios.filter((x: ScenarioId) => x !== id) }));
              }}
            />
            {en ? SCENARIOS[id].en : SCENARIOS[id].zh}
          </label>
        ))}
      </fieldset>
      <fieldset class="kf-scenarios" data-kf="template-orders">
        <legend>{t('options.orders')}</legend>
        {ORDER_STATUSES.map((id) => (
          <label>
            <input
              type="checkbox"
              value={id}
              checked={draft.orders?.includes(id) ?? false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setDraft((cur) => {
                  // Kept in the fixed order; none ticked = no condition (any state).
                  const orders = ORDER_STATUSES.filter((s: OrderStatus) => (s === id ? on : cur.orders?.includes(s)));
                  const { orders: _old, ...rest } = cur;
                  return orders.length ? { ...rest, orders } : rest;
                });
              }}
            />
            {t(`options.order.${id}`)}
          </label>
        ))}
        <small class="kf-help">{t('options.ordersHelp')}</small>
      </fieldset>
      <fieldset class="kf-scenarios" data-kf="template-shift">
        <legend>{t('options.shift')}</legend>
        {TEMPLATE_SHIFTS.map((id) => (
          <label>
            <input
              type="radio"
              name="kf-template-shift"
              value={id}
              checked={(shiftOfTemplate(draft) ?? 'any') === id}
              onChange={() =>
                setDraft((cur) => {
                  // A starter copy's mark comes from its id: the field is stored only where the agent differs from it.
                  const { shift: _old, ...rest } = cur;
                  return (shiftOfTemplate(rest) ?? 'any') === id ? rest : { ...rest, shift: id };
                })
              }
            />
            {t(`options.shift.${id}`)}
          </label>
        ))}
        <small class="kf-help">{t('options.shiftHelp')}</small>
      </fieldset>
      <div class="kf-actions">
        {props.agent ? (
          <button type="submit" class="kf-primary" data-kf="propose-draft">{t('team.propose')}</button>
        ) : (
          <button type="submit" class="kf-primary" data-kf="save-template">{t('options.save')}</button>
        )}
        <button type="button" data-kf="cancel-template" onClick={() => props.close(false)}>{t('panel.cancel')}</button>
        {/* An agent's delete would only remove this machine's copy of the shop's reply. */}
        {!props.agent && lib.templates.some((x) => x.id === draft.id) && (
          <button type="button" class="kf-danger" data-kf="delete-template" onClick={onDelete}>{t('options.delete')}</button>
        )}
      </div>
    </form>
  );
}

/** The version another page saved, as the notices about it show it (text only). */
function TheirVersion({ tpl }: { tpl: Template }) {
  return (
    <blockquote data-kf="clash-theirs">
      <strong>{tpl.title}</strong>
      {tpl.code ? ` /${tpl.code}` : ''}
      <br />
      {tpl.body}
    </blockquote>
  );
}
