/**
 * True for a key that belongs to an input method's composition (Chinese pinyin): our key handlers
 * leave it to the input method. The Escape that cancels a composition arrives on Chrome (macOS,
 * Linux) as key "Escape" with keyCode 229 and isComposing set, and its default action still runs:
 * in a `type="search"` box that empties the whole box, the query typed before the composition
 * with it. That default is cancelled here; the input method has already dropped its composition.
 */
export function imeKey(e: KeyboardEvent): boolean {
  if (!e.isComposing && e.keyCode !== 229) return false;
  if (e.key === 'Escape') e.preventDefault();
  return true;
}
