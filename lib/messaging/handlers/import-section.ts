/** The library file's extra sections (export/import): remark rules, taught sites, guard settings. */
export const RULES_SECTION = 'remarkRules';
export const SITES_SECTION = 'taughtSites';
export const GUARD_SECTION = 'guardRules';

/**
 * An extra section of an imported library file (remark rules, taught sites …): the parsed value,
 * or `undefined` when the file has none or is not JSON (the library check reports broken JSON).
 */
export function importSection(json: unknown, key: string): unknown {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!data || typeof data !== 'object' || !(key in data)) return undefined;
  return (data as Record<string, unknown>)[key];
}
