import { useEffect, useState } from 'preact/hooks';
import { useApi } from './OptionsContext';
import { registerMessages, t } from '@/lib/i18n';
import { team } from '@/lib/i18n/messages/team';
import { SIGN_IN_TIMEOUT_MS, signIn, type SignInStep } from '@/lib/team/sign-in';
import { teamStatusText } from '@/lib/team/status-text';
import type { TeamConfig, TeamStatus } from '@/lib/team/config';
import { MyProposals, TeamReview } from './TeamReview';

registerMessages(team);

/**
 * Who this machine last left team mode as (this page's own storage). Records written after leaving
 * reach the shop only when someone joins again, signed with that member's name — the server takes a
 * document only signed by whoever writes it, and a record does not know who typed it (qaJ D11). So
 * the sign-in form says what will go up under the name typed, and who was here before.
 */
const LAST_KEY = 'kf:team:last';
function lastMember(): { shop: string; user: string } | null {
  try {
    const v = JSON.parse(localStorage.getItem(LAST_KEY) ?? 'null') as { shop?: unknown; user?: unknown } | null;
    return typeof v?.shop === 'string' && typeof v.user === 'string' ? { shop: v.shop, user: v.user } : null;
  } catch {
    return null;
  }
}

/** Options → 团队: join the shop's server, see the sync status, sync now, leave. */
export function TeamSettings() {
  const api = useApi();
  const [config, setConfig] = useState<TeamConfig | null>(null);
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [form, setForm] = useState({ server: '', shop: '', user: '', password: '', shift: 'day' as 'day' | 'night' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<SignInStep | null>(null);
  /** The leave's question is open. */
  const [asking, setAsking] = useState(false);
  /**
   * 退出团队模式 sent and not answered yet. With the worker's 'leaving' status (the same, said to
   * every page): until the worker has answered, the replicas are still being deleted, so neither the
   * joined view nor the sign-in form shows — a reload meanwhile (a live update, another page's
   * change) finds the configuration already gone and would offer a join in the middle of the leave.
   */
  const [leaving, setLeaving] = useState(false);
  const leaveUnderWay = leaving || status?.state === 'leaving';
  const prev = config ? null : lastMember();

  // The shop's day shift round the clock (全天白班): a member's 夜班 then counts as 白班, and the page says so.
  const [allDay, setAllDay] = useState(false);
  const reload = () =>
    api.call('teamStatus').then((r) => {
      setConfig(r.config);
      setStatus(r.status);
      if (r.config) void api.call('handoverTargets').then((h) => setAllDay(!!h.allDay), () => setAllDay(false));
    });
  useEffect(() => {
    void reload();
    return api.onChanged(['team', 'settings'], () => void reload());
  }, []);

  // The options page's form rows (kf-row: labels in one column); 店铺编号 says where it comes from.
  const field = (key: 'server' | 'shop' | 'user' | 'password', type = 'text') => (
    <>
      <label class="kf-row">
        <span>{t(`team.${key}`)}</span>
        <input
          type={type}
          data-kf={`team-${key}`}
          value={form[key]}
          autocomplete={key === 'password' ? 'current-password' : 'off'}
          placeholder={key === 'server' ? t('team.serverPlaceholder') : undefined}
          aria-describedby={key === 'shop' ? 'kf-team-shop-help' : key === 'server' ? 'kf-team-server-help' : undefined}
          onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })}
        />
      </label>
      {key === 'server' && (
        <p class="kf-help" id="kf-team-server-help" data-kf="team-server-help">
          {t('team.serverHelp')}
        </p>
      )}
      {key === 'shop' && (
        <p class="kf-help" id="kf-team-shop-help" data-kf="team-shop-help">
          {t('team.shopHelp')}
        </p>
      )}
    </>
  );

  const connect = async () => {
    if (leaveUnderWay) return;
    setBusy(true);
    setMessage(null);
    try {
      const shop = form.shop.trim();
      const r = await signIn(form.server, shop, form.user, form.password, setStep);
      setForm((f) => ({ ...f, password: '' }));
      if (!r.ok) {
        setMessage({
          ok: false,
          text: t(`team.err.${r.error === 'redirect' && r.reason ? 'redirectTo' : r.error}`, { reason: r.reason ?? '', user: form.user.trim(), shop, server: form.server.trim(), seconds: SIGN_IN_TIMEOUT_MS / 1000 }),
        });
        return;
      }
      const joined = await api.call('teamConnect', { server: r.origin, shop, user: form.user.trim(), role: r.role, shift: form.shift });
      localStorage.removeItem(LAST_KEY);
      setConfig(joined.config);
      setStatus(joined.status);
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
      setStep(null);
    }
  };

  return (
    <section class="kf-card" data-kf="team">
      <h2>{t('team.title')}</h2>
      <p class="kf-help">{t('team.help')}</p>
      {leaveUnderWay ? (
        <p role="status" data-kf="team-leaving">
          {t('team.leaving')}
        </p>
      ) : status && (
        <p
          class={status.state === 'synced' && !status.pending && !status.refused?.length && !status.role ? 'kf-ok' : status.state === 'off' || status.state === 'syncing' ? '' : 'kf-bad'}
          role="status"
          data-kf="team-status"
        >
          {teamStatusText(status)}
        </p>
      )}
      {!!status?.refused?.length && (
        <p class="kf-actions">
          <button data-kf="team-refused-ok" onClick={() => void api.call('teamDismissRefused').then(setStatus)}>
            {t('team.refused.ok')}
          </button>
        </p>
      )}
      {leaveUnderWay ? null : config ? (
        <>
          <p data-kf="team-joined">
            {t('team.connectedAs', { shop: config.shop, user: config.user, role: t(`team.role.${config.role}`) })} · {config.server}
          </p>
          <div class="kf-actions">
            <button class="kf-primary" data-kf="team-sync" disabled={busy} onClick={() => void api.call('teamSyncNow').then(setStatus)}>
              {t('team.syncNow')}
            </button>
            <label class="kf-field">
              <span>{t('team.shift')}</span>
              <select
                data-kf="team-my-shift"
                value={config.shift ?? 'day'}
                onChange={(e) => {
                  const shift = e.currentTarget.value as 'day' | 'night';
                  void api.call('teamSetShift', { shift }).then((c) => {
                    setConfig(c);
                    setMessage({ ok: true, text: t('team.shift.saved', { shift: t(`team.shift.${shift}`) }) });
                  });
                }}
              >
                <option value="day">{t('team.shift.day')}</option>
                <option value="night">{t('team.shift.night')}</option>
              </select>
            </label>
            <button data-kf="team-leave" disabled={busy || asking} onClick={() => setAsking(true)}>
              {t('team.leave')}
            </button>
          </div>
          {allDay && config.shift === 'night' && (
            <p class="kf-muted" data-kf="team-shift-all-day">
              {t('team.shift.allDay')}
            </p>
          )}
          {asking && (
            // What leaving deletes (the replicas of the shop's records) and what stays (the agent's stores).
            <div data-kf="team-leave-ask">
              <p>{t('team.leaveAsk', { shop: config.shop })}</p>
              <div class="kf-actions">
                <button
                  class="kf-danger"
                  data-kf="team-leave-confirm"
                  disabled={busy}
                  onClick={() => {
                    setBusy(true);
                    setLeaving(true);
                    setAsking(false);
                    setMessage(null);
                    const was = config;
                    void api
                      .call('teamLeave')
                      .then(
                        (r) => {
                          localStorage.setItem(LAST_KEY, JSON.stringify({ shop: was.shop, user: was.user }));
                          setConfig(null);
                          setStatus(r.status);
                          setMessage({ ok: true, text: t('team.left') });
                          setLeaving(false);
                        },
                        (err: Error) => {
                          setMessage({ ok: false, text: err.message });
                          setLeaving(false);
                          void reload();
                        },
                      )
                      .finally(() => setBusy(false));
                  }}
                >
                  {t('team.leaveConfirm')}
                </button>
                <button data-kf="team-leave-cancel" onClick={() => setAsking(false)}>
                  {t('team.leaveCancel')}
                </button>
              </div>
            </div>
          )}
          {config.role === 'supervisor' ? <TeamReview /> : <MyProposals />}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          {field('server')}
          {field('shop')}
          {field('user')}
          {field('password', 'password')}
          <p class="kf-help">{t('team.passwordHelp')}</p>
          <p class="kf-help" data-kf="team-join-shares">{t('team.joinShares')}</p>
          <p class="kf-help" data-kf="team-stays">{t('team.stays')}</p>
          <p class="kf-help" data-kf="team-roles">{t('team.roles')}</p>
          {prev && form.user.trim() && form.user.trim() !== prev.user && (
            <p class="kf-bad" data-kf="team-join-other">{t('team.joinOther', { prev: prev.user, shop: prev.shop, user: form.user.trim() })}</p>
          )}
          <label class="kf-row">
            <span>{t('team.shift')}</span>
            <select data-kf="team-shift" value={form.shift} onChange={(e) => setForm({ ...form, shift: (e.target as HTMLSelectElement).value as 'day' | 'night' })}>
              <option value="day">{t('team.shift.day')}</option>
              <option value="night">{t('team.shift.night')}</option>
            </select>
          </label>
          <div class="kf-actions">
            <button class="kf-primary" type="submit" data-kf="team-connect" disabled={busy}>
              {t('team.connect')}
            </button>
            {/* More than a greyed-out button: what the sign-in waits for (the agent's answer to the
                browser's prompt, or the server, for SIGN_IN_TIMEOUT_MS at most). */}
            {busy && step && (
              <span role="status" data-kf="team-step">
                {t(`team.step.${step}`, { server: form.server.trim() })}
              </span>
            )}
          </div>
        </form>
      )}
      {message && (
        <p class={message.ok ? 'kf-ok' : 'kf-bad'} role="alert" data-kf="team-message">
          {message.text}
        </p>
      )}
      {/* What the lead hands the person who sets the server up (the full doc is not in the built
          extension: docs/team-server.md in its source); below the sign-in's message, which stays by the button. */}
      {!config && !leaveUnderWay && (
        <details class="kf-help" data-kf="team-it">
          <summary>{t('team.it.title')}</summary>
          <ul>
            {(['server', 'provision', 'cors', 'timeout', 'cookie', 'doc'] as const).map((k) => (
              <li key={k}>{t(`team.it.${k}`)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
