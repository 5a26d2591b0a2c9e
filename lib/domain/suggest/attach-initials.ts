import type { TemplateIndex } from './template-index';
import type { Template } from '../templates/types';
import { own } from '../own';

/** Precomputed initials (from `initialsFor`, by template id) as the index reads them: in the templates' order. */
export function initialsInOrder(templates: readonly Template[], initials: Record<string, [string, string]>): NonNullable<TemplateIndex['initials']> {
  return {
    title: templates.map((t) => own(initials, t.id)?.[0] ?? ''),
    body: templates.map((t) => own(initials, t.id)?.[1] ?? ''),
  };
}

/** Puts precomputed initials (from `initialsFor`) on an index built from the same templates. */
export function attachInitials(index: TemplateIndex, initials: Record<string, [string, string]>): void {
  index.initials = initialsInOrder(index.templates, initials);
}
