/**
 * Pinyin initials for search (cf → 催付, zxgf → 咨询高峰稍候), from a first-letter table generated
 * from pinyin-pro (pinyin-table.generated.ts, scripts/gen-pinyin-table.ts) instead of pinyin-pro's
 * dictionary (~650 KB), which made every service-worker wake parse 670 KB. The worker fetches the
 * table as a file when a library is saved (lib/storage/bundled.ts); the in-page panel gets the
 * initials ready-made with the library.
 *
 * A character with several readings becomes a group, default first: 便宜 → "[bp]y", so both the
 * common reading (py) and the table's default (by) find it. initials-match.ts reads the groups.
 */
import type { Template } from '../templates/types';
import { dict } from '../own';
import type { TemplateIndex } from './template-index';

export interface PinyinTable {
  /** Code point of first[0]. */
  from: number;
  /** First pinyin letter of each code point from `from`; '_' where there is none. */
  first: string;
  /** Characters with several readings: the character, then its other first letters; comma-separated. */
  others: string;
}

const othersOf = new WeakMap<PinyinTable, Map<string, string>>();

function otherLetters(table: PinyinTable, ch: string): string | undefined {
  let m = othersOf.get(table);
  if (!m) {
    m = new Map(table.others.split(',').map((e) => [e.slice(0, 1), e.slice(1)] as const));
    othersOf.set(table, m);
  }
  return m.get(ch);
}

/** Initials of a text: Chinese characters → first letter(s) of their pinyin; letters/digits kept. */
export function initialsOf(text: string, table: PinyinTable): string {
  let out = '';
  for (const ch of text) {
    if (/[a-z0-9]/i.test(ch)) {
      out += ch.toLowerCase();
      continue;
    }
    const letter = table.first[ch.codePointAt(0)! - table.from];
    if (!letter || letter === '_') continue;
    const more = otherLetters(table, ch);
    out += more ? `[${letter}${more}]` : letter;
  }
  return out;
}

/** Fills `index.initials` (a no-op when they are there). */
export function ensureInitials(index: TemplateIndex, table: PinyinTable): void {
  index.initials ??= {
    title: index.templates.map((t) => initialsOf(t.title, table)),
    body: index.bodies.map((b) => initialsOf(b, table)),
  };
}

/** Initials per template id: [title initials, body initials]. */
export function initialsFor(templates: readonly Template[], table: PinyinTable): Record<string, [string, string]> {
  const out = dict<[string, string]>();
  for (const t of templates) out[t.id] = [initialsOf(t.title, table), initialsOf(t.body, table)];
  return out;
}
