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

/**
 * A key the agent pressed, for our shortcuts to act on: a real key press (a page can dispatch
 * keydown events of its own, and read what the panel answers to them), and no key of an input
 * method's composition (Chinese agents type through one all day).
 */
export function isAgentKey(e: KeyboardEvent): boolean {
  return e.isTrusted && !e.isComposing && e.keyCode !== 229;
}

/**
 * The agent's Alt+<code> shortcut (Alt+K, Alt+N, Alt+R, Alt+1…): Alt without Ctrl or ⌘, matched by
 * the key's place (`code`: Alt on macOS and some layouts change `key`). Shift is left free, as it
 * always was.
 */
export function isAltKey(e: KeyboardEvent, code: string): boolean {
  return e.code === code && e.altKey && !e.ctrlKey && !e.metaKey && isAgentKey(e);
}
