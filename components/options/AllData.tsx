import { forgetAllDeleted } from './recently-deleted';
import { useRef, useState } from 'preact/hooks';
import { useApi, useTeamAgent, type OptionsApi } from './OptionsContext';
import { ImportExport, ImportStatus, JsonFileInput, MergeOrReplace, dateStamp, downloadJson, libraryMergeBlocked, useImportFlow, type ImportStage } from './ImportExport';
import { TRANSFER_CHUNK, allCustomers, overLines, revisitsLine, withStagedCustomers } from './Customers';
import { useShopZone } from './useShopZone';
import { asItem, registerMessages, t } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/messages/privacy';
import { team } from '@/lib/i18n/messages/team';
import { notDoneText } from '@/lib/messaging/not-done';
import { formatWall } from '@/lib/domain/time';
import { AREAS, isSetupFile, shopSetupFile } from '@/lib/domain/all-data';
import { NOTES_MAX } from '@/lib/domain/followups/notes';
import { followupTitleTagged } from '@/lib/domain/followups/text';
import type { AllDataImportResult, AllDataPreview } from '@/lib/messaging/protocol-data';
import { Said } from './Said';

registerMessages(privacyMessages);
registerMessages(team);

/**
 * Sends an 导入全部数据 file to the background, its buyers staged ahead in parts when there are
 * many (as the buyer-notes import does); the background checks the file whole before writing.
 */
export async function sendAllData(api: OptionsApi, json: unknown, opts: { merge?: boolean; dryRun?: boolean; baseUpdatedAt?: number }): Promise<AllDataImportResult> {
  const customers = (json as { customers?: { customers?: unknown } } | null)?.customers;
  const list = customers?.customers;
  if (!Array.isArray(list) || list.length <= TRANSFER_CHUNK) return api.call('importAllData', { json, ...opts });
  return withStagedCustomers(api, list, (staged) => api.call('importAllData', { json: { ...(json as object), customers: { ...customers, customers: [] } }, ...staged, ...opts }));
}

/**
 * The rows of the confirmation: the replies (the library's own summary), then each area — none of
 * them for a set-up file (`setup`), which holds no buyer area and leaves them all as they are.
 */
function rows(p: AllDataPreview, setup = false): { key: string; file: number; here: number; fresh: number }[] {
  const lib = p.library;
  return [
    ...(lib ? [{ key: 'templates', file: lib.incoming, here: lib.current, fresh: lib.added }] : []),
    ...(setup ? [] : AREAS.map((area) => ({ key: area, ...p.areas[area] }))),
  ];
}

/** "话术 12、客户档案 25": what was written, in words. */
function writtenList(p: AllDataPreview): string {
  return rows(p)
    .filter((r) => r.file > 0)
    .map((r) => t('data.count', { area: t(`data.area.${r.key}`), n: r.file }))
    .join(t('forget.list.sep'));
}

/**
 * The follow-ups here whose notes a merge joins with the file's (`after`: joined), and each one it
 * leaves as it is because the joined notes would not fit the item: named, never cut silently.
 */
function notesLines(p: AllDataPreview, after: boolean): string[] {
  const n = p.followupNotes;
  if (!n) return [];
  const over = n.over.map((o) => t('data.notesOverItem', { title: followupTitleTagged(o.item, t), lines: o.lines, length: o.length }));
  return [
    ...(n.joined ? [t(after ? 'data.notesJoined' : 'data.notesJoin', { n: n.joined })] : []),
    ...(over.length ? [t('data.notesOver', { count: over.length, max: NOTES_MAX }), ...over] : []),
  ];
}

/**
 * What of the file an agent in team mode writes on this machine only: the replies and groups (the
 * library is the supervisor's, an agent's copy follows the shop's), and with them the remark rules
 * and taught pages, which only the supervisor sends to the team. Null when the file holds none.
 */
function keptLocal(p: AllDataPreview): string | null {
  const lib = p.library;
  if (!lib || lib.incoming === 0) return null;
  return t('team.agentAllKept', { n: lib.incoming });
}

