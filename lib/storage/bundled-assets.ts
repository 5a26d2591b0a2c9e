/**
 * The files behind `loadBundled` (bundled.ts), as wxt.config.ts writes them into the build and as
 * test/setup-unit.ts provides them in Node. Imported by the build and by tests, never by the
 * extension's own code (that would bundle the data again).
 */
import { STARTER_LIBRARY } from '../domain/templates/starter';
import { PINYIN_TABLE } from '../domain/suggest/pinyin-table.generated';
import { BUNDLED_FILES, type BundledData } from './bundled-files';

export const BUNDLED_DATA: BundledData = {
  'starter-library': STARTER_LIBRARY,
  'pinyin-table': PINYIN_TABLE,
};

/** [path in the extension, file contents] for every bundled file. */
export function bundledAssets(): [string, string][] {
  return (Object.keys(BUNDLED_FILES) as (keyof BundledData)[]).map((k) => [BUNDLED_FILES[k], JSON.stringify(BUNDLED_DATA[k])]);
}
