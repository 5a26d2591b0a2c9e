import { useEffect, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { registerMessages, t } from '@/lib/i18n';
import { sites as sitesMessages } from '@/lib/i18n/messages/sites';
import { formatWall } from '@/lib/domain/time';
import { DEFAULT_APP_SETTINGS, shopZone } from '@/lib/storage/settings';
import type { Template } from '@/lib/domain/templates/types';
import type { TeamResult, TeamReviewData } from '@/lib/messaging/protocol-team';
import type { TeamProposal } from '@/lib/team/sync';
import type { RuleSet } from '@/lib/domain/remarks';
import { TeamRulesConflict } from './TeamRulesConflict';
import type { TaughtSite } from '@/lib/sites/taught/record';
import { TEMPLATE_LIMITS } from '@/lib/domain/templates/validate';
import { TooLong, invalidIf, overBy } from '../TooLong';
import { PageText, pageSentence } from '../PageText';

// The field names of taught pages (teach.field.*), for taught pages in conflict.
registerMessages(sitesMessages);

/** The longest reason the worker takes with a declined proposal. */
const REASON_MAX = 200;

type Message = { ok: boolean; text: string } | null;

/** A refused or failed team operation in words (the server's role check, offline, …). */
export function teamFailText(r: Extract<TeamResult<unknown>, { ok: false }>): string {
  return t(`team.fail.${r.error}`, { message: r.message });
}

/** Shop time, as the other tabs' times (useShopZone): not the computer's zone. */
const when = (at: number) => formatWall(at, shopZone(DEFAULT_APP_SETTINGS));

/**
 * A reply as text (title, group, body): a colleague's words, never HTML, and as page text — direction
 * controls shown as marks, inside an isolate (PageText), so a reversed title cannot pose as another.
 */
function ReplyText(props: { template: Template }) {
  const x = props.template;
  return (
    <div class="kf-reply-text">
      <strong><PageText data-kf="reply-title" text={x.title} /></strong> <span class="kf-help"><PageText text={x.group} />{x.code ? ` · /${x.code}` : ''}</span>
      <p style="white-space: pre-wrap"><PageText data-kf="reply-body" text={x.body} /></p>
    </div>
  );
}

/** A taught page as text: its name, address and what was picked for each field (or: forgotten there). */
function SiteText(props: { site: TaughtSite | null }) {
  const s = props.site;
  if (!s) return <p data-kf="site-forgotten">{t('team.sites.forgotten')}</p>;
  return (
    <div>
      <strong data-kf="site-name">{s.name}</strong> <span class="kf-help">{s.url}</span>
      <ul class="kf-help">
        {Object.entries(s.fields).map(([field, locators]) => (
          <li data-kf="site-field">
            {t(`teach.field.${field}`)}：{(locators ?? []).map((l) => Object.entries(l).map(([k, v]) => `${k}=${String(v)}`).join(' ')).join(' / ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Options → 团队, supervisor only: agents' proposals (accept → the team library; decline with an
 * optional reason), the remark rules edited on two machines (a version per flag colour, see
 * TeamRulesConflict), taught pages edited or forgotten on two machines (use one version), and
 * replies edited on two machines side by side (use one, or merge and save).
 * The server's role check decides; a refusal is shown in words and changes nothing.
 */
export function TeamReview() {
  const api = useApi();
  const { value: lib } = useLoaded('getLibrary', ['library']);
  const [data, setData] = useState<TeamReviewData | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [merging, setMerging] = useState<Template | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () =>
    api.call('teamReview').then((r) => {
      if (r.ok) setData(r.value);
      else setMessage({ ok: false, text: teamFailText(r) });
    });
  useEffect(() => {
    void load();
    return api.onChanged(['team', 'library'], () => void load());
  }, []);

  const run = async (op: () => Promise<TeamResult<unknown>>, okText: string, failText = teamFailText) => {
    setBusy(true);
    try {
      const r = await op();
      setMessage(r.ok ? { ok: true, text: okText } : { ok: false, text: failText(r) });
      if (r.ok) setMerging(null);
      await load();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const reasonOver = (p: TeamProposal) => overBy(reasons[p.id]?.trim() ?? '', REASON_MAX) > 0;
  const mergeOver = (m: Template) => overBy(m.title.trim(), TEMPLATE_LIMITS.title) > 0 || overBy(m.body.trim(), TEMPLATE_LIMITS.body) > 0;
  const decide = (p: TeamProposal, accepted: boolean) =>
    // Declining with a reason that is too long: nothing sent; the field keeps it and says by how much.
    !accepted && reasonOver(p) ? undefined : run(
      () => api.call('teamDecideProposal', { id: p.id, accepted, ...(accepted || !reasons[p.id]?.trim() ? {} : { reason: reasons[p.id]!.trim() }) }),
      t(accepted ? 'team.review.accepted' : 'team.review.rejected', { title: p.template.title }),
    );
  const resolveRules = (ruleSet: RuleSet) =>
    run(() => api.call('teamResolveRulesConflict', { ruleSet }), t('team.rules.resolved'), (r) =>
      r.error === 'invalid' ? t('team.rules.invalid', { message: r.message }) : teamFailText(r),
    );
  const resolveSite = (origin: string, site: TaughtSite | null) =>
    run(() => api.call('teamResolveSiteConflict', { origin, site }), t('team.sites.resolved', { origin }));
  const resolve = (tpl: Template) => run(() => api.call('teamResolveConflict', { template: tpl }), t('team.conflicts.resolved', { title: tpl.title }));

  return (
    <div data-kf="team-review">
      <h3>{t('team.review.title')}</h3>
      <p class="kf-help">{t('team.review.help')}</p>
      {message && (
        <p class={message.ok ? 'kf-ok' : 'kf-bad'} role="alert" data-kf="review-message">
          {message.text}
        </p>
      )}
      {data && data.proposals.length === 0 && <p class="kf-help" data-kf="review-empty">{t('team.review.none')}</p>}
      {!!data?.skipped && (
        <p class="kf-warn-text" data-kf="review-skipped">
          {t('team.review.skipped', { n: data.skipped })}
        </p>
      )}
      <ul class="kf-list">
        {data?.proposals.map((p) => {
          const replaces = lib?.templates.find((x) => x.id === p.template.id);
          return (
            <li class="kf-proposal" data-kf="proposal" data-id={p.id}>
              <p class="kf-help" data-kf="proposal-by">{pageSentence('team.review.by', { user: p.by }, { time: when(p.at) })}</p>
              <ReplyText template={p.template} />
              {replaces && <p class="kf-warn-text">{t('team.review.replaces', { title: replaces.title })}</p>}
              {p.lastAccepted && (
                <p class="kf-warn-text" data-kf="proposal-replaces-accepted">
                  {t('team.review.replacesAccepted', { user: p.lastAccepted.by, time: when(p.lastAccepted.at) })}
                </p>
              )}
              {!!p.alsoWaiting?.length && (
                <p class="kf-warn-text" data-kf="proposal-same-reply">
                  {t('team.review.samePending', { users: p.alsoWaiting.join('、') })}
                </p>
              )}
              <div class="kf-actions">
                <button class="kf-primary" data-kf="proposal-accept" disabled={busy} onClick={() => void decide(p, true)}>
                  {t('team.review.accept')}
                </button>
                <input
                  data-kf="proposal-reason"
                  aria-invalid={invalidIf(reasons[p.id]?.trim() ?? '', REASON_MAX)}
                  placeholder={t('team.review.reason')}
                  value={reasons[p.id] ?? ''}
                  onInput={(e) => setReasons({ ...reasons, [p.id]: e.currentTarget.value })}
                />
                <button data-kf="proposal-reject" disabled={busy || reasonOver(p)} onClick={() => void decide(p, false)}>
                  {t('team.review.reject')}
                </button>
              </div>
              <TooLong text={reasons[p.id]?.trim() ?? ''} max={REASON_MAX} class="kf-bad" kf="proposal-reason-too-long" />
            </li>
          );
        })}
      </ul>
      {data?.rules && <TeamRulesConflict conflict={data.rules} busy={busy} onResolve={(r) => void resolveRules(r)} />}
      {data && data.sites?.length > 0 && (
        <>
          <h3>{t('team.sites.title')}</h3>
          <p class="kf-help">{t('team.sites.help')}</p>
          {data.sites.map((c) => (
            <div class="kf-conflict" data-kf="site-conflict" data-origin={c.origin}>
              <p><strong>{c.origin}</strong></p>
              <div class="kf-versions">
                {c.versions.map((v, i) => (
                  <div class="kf-version" data-kf="site-version" data-rev={v.rev}>
                    <p class="kf-help">{pageSentence('team.conflicts.version', { user: v.by }, { n: i + 1, time: when(v.at) })}</p>
                    <SiteText site={v.site} />
                    <button class="kf-primary" data-kf="site-choose" disabled={busy} onClick={() => void resolveSite(c.origin, v.site)}>
                      {t('team.conflicts.choose')}
                    </button>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </>
      )}
      {data && data.conflicts.length > 0 && (
        <>
          <h3>{t('team.conflicts.title')}</h3>
          <p class="kf-help">{t('team.conflicts.help')}</p>
          {data.conflicts.map((c) => (
            <div class="kf-conflict" data-kf="conflict" data-id={c.id}>
              <div class="kf-versions">
                {c.versions.map((v, i) => (
                  <div class="kf-version" data-kf="conflict-version" data-rev={v.rev}>
                    <p class="kf-help">{pageSentence('team.conflicts.version', { user: v.by }, { n: i + 1, time: when(v.at) })}</p>
                    <ReplyText template={v.template} />
                    <div class="kf-actions">
                      <button class="kf-primary" data-kf="conflict-choose" disabled={busy} onClick={() => void resolve(v.template)}>
                        {t('team.conflicts.choose')}
                      </button>
                      <button data-kf="conflict-edit" onClick={() => setMerging({ ...v.template })}>
                        {t('team.conflicts.edit')}
                      </button>
                    </div>
                  </div>
                ))}
              </div>
              {merging && merging.id === c.id && (
                <form
                  class="kf-editor"
                  data-kf="conflict-merge"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (!mergeOver(merging)) void resolve({ ...merging, title: merging.title.trim(), body: merging.body.trim() });
                  }}
                >
                  <label class="kf-row">
                    <span>{t('options.title')}</span>
                    <input name="title" required aria-invalid={invalidIf(merging.title.trim(), TEMPLATE_LIMITS.title)} value={merging.title} onInput={(e) => setMerging({ ...merging, title: e.currentTarget.value })} />
                  </label>
                  <TooLong text={merging.title.trim()} max={TEMPLATE_LIMITS.title} class="kf-bad" kf="merge-title-too-long" />
                  <label class="kf-row kf-top">
                    <span>{t('options.body')}</span>
                    <textarea name="body" required rows={5} aria-invalid={invalidIf(merging.body.trim(), TEMPLATE_LIMITS.body)} value={merging.body} onInput={(e) => setMerging({ ...merging, body: e.currentTarget.value })} />
                  </label>
                  <TooLong text={merging.body.trim()} max={TEMPLATE_LIMITS.body} class="kf-bad" kf="merge-body-too-long" />
                  <div class="kf-actions">
                    <button type="submit" class="kf-primary" data-kf="conflict-save" disabled={busy || mergeOver(merging)}>
                      {t('team.conflicts.save')}
                    </button>
                    <button type="button" onClick={() => setMerging(null)}>
                      {t('panel.cancel')}
                    </button>
                  </div>
                </form>
              )}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/** Options → 团队, agent: the replies this agent proposed and what the supervisor decided. */
export function MyProposals() {
  const api = useApi();
  const [list, setList] = useState<TeamProposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void api.call('teamMyProposals').then((r) => {
        if (r.ok) {
          setList(r.value);
          setError(null);
        } else setError(teamFailText(r));
      });
    load();
    return api.onChanged(['team', 'library'], load);
  }, []);
  const state = (p: TeamProposal) =>
    !p.decision
      ? t('team.mine.pending')
      : p.decision.accepted
        ? p.replacedBy
          ? t('team.mine.replaced', { user: p.decision.by, other: p.replacedBy })
          : t('team.mine.accepted', { user: p.decision.by })
        : p.decision.reason
          ? t('team.mine.rejectedWhy', { user: p.decision.by, reason: p.decision.reason })
          : t('team.mine.rejected', { user: p.decision.by });
  return (
    <div data-kf="my-proposals">
      <h3>{t('team.mine.title')}</h3>
      {error && <p class="kf-bad" role="alert">{error}</p>}
      {list && list.length === 0 && <p class="kf-help">{t('team.mine.none')}</p>}
      <ul class="kf-list">
        {list?.map((p) => (
          <li data-kf="my-proposal" data-id={p.id} data-state={!p.decision ? 'pending' : p.decision.accepted ? (p.replacedBy ? 'replaced' : 'accepted') : 'rejected'}>
            <strong><PageText text={p.template.title} /></strong> · <span data-kf="my-proposal-state">{state(p)}</span> <span class="kf-help">{when(p.at)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
