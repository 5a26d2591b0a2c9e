import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useApi, useLoaded } from './OptionsContext';
import { JsonFileInput, RowsAbove, readImportText, undoLine } from './ImportExport';
import { allCustomers, importCustomersFile, importNotDone, overLines, revisitsLine } from './Customers';
import { useShopZone } from './useShopZone';
import { CSV_PLATFORMS, customersFromCsv, type BuyerCsvField, type BuyerCsvImport, type BuyerCsvReport } from '@/lib/domain/customers/csv';
import { EXPORT_FORMAT, EXPORT_VERSION, type Customer } from '@/lib/domain/customers/types';
import type { Platform } from '@/lib/sites/types';
import { asItem, getLocale, registerMessages, t } from '@/lib/i18n';
import { customersCsv } from '@/lib/i18n/messages/customers-csv';
import { refused, writeFailed, type ImportOutcome } from './import-outcome';

registerMessages(customersCsv);

const FIELD_ORDER: BuyerCsvField[] = ['nickname', 'buyerId', 'platform', 'tags', 'vip', 'note', 'preferences', 'phone', 'lastSeen'];

type Result = ImportOutcome;
interface Sheet {
  file: string;
  text: string;
  existing: Customer[];
  platform: Platform;
  read: Extract<BuyerCsvImport, { ok: true }>;
}

/**
 * 客户档案 → 导入 CSV 表格: a shop's VIP list from Excel/WPS (lib/domain/customers/csv.ts). The sheet is
 * read here and counted against the buyers here first (a dry run, nothing written); after the
 * agent's 导入 its records go through the buyer import (importCustomers: checked whole, a backup,
 * the merge, the VIP revisits), whose answer is said as after a JSON file. `input` sits beside the
 * JSON import's button; `panel` under the buttons. `onResult` shows a line in the tab's result box.
 */
export function useCustomersCsv(props: { disabled: boolean; onBusy(text: string | null): void; onResult(r: Result | null): void }): { input: ComponentChildren; panel: ComponentChildren } {
  const api = useApi();
  const zone = useShopZone();
  const settings = useLoaded('getSettings', ['settings']).value;
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const options = (platform: Platform, existing: Customer[]) => ({
    now: Date.now(),
    platform,
    maskPii: settings?.privacy.maskPii !== false,
    zone: zone ?? -new Date().getTimezoneOffset(),
    existing,
    locale: getLocale(),
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    props.onResult(null);
    setSheet(null);
    props.onBusy(t('customers.csv.reading'));
    try {
      const decoded = await readImportText(file);
      if (!decoded.ok) return props.onResult(refused('customers', [decoded.error]));
      const existing = await allCustomers(api);
      const platform: Platform = 'taobao';
      const read = customersFromCsv(decoded.text, options(platform, existing));
      if (!read.ok) return props.onResult(refused('customers', read.errors));
      setSheet({ file: file.name, text: decoded.text, existing, platform, read });
    } catch (err) {
      // Reading only (the file, the buyers here): nothing written.
      props.onResult({ ok: false, lines: [importNotDone(err)] });
    } finally {
      props.onBusy(null);
    }
  };

  const choose = (platform: Platform) => {
    if (!sheet) return;
    const read = customersFromCsv(sheet.text, options(platform, sheet.existing));
    if (read.ok) setSheet({ ...sheet, platform, read });
  };

  const run = async () => {
    if (!sheet) return;
    const shown = sheet;
    const { customers, report } = sheet.read;
    setSheet(null);
    props.onBusy(t('customers.options.importing'));
    try {
      const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: Date.now(), customers };
      const r = await importCustomersFile(api, JSON.stringify(file));
      props.onResult(
        r.ok
          ? { ok: true, lines: [t('customers.csv.imported', { added: report.added, updated: report.updated }), ...overRows(report.over), ...revisitsLine(r.revisits, zone), ...undoLine(r)] }
          : 'problem' in r
            ? writeFailed('customers', r)
            : refused('customers', r.errors),
      );
    } catch (err) {
      // It failed before writing anything (a full disk at its safety copy, the worker gone): the
      // preview comes back, with the platform chosen, for the same click once there is room — as the
      // 话术库 import keeps its own (useImportFlow). It used to be dropped: the file chosen again.
      setSheet(shown);
      props.onResult({ ok: false, lines: [importNotDone(err)] });
    } finally {
      props.onBusy(null);
    }
  };

  const input = (
    <JsonFileInput label={t('customers.csv.import')} kf="customers-csv-file" accept=".csv,.tsv,.txt,text/csv,text/plain" disabled={props.disabled || sheet !== null} onFile={onFile} />
  );
  const panel = sheet && <CsvConfirm sheet={sheet} choose={choose} run={() => void run()} cancel={() => (setSheet(null), props.onResult({ ok: true, lines: [t('customers.csv.cancelled')] }))} />;
  return { input, panel };
}

