/**
 * The page check's words: one line of text per read, and the plain-text report an agent copies and
 * sends when a console changed. Built from ProbeLines only (counts, yes/no, selector names), so the
 * report can hold no buyer nickname, id or message text.
 */
import type { ProbeLine } from '../sites/types';
import { registerMessages, t } from '../i18n';
import { pageCheck } from '../i18n/messages/page-check';

registerMessages(pageCheck);

/** What one line says after its label: found / not found, a count, the console's name, the page kind. */
export function lineStatus(line: ProbeLine): string {
  switch (line.what) {
    case 'console':
      return line.value ?? '';
    case 'page-kind':
      return t(`check.kind.${line.value ?? 'unknown'}`);
    case 'buyer-id':
      return line.value === 'none' ? t('check.idNone') : t(line.ok ? 'check.found' : 'check.notFound');
    case 'orders':
      return line.shown ? t('check.countShown', { count: line.count ?? 0, shown: line.shown }) : t('check.count', { count: line.count ?? 0 });
    case 'messages':
      return t('check.count', { count: line.count ?? 0 });
    case 'remark-editor':
      return line.ok ? t('check.found') : t('check.remarkClosed');
    default:
      return t(line.ok ? 'check.found' : 'check.notFound');
  }
}

export function lineLabel(line: ProbeLine): string {
  return t(`check.what.${line.what}`);
}

export interface ReportContext {
  /** The page's host only: paths and queries can hold buyer names (the demo's /chat/<nick>) or order ids. */
  host: string;
  adapterId: string;
  at: Date;
}

export function pageCheckReport(lines: ProbeLine[], ctx: ReportContext): string {
  const out = [
    t('check.report.title'),
    t('check.report.host', { host: ctx.host }),
    t('check.report.adapter', { id: ctx.adapterId }),
    t('check.report.time', { time: ctx.at.toISOString() }),
    '',
  ];
  for (const line of lines) {
    const mark = line.ok ? '✓' : '✗';
    out.push(`${mark} ${lineLabel(line)}: ${lineStatus(line)}`);
    if (line.missing.length) out.push(`    ${t('check.missing', { names: line.missing.join(', ') })}`);
  }
  return out.join('\n');
}
