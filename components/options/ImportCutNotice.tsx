import { useEffect, useState } from 'preact/hooks';
import { browser } from '@/lib/browser';
import { registerMessages, t } from '@/lib/i18n';
import { importCutMessages } from '@/lib/i18n/messages/import-cut';
import { reasonText } from '@/lib/messaging/reason';
import type { DataArea, Req, Res, Verb } from '@/lib/messaging/protocol';
import { IMPORT_CUT_KEY, type ImportCut } from '@/lib/storage/whole-run';
import { shopZone } from '@/lib/storage/settings';
import { formatWallSeconds } from '@/lib/domain/time';

registerMessages(importCutMessages);

/** What the notice needs of its page (the options page's and the popup's api both have it). */
export interface ImportCutApi {
  call<V extends Verb>(verb: V, payload?: Req<V>): Promise<Res<V>>;
  onChanged(areas: DataArea[], listener: () => void): () => void;
}

/**
 * 导入全部数据 cut off by the browser stopping the worker (lib/storage/whole-run.ts): its file went
 * with that worker, so the import cannot be finished, and part of it may be written. Said at the top
 * of the options page and the popup, wherever the agent looks next, until answered: 恢复到导入前
 * (the safety copy the import took first, named as its row in 备份 names it) or 保留现状. The next
 * worker leaves the record in storage.local; the page reads it there and removes it when answered.
 * A 恢复 cut off the same way (`restore`) was finished by the next worker from its backup, or could
 * not be: said with the copy from before it and 退回到恢复前 (the data changed with no page to say so).
 */
export function ImportCutNotice(props: { api: ImportCutApi }) {
  const { api } = props;
  const [cut, setCut] = useState<(ImportCut & { time: string | null }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);

  const load = async () => {
    const c = (await browser.storage.local.get(IMPORT_CUT_KEY))[IMPORT_CUT_KEY] as ImportCut | undefined;
    if (!c) return setCut(null);
    const [list, settings] = await Promise.all([api.call('listBackups'), api.call('getSettings')]);
    const copy = list.find((s) => s.id === c.copy);
    setCut({ ...c, time: copy ? formatWallSeconds(copy.takenAt, shopZone(settings)) : null });
  };
  // The worker writes the record and then announces 'backups' (so does a second send that finished the import).
  useEffect(() => {
    const reload = () => void load().catch(() => undefined);
    reload();
    return api.onChanged(['backups'], reload);
  }, []);

  const answered = async () => {
    await browser.storage.local.remove(IMPORT_CUT_KEY);
    setCut(null);
  };
  const restore = async (id: string) => {
    setBusy(true);
    setSaid(null);
    try {
      const r = await api.call('restoreBackup', { id });
      if (r.ok) {
        await answered();
        setSaid({ ok: true, text: t(cut?.restore ? 'restoreCut.restored' : 'importCut.restored') });
      } else {
        const reason = reasonText({ code: r.cause ?? 'unknown', message: r.detail ?? '' });
        setSaid({ ok: false, text: r.problem === 'missing' ? t(cut?.restore ? 'restoreCut.noCopy' : 'importCut.noCopy') : t(r.problem === 'mixed' ? 'importCut.failedMixed' : 'importCut.failed', { reason }) });
      }
    } catch (err) {
      setSaid({ ok: false, text: t('importCut.failed', { reason: reasonText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  if (!cut) return said?.ok ? <p class="kf-ok" role="status" data-kf="import-cut-said">{said.text}</p> : null;
  const k = cut.restore ? 'restoreCut.' : 'importCut.';
  return (
    <div class="kf-notice" role="alert" data-kf="import-cut">
      <p>{t(cut.restore ? `restoreCut.${cut.restore}` : 'importCut.notice')}</p>
      <p>{cut.time === null ? t(`${k}noCopy`) : t(`${k}copy`, { time: cut.time })}</p>
      {said && <p class={said.ok ? 'kf-ok' : 'kf-bad'} data-kf="import-cut-said">{said.text}</p>}
      <div class="kf-actions">
        {cut.time !== null && (
          <button class="kf-primary" data-kf="import-cut-restore" disabled={busy} onClick={() => void restore(cut.copy)}>
            {t(`${k}restore`)}
          </button>
        )}
        <button data-kf="import-cut-keep" disabled={busy} onClick={() => void answered()}>
          {t(cut.restore === 'done' ? 'restoreCut.ok' : 'importCut.keep')}
        </button>
      </div>
    </div>
  );
}
