import { useMemo } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { lineLabel, lineStatus, pageCheckReport } from '@/lib/panel/page-check';
import type { FeatureHost } from '@/lib/panel/features';
import { probePage } from '@/lib/sites/probe';
import { t } from '@/lib/i18n';

/** Drawn with the check, by its feature script: not in PANEL_CSS, which every seller page loads. */
const CHECK_CSS = `
.kf-check { margin: 8px 12px; padding: 8px 10px; border: 1px solid #ffe1cc; border-radius: 6px; }
.kf-check h3 { margin: 0 0 4px; font-size: 13px; }
.kf-check-lines { list-style: none; margin: 6px 0; padding: 0; }
.kf-check-lines li { padding: 2px 0; }
.kf-check-ok > span:first-child { color: #166534; }
.kf-check-fail > span:first-child { color: #c92a2a; }
.kf-check-missing { padding-left: 16px; color: #c92a2a; }
`;

/**
 * The page check ("检查页面"): one line per read the adapter makes on this page, and the names of the
 * selector constants that found nothing. Shows counts and yes/no only, never buyer data. The page is
 * read when the check opens and at every 再检查一次 (the panel counts the runs).
 */
export function PageCheck({ host: { adapter, doc } }: { host: Pick<FeatureHost, 'adapter' | 'doc'> }) {
  const panel = usePanel();
  const run = usePanelState().pageCheck;
  const lines = useMemo(() => (run === null || !adapter ? null : probePage(adapter, doc)), [run, adapter, doc]);
  if (!lines || !adapter) return null;
  return (
    <section class="kf-check" data-kf="page-check" aria-label={t('check.title')}>
      <style>{CHECK_CSS}</style>
      <h3>{t('check.title')}</h3>
      <p class="kf-muted">{t('check.intro')}</p>
      <ul class="kf-check-lines">
        {lines.map((line) => (
          <li class={line.ok ? 'kf-check-ok' : 'kf-check-fail'} data-kf="check-line" data-what={line.what} data-ok={String(line.ok)}>
            <span aria-hidden="true">{line.ok ? '✓' : '✗'}</span> <span class="kf-label">{lineLabel(line)}</span> <span>{lineStatus(line)}</span>
            {line.missing.length > 0 && (
              <div class="kf-check-missing">
                {t('check.missing', { names: '' })}
                {line.missing.map((name) => (
                  <code class="kf-code" data-kf="check-missing">{name}</code>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      <div class="kf-actions">
        <button class="kf-primary" data-kf="check-copy" onClick={() => void panel.copy(pageCheckReport(lines, { host: doc.location?.host ?? '', adapterId: adapter.id, at: new Date() }))}>
          {t('check.copy')}
        </button>
        <button class="kf-link" data-kf="check-again" onClick={() => panel.runPageCheck()}>
          {t('check.again')}
        </button>
        <button class="kf-link" data-kf="check-close" onClick={() => panel.closePageCheck()}>
          {t('check.close')}
        </button>
      </div>
    </section>
  );
}
