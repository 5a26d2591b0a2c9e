import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { imeKey } from '../ime-key';
import { useApi, useLoaded, useTeamAgent } from './OptionsContext';
import { SCENARIOS } from '@/lib/domain/scenarios';
import type { Template, TemplateLibrary } from '@/lib/domain/templates/types';
import type { LibraryRecord } from '@/lib/storage/library';
import { newTemplateId } from '@/lib/domain/templates/validate';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { activeRules, checkReply } from '@/lib/domain/guard/check';
import { guardMessages } from '@/lib/i18n/messages/guard';
import { libraryEditor } from '@/lib/i18n/messages/library-editor';
import { team } from '@/lib/i18n/messages/team';
import { teamFailText } from './TeamReview';
import { reasonText } from '@/lib/messaging/reason';
import { StarterOrdersNotice } from './StarterOrdersNotice';
import { StarterAddedNotice } from './StarterAddedNotice';
import { StarterReturnNotice } from './StarterReturnNotice';
import { StarterRewordedNotice } from './StarterRewordedNotice';
import { GuardLines } from './GuardLines';
import { TemplateForm, type RemoveOutcome, type SaveOutcome } from './TemplateForm';
import { cleanDraft, codeProblem, editClash, EditClashError, matchesFilter, upsertTemplate } from './template-edit';
import { Said } from './Said';
import { forgetDeleted, readDeleted, rememberDeleted, restoreInto, RECENT_DAYS, type Deleted } from './recently-deleted';
import { libraryUndoMessages } from '@/lib/i18n/messages/library-undo';

registerMessages(guardMessages);
registerMessages(libraryEditor);
registerMessages(team);
registerMessages(libraryUndoMessages);

const EMPTY: Template = { id: '', title: '', body: '', group: '', scenarios: [] };
const PLATFORMS = ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou'] as const;
/**
 * Rows drawn at a time. A library at the import limit (5,000) drawn whole made every keystroke in
 * the form pay for the layout of the whole table (20–120 ms a key against 4–10 ms with an empty
 * library, test/bench/template-editor.ts, 2026-12-03); the filter finds any row.
 */
const ROWS = 200;

/** The form on screen: the draft it opened with, the stored version (null: new), a key per opening. */
interface Open {
  initial: Template;
  origin: Template | null;
  key: number;
}

