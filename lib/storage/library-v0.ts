/**
 * The library record's first migration step (lib/storage/library.ts LIBRARY_SCHEMA), pure, run from
 * worker-extras.js: v0, the first prototype's bare array of templates with a single `scenario`
 * string (or a v1 record without groups) → { templates, groups } with `scenarios: string[]`.
 */
export function libraryV0toV1(r: Record<string, unknown>): Record<string, unknown> {
  const list = Array.isArray(r.legacy) ? r.legacy : Array.isArray(r.templates) ? r.templates : [];
  const templates = list
    .filter((t): t is Record<string, unknown> => !!t && typeof t === 'object')
    .map((t): Record<string, unknown> => {
      const { scenario, ...rest } = t;
      const scenarios = Array.isArray(t.scenarios) ? t.scenarios : typeof scenario === 'string' ? [scenario] : [];
      return { ...rest, scenarios };
    });
  const groups = Array.isArray(r.groups)
    ? r.groups
    : [...new Set(templates.map((t) => String(t.group ?? '')).filter(Boolean))];
  return { groups, templates };
}
