import { useEffect, useState } from 'preact/hooks';
import { useApi } from './OptionsContext';
import { useShopZone } from './useShopZone';
import type { SnapshotContents, SnapshotInfo } from '@/lib/storage/backup';
import { formatWallSeconds } from '@/lib/domain/time';
import { registerMessages, t } from '@/lib/i18n';
import { notDoneText } from '@/lib/messaging/not-done';
import { customersOptions } from '@/lib/i18n/messages/customers-options';
import { KEEP_PER_POOL } from '@/lib/domain/backups';
import { Said } from './Said';
import { restoreFailedText } from './import-outcome';
import type { WriteFailed } from '@/lib/messaging/protocol-backup';

registerMessages(customersOptions);

/** The parts of the data a backup can hold, each with the store it is in. */
const PARTS = [
  ['library', 'templates'],
  ['customers', 'buyers'],
  ['followups', 'followups'],
  ['learned', 'learned'],
  ['meta', 'settings'],
] as const;

/** The parts a backup of only some stores (`scope`) holds; all of them when it holds all data. */
const partsOf = (scope?: readonly string[]) => PARTS.filter(([store]) => !scope || scope.includes(store));

/**
 * What a backup holds, in the agent's terms: replies, buyers, follow-ups, learned picks, settings;
 * a safety copy of only what an import changes says so and lists that part only (not "0 buyers").
 */
export function contentsText(c: SnapshotContents, scope?: readonly string[]): string {
  const text = {
    templates: () => (c.templates === null ? t('backups.has.starter') : t('backups.has.templates', { count: c.templates })),
    buyers: () => t('backups.has.buyers', { count: c.buyers }),
    followups: () => t('backups.has.followups', { count: c.followups }),
    learned: () => t('backups.has.learned', { count: c.learned }),
    settings: () => t(c.settings ? 'backups.has.settings' : 'backups.has.noSettings'),
  };
  const parts = partsOf(scope).map(([, part]) => text[part]());
  return scope ? t('backups.has.only', { parts: parts.join(' · ') }) : parts.join(' · ');
}

/** The restore's question: all data, or only the part a safety copy holds (the rest stays). */
function confirmText(time: string, scope?: readonly string[]): string {
  if (!scope) return t('backups.confirmRestore', { time });
  return t('backups.confirmRestorePart', { time, what: partsOf(scope).map(([, part]) => t(`backups.part.${part}`)).join(t('backups.part.and')) });
}

/**
 * When each backup (newest first) was taken, to the second; backups taken within the same second
 * (立即备份 clicked twice) are numbered, oldest (1), so no two rows read alike.
 */
export function backupTimes(list: readonly { takenAt: number }[], when: (at: number) => string): string[] {
  const times = list.map((s) => when(s.takenAt));
  const left = new Map<string, number>();
  for (const time of times) left.set(time, (left.get(time) ?? 0) + 1);
  const same = new Map(left);
  return times.map((time) => {
    if (same.get(time) === 1) return time;
    const n = left.get(time)!;
    left.set(time, n - 1);
    return `${time} (${n})`;
  });
}

/** The 备份 tab: local snapshots with what each holds, 立即备份, 恢复 after a confirmation. */
export function Backups() {
  const api = useApi();
  const [list, setList] = useState<SnapshotInfo[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A restore that did not finish is said from its result (with the list: its copy's time).
  const [message, setMessage] = useState<{ ok: boolean; text: string } | { ok: false; restore: WriteFailed } | null>(null);

  const reload = () =>
    api.call('listBackups').then(
      (l) => setList(l),
      (err) => setMessage({ ok: false, text: notDoneText(err, t('backups.notDone.list'), t('backups.unchanged.list'), t('backups.listAgain')) }),
    );
  // Another tab (or the hourly job) took or restored a backup, or deleted data that backups held.
  useEffect(() => {
    void reload();
    return api.onChanged(['backups'], () => void reload());
  }, []);
  const zone = useShopZone();
  const times = backupTimes(list ?? [], (at) => formatWallSeconds(at, zone));

  /** `failed`: what a throw says — a backup writes none of the data; a 恢复 may have written part (not-done.ts). */
  const run = async (op: () => Promise<string | WriteFailed>, failed: 'create' | 'restore') => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await op();
      setMessage(typeof done === 'string' ? { ok: true, text: done } : { ok: false, restore: done });
    } catch (err) {
      setMessage({ ok: false, text: notDoneText(err, t(`backups.notDone.${failed}`), t(`backups.unchanged.${failed}`)) });
    } finally {
      setBusy(false);
      setConfirming(null);
      await reload();
    }
  };

  return (
    <section class="kf-card" data-kf="backups">
      <h2>{t('backups.title')}</h2>
      <p class="kf-help">{t('backups.help', { ...KEEP_PER_POOL })}</p>
      <div class="kf-actions">
        <button class="kf-primary" data-kf="backup-now" disabled={busy} onClick={() => void run(async () => (await api.call('createBackup'), t('backups.created')), 'create')}>
          {t('backups.now')}
        </button>
      </div>
      {message && (
        <Said of={message} class={message.ok ? 'kf-ok' : 'kf-bad'} kf="backup-message">
          {'restore' in message ? restoreFailedText(message.restore, times[list?.findIndex((s) => s.id === message.restore.copy) ?? -1] ?? '') : message.text}
        </Said>
      )}
      {list === null ? (
        <p class="kf-help">{t('options.loading')}</p>
      ) : list.length === 0 ? (
        <p class="kf-help">{t('backups.none')}</p>
      ) : (
        <table class="kf-table">
          <thead>
            <tr>
              <th>{t('backups.col.time')}</th>
              <th>{t('backups.col.reason')}</th>
              <th>{t('backups.col.counts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((s, i) => (
              <tr data-id={s.id} data-kf="backup-row" data-reason={s.reason}>
                <td>{times[i]}</td>
                <td>{t(`backups.reason.${s.reason}`)}</td>
                <td data-kf="backup-counts">{contentsText(s.contents, s.scope)}</td>
                <td>
                  {confirming === s.id ? (
                    <div role="alertdialog">
                      <p>{confirmText(times[i]!, s.scope)}</p>
                      <div class="kf-actions">
                        <button
                          class="kf-danger"
                          data-kf="backup-restore-confirm"
                          disabled={busy}
                          onClick={() =>
                            void run(async () => {
                              const r = await api.call('restoreBackup', { id: s.id });
                              return r.ok ? t('backups.restored', { time: times[i]! }) : r;
                            }, 'restore')
                          }
                        >
                          {t('backups.confirmButton')}
                        </button>
                        <button onClick={() => setConfirming(null)}>{t('customers.options.cancel')}</button>
                      </div>
                    </div>
                  ) : (
                    <button data-kf="backup-restore" disabled={busy} onClick={() => setConfirming(s.id)}>
                      {t('backups.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
