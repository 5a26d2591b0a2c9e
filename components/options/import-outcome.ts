import { asItem, getLocale, registerMessages, t } from '@/lib/i18n';
import { importOutcomeMessages } from '@/lib/i18n/messages/import-outcome';

registerMessages(importOutcomeMessages);

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