/** Edit templates and groups. Saves the whole library through the background, which validates it. */
export function TemplateEditor() {
  const api = useApi();
  const { value: record } = useLoaded('getLibrary', ['library']);
  const { value: guardConfig } = useLoaded('getGuardConfig', ['guard']);
  // The money limits are the shop's saved ones (remark rules), as in the panel: against the default
  // 20 元 a shop that allows 50 was told its 40元 template breaks the rule. Unreadable: the defaults.
  const { value: ruleSet, error: ruleSetError } = useLoaded('getRuleSet', ['rules']);
  // The shop's cut-off, for what the form's help says {付款发货} becomes.
  const { value: settings } = useLoaded('getSettings', ['settings']);
  const limits = ruleSet?.limits;
  // Templates are checked against every platform's rules: a reply may be used on any console.
  const guardCheck = useMemo(() => {
    const rules = activeRules(guardConfig ?? undefined);
    return (text: string) => {
      const seen = new Set<string>();
      return PLATFORMS.flatMap((platform) => checkReply(text, { platform, rules, ...(limits ? { limits } : {}) })).filter(
        (f) => !seen.has(`${f.ruleId}:${f.start}`) && seen.add(`${f.ruleId}:${f.start}`),
      );
    };
  }, [guardConfig, limits?.agentDiscountYuan, limits?.postageYuan]);
  // The library this page shows and saves from, with the updatedAt a save is based on.
  const [lib, setLib] = useState<LibraryRecord | null>(null);
  const [filter, setFilter] = useState('');
  const [rows, setRows] = useState(ROWS);
  const [open, setOpen] = useState<Open | null>(null);
  // `undo`: the reply the status line says was deleted, with its 撤销.
  const [status, setStatus] = useState<{ ok: boolean; text: string; undo?: Deleted } | null>(null);
  // Replies deleted lately (recently-deleted.ts): restorable after a reload or another page's save too.
  const [recent, setRecent] = useState<Deleted[]>(() => readDeleted(Date.now()));
  const [newGroup, setNewGroup] = useState('');
  // The row last saved from the form: the agent is taken back to it, far from the status line.
  const [savedId, setSavedId] = useState<string | null>(null);
  const dirty = useRef(false);
  const opener = useRef<HTMLElement | null>(null);
  // Team mode as an agent: replies can be proposed to the shop's library (the supervisor decides).
  const agent = useTeamAgent();

  useEffect(() => {
    if (record) setLib(record);
  }, [record]);

  const templates = lib?.templates;
  const shown = useMemo(() => (templates ?? []).filter((x) => matchesFilter(x, filter)), [templates, filter]);
  // Checked when the library or the rules change, never on a keystroke in the form.
  const breaking = useMemo(
    () => (templates ?? []).map((x) => ({ tpl: x, findings: guardCheck(`${x.title}\n${x.body}`) })).filter((x) => x.findings.length > 0),
    [templates, guardCheck],
  );
  const perGroup = useMemo(() => {
    const n = new Map<string, number>();
    for (const x of templates ?? []) n.set(x.group, (n.get(x.group) ?? 0) + 1);
    return n;
  }, [templates]);

  // Until the limits are known, the check would measure against the defaults and list templates wrongly.
  if (!lib || (!ruleSet && !ruleSetError)) return <p>{t('options.loading')}</p>;
  const en = getLocale() === 'en';

  /**
   * Saves one change. If another page saved the library since this one read it, the change is
   * applied again to the newer library (and may refuse there, as a template edit does when that
   * page deleted or changed the same template).
   */
  const persist = async (change: (l: TemplateLibrary) => TemplateLibrary, okText: string | (() => string)) => {
    const attempt = (from: LibraryRecord) => {
      const { groups, templates } = change(from);
      return api.call('saveLibrary', { groups, templates, baseUpdatedAt: from.updatedAt });
    };
    try {
      let saved: LibraryRecord;
      try {
        saved = await attempt(lib);
      } catch (err) {
        if ((err as { code?: string }).code !== 'conflict') throw err;
        const latest = await api.call('getLibrary');
        setLib(latest);
        saved = await attempt(latest);
      }
      setLib(saved);
      setStatus({ ok: true, text: typeof okText === 'function' ? okText() : okText });
      return true;
    } catch (err) {
      if (err instanceof EditClashError) throw err;
      setStatus({ ok: false, text: t('options.saveFailed', { reason: reasonText(err) }) });
      return false;
    }
  };

  const openForm = (initial: Template, origin: Template | null) => {
    if (open && dirty.current && !confirm(t('library.discard'))) return;
    opener.current = document.activeElement as HTMLElement | null;
    dirty.current = false;
    setStatus(null);
    setSavedId(null);
    setOpen({ initial, origin, key: (open?.key ?? 0) + 1 });
  };
  const closeForm = (saved: boolean) => {
    dirty.current = false;
    if (!saved) setStatus(null);
    setOpen(null);
    // Back where the agent was (the row's 编辑 button), as after a dialog.
    const back = opener.current;
    if (back?.isConnected) back.focus();
  };

  /** Saves the form's template, unless another page deleted or changed it meanwhile (the form then asks). */
  const saveDraft = async (draft: Template, origin: Template | null): Promise<SaveOutcome> => {
    const tpl = cleanDraft(draft);
    const change = (l: TemplateLibrary) => {
      if (editClash(origin, l, tpl)) throw new EditClashError();
      const problem = codeProblem(tpl.code, l, tpl.id);
      if (problem) throw new Error(problem);
      return upsertTemplate(l, tpl);
    };
    try {
      if (!(await persist(change, t('options.templateSaved', { title: tpl.title })))) return 'failed';
      setSavedId(tpl.id);
      return 'saved';
    } catch (err) {
      if (err instanceof EditClashError) return 'clash';
      throw err;
    }
  };

  /**
   * Deletes the form's template, unless another page saved a change to it since the form showed
   * `shown` (checked against the library the delete is written to): the form then asks, showing it.
   */
  const remove = async (tpl: Template, shown: Template | null, confirmed: boolean): Promise<RemoveOutcome> => {
    if (!confirmed && !confirm(t('options.confirmDeleteTemplate', { title: tpl.title }))) return 'cancelled';
    // The reply as stored where the delete is written (not the form's draft), and its place: what 撤销 puts back.
    let gone: Deleted | null = null;
    const change = (l: TemplateLibrary) => {
      if (editClash(shown, l, tpl)?.kind === 'changed') throw new EditClashError();
      const index = l.templates.findIndex((x) => x.id === tpl.id);
      gone = index < 0 ? null : { tpl: l.templates[index]!, at: Date.now(), index };
      return { ...l, templates: l.templates.filter((x) => x.id !== tpl.id) };
    };
    try {
      if (!(await persist(change, t('options.templateDeleted')))) return 'failed';
      const d = gone as Deleted | null;
      if (d) {
        setRecent(rememberDeleted(d, d.at));
        setStatus({ ok: true, text: t('library.deleted', { title: d.tpl.title }), undo: d });
      }
      closeForm(true);
      return 'deleted';
    } catch (err) {
      if (err instanceof EditClashError) return 'changed';
      throw err;
    }
  };

  /** Puts a deleted reply back as it was (recently-deleted.ts), unless it is back already. */
  const restore = async (d: Deleted) => {
    let result: ReturnType<typeof restoreInto> = null;
    const said = () =>
      !result
        ? t('library.restoreExists', { title: d.tpl.title })
        : result.taken
          ? t('library.restoredNoCode', { title: d.tpl.title, code: d.tpl.code ?? '', other: result.taken.title })
          : t('library.restored', { title: d.tpl.title });
    const change = (l: TemplateLibrary) => {
      result = restoreInto(l, d);
      return result?.lib ?? l;
    };
    if (await persist(change, said)) {
      setRecent(forgetDeleted(d.tpl.id, Date.now()));
      setSavedId(d.tpl.id);
    }
  };
  const restorable = agent === false ? recent.filter((d) => !lib.templates.some((x) => x.id === d.tpl.id)) : [];

  const propose = async (draft: Template): Promise<boolean> => {
    const tpl = cleanDraft(draft);
    try {
      const r = await api.call('teamPropose', { template: tpl });
      if (!r.ok) setStatus({ ok: false, text: teamFailText(r) });
      else setStatus({ ok: true, text: t(r.status?.state === 'synced' ? 'team.proposed' : 'team.proposedLater', { title: tpl.title }) });
      return r.ok;
    } catch (err) {
      setStatus({ ok: false, text: reasonText(err) });
      return false;
    }
  };

  return (
    <section class="kf-card" data-kf="template-editor">
      <h2>{t('options.templates')}</h2>
      <StarterRewordedNotice lib={lib} />
      <StarterOrdersNotice lib={lib} show={agent === false} persist={persist} />
      <StarterAddedNotice lib={lib} show={agent === false} persist={persist} />
      <StarterReturnNotice lib={lib} show={agent === false} persist={persist} />
      <div class="kf-actions">
        <input
          type="search"
          data-kf="template-filter"
          onKeyDown={imeKey}
          placeholder={t('options.filter')}
          aria-label={t('options.filter')}
          value={filter}
          onInput={(e) => {
            setFilter(e.currentTarget.value);
            setRows(ROWS);
          }}
        />
        <button
          data-kf="new-template"
          class="kf-primary"
          onClick={() => openForm({ ...EMPTY, id: newTemplateId(lib.templates.map((x) => x.id)), group: lib.groups[0] ?? '常用' }, null)}
        >
          {t('options.newTemplate')}
        </button>
      </div>
      {/* A shop starting here with replies in a file or a sheet: the importer is on its own tab. */}
      <p class="kf-help">
        <a href="#import" data-kf="templates-import-link">{t('options.templatesImportLink')}</a>
      </p>
      {open && (
        <TemplateForm
          key={open.key}
          initial={open.initial}
          origin={open.origin}
          lib={lib}
          guardCheck={guardCheck}
          agent={!!agent}
          dirty={dirty}
          save={saveDraft}
          remove={remove}
          propose={propose}
          close={closeForm}
          cutoff={settings?.shop.cutoff}
        />
      )}
      {status && (
        <Said of={status} class={status.ok ? 'kf-ok' : 'kf-bad'} kf="status">
          {status.text}
          {status.undo && restorable.some((d) => d.tpl.id === status.undo!.tpl.id) && (
            <>
              {' '}
              <button class="kf-link" data-kf="undo-delete" onClick={() => void restore(status.undo!)}>
                {t('library.undo')}
              </button>
            </>
          )}
        </Said>
      )}
      {restorable.length > 0 && (
        <div class="kf-help" data-kf="recently-deleted">
          {t('library.recent', { days: RECENT_DAYS })}
          <ul>
            {restorable.map((d) => (
              <li key={`${d.tpl.id}@${d.at}`} data-template-id={d.tpl.id}>
                {d.tpl.title} · {t('library.recentAt', { time: new Date(d.at).toLocaleString(en ? 'en' : 'zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) })}{' '}
                <button class="kf-link" data-kf="restore-deleted" onClick={() => void restore(d)}>
                  {t('library.recentRestore', { title: d.tpl.title })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="kf-groups-edit">
        <strong>{t('options.groups')}</strong>
        {lib.groups.map((g) => {
          const count = perGroup.get(g) ?? 0;
          return (
            <span class="kf-group-tag">
              {g} ({count})
              {count === 0 && agent === false && (
                <button class="kf-link" title={t('options.delete')} onClick={() => persist((l) => ({ ...l, groups: l.groups.filter((x) => x !== g) }), t('options.saved'))}>
                  ×
                </button>
              )}
            </span>
          );
        })}
        {/* Groups are the library's, so the supervisor's: an agent's change would stay on this machine
            and be replaced, unannounced, by the supervisor's next change to them. */}
        {agent === true && (
          <p class="kf-help" data-kf="agent-groups-note">
            {t('team.agentGroups')}
          </p>
        )}
        {agent === false && (
          <>
            <input data-kf="new-group" placeholder={t('options.newGroup')} aria-label={t('options.newGroup')} value={newGroup} maxLength={20} onInput={(e) => setNewGroup(e.currentTarget.value)} />
            <button
              disabled={!newGroup.trim() || lib.groups.includes(newGroup.trim())}
              onClick={async () => {
                const name = newGroup.trim();
                if (await persist((l) => ({ ...l, groups: l.groups.includes(name) ? l.groups : [...l.groups, name] }), t('options.saved'))) setNewGroup('');
              }}
            >
              {t('options.addGroup')}
            </button>
          </>
        )}
      </div>
      <div class="kf-guard-library" data-kf="library-guard">
        {breaking.length === 0 ? (
          <p class="kf-help">{t('options.guard.libraryClean')}</p>
        ) : (
          <>
            <p class="kf-warn-text">{t('options.guard.libraryIssues', { n: breaking.length })}</p>
            <ul>
              {breaking.map(({ tpl, findings }) => (
                <li key={tpl.id} data-template-id={tpl.id}>
                  <button class="kf-link" onClick={() => openForm(tpl, tpl)}>{tpl.title}</button>
                  <GuardLines findings={findings} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <table class="kf-table" data-kf="template-table">
        <thead>
          <tr>
            <th>{t('options.title')}</th>
            <th>{t('options.group')}</th>
            <th>{t('options.code')}</th>
            <th>{t('options.scenarios')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, rows).map((x) => (
            <tr key={x.id} data-template-id={x.id}>
              <td title={x.body}>{x.title}</td>
              <td>{x.group}</td>
              <td>{x.code ? `/${x.code}` : ''}</td>
              <td>{x.scenarios.map((s) => (SCENARIOS[s] ? (en ? SCENARIOS[s].en : SCENARIOS[s].zh) : s)).join(en ? ', ' : '、')}</td>
              <td>
                <button class="kf-link" data-kf="edit-template" aria-label={t('library.editNamed', { title: x.title })} onClick={() => openForm(x, x)}>
                  {t('options.edit')}
                </button>
                {savedId === x.id && (
                  // The status line says it to a screen reader; this is for the eyes, at the row.
                  <span class="kf-ok" data-kf="row-saved" aria-hidden="true">
                    {t('options.saved')}
                  </span>
                )}
                {agent && (
                  <button class="kf-link" data-kf="propose-template" onClick={() => void propose(x)}>{t('team.propose')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > rows && (
        <p class="kf-actions">
          <button data-kf="more-templates" onClick={() => setRows(rows + ROWS)}>
            {t('library.more', { n: Math.min(ROWS, shown.length - rows), total: shown.length })}
          </button>
        </p>
      )}
    </section>
  );
}
