import { useEffect, useState } from 'preact/hooks';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { loadBundled } from '@/lib/storage/bundled';

/**
 * What the starter notices of the 话术库 tab share: a list of reply ids kept in this page's
 * localStorage (the extension's origin) under `key` — not in the settings or on the library record,
 * which the worker normalises and whose bundle has no room — and the starter as shipped.
 */
export function readIds(key: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Adds `ids` to the list under `key`; returns the whole list (kept for this visit only if storage refuses). */
export function rememberIds(key: string, ids: readonly string[]): string[] {
  const before = readIds(key);
  const all = [...new Set([...before, ...ids])];
  if (all.length > before.length) {
    try {
      localStorage.setItem(key, JSON.stringify(all));
    } catch {
      // Storage refused: remembered for this visit only.
    }
  }
  return all;
}

/** The starter as shipped (data/starter-library.json), fetched rather than bundled into this page; null until then, or if it cannot be fetched (no notice rather than an error). */
export function useShippedStarter(): TemplateLibrary | null {
  const [starter, setStarter] = useState<TemplateLibrary | null>(null);
  useEffect(() => {
    Promise.resolve()
      .then(() => loadBundled('starter-library'))
      .then(setStarter, () => setStarter(null));
  }, []);
  return starter;
}
