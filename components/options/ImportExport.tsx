import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from './OptionsContext';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { libraryEditor } from '@/lib/i18n/messages/library-editor';
import { customersOptions } from '@/lib/i18n/messages/customers-options';
import { learnedMessages } from '@/lib/i18n/messages/learned';
import { EXPORT_FORMAT as CUSTOMERS_FORMAT } from '@/lib/domain/customers/types';
import type { ImportSummary } from '@/lib/domain/templates/import-plan';
import { reasonText } from '@/lib/messaging/reason';

registerMessages(libraryEditor);
// The tabs a file of another kind is imported on are named by their own strings.
registerMessages(customersOptions);
registerMessages(learnedMessages);

export function downloadJson(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function dateStamp(d = new Date()): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A file picker for a JSON import; it clears itself after each file so the same file can be chosen
 * again. `disabled` while a file is being read or imported (a second file would race the first).
 * The label is what the eye sees (drawn as a button); the input inside it is hidden to the eye
 * only, so it keeps its place in the tab order and its name (the label): Tab reaches it, Enter or
 * Space opens the chooser, and the label shows the focus.
 */
export function JsonFileInput(props: { label: string; kf: string; disabled?: boolean; onFile: (file: File | undefined) => Promise<void> }) {
  return (
    <label class={props.disabled ? 'kf-file kf-disabled' : 'kf-file'} aria-disabled={props.disabled ? 'true' : undefined}>
      {props.label}
      <input
        class="kf-sr"
        type="file"
        accept=".json,application/json"
        data-kf={props.kf}
        disabled={props.disabled}
        onChange={(e) => {
          const input = e.currentTarget;
          void props.onFile(input.files?.[0]).finally(() => (input.value = ''));
        }}
      />
    </label>
  );
}

/**
 * The export of another tab, chosen here by mistake: where it is imported instead, or null. The
 * shapes are those tabs' own files (客户档案, 学习记录) and a 备份 snapshot's record.
 */
export function otherExportKind(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const f = json as { format?: unknown; kind?: unknown; id?: unknown; stores?: unknown };
  if (f.format === CUSTOMERS_FORMAT) {
    return t('library.import.otherKind', { kind: t('library.import.kind.customers'), tab: t('customers.tab'), button: t('customers.options.import') });
  }
  if (f.kind === 'kf-learned') {
    return t('library.import.otherKind', { kind: t('library.import.kind.learned'), tab: t('learned.tab'), button: t('learned.import') });
  }
  if (typeof f.id === 'string' && f.id.startsWith('snap-') && f.stores && typeof f.stores === 'object') {
    return t('library.import.snapshot', { tab: t('backups.tab'), button: t('backups.restore') });
  }
  return null;
}

type Stage =
  | { step: 'idle' }
  | { step: 'busy'; text: string }
  /** The file checked and counted, waiting for the agent's choice. `again`: counted anew after another page's change. */
  | { step: 'confirm'; file: string; json: unknown; preview: ImportSummary; again: boolean };

/**
 * What the file writes besides the replies, or null: the sections other tabs export into it
 * (RULES_SECTION, GUARD_SECTION, SITES_SECTION in lib/messaging/handlers/). A file that passed the
 * check holds each section it has in a valid form, and the import writes it.
 */
function sectionsLine(json: unknown): string | null {
  const f = json as Record<string, unknown>;
  const sites = (f.taughtSites as { sites?: unknown[] } | null)?.sites?.length ?? 0;
  const list = [
    'remarkRules' in f && t('library.import.section.remarkRules'),
    'guardRules' in f && t('library.import.section.guardRules'),
    sites > 0 && t('library.import.section.taughtSites', { n: sites }),
  ].filter((x): x is string => !!x);
  return list.length ? t('library.import.sections', { list: list.join(getLocale() === 'en' ? ', ' : '、') }) : null;
}

/** The confirmation before an import: the counts in words, merge (offered first) or replace, the backup taken first. */
function ImportConfirm(props: { stage: Extract<Stage, { step: 'confirm' }>; run: (merge: boolean) => void; cancel: () => void }) {
  const p = props.stage.preview;
  const n = { current: p.current, incoming: p.incoming, added: p.added, updated: p.updated, unchanged: p.unchanged, notInFile: p.notInFile };
  const canMerge = p.codeClashes.length === 0 && p.mergeErrors.length === 0;
  const sections = sectionsLine(props.stage.json);
  // The safe choice has the focus: merge where it can, otherwise cancel (replace is never the default).
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), [props.stage]);
  return (
    <div class="kf-notice" role="alertdialog" aria-labelledby="kf-import-confirm-title" data-kf="import-confirm">
      <p id="kf-import-confirm-title">
        <strong>{t('library.import.confirmTitle', { file: props.stage.file })}</strong>
      </p>
      {props.stage.again && <p class="kf-warn-text" data-kf="import-again">{t('library.import.changedMeanwhile')}</p>}
      <p data-kf="import-counts">{t('library.import.counts', n)}</p>
      <ul>
        <li data-kf="import-merge-what">{t('library.import.mergeWhat', { ...n, total: p.current + p.added })}</li>
        <li data-kf="import-replace-what">{t('library.import.replaceWhat', n)}</li>
      </ul>
      {!canMerge && (
        <div class="kf-warn-text" data-kf="import-merge-blocked">
          {t('library.import.mergeBlocked')}
          <ul>
            {p.codeClashes.length > 0
              ? p.codeClashes.map((c) => <li>{t('library.import.codeClash', { ...c })}</li>)
              : p.mergeErrors.map((e) => <li>{e}</li>)}
          </ul>
        </div>
      )}
      {sections && <p>{sections}</p>}
      <p class="kf-help">{t('library.import.backupNote', { tab: t('backups.tab') })}</p>
      <div class="kf-actions">
        {canMerge && (
          <button class="kf-primary" data-kf="import-merge" ref={safe} onClick={() => props.run(true)}>
            {t('library.import.merge')}
          </button>
        )}
        <button class="kf-danger" data-kf="import-replace" onClick={() => props.run(false)}>
          {t('library.import.replace')}
        </button>
        <button data-kf="import-cancel" ref={canMerge ? undefined : safe} onClick={props.cancel}>
          {t('library.import.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Import/export of the whole library as one JSON file. A file is checked completely and counted
 * first; nothing is written until the agent chooses merge or replace, and the background backs
 * everything up before it writes. An invalid file changes nothing.
 */
export function ImportExport() {
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const refuse = (lines: string[]) => {
    setStage({ step: 'idle' });
    setResult({ ok: false, lines });
  };

  /** Checks and counts the file (a dry run in the background); nothing is written. */
  const preview = async (file: string, json: unknown, again = false) => {
    const r = await api.call('importLibrary', { json, dryRun: true });
    if (!r.ok) refuse(r.errors);
    else setStage({ step: 'confirm', file, json, preview: r.preview, again });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    setStage({ step: 'busy', text: t('library.import.reading') });
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      refuse([t('options.importNotJson')]);
      return;
    }
    const other = otherExportKind(json);
    if (other) {
      refuse([other]);
      return;
    }
    try {
      await preview(file.name, json);
    } catch (err) {
      refuse([reasonText(err)]);
    }
  };

  const run = async (merge: boolean) => {
    if (stage.step !== 'confirm') return;
    const { file, json, preview: p } = stage;
    setStage({ step: 'busy', text: t('library.import.importing') });
    try {
      const r = await api.call('importLibrary', { json, merge, baseUpdatedAt: p.updatedAt });
      if (!r.ok) {
        refuse(r.errors);
        return;
      }
      setStage({ step: 'idle' });
      const done = merge
        ? t('library.import.merged', { added: p.added, updated: p.updated, count: p.current + p.added })
        : t('library.import.replaced', { count: p.incoming, current: p.current });
      setResult({ ok: true, lines: [done, t('library.import.undo', { tab: t('backups.tab') })] });
    } catch (err) {
      // Another page saved the library after the counts were made: count again, ask again.
      if ((err as { code?: string }).code === 'conflict') await preview(file, json, true).catch((e: unknown) => refuse([reasonText(e)]));
      else refuse([reasonText(err)]);
    }
  };

  const busy = stage.step !== 'idle';
  return (
    <section class="kf-card" data-kf="import-export">
      <h2>{t('options.importExport')}</h2>
      <p class="kf-help">{t('options.importHelp')}</p>
      <div class="kf-actions">
        <button
          data-kf="export"
          onClick={async () => downloadJson(await api.call('exportLibrary'), `kefu-library-${dateStamp()}.json`)}
        >
          {t('options.export')}
        </button>
        <JsonFileInput label={t('options.import')} kf="import-file" disabled={busy} onFile={onFile} />
      </div>
      {stage.step === 'busy' && (
        <p role="status" aria-busy="true" class="kf-help" data-kf="import-busy">
          {stage.text}
        </p>
      )}
      {stage.step === 'confirm' && (
        <ImportConfirm
          stage={stage}
          run={(merge) => void run(merge)}
          cancel={() => {
            setStage({ step: 'idle' });
            setResult({ ok: true, lines: [t('library.import.cancelled')] });
          }}
        />
      )}
      {result && (
        <div class={result.ok ? 'kf-ok' : 'kf-bad'} role="status" data-kf="import-result">
          {!result.ok && <p>{t('options.importRejected')}</p>}
          <ul>
            {result.lines.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
