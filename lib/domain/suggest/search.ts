import type { Template } from '../templates/types';
import { bigrams, normalize } from './normalize';
import type { TemplateIndex } from './template-index';
import { indexOfInitials } from './initials-match';

export interface SearchHit {
  template: Template;
  score: number;
  /** Where the query matched, strongest first. */
  matched: 'code' | 'title' | 'initials' | 'body' | 'words';
}

const S_CODE_EXACT = 100;
const S_CODE_PREFIX = 80;
const S_TITLE = 70;
const S_INITIALS_TITLE = 60;
const S_BODY = 40;
const S_INITIALS_BODY = 30;
const S_WORDS = 20;

/** What the search looks for in what was typed: a leading / dropped, normalised, no spaces. */
const searchKey = (query: string) => normalize(query.replace(/^\s*\//, '')).text.replace(/\s+/g, '');
const ASCII = /^[a-z0-9]+$/;

/** Whether searchTemplates reads the index's pinyin initials for this query (letters and digits only: zxgf, /cf). */
export const readsInitials = (query: string): boolean => ASCII.test(searchKey(query));

/**
 * Find templates for what the agent typed in the search box: shortcut code (`/cf` or `cf`),
 * title or body text, pinyin initials of title/body (when the index has them), or scattered words.
 */
export function searchTemplates(index: TemplateIndex, query: string, limit = 10): SearchHit[] {
  const q = searchKey(query);
  if (!q) return [];
  const hits = new Map<number, SearchHit>();
  const add = (i: number, score: number, matched: SearchHit['matched']) => {
    const h = hits.get(i);
    // A template matched several ways gets a small bonus over one matched once.
    if (!h) hits.set(i, { template: index.templates[i]!, score, matched });
    else if (score > h.score) hits.set(i, { template: h.template, score: score + 1, matched });
    else h.score += 1;
  };
  const n = index.templates.length;
  const ascii = ASCII.test(q);

  if (ascii) {
    for (let i = 0; i < n; i++) {
      const c = index.codes[i];
      if (!c) continue;
      if (c === q) add(i, S_CODE_EXACT, 'code');
      else if (c.startsWith(q)) add(i, S_CODE_PREFIX - (c.length - q.length), 'code');
    }
    if (index.initials) {
      const { title, body } = index.initials;
      for (let i = 0; i < n; i++) {
        const ti = indexOfInitials(title[i]!, q);
        if (ti >= 0) add(i, S_INITIALS_TITLE - Math.min(ti, 5), 'initials');
        else if (indexOfInitials(body[i]!, q) >= 0) add(i, S_INITIALS_BODY, 'initials');
      }
    }
  }

  // Text: substring of title or body. Candidates come from the rarest bigram's postings.
  const qb = [...new Set(bigrams(q).filter((b) => b.length === 2))];
  let pool: Iterable<number>;
  if (qb.length === 0) {
    pool = { [Symbol.iterator]: function* () { for (let i = 0; i < n; i++) yield i; } };
  } else {
    let rarest: Int32Array | undefined;
    for (const b of qb) {
      const p = index.postings.get(b);
      if (!p) { rarest = new Int32Array(0); break; }
      if (!rarest || p.length < rarest.length) rarest = p;
    }
    pool = rarest ?? [];
  }
  for (const i of pool) {
    const ti = index.titles[i]!.indexOf(q);
    if (ti >= 0) add(i, S_TITLE - Math.min(ti, 5), 'title');
    else if (index.bodies[i]!.includes(q)) add(i, S_BODY, 'body');
  }

  // Scattered words (发货 时间 → "发货的时间"): most query bigrams present.
  if (hits.size < limit && qb.length >= 2) {
    const count = new Map<number, number>();
    for (const b of qb) {
      const p = index.postings.get(b);
      if (p) for (const i of p) count.set(i, (count.get(i) ?? 0) + 1);
    }
    for (const [i, c] of count) {
      const share = c / qb.length;
      if (share >= 0.6 && !hits.has(i)) add(i, S_WORDS * share, 'words');
    }
  }

  return [...hits.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[1].template.title.length - b[1].template.title.length || a[0] - b[0])
    .slice(0, limit)
    .map(([, h]) => h);
}
