/**
 * Pinyin initials for search (cf → 催付). pinyin-pro is large (~320 KB), so only the background (when
 * a library is saved or first loaded) and the Node tools import this module; the in-page panel gets
 * the initials ready-made with the library and never loads pinyin itself.
 */
import type { Template } from '../templates/types';
import type { TemplateIndex } from './template-index';

type PinyinFn = (text: string, opts: { pattern: 'first'; toneType: 'none'; type: 'array' }) => string[];
let pinyinFn: PinyinFn | null = null;
let loading: Promise<void> | null = null;

/** Whether pinyin initials are available (after `loadPinyin` resolved). */
export function isPinyinLoaded(): boolean {
  return pinyinFn !== null;
}

/**
 * Load pinyin-pro (about 1 MB) on demand and, when given, precompute the index's initials. Search
 * works without it (content, title, code); initials (cf → 催付) start working once it resolves.
 */
export async function loadPinyin(index?: TemplateIndex): Promise<void> {
  loading ??= import('pinyin-pro').then((mod) => {
    pinyinFn = mod.pinyin as unknown as PinyinFn;
  });
  await loading;
  if (index) ensureInitials(index);
}

const charInitial = new Map<string, string>();

/** Initials of a text: Chinese characters → first letter of their pinyin; letters/digits kept. */
export function initialsOf(text: string, contextual = false): string {
  if (!pinyinFn) return '';
  if (contextual) {
    // Titles are short: let pinyin-pro read the whole phrase so polyphones (行/长/还) come out right.
    return pinyinFn(text, { pattern: 'first', toneType: 'none', type: 'array' })
      .map((p) => (/^[a-z0-9]$/i.test(p) ? p.toLowerCase() : p.replace(/[^a-z0-9]/gi, '').toLowerCase()))
      .join('');
  }
  let out = '';
  for (const ch of text) {
    if (/[a-z0-9]/i.test(ch)) {
      out += ch.toLowerCase();
      continue;
    }
    if (!/[\u4e00-\u9fa5]/.test(ch)) continue;
    let c = charInitial.get(ch);
    if (c === undefined) {
      c = (pinyinFn(ch, { pattern: 'first', toneType: 'none', type: 'array' })[0] ?? '').toLowerCase();
      charInitial.set(ch, c);
    }
    out += c;
  }
  return out;
}

/** Fills `index.initials` once pinyin is loaded; false when it is not. */
export function ensureInitials(index: TemplateIndex): boolean {
  if (index.initials) return true;
  if (!pinyinFn) return false;
  index.initials = {
    title: index.templates.map((t) => initialsOf(t.title, true)),
    body: index.bodies.map((b) => initialsOf(b)),
  };
  return true;
}


/** Initials per template id: [title initials, body initials]. Requires `loadPinyin()` first. */
export function initialsFor(templates: readonly Template[]): Record<string, [string, string]> {
  if (!pinyinFn) throw new Error('initialsFor: call loadPinyin() first');
  const out: Record<string, [string, string]> = {};
  for (const t of templates) out[t.id] = [initialsOf(t.title, true), initialsOf(t.body)];
  return out;
}

