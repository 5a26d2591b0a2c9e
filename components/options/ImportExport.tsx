import { useState } from 'preact/hooks';
import { useApi } from './OptionsContext';
import { t } from '@/lib/i18n';

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

/** A file picker for a JSON import; it clears itself after each file so the same file can be chosen again. */
export function JsonFileInput(props: { label: string; kf: string; onFile: (file: File | undefined) => Promise<void> }) {
  return (
    <label class="kf-file">
      {props.label}
      <input
        type="file"
        accept=".json,application/json"
        data-kf={props.kf}
        onChange={(e) => {
          const input = e.currentTarget;
          void props.onFile(input.files?.[0]).finally(() => (input.value = ''));
        }}
      />
    </label>
  );
}

/** Import/export of the whole library as one JSON file. An invalid file changes nothing. */
export function ImportExport() {
  const api = useApi();
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setResult({ ok: false, lines: [t('options.importNotJson')] });
      return;
    }
    try {
      const r = await api.call('importLibrary', { json });
      setResult(r.ok ? { ok: true, lines: [t('options.imported', { count: r.count })] } : { ok: false, lines: r.errors });
    } catch (err) {
      setResult({ ok: false, lines: [(err as Error).message] });
    }
  };

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
        <JsonFileInput label={t('options.import')} kf="import-file" onFile={onFile} />
      </div>
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
