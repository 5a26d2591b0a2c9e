import type { TemplateLibrary } from '../domain/templates/types';
import type { PinyinTable } from '../domain/suggest/pinyin';

/** The read-only data files the worker fetches on demand (bundled.ts). */
export interface BundledData {
  'starter-library': TemplateLibrary;
  'pinyin-table': PinyinTable;
}

/** Where each file is in the built extension. */
export const BUNDLED_FILES: { readonly [K in keyof BundledData]: string } = {
  'starter-library': 'data/starter-library.json',
  'pinyin-table': 'data/pinyin-table.json',
};
