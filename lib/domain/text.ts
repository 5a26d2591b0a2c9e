/**
 * Text from a page or a buyer, made honest for display: the Unicode direction controls
 * (embeddings, overrides, isolates, marks) are shown as visible marks instead of acting, so a
 * nickname or note such as "\u202Egnp.exe" cannot pass itself off as "exe.png". Rendered inside
 * an isolating element (components/PageText.tsx), the text cannot reorder what is around it either.
 */
const CONTROL_NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u061C': 'ALM',
};
const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function showDirectionControls(text: string): string {
  return text.replace(CONTROLS, (c) => `⟨${CONTROL_NAMES[c]}⟩`);
}

/**
 * The same controls removed, for text from a page or a buyer that becomes part of the agent's own
 * words (a nickname filled into a reply, text typed into a remark): there nobody would see a mark,
 * and an override left open (U+202E without its U+202C) would reverse everything after it in the
 * buyer's chat window or the console's remark column, the agent's signature and date included.
 */
export function stripDirectionControls(text: string): string {
  return text.replace(CONTROLS, '');
}