function Confirm(props: { stage: Extract<ImportStage<AllDataPreview>, { step: 'confirm' }>; agent: boolean; run(merge: boolean): void; cancel(): void }) {
  const p = props.stage.preview;
  const zone = useShopZone();
  const setup = isSetupFile(props.stage.json);
  return (
    <div class="kf-notice" role="alertdialog" aria-labelledby="kf-all-confirm-title" data-kf="all-import-confirm">
      <p id="kf-all-confirm-title">
        <strong>{t('data.confirmTitle', { file: props.stage.file, time: p.exportedAt ? formatWall(p.exportedAt, zone) : '—' })}</strong>
      </p>
      {setup && (
        <p class="kf-ok" data-kf="all-import-setup">
          {t('data.setupFile')}
        </p>
      )}
      {props.stage.again && <p class="kf-warn-text">{t('data.changedMeanwhile')}</p>}
      {props.agent && keptLocal(p) && (
        <p class="kf-warn-text" data-kf="all-import-agent-local">
          {t('team.agentAllImport')}
        </p>
      )}
      <table class="kf-table" data-kf="all-import-counts">
        <thead>
          <tr>
            <th>{t('data.col.area')}</th>
            <th>{t('data.col.file')}</th>
            <th>{t('data.col.here')}</th>
            <th>{t('data.col.fresh')}</th>
          </tr>
        </thead>
        <tbody>
          {rows(p, setup).map((r) => (
            <tr data-area={r.key}>
              <td>{t(`data.area.${r.key}`)}</td>
              <td>{r.file}</td>
              <td>{r.here}</td>
              <td>{r.fresh}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!!p.over?.length && (
        <ul class="kf-warn-text" data-kf="all-import-over">
          {overLines(p.over).map((l) => (
            <li>{asItem(l)}</li>
          ))}
        </ul>
      )}
      {!!p.followupNotes && (
        <ul class={p.followupNotes.over.length ? 'kf-warn-text' : undefined} data-kf="all-import-notes">
          {notesLines(p, false).map((l) => (
            <li>{asItem(l)}</li>
          ))}
        </ul>
      )}
      <ul>
        <li>{t(setup ? 'data.setupMergeWhat' : 'data.mergeWhat')}</li>
        {/* A 替换 the worker would refuse for this file (all-data.ts replaceLeavesNamed): said here, with why, before it is picked. */}
        {p.replaceRefused ? (
          <li class="kf-warn-text" data-kf="all-import-replace-refused">
            {t('data.replaceRefused', { reason: p.replaceRefused })}
          </li>
        ) : (
          <li>{t(setup ? 'data.setupReplaceWhat' : 'data.replaceWhat')}</li>
        )}
        {setup && <li>{t('data.setupKept')}</li>}
      </ul>
      <p class="kf-help">{t('data.backupNote', { tab: t('backups.tab') })}</p>
      <MergeOrReplace
        kf="all-import"
        blocked={p.library ? libraryMergeBlocked(p.library) : []}
        labels={{ merge: t('data.merge'), replace: t(p.replaceRefused ? 'data.replaceRefusedButton' : 'data.replace'), cancel: t('data.cancel') }}
        stage={props.stage}
        failed={props.stage.failed}
        run={props.run}
        cancel={props.cancel}
      />
    </div>
  );
}

/**
 * 全部数据: everything the user owns as one file (lib/domain/all-data.ts). Export fetches the buyers
 * page by page; import checks and counts the whole file first, then merges or replaces after a
 * backup, as the library import does (useImportFlow). A bad file changes nothing. Nothing is loaded
 * until asked: this tab stays quiet (test/e2e/pages.ts openQuietExtensionPage).
 */
export function AllData() {
  const api = useApi();
  const zone = useShopZone();
  const agent = useTeamAgent();
  const flow = useImportFlow<AllDataPreview>({
    check: (json) => sendAllData(api, json, { dryRun: true }),
    async write(json, merge, p) {
      const r = await sendAllData(api, json, { merge, baseUpdatedAt: p.library?.updatedAt });
      if (!r.ok) return r;
      const written = t(merge ? 'data.merged' : 'data.replaced', { list: writtenList(r.preview) });
      // An agent is told again, after the write, what of it reached this machine only.
      const local = agent ? keptLocal(r.preview) : null;
      const setup = isSetupFile(json) ? [t('data.setupDone')] : [];
      return { ok: true, lines: [written, ...setup, ...(local ? [local] : []), ...overLines(r.preview.over), ...(merge ? notesLines(r.preview, true) : []), ...revisitsLine(r.revisits, zone), t('data.undo', { tab: t('backups.tab') })] };
    },
    texts: { reading: t('data.reading'), importing: t('data.importing'), cancelled: t('data.cancelled') },
    area: 'data',
  });
  const [exporting, setExporting] = useState<string | null>(null);
  // The failed export's result, headed as an export (not as a refused file) while it is shown.
  const exportFailure = useRef<{ ok: false; lines: string[] } | null>(null);
  const { stage } = flow;

  const exportAll = async () => {
    flow.setResult(null);
    try {
      setExporting(t('data.exporting', { done: 0, total: '…' }));
      const file = await api.call('exportAllData');
      const customers = await allCustomers(api, (done, total) => setExporting(t('data.exporting', { done, total })));
      const name = `kefu-all-data-${dateStamp()}.json`;
      downloadJson({ ...file, customers: { ...(file.customers as object), customers } }, name);
      flow.setResult({ ok: true, lines: [t('data.exported', { file: name })] });
    } catch (err) {
      flow.setResult((exportFailure.current = { ok: false, lines: [exportNotDone(err)] }));
    } finally {
      setExporting(null);
    }
  };

  /** 导出店铺设置: the library and the settings, picked in the page (shopSetupFile); no buyer is ever asked for. */
  const exportSetup = async () => {
    flow.setResult(null);
    try {
      setExporting(t('data.exportingSetup'));
      const [library, settings] = await Promise.all([api.call('exportLibrary'), api.call('getSettings')]);
      const name = `kefu-shop-setup-${dateStamp()}.json`;
      downloadJson(shopSetupFile(library, settings, Date.now()), name);
      flow.setResult({ ok: true, lines: [t('data.exportedSetup', { file: name })] });
    } catch (err) {
      flow.setResult((exportFailure.current = { ok: false, lines: [exportNotDone(err)] }));
    } finally {
      setExporting(null);
    }
  };

  const busy = flow.busy || exporting !== null;
  return (
    <section class="kf-card" data-kf="all-data">
      <h2>{t('data.title')}</h2>
      <p class="kf-help">{t('data.help')}</p>
      <div class="kf-actions">
        <button data-kf="all-export" disabled={busy} onClick={() => void exportAll()}>
          {t('data.export')}
        </button>
        <button data-kf="setup-export" disabled={busy} onClick={() => void exportSetup()}>
          {t('data.exportSetup')}
        </button>
        <JsonFileInput label={t('data.import')} kf="all-import-file" disabled={busy} onFile={flow.onFile} />
      </div>
      {/* One button for a file of either export: named for what it takes, not for 全部数据 (a set-up file holds no buyer). */}
      <p class="kf-help" data-kf="all-import-help">
        {t('data.importHelp')}
      </p>
      <p class="kf-help" data-kf="setup-export-help">
        {t('data.setupHelp')}
      </p>
      <ImportStatus kf="all" stage={exporting ? { step: 'busy', text: exporting } : stage} result={flow.result} rejected={t(flow.result === exportFailure.current ? 'data.exportFailed' : 'data.rejected')}>
        {stage.step === 'confirm' && <Confirm stage={stage} agent={!!agent} run={(merge) => void flow.run(merge)} cancel={flow.cancel} />}
      </ImportStatus>
    </section>
  );
}

/** An export that threw: it writes nothing, so the data is as it was (lib/messaging/not-done.ts). */
const exportNotDone = (err: unknown) => notDoneText(err, t('data.notDone.export'), t('data.unchanged.export'), t('data.exportAgain'));

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
      // The 话术库 tab's record of deleted replies (for 撤销) is this page's, not the worker's: gone too.
      forgetAllDeleted();
      close();
      setStatus({ ok: true, text: t('data.delete.done') });
    } catch (err) {
      // Several stores and the backups, one after another: part may be gone (the phrase stays typed).
      setStatus({ ok: false, text: notDoneText(err, t('data.notDone.delete'), t('data.unchanged.delete'), t('data.deleteAgain')) });
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
        <Said of={status} class={status.ok ? 'kf-ok' : 'kf-bad'} kf="delete-all-data-status">
          {status.text}
        </Said>
      )}
    </section>
  );
}

/** The 导入 / 导出 tab: the library's file, everything's file, and, set apart, deleting everything. */
export function ImportExportTab() {
  return (
    <>
      <ImportExport />
      <AllData />
      <DeleteAllData />
    </>
  );
}
