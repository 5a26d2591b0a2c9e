/**
 * A reply the panel put in the chat box for one buyer, still there when the agent opens another:
 * some consoles (taught ones, such as a shop's own desk) keep one chat box for every buyer, and
 * Alt+1 would add the next buyer's reply after it. At a switch, if the box holds exactly what it
 * held after the panel's last insertion (the agent neither sent, typed nor cleared it), the panel
 * says so (components/panel/DraftLeft.tsx) until that text leaves the box, the agent is back with
 * its buyer, or the agent answers: 清空 takes out that text alone, 知道了 leaves it. The box is
 * never emptied without the agent's click. A console that keeps a draft per conversation shows the
 * next buyer's own box, and nothing is said.
 *
 * In the suggest feature script (lib/panel/features.ts), not in content.js: only the panel's own
 * insertion, which that script's writer makes, can leave such a reply. page-features/draft-left.tsx
 * starts this at the panel's first insertion and gives it the slot it draws into, with this
 * script's own Preact, in the panel's language.
 */
import { render } from 'preact';
import type { PanelController } from './controller';
import { setLocale } from '../i18n';
import { replaceRange } from '../insert';
import { DraftLeft, type LeftDraft } from '@/components/panel/DraftLeft';

/** The box's text as replaceRange counts it: a field's value, an editor's text nodes. */
const boxText = (el: HTMLElement | null) => (el ? ((el as HTMLTextAreaElement).value ?? el.textContent ?? '') : '');

export interface DraftLeftRun {
  /** Told after each insertion by the panel (the first one included). */
  inserted(): void;
  /** Draws the notice (or nothing) again: the panel rendered its slot. */
  draw(): void;
}

/** `slot`: the notice's place in the panel (null before the panel drew it). */
export function startDraftLeft(controller: PanelController, slot: () => HTMLElement | null): DraftLeftRun {
  /** The draft the box still holds for another buyer than the open one, while the panel says so. */
  let left: LeftDraft | null = null;
  /** The panel's last insertion, until the next switch looks at it. */
  let last: LeftDraft | null = null;
  /** Where it was drawn last: a slot the panel drew again elsewhere (a page kind back to chat) is let go. */
  let drawn: HTMLElement | null = null;
  const draw = () => {
    const el = slot();
    if (!el) return;
    if (drawn && drawn !== el) render(null, drawn);
    drawn = el;
    setLocale(controller.store.get().settings.shop.locale);
    render(left && <DraftLeft left={left} clear={clear} dismiss={hide} />, el);
  };
  const say = (d: LeftDraft | null) => {
    left = d;
    draw();
  };
  const hide = () => say(null);
  const box = () => controller.chatInputQuiet();
  const isOpen = (d: LeftDraft) => {
    const s = controller.store.get();
    return d.buyer === s.buyer && d.buyerId === s.buyerId;
  };
  const clear = () => {
    const input = box();
    const at = left ? boxText(input).indexOf(left.text) : -1;
    // Only that text, where it is now: whatever the agent typed or inserted since stays.
    if (at < 0 || replaceRange(input!, at, at + left!.text.length, '', { expected: left!.text }).ok) hide();
  };

  controller.onPageRead(() => {
    const text = boxText(box());
    // Sent, typed over or cleared, or the agent is back with its buyer: nothing to say.
    if (left && (!text.includes(left.text) || isOpen(left))) hide();
    if (last && !isOpen(last)) {
      if (last.text && text === last.text) say(last);
      last = null;
    }
  });
  return {
    inserted() {
      const { buyer, buyerId } = controller.store.get();
      const input = box();
      last = input && buyer ? { buyer, buyerId, text: boxText(input) } : null;
    },
    draw,
  };
}
