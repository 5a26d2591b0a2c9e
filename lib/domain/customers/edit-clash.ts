/**
 * An open edit form (客户档案 → 编辑) meeting a newer version of its buyer saved elsewhere — another
 * options tab, the panel's buyer card. The form sends only the fields the agent changed (edit.ts),
 * so a change elsewhere to another field is kept; but a field changed in both places would be
 * overwritten by whichever saves last, without either agent knowing. Here each field of the form is
 * compared three ways: as the form opened (`base`), as typed (`draft`), as stored now (`now`).
 * The panel's buyer card and the options page both keep their form as an EditState and say a clash
 * the same way (components/customers/EditClashNotice.tsx).
 */
import { editDraftOf, splitTags, SIZE_ORDER, type EditDraft } from './edit';
import type { Customer, Sizes } from './types';

/** One field of the form: a size by its own key. */
export type EditField = 'segment' | 'tags' | keyof Sizes | 'preferences' | 'addressNote' | 'note';

/** The fields in the order the form shows them. */
export const EDIT_FIELDS: readonly EditField[] = ['segment', 'tags', ...SIZE_ORDER, 'preferences', 'addressNote', 'note'];

const isSize = (f: EditField): f is keyof Sizes => (SIZE_ORDER as readonly string[]).includes(f);

/** A field as typed in the form. */
export function fieldText(d: EditDraft, f: EditField): string {
  return isSize(f) ? d.sizes[f] : d[f];
}

/** A field as saving would compare it (patchFromDraft): tags as the list they split into, sizes trimmed. */
function fieldValue(d: EditDraft, f: EditField): string {
  if (f === 'tags') return splitTags(d.tags).join('\n');
  return isSize(f) ? d.sizes[f].trim() : d[f];
}

function withField(d: EditDraft, f: EditField, text: string): EditDraft {
  return isSize(f) ? { ...d, sizes: { ...d.sizes, [f]: text } } : { ...d, [f]: text };
}

/** A field the agent changed here that was also changed, to something else, elsewhere: `theirs` is the stored value as the form would show it. */
export interface EditClash {
  field: EditField;
  theirs: string;
}

/**
 * The form's draft once `now` (the stored buyer) is known: a field the agent has not touched
 * follows `now`; a field both changed the same way is no longer a change; a field both changed
 * differently is a clash, and keeps what the agent typed until they choose.
 */
export function rebaseEdit(base: Customer | null, draft: EditDraft, now: Customer): { draft: EditDraft; clashes: EditClash[] } {
  const was = editDraftOf(base);
  const is = editDraftOf(now);
  const clashes: EditClash[] = [];
  let next = draft;
  for (const f of EDIT_FIELDS) {
    const theirs = fieldValue(is, f);
    if (theirs === fieldValue(was, f)) continue;
    const mine = fieldValue(draft, f);
    if (mine === fieldValue(was, f)) next = withField(next, f, fieldText(is, f));
    else if (mine !== theirs) clashes.push({ field: f, theirs: fieldText(is, f) });
  }
  return { draft: next, clashes };
}

/** 用那边的: the clashing fields take the stored value; the agent's other edits stay. */
export function takeTheirs(draft: EditDraft, clashes: readonly EditClash[]): EditDraft {
  return clashes.reduce((d, c) => withField(d, c.field, c.theirs), draft);
}

/** An open edit form: its draft measured against `base` (the record as it opened, or as last agreed with). */
export interface EditState<B extends Customer | null = Customer | null> {
  base: B;
  draft: EditDraft;
  /** A newer record saved elsewhere that changed fields the agent changed too, until they choose. */
  clash: { now: Customer; fields: EditClash[] } | null;
}

/** `s` once `now` (the stored buyer) is known: untouched fields follow it; fields changed in both places clash. */
export function arriveEdit<B extends Customer | null>(s: EditState<B>, now: Customer): EditState<B> {
  const r = rebaseEdit(s.base, s.draft, now);
  return r.clashes.length ? { ...s, draft: r.draft, clash: { now, fields: r.clashes } } : { base: now as B, draft: r.draft, clash: null };
}

/**
 * The agent chose (用那边的: `theirs`, or 用我的覆盖): the form is measured against the newer record
 * from now on, so a save sends the kept fields as changes to it.
 */
export function settleClash<B extends Customer | null>(s: EditState<B>, theirs: boolean): EditState<B> {
  return s.clash ? { base: s.clash.now as B, draft: theirs ? takeTheirs(s.draft, s.clash.fields) : s.draft, clash: null } : s;
}
