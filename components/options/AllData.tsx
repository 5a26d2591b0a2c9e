import { useState } from 'preact/hooks';
import { useApi } from './OptionsContext';
import { ImportExport } from './ImportExport';
import { registerMessages, t } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/messages/privacy';
import { reasonText } from '@/lib/messaging/reason';

registerMessages(privacyMessages);

/**
 * 删除全部数据, set apart from everything else: the agent types the phrase before the button works;
 * everything the extension keeps here goes, backups included (deleteAllData).
 */
export function DeleteAllData() {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const phrase = t('data.delete.phrase');
  const matches = typed.trim().toLowerCase() === phrase.toLowerCase();
  const close = () => {
    setOpen(false);
    setTyped('');
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    try {
      await api.call('deleteAllData', { confirm: true });
      close();
      setStatus({ ok: true, text: t('data.delete.done') });
    } catch (err) {
      setStatus({ ok: false, text: t('data.failed', { reason: reasonText(err) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="kf-card kf-danger-zone" data-kf="delete-all-data">
      <h2>{t('data.delete.title')}</h2>
      <p class="kf-help">{t('data.delete.help')}</p>
      {!open ? (
        <button
          class="kf-danger"
          data-kf="delete-all-data-open"
          onClick={() => {
            setStatus(null);
            setOpen(true);
          }}
        >
          {t('data.delete.open')}
        </button>
      ) : (
        <form class="kf-bad" role="alertdialog" data-kf="delete-all-data-confirm" onSubmit={submit}>
          <label class="kf-row">
            <span>{t('data.delete.type', { phrase })}</span>
            <input data-kf="delete-all-data-phrase" autoFocus autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </label>
          <div class="kf-actions">
            <button type="submit" class="kf-danger" data-kf="delete-all-data-yes" disabled={!matches || busy}>
              {t('data.delete.button')}
            </button>
            <button type="button" onClick={close}>
              {t('data.delete.cancel')}
            </button>
          </div>
        </form>
      )}
      {status && (
        <p class={status.ok ? 'kf-ok' : 'kf-bad'} role="status" data-kf="delete-all-data-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

/** The 导入 / 导出 tab: the library's file and, set apart, deleting everything. */
export function ImportExportTab() {
  return (
    <>
      <ImportExport />
      <DeleteAllData />
    </>
  );
}
