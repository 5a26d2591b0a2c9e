import type { Template, TemplateLibrary } from '@/lib/domain/templates/types';

/**
 * Replies the owner deleted on the 话术库 tab, kept so a delete can be undone: at once (撤销 on the
 * 已删除 line) and for RECENT_DAYS after, also once the page was closed or reloaded (最近删除). On
 * the first day no daily backup may hold a reply the owner just wrote, so without this a misclick
 * loses it for good. Kept in this page's localStorage (the extension's origin), like the starter
 * notices' lists: the worker's bundle has no room, and the record is the options page's alone. The
 * reply comes back exactly — its id, so its usage counts and learned picks (kept by id, never
 * deleted with it) are its own again, and its place in the list.
 */
const KEY = 'kf-recently-deleted';
export const RECENT_DAYS = 7;
const MAX = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Deleted {
  tpl: Template;
  /** When it was deleted (ms). */
  at: number;
  /** Its place in the library's list then. */
  index: number;
}

const isDeleted = (v: unknown): v is Deleted => {
  const d = v as Deleted | null;
  return !!d && typeof d.at === 'number' && typeof d.index === 'number' && !!d.tpl && typeof d.tpl.id === 'string' && typeof d.tpl.body === 'string' && Array.isArray(d.tpl.scenarios);
};

/** The replies deleted in the last RECENT_DAYS, newest first. */
export function readDeleted(now: number): Deleted[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter(isDeleted).filter((d) => now - d.at < RECENT_DAYS * DAY_MS) : [];
  } catch {
    return [];
  }
}

function write(list: Deleted[]): Deleted[] {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage refused: the undo still works while the page is open (the list is in its state).
  }
  return list;
}

/** Keeps `d` (replacing an older record of the same reply); returns the list. */
export const rememberDeleted = (d: Deleted, now: number) => write([d, ...readDeleted(now).filter((x) => x.tpl.id !== d.tpl.id)].slice(0, MAX));

/** Drops the record of reply `id` (restored); returns the list. */
export const forgetDeleted = (id: string, now: number) => write(readDeleted(now).filter((x) => x.tpl.id !== id));

/** Everything is gone after 删除全部数据, this record too. */
export function forgetAllDeleted(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}

/** The reply that now has `code`, if another one does. */
const codeHolder = (l: TemplateLibrary, d: Deleted) => (d.tpl.code ? l.templates.find((x) => x.code === d.tpl.code && x.id !== d.tpl.id) : undefined);

/**
 * `l` with the deleted reply back in its place and its group listed again. Its shortcut code, when
 * another reply took it meanwhile, is left off (`taken`: that reply) rather than refusing the undo.
 * null: a reply with its id is in the library already.
 */
export function restoreInto(l: TemplateLibrary, d: Deleted): { lib: TemplateLibrary; taken?: Template } | null {
  if (l.templates.some((x) => x.id === d.tpl.id)) return null;
  const taken = codeHolder(l, d);
  const tpl = { ...d.tpl };
  if (taken) delete tpl.code;
  const templates = [...l.templates];
  templates.splice(Math.min(d.index, templates.length), 0, tpl);
  const groups = l.groups.includes(tpl.group) ? l.groups : [...l.groups, tpl.group];
  return { lib: { ...l, groups, templates }, ...(taken && { taken }) };
}
