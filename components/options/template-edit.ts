/**
 * The template editor's rules, apart from its rendering: the draft as saved, what another page did
 * to the template meanwhile, the /code check, the list filter.
 */
import type { Template, TemplateLibrary } from '@/lib/domain/templates/types';
import { normalizeTemplate, TEMPLATE_LIMITS } from '@/lib/domain/templates/validate';
import { sameTemplate } from '@/lib/domain/templates/import-plan';
import { t } from '@/lib/i18n';

/** The draft as it is saved (and proposed): trimmed text, the code lowercased, a blank code dropped. */
export function cleanDraft(d: Template): Template {
  const tpl: Template = { ...d, title: d.title.trim(), body: d.body.trim(), code: d.code?.trim().toLowerCase() || undefined };
  if (!tpl.code) delete tpl.code;
  return tpl;
}

/** Adds the template, or puts it in place of the one with its id. */
export function upsertTemplate(l: TemplateLibrary, tpl: Template): TemplateLibrary {
  return {
    groups: l.groups.includes(tpl.group) ? l.groups : [...l.groups, tpl.group],
    templates: l.templates.some((x) => x.id === tpl.id) ? l.templates.map((x) => (x.id === tpl.id ? tpl : x)) : [...l.templates, tpl],
  };
}

/**
 * What another page did to the template being edited, judged against `lib` (the library the save
 * would go to): deleted it, or saved other content over the version this form opened (`origin`).
 * A new template (no origin) cannot clash, nor can a change that ends where this draft does.
 */
export type EditClash = { kind: 'deleted' } | { kind: 'changed'; current: Template };

export function editClash(origin: Template | null, lib: TemplateLibrary, draft: Template): EditClash | null {
  if (!origin) return null;
  const current = lib.templates.find((x) => x.id === origin.id);
  if (!current) return { kind: 'deleted' };
  if (sameTemplate(current, origin) || sameTemplate(current, draft)) return null;
  return { kind: 'changed', current };
}

/** The fields of a template, as the form names them (message keys), in the form's order. */
const FIELD_LABELS: [keyof Template, string][] = [
  ['title', 'options.title'],
  ['group', 'options.group'],
  ['code', 'options.code'],
  ['body', 'options.body'],
  ['scenarios', 'options.scenarios'],
  ['orders', 'options.orders'],
  ['shift', 'options.shift'],
];

/**
 * Which fields differ between two versions of a template, compared as stored (as sameTemplate does),
 * as the message keys of their labels; none when one is missing.
 */
export function changedFields(a: Template, b: Template | null): string[] {
  if (!b) return [];
  const [na, nb] = [normalizeTemplate(a), normalizeTemplate(b)];
  return FIELD_LABELS.filter(([k]) => JSON.stringify(na[k] ?? null) !== JSON.stringify(nb[k] ?? null)).map(([, label]) => label);
}

/** Thrown inside a save's change when `editClash` finds one: the form shows it, not the status line. */
export class EditClashError extends Error {
  override name = 'EditClashError';
}

/**
 * What is wrong with a /code, in the interface's language, or null: the rule of the import
 * (letters and digits, TEMPLATE_LIMITS.code at most; capitals are lowercased), and another template
 * already using it, named by its title.
 */
export function codeProblem(code: string | undefined, lib: TemplateLibrary, id: string): string | null {
  const c = code?.trim().toLowerCase() ?? '';
  if (!c) return null;
  if (c.length > TEMPLATE_LIMITS.code || !/^[a-z0-9]+$/.test(c)) return t('library.code.invalid', { max: TEMPLATE_LIMITS.code });
  const owner = lib.templates.find((x) => x.code === c && x.id !== id);
  return owner ? t('library.code.taken', { code: c, title: owner.title }) : null;
}

/**
 * The list filter: text in the title, body or group (any case), or the start of a /code. A query
 * starting with / (or 、, what a Chinese input method types for it) asks for codes only.
 */
export function matchesFilter(x: Template, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const code = q.replace(/^[/、]/, '');
  if (code && x.code?.startsWith(code)) return true;
  if (code !== q) return false;
  return [x.title, x.body, x.group].some((s) => s.toLowerCase().includes(q));
}
