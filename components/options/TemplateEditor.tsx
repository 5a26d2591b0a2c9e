import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import { ORDER_STATUSES, type OrderStatus, type Template, type TemplateLibrary } from '@/lib/domain/templates/types';
import type { LibraryRecord } from '@/lib/storage/library';
import { newTemplateId } from '@/lib/domain/templates/validate';
import { listVariables } from '@/lib/domain/templates/variables';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { activeRules, checkReply } from '@/lib/domain/guard/check';
import type { GuardFinding } from '@/lib/domain/guard/types';
import { guardMessages } from '@/lib/i18n/messages/guard';
import { guardPanelMessages } from '@/lib/i18n/messages/guard-panel';
import { team } from '@/lib/i18n/messages/team';
import { teamFailText } from './TeamReview';
import { reasonText } from '@/lib/messaging/reason';
import { StarterOrdersNotice } from './StarterOrdersNotice';

registerMessages(guardMessages);
registerMessages(guardPanelMessages);
registerMessages(team);

/** One line per finding: category, the words, why. */
function GuardLines(props: { findings: GuardFinding[] }) {
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

const EMPTY: Template = { id: '', title: '', body: '', group: '', scenarios: [] };

/** Edit templates and groups. Saves the whole library through the background, which validates it. */
export function TemplateEditor() {
  const api = useApi();
  const { value: record } = useLoaded('getLibrary', ['library']);
  const { value: guardConfig } = useLoaded('getGuardConfig', ['guard']);
  // Templates are checked against every platform's rules: a reply may be used on any console.
  const guardRules = useMemo(() => activeRules(guardConfig ?? undefined), [guardConfig]);
  const guardCheck = (text: string) => {
    const seen = new Set<string>();
    return (['taobao', 'jd', 'pdd', 'douyin', 'kuaishou'] as const)
      .flatMap((platform) => checkReply(text, { platform, rules: guardRules }))
      .filter((f) => !seen.has(`${f.ruleId}:${f.start}`) && seen.add(`${f.ruleId}:${f.start}`));
  };
  const [lib, setLib] = useState<TemplateLibrary | null>(null);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Template | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [newGroup, setNewGroup] = useState('');
  // Team mode as an agent: replies can be proposed to the shop's library (the supervisor decides).
  const [agent, setAgent] = useState(false);
  useEffect(() => {
    const load = () => api.call('teamStatus').then((r) => setAgent(r?.config?.role === 'agent'), () => setAgent(false));
    void load();
    return api.onChanged(['team'], () => void load());
  }, []);

  useEffect(() => {
    if (record) setLib({ groups: record.groups, templates: record.templates });
  }, [record]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (lib?.templates ?? []).filter(
      (x) => !q || x.title.toLowerCase().includes(q) || x.body.toLowerCase().includes(q) || x.group.includes(q) || x.code === q,
    );
  }, [lib, filter]);

  if (!lib) return <p>{t('options.loading')}</p>;
  const breaking = lib.templates.map((x) => ({ tpl: x, findings: guardCheck(`${x.title}\n${x.body}`) })).filter((x) => x.findings.length > 0);
  const editingFindings = editing ? guardCheck(editing.body) : [];

  /**
   * Saves one change. If another tab changed the library since this page read it, the change is
   * re-applied to the newer library instead of overwriting it.
   */
  const persist = async (change: (l: TemplateLibrary) => TemplateLibrary, okText: string | (() => string)) => {
    const attempt = (from: TemplateLibrary, base: number) => api.call('saveLibrary', { ...change(from), baseUpdatedAt: base });
    try {
      let saved: LibraryRecord;
      try {
        saved = await attempt(lib, record?.updatedAt ?? 0);
      } catch (err) {
        if ((err as { code?: string }).code !== 'conflict') throw err;
        const latest = await api.call('getLibrary');
        saved = await attempt(latest, latest.updatedAt);
      }
      setLib({ groups: saved.groups, templates: saved.templates });
      setStatus({ ok: true, text: typeof okText === 'function' ? okText() : okText });
      return true;
    } catch (err) {
      setStatus({ ok: false, text: t('options.saveFailed', { reason: reasonText(err) }) });
      return false;
    }
  };

  const saveTemplate = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const tpl: Template = { ...editing, title: editing.title.trim(), body: editing.body.trim(), code: editing.code?.trim().toLowerCase() || undefined };
    if (!tpl.code) delete tpl.code;
    const upsert = (l: TemplateLibrary): TemplateLibrary => ({
      groups: l.groups.includes(tpl.group) ? l.groups : [...l.groups, tpl.group],
      templates: l.templates.some((x) => x.id === tpl.id) ? l.templates.map((x) => (x.id === tpl.id ? tpl : x)) : [...l.templates, tpl],
    });
    if (await persist(upsert, t('options.templateSaved', { title: tpl.title }))) setEditing(null);
  };

  const remove = async (tpl: Template) => {
    if (!confirm(t('options.confirmDeleteTemplate', { title: tpl.title }))) return;
    await persist((l) => ({ ...l, templates: l.templates.filter((x) => x.id !== tpl.id) }), t('options.templateDeleted'));
    setEditing(null);
  };

  const propose = async (draft: Template) => {
    const tpl: Template = { ...draft, title: draft.title.trim(), body: draft.body.trim(), code: draft.code?.trim().toLowerCase() || undefined };
    if (!tpl.code) delete tpl.code;
    try {
      const r = await api.call('teamPropose', { template: tpl });
      if (!r.ok) setStatus({ ok: false, text: teamFailText(r) });
      else setStatus({ ok: true, text: t(r.status?.state === 'synced' ? 'team.proposed' : 'team.proposedLater', { title: tpl.title }) });
    } catch (err) {
      setStatus({ ok: false, text: reasonText(err) });
    }
  };

  /** Field edits apply to the latest draft (two quick events must not undo each other). */
  const edit = (patch: Partial<Template>) => setEditing((cur) => cur && { ...cur, ...patch });

  const unknownVars = editing ? listVariables(editing.body).filter((v) => v.kind === 'unknown') : [];

  return (
    <section class="kf-card" data-kf="template-editor">
      <h2>{t('options.templates')}</h2>
      <StarterOrdersNotice lib={lib} persist={persist} />
      <div class="kf-actions">
        <input placeholder={t('options.filter')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        <button
          data-kf="new-template"
          class="kf-primary"
          onClick={() => setEditing({ ...EMPTY, id: newTemplateId(), group: lib.groups[0] ?? '常用' })}
        >
          {t('options.newTemplate')}
        </button>
      </div>
      {editing && (
        <form class="kf-editor" data-kf="template-form" onSubmit={saveTemplate}>
          <label class="kf-row">
            <span>{t('options.title')}</span>
            <input name="title" required maxLength={60} value={editing.title} onInput={(e) => edit({ title: e.currentTarget.value })} />
          </label>
          <label class="kf-row">
            <span>{t('options.group')}</span>
            <select name="group" value={editing.group} onChange={(e) => edit({ group: e.currentTarget.value })}>
              {(lib.groups.includes(editing.group) ? lib.groups : [...lib.groups, editing.group]).map((g) => (
                <option value={g}>{g}</option>
              ))}
            </select>
          </label>
          <label class="kf-row">
            <span>{t('options.code')}</span>
            <input name="code" pattern="[a-z0-9]{1,12}" value={editing.code ?? ''} onInput={(e) => edit({ code: e.currentTarget.value })} />
            <small>{t('options.codeHelp')}</small>
          </label>
          <label class="kf-row kf-top">
            <span>{t('options.body')}</span>
            <textarea name="body" required rows={5} maxLength={2000} value={editing.body} onInput={(e) => edit({ body: e.currentTarget.value })} />
          </label>
          <p class="kf-help">{t('options.variablesHelp')}</p>
          {editingFindings.length > 0 && (
            <div class="kf-warn-text" data-kf="template-guard">
              {t('options.guard.templateIssues')}
              <GuardLines findings={editingFindings} />
            </div>
          )}
          {unknownVars.length > 0 && (
            <p class="kf-warn-text">{t('options.unknownVariables', { names: unknownVars.map((v) => v.token).join(' ') })}</p>
          )}
          <fieldset class="kf-scenarios">
            <legend>{t('options.scenarios')}</legend>
            {SCENARIO_IDS.map((id) => (
              <label>
                <input
                  type="checkbox"
                  value={id}
                  checked={editing.scenarios.includes(id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setEditing((cur) => cur && { ...cur, scenarios: on ? [...cur.scenarios, id] : cur.scenarios.filter((x: ScenarioId) => x !== id) });
                  }}
                />
                {SCENARIOS[id].zh}
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
                  checked={editing.orders?.includes(id) ?? false}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setEditing((cur) => {
                      if (!cur) return cur;
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
          <div class="kf-actions">
            <button type="submit" class="kf-primary" data-kf="save-template">{t('options.save')}</button>
            <button type="button" onClick={() => setEditing(null)}>{t('panel.cancel')}</button>
            {agent && (
              <button type="button" data-kf="propose-draft" onClick={() => void propose(editing)}>{t('team.propose')}</button>
            )}
            {lib.templates.some((x) => x.id === editing.id) && (
              <button type="button" class="kf-danger" onClick={() => remove(editing)}>{t('options.delete')}</button>
            )}
          </div>
        </form>
      )}
      {status && <p role="status" class={status.ok ? 'kf-ok' : 'kf-bad'} data-kf="status">{status.text}</p>}
      <div class="kf-groups-edit">
        <strong>{t('options.groups')}</strong>
        {lib.groups.map((g) => {
          const count = lib.templates.filter((x) => x.group === g).length;
          return (
            <span class="kf-group-tag">
              {g} ({count})
              {count === 0 && (
                <button class="kf-link" title={t('options.delete')} onClick={() => persist((l) => ({ ...l, groups: l.groups.filter((x) => x !== g) }), t('options.saved'))}>
                  ×
                </button>
              )}
            </span>
          );
        })}
        <input placeholder={t('options.newGroup')} value={newGroup} maxLength={20} onInput={(e) => setNewGroup(e.currentTarget.value)} />
        <button
          disabled={!newGroup.trim() || lib.groups.includes(newGroup.trim())}
          onClick={async () => {
            const name = newGroup.trim();
            if (await persist((l) => ({ ...l, groups: l.groups.includes(name) ? l.groups : [...l.groups, name] }), t('options.saved'))) setNewGroup('');
          }}
        >
          {t('options.addGroup')}
        </button>
      </div>
      <div class="kf-guard-library" data-kf="library-guard">
        {breaking.length === 0 ? (
          <p class="kf-help">{t('options.guard.libraryClean')}</p>
        ) : (
          <>
            <p class="kf-warn-text">{t('options.guard.libraryIssues', { n: breaking.length })}</p>
            <ul>
              {breaking.map(({ tpl, findings }) => (
                <li data-template-id={tpl.id}>
                  <button class="kf-link" onClick={() => setEditing(tpl)}>{tpl.title}</button>
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
          {shown.map((x) => (
            <tr data-template-id={x.id}>
              <td title={x.body}>{x.title}</td>
              <td>{x.group}</td>
              <td>{x.code ? `/${x.code}` : ''}</td>
              <td>{x.scenarios.map((s) => SCENARIOS[s]?.zh ?? s).join('、')}</td>
              <td>
                <button class="kf-link" onClick={() => setEditing(x)}>{t('options.edit')}</button>
                {agent && (
                  <button class="kf-link" data-kf="propose-template" onClick={() => void propose(x)}>{t('team.propose')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
