/**
 * Drafts of saved values that other places change while a form is open.
 *
 * Settings and remark rules are written from many places at once: a second options tab, the
 * panel on a seller page (it remembers its collapsed state in the settings), a remark "saved
 * anyway" (which announces 'rules'). Every write reloads the value, as a new object, whether or
 * not the part a form shows changed. A form that copied each reload into its fields threw away
 * what the user was typing. A form using `useDraft` instead:
 * - follows the saved value while the user has not edited it;
 * - ignores a reload whose content is the same (a change to another section);
 * - when the saved value really changed under an edit, keeps the edit and holds the new version
 *   in `elsewhere`, for the form to show <ChangedElsewhere> (load it, merge it, or overwrite it);
 * - can ask, just before saving, whether what is stored is still what the edit started from.
 * It also reports whether the form has unsaved edits (`useReportDirty`), for the options page's
 * tab marker and its prompt before the page is closed.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import type { AppSettings, DeepPartial } from '@/lib/storage/settings';
import { reasonText } from '@/lib/messaging/reason';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Same content, as JSON sees it: key order does not matter, a key holding undefined is absent; NaN equals NaN. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = (o: Plain) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ka = keys(a);
  return ka.length === keys(b).length && ka.every((k) => k in b && sameValue(a[k], b[k]));
}

/**
 * Three-way merge of an edit (`mine`, started from `base`) with a version saved elsewhere
 * (`theirs`): what the user did not change takes `theirs`, what they changed keeps their value.
 * Objects merge key by key; anything else (a list, a number, a string) is one value.
 */
export function mergeUntouched<T>(base: T, mine: T, theirs: T): T {
  if (sameValue(mine, base)) return theirs;
  if (sameValue(theirs, base) || !isPlain(base) || !isPlain(mine) || !isPlain(theirs)) return mine;
  const out: Plain = {};
  for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const v = mergeUntouched(base[k], mine[k], theirs[k]);
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** Paths ('shop.shopName', 'dayShift.start') of the leaves that differ between two values; lists count as leaves. */
export function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (sameValue(a, b)) return [];
  if (!isPlain(a) || !isPlain(b)) return [prefix];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => changedPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
}

export interface Draft<T> {
  /** What the form shows: the edit while there is one, else the saved value (null until it loaded). */
  value: T | null;
  /** The saved version the edit started from (or was last merged with). */
  base: T | null;
  /** The user changed something that is not saved. */
  dirty: boolean;
  /** A newer version saved elsewhere while the user was editing; the edit is kept until they choose. */
  elsewhere: T | null;
  /** Records the user's edit: the whole new value, or a change to apply to the latest one (two quick events must not undo each other). */
  edit(next: T | ((current: T) => T)): void;
  /** Drops the edit: the form shows the saved value (the one saved elsewhere, if any). */
  discard(): void;
  /** Takes the version saved elsewhere for everything the user did not change; keeps what they changed. */
  merge(): void;
  /** Keeps the edit as it is, knowing a save replaces the version saved elsewhere. */
  keepMine(): void;
  /**
   * This form saved `sent`: `stored` is what storage now holds, and the form follows it — unless
   * the user went on typing while the save was under way, then that edit stays (on top of `stored`).
   */
  saved(stored: T, sent?: T): void;
  /**
   * Just before a save, with what is stored now: true when it is still the version the edit started
   * from (or already equals the edit); otherwise it becomes `elsewhere` and the save should stop.
   */
  isCurrent(stored: T): boolean;
}

interface State<T> {
  base: T | null;
  draft: T | null;
  elsewhere: T | null;
}

/** No edit left once it equals what is saved; no version saved elsewhere to offer without an edit. */
function settle<T>(s: State<T>): State<T> {
  if (s.draft !== null && s.base !== null && sameValue(s.draft, s.base)) return { base: s.elsewhere ?? s.base, draft: null, elsewhere: null };
  if (s.draft === null && s.elsewhere !== null) return { base: s.elsewhere, draft: null, elsewhere: null };
  return s;
}

/** A saved value arrived (a reload, or what a save found stored): what the draft does with it. */
function arrive<T>(s: State<T>, saved: T): State<T> {
  // The same content (another section changed): nothing happened here.
  if (s.base !== null && sameValue(saved, s.base)) return s.elsewhere === null ? s : { ...s, elsewhere: null };
  // No edit: follow it.
  if (s.base === null || s.draft === null) return { base: saved, draft: null, elsewhere: null };
  // Saved elsewhere exactly as edited here: nothing left to save.
  if (sameValue(saved, s.draft)) return { base: saved, draft: null, elsewhere: null };
  if (s.elsewhere !== null && sameValue(saved, s.elsewhere)) return s;
  return { ...s, elsewhere: saved };
}

/**
 * A form's draft of `saved` (a section picked from what useLoaded returns; null until loaded).
 * Pick the section in a useMemo on the loaded value, or pass the loaded value itself: a reload
 * whose content did not change leaves the draft alone either way.
 */
