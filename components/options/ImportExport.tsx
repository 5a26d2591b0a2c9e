import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useApi, useTeamAgent } from './OptionsContext';
import { asItem, getLocale, registerMessages, t } from '@/lib/i18n';
import { libraryEditor } from '@/lib/i18n/messages/library-editor';
import { libraryUndoMessages } from '@/lib/i18n/messages/library-undo';
import { team } from '@/lib/i18n/messages/team';
import { customersOptions } from '@/lib/i18n/messages/customers-options';
import { learnedMessages } from '@/lib/i18n/messages/learned';
import { EXPORT_FORMAT as CUSTOMERS_FORMAT } from '@/lib/domain/customers/types';
import type { ImportSummary } from '@/lib/domain/templates/import-plan';
import { reasonText } from '@/lib/messaging/reason';
import { decodeFileBytes, nestedDeeperThan } from '@/lib/domain/file-text';
import { isoDay } from '@/lib/domain/time';
import { DEFAULT_APP_SETTINGS, shopZone } from '@/lib/storage/settings';
import { libraryToCsv, type CsvField, type CsvReport, type GroupScenarios } from '@/lib/domain/templates/csv';
import { LIBRARY_FORMAT, TEMPLATE_LIMITS, tooManyReplies } from '@/lib/domain/templates/validate';
import { inLocale } from '@/lib/i18n/bilingual';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { Said } from './Said';
import { refused, writeFailed, type ImportArea, type ImportOutcome } from './import-outcome';
import type { WriteFailed } from '@/lib/messaging/protocol-backup';

registerMessages(libraryEditor);
registerMessages(libraryUndoMessages);
registerMessages(team);
// The tabs a file of another kind is imported on are named by their own strings.
registerMessages(customersOptions);
registerMessages(learnedMessages);

export function downloadJson(data: unknown, filename: string): void {
  downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), filename);
}

function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The line saying a safety copy was taken before an import (undo from 备份); none when the import wrote nothing. */
export function undoLine(r: { backedUp?: boolean }): string[] {
  return r.backedUp ? [t('library.import.undo', { tab: t('backups.tab') })] : [];
}

/** The shop's date (Beijing) for an export's file name, as the handover CSV's: not the computer's. */
export function dateStamp(now = Date.now()): string {
  return isoDay(now, shopZone(DEFAULT_APP_SETTINGS)).replaceAll('-', '');
}

export type ReadFile<T> = ({ ok: true } & T) | { ok: false; error: string };

/**
 * The text of a file chosen for any import (话术库, 全部数据, 客户档案, 学习记录), decoded by what
 * its bytes are: UTF-8 or UTF-16 as marked, UTF-8, or GBK/GB18030 as Excel, WPS and Notepad save
 * on Chinese Windows (lib/domain/file-text.ts). Otherwise, or when the text holds replacement
 * characters, or GBK would read Big5 or Shift-JIS bytes into wrong characters, why it cannot be imported. Every import reads its file here and nowhere else.
 */
export async function readImportText(file: Blob): Promise<ReadFile<{ text: string }>> {
  const r = decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
  if (r.ok) return r;
  if (r.problem === 'foreign') return { ok: false, error: t('options.importForeign', { which: t(`options.importForeign.${r.likely ?? 'unknown'}`) }) };
  return { ok: false, error: r.problem === 'replacement' ? t('options.importReplacement', { count: r.count }) : t('options.importEncoding') };
}

/** Deeper than any export of ours nests (a handful of levels), far short of what the browser cannot send. */
const MAX_FILE_DEPTH = 64;

/**
 * A file's text as JSON, or why it is none (`notJson`: what to say then) — also when it nests so
 * deep that it is no export of ours and could not even be sent to the worker (nestedDeeperThan).
 */
export function parseImportJson(text: string, notJson = t('options.importNotJson')): ReadFile<{ json: unknown }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: notJson };
  }
  return nestedDeeperThan(json, MAX_FILE_DEPTH) ? { ok: false, error: t('options.importTooDeep') } : { ok: true, json };
}

/** readImportText, then the JSON in it (`notJson`: what to say when there is none). */
export async function readImportJson(file: Blob, notJson?: string): Promise<ReadFile<{ json: unknown }>> {
  const r = await readImportText(file);
  return r.ok ? parseImportJson(r.text, notJson) : r;
}

