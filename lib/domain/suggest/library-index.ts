import { attachInitials } from './attach-initials';
import { buildTemplateIndex, unpackTemplateIndex, type PackedTemplateIndex, type TemplateIndex } from './template-index';
import type { Template } from '../templates/types';

/**
 * The in-page panel's index of the library the worker sent (getPanelLibrary): from the bigram table
 * the worker packed for it, with the pinyin initials the worker computed; built here only when no
 * table came.
 */
export function libraryIndex(
  library: { templates: readonly Template[]; initials?: Record<string, [string, string]> },
  packed: PackedTemplateIndex | null | undefined,
): TemplateIndex {
  const index = packed ? unpackTemplateIndex(library.templates, packed) : buildTemplateIndex(library.templates);
  if (library.initials) attachInitials(index, library.initials);
  return index;
}
