/**
 * A buyer's edit form as typed (the panel's buyer card and the options page's 客户档案 both edit
 * through these), and the patch it makes. One set of rules for both places: tags split the same
 * way, sizes must be numbers in SIZE_RANGES (a typo is said, not dropped — cleanSizes would drop an
 * out-of-range value and with it the value stored before), and only the fields the agent changed
 * are sent, so another tab's edit of another field is kept. Masking happens on save (applyPatch).
 */
import { SIZE_RANGES, tagsOver, type TagsOver } from './customer';
import type { Customer, CustomerPatch, Segment, Sizes } from './types';

/** The order sizes are shown and edited in. */
export const SIZE_ORDER: readonly (keyof Sizes)[] = ['heightCm', 'weightKg', 'usualSize', 'shoeSize', 'bustCm', 'waistCm'];

export interface EditDraft {
  /** Tags as typed, separated by commas, 、 or spaces. */
  tags: string;
  sizes: Record<keyof Sizes, string>;
  preferences: string;
  addressNote: string;
  note: string;
  /** The agent's pinned segment, '' = derived from tags and orders (segmentOf). */
  segment: Segment | '';
}

/** A size the form cannot save: not a number, or outside its plausible range. */
export interface EditProblem {
  field: Exclude<keyof Sizes, 'usualSize'>;
  min: number;
  max: number;
}

export function editDraftOf(c: Customer | null): EditDraft {
  const sizes = {} as Record<keyof Sizes, string>;
  for (const k of SIZE_ORDER) sizes[k] = c?.sizes[k] === undefined ? '' : String(c.sizes[k]);
  return {
    tags: (c?.tags ?? []).join('，'),
    sizes,
    preferences: c?.preferences ?? '',
    addressNote: c?.addressNote ?? '',
    note: c?.note ?? '',
    segment: c?.segmentManual ?? '',
  };
}

/**
 * Tags as typed or as a sheet's cell holds them: split on commas, 、, semicolons, bars (half- and
 * full-width: shop sheets use all of them) and spaces; empty ones dropped, a repeat (any case) once.
 */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[,，、;；|｜\s]+/).filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/**
 * The draft's tags against the tag rule (tagsOver), when the agent changed them: the form says which
 * tag is too long and by how much, or how many tags too many, keeps the whole text, and saves nothing
 * until it fits (the worker would refuse it). Tags left as they were are not held against a save of
 * another field. null: nothing to say.
 */
export function draftTagsOver(before: Customer | null, draft: EditDraft): TagsOver | null {
  const tags = splitTags(draft.tags);
  return tags.join('\n') === splitTags(editDraftOf(before).tags).join('\n') ? null : tagsOver(tags);
}

/**
 * What the form says of the draft's tags, changed or not: a merge of two records of one buyer
 * (combineCustomers) keeps every tag of both, past LIMITS.tags, and the form opened on it said
 * nothing until the agent edited the tags. Said at once, in the words used for tags typed over;
 * the save is still held only when the agent changed them (draftTagsOver).
 */
export const shownTagsOver = (draft: EditDraft): TagsOver | null => tagsOver(splitTags(draft.tags));

// Full-width digits and point, as a Chinese input method may type them.
const ascii = (s: string) => s.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/**
 * The fields of `draft` that differ from `before` (the record the form shows changes against), as
 * a patch; `problems` lists the sizes that cannot be saved (then nothing should be saved).
 */
export function patchFromDraft(before: Customer | null, draft: EditDraft): { patch: CustomerPatch; problems: EditProblem[] } {
  const was = editDraftOf(before);
  const patch: CustomerPatch = {};
  const problems: EditProblem[] = [];
  const tags = splitTags(draft.tags);
  if (tags.join('\n') !== splitTags(was.tags).join('\n')) patch.tags = tags;
  const sizes: NonNullable<CustomerPatch['sizes']> = {};
  for (const k of SIZE_ORDER) {
    const raw = draft.sizes[k].trim();
    if (raw === was.sizes[k]) continue;
    if (!raw) sizes[k] = null;
    else if (k === 'usualSize') sizes.usualSize = raw;
    else {
      const [min, max] = SIZE_RANGES[k];
      const n = Number(ascii(raw));
      if (Number.isFinite(n) && n >= min && n <= max) sizes[k] = n;
      else problems.push({ field: k, min, max });
    }
  }
  if (Object.keys(sizes).length) patch.sizes = sizes;
  for (const f of ['preferences', 'addressNote', 'note'] as const) if (draft[f] !== was[f]) patch[f] = draft[f];
  if (draft.segment !== was.segment) patch.segment = draft.segment || null;
  return { patch, problems };
}
