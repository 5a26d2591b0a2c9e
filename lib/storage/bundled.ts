/**
 * Large read-only data the worker needs rarely — the starter library (first run) and the pinyin
 * table (when a library is saved) — ships as JSON files beside the extension, fetched on first use,
 * instead of being bundled into background.js, which the browser parses at every worker wake.
 * wxt.config.ts writes the files from the same modules (bundled-assets.ts); in Node, where there
 * is no extension to fetch from, tests and tools hand the data in with `provideBundledData`.
 */
// wxt/browser rather than ../browser (webextension-polyfill): only the synchronous runtime.getURL is
// used, and importing this module must not throw in Node, where library.ts is unit-tested.
import { browser } from 'wxt/browser';
import { BUNDLED_FILES, type BundledData } from './bundled-files';

export type { BundledData };

const provided: Partial<BundledData> = {};
const loading = new Map<keyof BundledData, Promise<unknown>>();

/** Node only (unit tests, tools): the data itself, instead of fetching it from the extension. */
export function provideBundledData(data: Partial<BundledData>): void {
  Object.assign(provided, data);
}

/** The data, fetched once per worker life from the extension's own files. */
export function loadBundled<K extends keyof BundledData>(name: K): Promise<BundledData[K]> {
  const given = provided[name];
  if (given) return Promise.resolve(structuredClone(given) as BundledData[K]);
  let p = loading.get(name);
  if (!p) {
    const url = browser.runtime.getURL(`/${BUNDLED_FILES[name]}` as '/');
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${BUNDLED_FILES[name]}: ${r.status}`);
      return r.json();
    });
    p.catch(() => loading.delete(name));
    loading.set(name, p);
  }
  return p.then((d) => structuredClone(d) as BundledData[K]);
}