export function useDraft<T>(saved: T | null): Draft<T> {
  const [s, setS] = useState<State<T>>({ base: saved, draft: null, elsewhere: null });
  const update = (f: (prev: State<T>) => State<T>) => setS((prev) => settle(f(prev)));
  useEffect(() => {
    if (saved !== null) update((prev) => arrive(prev, saved));
  }, [saved]);
  // The state as of now, for isCurrent (called after a save's await, past this render's closure).
  const latest = useRef(s);
  latest.current = s;
  const dirty = s.draft !== null;
  useReportDirty(dirty);

  return useMemo<Draft<T>>(
    () => ({
      value: s.draft ?? s.base,
      base: s.base,
      dirty,
      elsewhere: s.elsewhere,
      edit: (next) =>
        update((prev) => {
          const current = prev.draft ?? prev.base;
          if (typeof next !== 'function') return { ...prev, draft: next };
          return current === null ? prev : { ...prev, draft: (next as (c: T) => T)(current) };
        }),
      discard: () => update((prev) => ({ base: prev.elsewhere ?? prev.base, draft: null, elsewhere: null })),
      merge: () =>
        update((prev) =>
          prev.elsewhere === null || prev.base === null || prev.draft === null
            ? prev
            : { base: prev.elsewhere, draft: mergeUntouched(prev.base, prev.draft, prev.elsewhere), elsewhere: null },
        ),
      keepMine: () => update((prev) => (prev.elsewhere === null ? prev : { ...prev, base: prev.elsewhere, elsewhere: null })),
      saved: (stored, sent) =>
        update((prev) => ({ base: stored, draft: sent !== undefined && prev.draft !== null && !sameValue(prev.draft, sent) ? prev.draft : null, elsewhere: null })),
      isCurrent: (stored) => {
        const now = latest.current;
        if (now.base === null || now.draft === null || sameValue(stored, now.base) || sameValue(stored, now.draft)) return true;
        update((prev) => arrive(prev, stored));
        return false;
      },
    }),
    [s],
  );
}

/**
 * A form's save of the draft as `d` shows it: refused (false) while a version saved elsewhere is
 * waiting for the user's choice, or when what `read` finds stored is newer than what the edit
 * started from (a change whose notice has not arrived yet: it becomes `elsewhere`). Otherwise
 * `write` saves and what it returns (the stored value) becomes the form's. Errors of `read` and
 * `write` go to the caller.
 */
export async function saveDraft<T>(d: Draft<T>, read: () => Promise<T>, write: () => Promise<T>): Promise<boolean> {
  const sent = d.value ?? undefined;
  if (d.elsewhere !== null || !d.isCurrent(await read())) return false;
  d.saved(await write(), sent);
  return true;
}

/** A form's status line, kept as a message key so it follows a language switch. */
export interface StatusMessage {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * A form over one section of the settings (`select` picks it; the result must be a fresh value
 * each call or a part of the loaded settings): its draft, its status line, and its save, which
 * writes `patch` and reports saved, refused (changed elsewhere) or failed.
 */
export function useSettingsDraft<T>(select: (s: AppSettings) => T) {
  const api = useApi();
  const { value: settings } = useLoaded('getSettings', ['settings']);
  const draft = useDraft(useMemo(() => settings && select(settings), [settings]));
  const [status, setStatus] = useState<StatusMessage | null>(null);
  return {
    draft,
    /** The settings as last loaded (what the draft follows), for what the form shows beside its fields. */
    settings,
    status,
    setStatus,
    /** The user's edit (see Draft.edit): the last save's status no longer applies. */
    edit(next: T | ((current: T) => T)) {
      draft.edit(next);
      setStatus(null);
    },
    /** Saves `patch`, unless the form found something `wrong` with the edit (said instead). */
    async save(patch: DeepPartial<AppSettings>, wrong: StatusMessage | null = null) {
      if (!draft.dirty) return setStatus({ key: 'options.saved' });
      if (wrong) return setStatus(wrong);
      try {
        const saved = await saveDraft(
          draft,
          async () => select(await api.call('getSettings')),
          async () => select(await api.call('patchSettings', patch)),
        );
        setStatus({ key: saved ? 'options.saved' : 'drafts.wouldOverwrite' });
      } catch (err) {
        setStatus({ key: 'options.saveFailed', params: { reason: reasonText(err) } });
      }
    },
  };
}

/** The number in a number box; an emptied box is no number (Number('') would quietly save 0). */
export function typedNumber(e: Event): number {
  const raw = (e.currentTarget as HTMLInputElement).value.trim();
  return raw === '' ? NaN : Number(raw);
}

// ---- unsaved edits, per options tab ------------------------------------------------------------

/** Where forms report unsaved edits: the options page gives each tab its own. */
export interface DirtyScope {
  set(form: string, dirty: boolean): void;
}

export const DirtyContext = createContext<DirtyScope | null>(null);

/**
 * Tells the options page this form has unsaved edits (its tab is marked, and closing the page
 * asks first). useDraft calls it; a form keeping its own draft (the template editor, the
 * retention box) can call it with its own notion of dirty.
 */
export function useReportDirty(dirty: boolean): void {
  const scope = useContext(DirtyContext);
  const id = useId();
  useEffect(() => {
    scope?.set(id, dirty);
  }, [scope, id, dirty]);
  useEffect(() => () => scope?.set(id, false), [scope, id]);
}

/**
 * The options page's side: one scope per tab, the tabs with unsaved edits (state, to mark them),
 * and whether any has one (for beforeunload).
 */
export function useDirtyTabs(): { scope(tab: string): DirtyScope; dirtyTabs: ReadonlySet<string>; anyDirty(): boolean } {
  const forms = useRef(new Map<string, Set<string>>());
  const scopes = useRef(new Map<string, DirtyScope>());
  const [dirtyTabs, setDirtyTabs] = useState<ReadonlySet<string>>(new Set());
  const recount = () => setDirtyTabs(new Set([...forms.current].filter(([, f]) => f.size > 0).map(([tab]) => tab)));
  return {
    scope(tab) {
      let scope = scopes.current.get(tab);
      if (!scope) {
        const set = new Set<string>();
        forms.current.set(tab, set);
        scope = {
          set(form, dirty) {
            if (dirty === set.has(form)) return;
            if (dirty) set.add(form);
            else set.delete(form);
            recount();
          },
        };
        scopes.current.set(tab, scope);
      }
      return scope;
    },
    dirtyTabs,
    anyDirty: () => [...forms.current.values()].some((f) => f.size > 0),
  };
}
