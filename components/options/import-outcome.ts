import { asItem, getLocale, registerMessages, t } from '@/lib/i18n';
import { importOutcomeMessages } from '@/lib/i18n/messages/import-outcome';
import { customersOptions } from '@/lib/i18n/messages/customers-options';
import { reasonText } from '@/lib/messaging/reason';
import type { WriteFailed } from '@/lib/messaging/protocol-backup';

registerMessages(importOutcomeMessages);
// The backups' kinds and the 备份 tab's name, named by a failed write.
registerMessages(customersOptions);

/** Whose data an import writes: what a refused one left as it was. */
export type ImportArea = 'library' | 'customers' | 'data' | 'learned';

/**
 * What an import said, in two parts: `lines`, what it did or each reason its file was refused, none
 * of them saying what became of the data; and `ending`, what was or was not changed. A heading that
 * already says it ("导入被拒绝，现有话术库未改动。问题如下：") shows the lines alone; a place without
 * one (the 学习记录 line, a toast, a CLI) says both with `outcomeText`. So the ending is said once
 * whatever a reason's wording, in either language, without cutting finished sentences apart.
 * (No `ending`: a failure that cannot say what it left, such as an export that did not finish.)
 */
export interface ImportOutcome {
  ok: boolean;
  lines: string[];
  ending?: string;
  /** A failure that is not a refusal (its write failed): the heading in place of "refused, unchanged"; the ending is said after the lines. */
  heading?: string;
}

/** The safety copy each import takes first, by its kind's name in 备份. */
const COPY: Record<ImportArea, string> = { library: 'before-import', customers: 'before-import-customers', data: 'before-import-all', learned: 'before-import-learned' };

/** A failed write's cause in words (存储空间已满 …), the developer's detail only in brackets. */
const causeText = (r: WriteFailed) => reasonText({ code: r.cause ?? 'unknown', message: r.detail ?? '' });

/**
 * An import whose write failed after it began: put back, so `area` is as it was; or not all put
 * back, so which backup brings the data from before the import back. Never "refused".
 */
export function writeFailed(area: ImportArea, r: WriteFailed): ImportOutcome {
  const reason = causeText(r);
  if (r.problem === 'mixed') {
    return { ok: false, heading: t('import.failed.heading'), lines: [t('import.failed.mixed', { reason, tab: t('backups.tab'), copy: t(`backups.reason.${COPY[area]}`) })] };
  }
  return { ok: false, heading: t('import.failed.heading'), lines: [t('import.failed.undone', { reason })], ending: t(`import.unchanged.${area}`) };
}

/** Why a restore did not finish and what it left; `copyTime`: when the copy taken first was taken (as its row says). */
export function restoreFailedText(r: WriteFailed, copyTime: string): string {
  return t(`backups.restore.${r.problem}`, { reason: causeText(r), copy: t('backups.reason.before-restore'), time: copyTime });
}

/** A file refused before anything was written: its reasons, and that `area` is as it was. */
export function refused(area: ImportArea, reasons: string[]): ImportOutcome {
  return { ok: false, lines: reasons, ending: t(`import.unchanged.${area}`) };
}

/**
 * The outcome in one run of text, for a place with no heading: the lines as one sentence (a
 * refusal's reasons joined as its list would be), then the ending.
 */
export function outcomeText(o: ImportOutcome): string {
  const en = getLocale() === 'en';
  const joined = o.lines.map((l) => l.trim().replace(/[。.]$/, '')).filter(Boolean).join(en ? '; ' : '；');
  const body = joined && (en ? `${asItem(joined)}.` : `${joined}。`);
  return [body, o.ending].filter(Boolean).join(en ? ' ' : '');
}