/**
 * A file picker for a JSON import; it clears itself after each file so the same file can be chosen
 * again. `disabled` while a file is being read or imported (a second file would race the first).
 * The label is what the eye sees (drawn as a button); the input inside it is hidden to the eye
 * only, so it keeps its place in the tab order and its name (the label): Tab reaches it, Enter or
 * Space opens the chooser, and the label shows the focus.
 */
export function JsonFileInput(props: { label: string; kf: string; disabled?: boolean; accept?: string; onFile: (file: File | undefined) => Promise<void> }) {
  return (
    <label class={props.disabled ? 'kf-file kf-disabled' : 'kf-file'} aria-disabled={props.disabled ? 'true' : undefined}>
      {props.label}
      <input
        class="kf-sr"
        type="file"
        accept={props.accept ?? '.json,application/json'}
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

/**
 * A library file with more replies than the library may hold, refused here on its count as the
 * background would: not sent, so a file of tens of thousands does not hold the worker (and the
 * chat panels' calls behind it) while it is copied over and read.
 */
function tooManyInFile(json: unknown): string | null {
  const f = json as { format?: unknown; templates?: unknown } | null;
  const n = f?.format === LIBRARY_FORMAT && Array.isArray(f.templates) ? f.templates.length : 0;
  return n > TEMPLATE_LIMITS.templates ? inLocale(tooManyReplies(n), getLocale()) : null;
}

/** An import that asks first: reading the file, the counts waiting for the agent's choice, writing. */
export type ImportStage<P> =
  | { step: 'idle' }
  | { step: 'busy'; text: string }
  /**
   * The file checked and counted, waiting for the agent's choice. `again`: counted anew after another
   * page's change. `kept`: counted anew after a choice in the preview itself (recheck), which keeps the focus where it is.
   * `failed`: the write failed before it changed anything (a full disk, the worker gone): why, said above the buttons.
   */
  | { step: 'confirm'; file: string; json: unknown; preview: P; again: boolean; kept?: boolean; failed?: string };

type Checked<T> = { ok: true } & T;
type Refused = { ok: false; errors: string[] };

/** What an import that asks first does at each step (the library import, 导入全部数据). */
export interface ImportFlow<P> {
  /** A file refused before it is sent (another tab's export): why, or null. */
  refuse?(json: unknown): string | null;
  /** Checks and counts the file (a dry run in the background): nothing is written. */
  check(json: unknown): Promise<Checked<{ preview: P }> | Refused>;
  /**
   * Writes it, merged or replacing; the lines to show after. Refused with code 'conflict': counted
   * again and asked again. WriteFailed: the write failed partway (put back, or not all).
   */
  write(json: unknown, merge: boolean, preview: P): Promise<Checked<{ lines: string[] }> | Refused | WriteFailed>;
  texts: { reading: string; importing: string; cancelled: string };
  /** Whose data it writes: what a refused file left as it was (the ending of its outcome). */
  area: ImportArea;
}

export type ImportResultState = ImportOutcome;

/**
 * The steps of an import that asks first. A file is checked completely and counted; nothing is
 * written until the agent chooses merge or replace; a file that is not JSON, or is refused, changes
 * nothing and says why.
 */
export function useImportFlow<P>(flow: ImportFlow<P>) {
  const [stage, setStage] = useState<ImportStage<P>>({ step: 'idle' });
  const [result, setResult] = useState<ImportResultState | null>(null);
  // Each step the agent takes counts one: a recheck whose answer comes after another step is dropped.
  const steps = useRef(0);

  const refuse = (lines: string[]) => {
    setStage({ step: 'idle' });
    setResult(refused(flow.area, lines));
  };

  const preview = async (file: string, json: unknown, again = false, kept = false) => {
    const step = steps.current;
    const r = await flow.check(json);
    if (step !== steps.current) return;
    if (!r.ok) refuse(r.errors);
    else setStage({ step: 'confirm', file, json, preview: r.preview, again, ...(kept && { kept }) });
  };

  /** The file counted again as the preview now asks (`json`: a group's situation chosen, …); the preview stays until the new counts come. */
  const recheck = async (json: unknown) => {
    if (stage.step !== 'confirm') return;
    steps.current++;
    try {
      await preview(stage.file, json, false, true);
    } catch (err) {
      refuse([reasonText(err)]);
    }
  };

  /** `read`: what the file holds (its JSON by default; a spreadsheet import reads its text). */
  const onFile = async (file: File | undefined, read0: (file: File) => Promise<ReadFile<{ json: unknown }>> = readImportJson) => {
    if (!file) return;
    steps.current++;
    setResult(null);
    setStage({ step: 'busy', text: flow.texts.reading });
    const read = await read0(file);
    if (!read.ok) return refuse([read.error]);
    const { json } = read;
    const other = flow.refuse?.(json);
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
    steps.current++;
    setStage({ step: 'busy', text: flow.texts.importing });
    try {
      const r = await flow.write(json, merge, p);
      if (!r.ok && 'problem' in r) {
        setStage({ step: 'idle' });
        return setResult(writeFailed(flow.area, r));
      }
      if (!r.ok) return refuse(r.errors);
      setStage({ step: 'idle' });
      setResult({ ok: true, lines: r.lines });
    } catch (err) {
      // Another page saved meanwhile: count again, ask again.
      if ((err as { code?: string }).code === 'conflict') await preview(file, json, true).catch((e: unknown) => refuse([reasonText(e)]));
      // Not a refusal of the file: it failed before writing anything (a full disk, the worker gone). The
      // preview stays, with what the agent chose in it (each group's situation), for the same click once
      // there is room — it used to be dropped, "refused", and the file and every choice had to be made again.
      else setStage({ ...stage, again: false, failed: t('import.failed.kept', { reason: reasonText(err), unchanged: t(`import.unchanged.${flow.area}`) }) });
    }
  };

  const cancel = () => {
    steps.current++;
    setStage({ step: 'idle' });
    setResult({ ok: true, lines: [flow.texts.cancelled] });
  };

  return { stage, result, setResult, refuse, onFile, recheck, run, cancel, busy: stage.step !== 'idle' };
}

/**
 * Merge (offered first, when it can) or replace, or cancel; why a merge cannot be done. The safe
 * choice has the focus: merge where it can, otherwise cancel (replace is never the default).
 * data-kf: `${kf}-merge`, `${kf}-replace`, `${kf}-cancel`, `${kf}-merge-blocked`.
 */
export function MergeOrReplace(props: {
  kf: string;
  /** Why a merge is refused (empty: it can be merged). */
  blocked: string[];
  labels: { merge: string; replace: string; cancel: string };
  /** Refocused when it changes (counted again). */
  stage: unknown;
  /** Why the last click did not import (ImportStage's `failed`). */
  failed?: string;
  run(merge: boolean): void;
  cancel(): void;
}) {
  const canMerge = props.blocked.length === 0;
  const safe = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => safe.current?.focus(), [props.stage, props.failed]);
  return (
    <>
      {props.failed && (
        <p class="kf-bad" role="alert" data-kf={`${props.kf}-failed`}>
          {props.failed}
        </p>
      )}
      {!canMerge && (
        <div class="kf-warn-text" data-kf={`${props.kf}-merge-blocked`}>
          {t('library.import.mergeBlocked')}
          <ul>
            {props.blocked.map((line) => (
              <li>{asItem(line)}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="kf-actions">
        {canMerge && (
          <button class="kf-primary" data-kf={`${props.kf}-merge`} ref={safe} onClick={() => props.run(true)}>
            {props.labels.merge}
          </button>
        )}
        <button class="kf-danger" data-kf={`${props.kf}-replace`} onClick={() => props.run(false)}>
          {props.labels.replace}
        </button>
        <button data-kf={`${props.kf}-cancel`} ref={canMerge ? undefined : safe} onClick={props.cancel}>
          {props.labels.cancel}
        </button>
      </div>
    </>
  );
}

/** Why the library part of a file cannot be merged into this library (the code clashes first). */
export function libraryMergeBlocked(p: ImportSummary): string[] {
  return p.codeClashes.length > 0 ? p.codeClashes.map((c) => t('library.import.codeClash', { ...c })) : p.mergeErrors;
}

/**
 * The busy line and the outcome of an import. A refusal is headed by `rejected`, which says that
 * nothing changed: its reasons follow without the outcome's ending. Anything else ends with it; a
 * write that failed partway is headed by its own heading (writeFailed), never by `rejected`.
 * data-kf: `${kf}-busy`, `${kf}-result`.
 */
export function ImportStatus(props: { kf: string; stage: ImportStage<unknown>; result: ImportResultState | null; rejected: string; children?: ComponentChildren }) {
  return (
    <>
      {props.stage.step === 'busy' && (
        <p role="status" aria-busy="true" class="kf-help" data-kf={`${props.kf}-busy`}>
          {props.stage.text}
        </p>
      )}
      {props.children}
      {props.result && (
        <Said of={props.result} tag="div" class={props.result.ok ? 'kf-ok' : 'kf-bad'} kf={`${props.kf}-result`}>
          {!props.result.ok && <p>{props.result.heading ?? props.rejected}</p>}
          <ul>
            {[...props.result.lines, ...((props.result.ok || props.result.heading) && props.result.ending ? [props.result.ending] : [])].map((l) => (
              <li>{asItem(l)}</li>
            ))}
          </ul>
        </Said>
      )}
    </>
  );
}

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

/** A library import's counts, and for a spreadsheet what became of its rows, columns and groups. */
type LibraryPreview = ImportSummary & { csv?: CsvReport };

/**
 * A spreadsheet chosen for the library import: its text, sent as such (the background reads the
 * rows), with the situations the agent chose in the preview for groups the import did not know.
 */
class SheetText {
  constructor(
    readonly text: string,
    readonly groups: GroupScenarios = {},
  ) {}

  /** The same sheet with `group`'s situation chosen, or (null) not set again. */
  picking(group: string, id: ScenarioId | null): SheetText {
    const groups = Object.fromEntries(Object.entries(this.groups).filter(([g]) => g !== group));
    return new SheetText(this.text, id ? { ...groups, [group]: id } : groups);
  }
}

async function readSheet(file: File): Promise<ReadFile<{ json: unknown }>> {
  const r = await readImportText(file);
  return r.ok ? { ok: true, json: new SheetText(r.text) } : r;
}

/** The file as importLibrary takes it: a spreadsheet's text, or a library file's JSON. */
const sent = (json: unknown) =>
  json instanceof SheetText ? { csv: json.text, ...(Object.keys(json.groups).length > 0 && { groupScenarios: json.groups }) } : { json };

/** The situations a group can be given in the preview: the catalogue's, in its order (not 其他: that is 不设). */
const PICKABLE = SCENARIO_IDS.filter((id) => id !== 'other');

const FIELD_ORDER: CsvField[] = ['body', 'title', 'group', 'code', 'scenarios', 'orders', 'id'];

/**
 * What a spreadsheet's rows become: new / the same / changed / left out, the columns read and
 * ignored, each group's situations, each bad row. A group the import does not know has a picker
 * (这一组都算作：) that files all its new replies under one situation (`pick`: counted again).
 */
function CsvRows(props: { report: CsvReport; n: { added: number; unchanged: number; updated: number }; pick: (group: string, id: ScenarioId | null) => void }) {
  const r = props.report;
  const sep = getLocale() === 'en' ? ', ' : '、';
  const scenario = (id: keyof typeof SCENARIOS) => (getLocale() === 'en' ? SCENARIOS[id].en : SCENARIOS[id].zh);
  const columns = FIELD_ORDER.filter((f) => r.columns[f]).map((f) => t('library.csv.column', { field: t(`library.csv.field.${f}`), header: r.columns[f]! }));
  return (
    <>
      <p data-kf="import-csv-counts">
        <strong>{t('library.csv.counts', { rows: r.rows, added: props.n.added, unchanged: props.n.unchanged, updated: props.n.updated, skipped: r.skipped.length })}</strong>
      </p>
      <p class="kf-help" data-kf="import-csv-columns">
        {t('library.csv.columns', { list: columns.join(sep) })}
        {r.ignored.length > 0 && ` ${t('library.csv.ignored', { list: r.ignored.map((h) => `“${h}”`).join(sep) })}`}
      </p>
      <RowsAbove headerRow={r.headerRow} above={r.above} kf="import-csv-above" />
      {r.groups.length > 0 && (
        <>
          <p>{t('library.csv.groupsTitle')}</p>
          <ul data-kf="import-csv-groups">
            {r.groups.map((g) => (
              <li key={g.group} data-kf="import-csv-group">
                <span data-kf="import-csv-group-text">
                  {g.picked
                    ? t('library.csv.groupPicked', { group: g.group, scenario: g.scenarios!.map(scenario).join(sep), count: g.count })
                    : g.scenarios
                      ? t('library.csv.groupMatched', { group: g.group, scenarios: g.scenarios.map(scenario).join(sep), count: g.count })
                      : t('library.csv.groupOther', { group: g.group, other: scenario('other'), count: g.count })}
                </span>
                {(g.picked || !g.scenarios) && <GroupPicker group={g.group} picked={g.picked ? g.scenarios![0]! : null} pick={props.pick} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.skipped.length > 0 && (
        <div class="kf-warn-text">
          {t('library.csv.skippedTitle', { count: r.skipped.length })}
          <ul data-kf="import-csv-skipped">
            {r.skipped.map((x) => (
              <li>{asItem(t('library.csv.row', { row: x.row, reason: x.reason }))}</li>
            ))}
          </ul>
        </div>
      )}
      {r.notes.length > 0 && (
        <ul data-kf="import-csv-notes">
          {r.notes.map((x) => (
            <li>{asItem(t('library.csv.row', { row: x.row, reason: x.reason }))}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** 这一组都算作：the situation for a whole group the import does not know, and 撤销 once chosen. */
function GroupPicker(props: { group: string; picked: ScenarioId | null; pick: (group: string, id: ScenarioId | null) => void }) {
  const name = (id: ScenarioId) => (getLocale() === 'en' ? SCENARIOS[id].en : SCENARIOS[id].zh);
  return (
    <span data-kf="import-csv-pick">
      {' '}
      <label>
        {t('library.csv.pickLabel')}
        <select
          data-kf="import-csv-pick-select"
          aria-label={t('library.csv.pickFor', { group: props.group })}
          value={props.picked ?? ''}
          onChange={(e) => props.pick(props.group, (e.currentTarget.value || null) as ScenarioId | null)}
        >
          <option value="">{t('library.csv.pickNone', { other: name('other') })}</option>
          {PICKABLE.map((id) => (
            <option value={id}>{name(id)}</option>
          ))}
        </select>
      </label>
      {props.picked && (
        <button type="button" data-kf="import-csv-pick-undo" aria-label={t('library.csv.pickUndoFor', { group: props.group })} onClick={() => props.pick(props.group, null)}>
          {t('library.csv.pickUndo')}
        </button>
      )}
    </span>
  );
}

/** How many rewritten replies are named by title before the rest are only counted. */
const CHANGED_SHOWN = 20;

/** The titles of the replies here the file would rewrite (a merge and a replace alike), so a shop's sheet landing on a starter reply by its code is seen before it is written. */
function ChangedTitles({ titles }: { titles?: string[] }) {
  if (!titles?.length) return null;
  const sep = getLocale() === 'en' ? ', ' : '、';
  const shown = titles.slice(0, CHANGED_SHOWN).map((x) => (getLocale() === 'en' ? `“${x}”` : x)).join(sep);
  const list = titles.length > CHANGED_SHOWN ? t('library.import.changedMore', { titles: shown, more: titles.length - CHANGED_SHOWN }) : shown;
  return <p data-kf="import-changed-titles">{t('library.import.changedTitles', { titles: list })}</p>;
}

/** The confirmation before an import: the counts in words, merge (offered first) or replace, the backup taken first. */
function ImportConfirm(props: {
  stage: Extract<ImportStage<LibraryPreview>, { step: 'confirm' }>;
  agent: boolean;
  run: (merge: boolean) => void;
  cancel: () => void;
  recheck: (json: unknown) => void;
}) {
  const p = props.stage.preview;
  // A group's situation chosen in the preview counts it again: the focus stays on the picker, not on 合并导入.
  const focusOn = useRef(props.stage);
  if (!props.stage.kept) focusOn.current = props.stage;
  const { json } = props.stage;
  const pick = (group: string, id: ScenarioId | null) => json instanceof SheetText && props.recheck(json.picking(group, id));
  const n = { current: p.current, incoming: p.incoming, added: p.added, updated: p.updated, unchanged: p.unchanged, notInFile: p.notInFile };
  const sections = sectionsLine(props.stage.json);
  return (
    <div class="kf-notice" role="alertdialog" aria-labelledby="kf-import-confirm-title" data-kf="import-confirm">
      <p id="kf-import-confirm-title">
        <strong>{t('library.import.confirmTitle', { file: props.stage.file })}</strong>
      </p>
      {props.stage.again && <p class="kf-warn-text" data-kf="import-again">{t('library.import.changedMeanwhile')}</p>}
      {props.agent && (
        <p class="kf-warn-text" data-kf="import-agent-local">
          {t('team.agentJsonImport')}
        </p>
      )}
      {p.csv ? <CsvRows report={p.csv} n={n} pick={pick} /> : <p data-kf="import-counts">{t('library.import.counts', n)}</p>}
      <ChangedTitles titles={p.changedTitles} />
      <ul>
        <li data-kf="import-merge-what">{t('library.import.mergeWhat', { ...n, total: p.current + p.added })}</li>
        <li data-kf="import-replace-what">{t('library.import.replaceWhat', n)}</li>
      </ul>
      {sections && <p>{sections}</p>}
      <p class="kf-help">{t('library.import.backupNote', { tab: t('backups.tab') })}</p>
      <MergeOrReplace
        kf="import"
        blocked={libraryMergeBlocked(p)}
        labels={{ merge: t('library.import.merge'), replace: t('library.import.replace'), cancel: t('library.import.cancel') }}
        stage={focusOn.current}
        failed={props.stage.failed}
        run={props.run}
        cancel={props.cancel}
      />
    </div>
  );
}

/**
 * Import/export of the whole library as one JSON file, or its replies as a spreadsheet (CSV for
 * Excel/WPS, lib/domain/templates/csv.ts). A file is checked completely and counted
 * first; nothing is written until the agent chooses merge or replace, and the background backs
 * everything up before it writes. An invalid file changes nothing.
 */
export function ImportExport() {
  const api = useApi();
  const agent = useTeamAgent();
  const flow = useImportFlow<LibraryPreview>({
    refuse: (json) => otherExportKind(json) ?? tooManyInFile(json),
    async check(json) {
      const r = await api.call('importLibrary', { ...sent(json), dryRun: true });
      return r.ok ? { ok: true, preview: { ...r.preview, csv: r.csv } } : r;
    },
    async write(json, merge, p) {
      const r = await api.call('importLibrary', { ...sent(json), merge, baseUpdatedAt: p.updatedAt });
      if (!r.ok) return r;
      // The first-run checklist's optional step: the shop's own sheet is in.
      void api.call('patchSettings', { setup: { imported: true } }).catch(() => {});
      const done = merge
        ? t('library.import.merged', { added: p.added, updated: p.updated, count: p.current + p.added })
        : t('library.import.replaced', { count: p.incoming, current: p.current });
      return { ok: true, lines: [done, t('library.import.undo', { tab: t('backups.tab') })] };
    },
    texts: { reading: t('library.import.reading'), importing: t('library.import.importing'), cancelled: t('library.import.cancelled') },
    area: 'library',
  });
  const { stage } = flow;
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
        <JsonFileInput label={t('options.import')} kf="import-file" disabled={flow.busy} onFile={(f) => flow.onFile(f)} />
      </div>
      <p class="kf-help">{t('library.csv.help')}</p>
      <div class="kf-actions">
        <button
          data-kf="export-csv"
          onClick={async () => {
            const file = (await api.call('exportLibrary')) as TemplateLibrary;
            downloadBlob(new Blob([libraryToCsv(file)], { type: 'text/csv;charset=utf-8' }), `kefu-library-${dateStamp()}.csv`);
          }}
        >
          {t('library.csv.export')}
        </button>
        {/* A sheet holds replies only, and an agent's replies go to the supervisor as proposals (the
            library is the supervisor's): imported here they would reach nobody and be replaced. */}
        {agent !== true && (
          <JsonFileInput
            label={t('library.csv.import')}
            kf="import-csv-file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            disabled={flow.busy || agent === null}
            onFile={(f) => flow.onFile(f, readSheet)}
          />
        )}
      </div>
      {agent && (
        <p class="kf-help" data-kf="import-csv-agent">
          {t('team.agentCsvImport')}
        </p>
      )}
      <ImportStatus kf="import" stage={stage} result={flow.result} rejected={t('options.importRejected')}>
        {stage.step === 'confirm' && <ImportConfirm stage={stage} agent={!!agent} run={(merge) => void flow.run(merge)} cancel={flow.cancel} recheck={(json) => void flow.recheck(json)} />}
      </ImportStatus>
    </section>
  );
}

/**
 * A spreadsheet preview's note on the rows above its header (a title row is common in Excel sheets):
 * said, so nothing is left out unseen. The reply library's preview and the buyers' (CustomersCsv.tsx).
 */
export function RowsAbove(props: { headerRow: number; above: readonly { row: number; text: string }[]; kf: string }) {
  if (!props.above.length) return null;
  const sep = getLocale() === 'en' ? ', ' : '、';
  return (
    <p class="kf-help" data-kf={props.kf}>
      {t('library.csv.above', { row: props.headerRow, list: props.above.map((a) => t('library.csv.aboveRow', { row: a.row, text: a.text })).join(sep) })}
    </p>
  );
}