/** The rows taken whole over a limit (lib/domain/customers, importProblems), by their Excel row. */
function overRows(over: BuyerCsvReport['over']): string[] {
  return overLines(over.map((x) => t('customers.csv.row', { row: x.row, reason: x.reason })));
}

function CsvConfirm(props: { sheet: Sheet; choose(p: Platform): void; run(): void; cancel(): void }) {
  const { report: r, customers } = props.sheet.read;
  const sep = getLocale() === 'en' ? ', ' : '、';
  const columns = FIELD_ORDER.filter((f) => r.columns[f]).map((f) => t('customers.csv.column', { field: t(`customers.csv.field.${f}`), header: r.columns[f]! }));
  const rows = r.added + r.updated + r.unchanged;
  return (
    <div class="kf-notice" role="alertdialog" aria-labelledby="kf-customers-csv-title" data-kf="customers-csv-confirm">
      <p id="kf-customers-csv-title" data-kf="customers-csv-counts">
        <strong>{t('customers.csv.counts', { rows, added: r.added, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped.length })}</strong>
      </p>
      <p class="kf-help" data-kf="customers-csv-columns">
        {t('customers.csv.columns', { list: columns.join(sep) })}
        {r.ignored.length > 0 && ` ${t('customers.csv.ignored', { list: r.ignored.map((h) => `“${h}”`).join(sep) })}`}
      </p>
      <RowsAbove headerRow={r.headerRow} above={r.above} kf="customers-csv-above" />
      <label class="kf-row">
        <span>{t('customers.csv.platform')}</span>
        <select data-kf="customers-csv-platform" value={props.sheet.platform} onChange={(e) => props.choose(e.currentTarget.value as Platform)}>
          {CSV_PLATFORMS.map((p) => (
            <option value={p}>{t(`customers.platform.${p}`)}</option>
          ))}
        </select>
      </label>
      {r.skipped.length > 0 && (
        <div class="kf-warn-text">
          <p>{t('customers.csv.skippedTitle', { count: r.skipped.length })}</p>
          <ul data-kf="customers-csv-skipped">
            {r.skipped.map((x) => (
              <li>{asItem(t('customers.csv.row', { row: x.row, reason: x.reason }))}</li>
            ))}
          </ul>
        </div>
      )}
      {r.over.length > 0 && (
        <ul class="kf-warn-text" data-kf="customers-csv-over">
          {overRows(r.over).map((l) => (
            <li>{asItem(l)}</li>
          ))}
        </ul>
      )}
      {r.formulas.length > 0 && (
        <div class="kf-warn-text">
          <p>{t('customers.csv.formulasTitle', { count: r.formulas.length })}</p>
          <ul data-kf="customers-csv-formulas">
            {r.formulas.map((x) => (
              <li>{asItem(t('customers.csv.row', { row: x.row, reason: x.reason }))}</li>
            ))}
          </ul>
        </div>
      )}
      <ul class="kf-help">
        <li>{t('customers.csv.merge')}</li>
        <li data-kf="customers-csv-mask">
          {t('customers.csv.mask')}{' '}
          <a href="#customers:mask-pii">{t('customers.csv.maskLink')}</a>
        </li>
        <li>{t('library.import.backupNote', { tab: t('backups.tab') })}</li>
      </ul>
      {customers.length === 0 && <p data-kf="customers-csv-nothing">{t('customers.csv.nothing')}</p>}
      <div class="kf-actions">
        <button class="kf-primary" data-kf="customers-csv-yes" disabled={customers.length === 0} autoFocus onClick={props.run}>
          {t('customers.csv.confirm')}
        </button>
        <button data-kf="customers-csv-cancel" onClick={props.cancel}>
          {t('customers.csv.cancel')}
        </button>
      </div>
    </div>
  );
}
