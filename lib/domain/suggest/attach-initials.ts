import type { TemplateIndex } from './template-index';
import { own } from '../own';

/** Puts precomputed initials (from `initialsFor`) on an index built from the same templates. */
export function attachInitials(index: TemplateIndex, initials: Record<string, [string, string]>): void {
  index.initials = {
    title: index.templates.map((t) => own(initials, t.id)?.[0] ?? ''),
    body: index.templates.map((t) => own(initials, t.id)?.[1] ?? ''),
  };
}
