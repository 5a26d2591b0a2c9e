/**
 * Suggestions: the recognised situation and the likely replies for the open buyer, and the keys
 * that use them — Alt+1…9 inserts a visible reply, Alt+K focuses the search, `/code` + Space, Tab
 * or Enter expands a reply by its shortcut code. After "open" in the follow-up popup, the buyer's chat
 * shows that item's situation first.
 */
import type { PanelFeature } from '../page-feature';
import type { PanelController } from '../controller';
import { ScenarioChips } from '@/components/ScenarioChips';
import { SuggestionList } from '@/components/SuggestionList';
import { isAgentKey, isAltKey } from '@/components/ime-key';
import { isComposing, watchEditing } from '../../insert';
import { textBeforeCaret } from '../../insert/text-before-caret';

/**
 * A typed `/code` (or `、code`: `/` under a Chinese input method) just before the caret, where a code
 * can start: at the start of the box or after a space or punctuation, never after a letter (Chinese
 * too), a digit, `/`, `:` or `.` — a link (`…example.com/th`), a date (`12/hi`) or a word stays text.
 */
export const CODE_BEFORE_CARET = /(?<![\p{L}\p{N}/:.])[/、]([a-z0-9]{1,12})$/iu;

function onKeyDown(panel: PanelController, e: KeyboardEvent): void {
  // Shared with Alt+1…9 pressed in the buyer card (PanelController.keys).
  const keys = panel.keys;
  // Chinese agents type through an IME all day: nothing fires while a composition is open. Only
  // real key presses count: a page could otherwise fire Alt+1 itself and read which reply the
  // panel ranks first for this buyer out of its own chat box.
  if (!isAgentKey(e)) return;
  const inPanel = (e.target as Element).localName === 'kf-panel';
  if (e.repeat) {
    // A held key repeats some 30 times a second: one press, one action. A key taken by the panel
    // repeats into nothing (Alt+1 put the reply in five times; Enter after `/th`, or in the search
    // box, went on to the console, which sends). In the panel (↓ through the hits) it still repeats.
    if (e.code === keys.held && !inPanel) e.preventDefault(), e.stopImmediatePropagation();
    return;
  }
  keys.held = inPanel ? e.code : undefined;
  if (isAltKey(e, 'KeyK')) {
    e.preventDefault();
    panel.focusSearch();
    return;
  }
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit && isAltKey(e, e.code)) {
    const n = Number(digit[1]) - 1;
    const template = panel.visibleTemplates()[n];
    const s = panel.store.get();
    if (template || (s.collapsed && s.suggestions[n])) {
      e.preventDefault();
      e.stopPropagation();
      keys.held = e.code;
      // Collapsed: the agent has not seen this buyer's replies. The panel opens on them (for this
      // page, like Alt+K); the next press inserts the one it names.
      if (!template) return panel.store.set({ collapsed: false });
      panel.pressReply(template, performance.timeOrigin + e.timeStamp);
    }
    return;
  }
  // Enter (and Ctrl+Enter) sends on most consoles: after a known `/code` it expands instead.
  if ((e.key === 'Enter' || ((e.key === 'Tab' || e.key === ' ') && !e.ctrlKey)) && !e.altKey && !e.metaKey && !e.shiftKey && expandCode(panel, e)) keys.held = e.code;
}

/**
 * `/code` + Tab, Space or Enter in the chat box becomes the template with that shortcut code. The
 * key is then ours alone: the page's own handlers (Enter sends) never see it. Any other key, or
 * one after text that is not a known code, is left to the page exactly as it came.
 */
function expandCode(panel: PanelController, e: KeyboardEvent): boolean | void {
  const input = panel.chatInputQuiet();
  if (!input || !(e.target instanceof Node) || !(input === e.target || input.contains(e.target))) return;
  if (isComposing(input)) return;
  const before = textBeforeCaret(input);
  const m = before === null ? null : CODE_BEFORE_CARET.exec(before);
  if (!m) return;
  const code = m[1]!.toLowerCase();
  const template = panel.store.get().library?.templates.find((tpl) => tpl.code?.toLowerCase() === code);
  if (!template) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  // A page that sends on the key's release would send the reply just put in: that one goes too.
  if (e.key === 'Enter') input.ownerDocument.addEventListener('keyup', (up) => up.key === 'Enter' && up.stopImmediatePropagation(), { capture: true, once: true });
  panel.useTemplate(template, 'insert', m[0]);
  return true;
}

export const suggestions: PanelFeature = {
  name: 'suggestions',
  init({ controller, doc, addSection }, signal) {
    addSection({ name: 'scenarios', slot: 'chat', order: 30, component: ScenarioChips });
    addSection({ name: 'suggestions', slot: 'chat', order: 50, component: SuggestionList });
    watchEditing(doc, signal);
    doc.addEventListener('keydown', (e) => onKeyDown(controller, e), { capture: true, signal });
    // Another conversation: the follow-up popup may have asked for a situation first.
    let buyer = controller.store.get().buyer;
    const off = controller.store.subscribe((s) => {
      if (s.buyer === buyer) return;
      buyer = s.buyer;
      if (buyer) controller.askPendingSuggestion();
    });
    signal.addEventListener('abort', off, { once: true });
    // Back from the follow-up popup's "open" to a chat that was already showing this buyer.
    doc.defaultView?.addEventListener('focus', () => controller.askPendingSuggestion(), { signal });
  },
};
