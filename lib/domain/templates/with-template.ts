import type { Template, TemplateLibrary } from './types';

/**
 * The library with `t` added, or replacing the reply with its id; its group added when new (a
 * proposal accepted in team review). In worker-extras.js: run at an acceptance only.
 */
export function withTemplate(lib: TemplateLibrary, t: Template): TemplateLibrary {
  return {
    groups: lib.groups.includes(t.group) ? lib.groups : [...lib.groups, t.group],
    templates: lib.templates.some((x) => x.id === t.id) ? lib.templates.map((x) => (x.id === t.id ? t : x)) : [...lib.templates, t],
  };
}
