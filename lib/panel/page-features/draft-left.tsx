/**
 * A reply the panel put in the chat box for one buyer, still there when the agent opens another:
 * some consoles (taught ones, such as a shop's own desk) keep one chat box for every buyer, and
 * Alt+1 would add the next buyer's reply after it. At a switch, if the box holds exactly what it
 * held after the panel's last insertion (the agent neither sent, typed nor cleared it), the panel
 * says so (components/panel/DraftLeft.tsx) until that text leaves the box, the agent is back with
 * its buyer, or the agent answers: 清空 takes out that text alone, 知道了 leaves it. The box is
 * never emptied without the agent's click. A console that keeps a draft per conversation shows the
 * next buyer's own box, and nothing is said.
 */
import type { PanelFeature } from '../page-feature';
import { Store } from '../store';
import { DraftLeft, type DraftLeftState, type LeftDraft } from '@/components/panel/DraftLeft';

/** The box's text as replaceRange counts it: a field's value, an editor's text nodes. */
const boxText = (el: HTMLElement | null) => (el ? ((el as HTMLTextAreaElement).value ?? el.textContent ?? '') : '');

export const draftLeft: PanelFeature = {
  name: 'draft-left',
  init({ controller, addSection }) {
    const ui = new Store<DraftLeftState>({ left: null });
    /** The panel's last insertion, until the next switch looks at it. */
    let last: LeftDraft | null = null;
    const box = () => controller.chatInputQuiet();
    const hide = () => ui.set({ left: null });
    const isOpen = (d: LeftDraft) => {
      const s = controller.store.get();
      return d.buyer === s.buyer && d.buyerId === s.buyerId;
    };
    const clear = () => {
      const { left } = ui.get();
      const input = box();
      const at = left ? boxText(input).indexOf(left.text) : -1;
      // Only that text, where it is now: whatever the agent typed or inserted since stays. The writer
      // is the suggest script's, in since the panel's insertion this line is about.
      if (at < 0 || controller.engine?.replaceRange(input!, at, at + left!.text.length, '', { expected: left!.text }).ok) hide();
    };
    addSection({ name: 'draft-left', slot: 'chat', order: 1, component: () => <DraftLeft store={ui} clear={clear} dismiss={hide} /> });

    controller.onInserted(() => {
      const { buyer, buyerId } = controller.store.get();
      const input = box();
      last = input && buyer ? { buyer, buyerId, text: boxText(input) } : null;
    });
    controller.onPageRead(() => {
      const text = boxText(box());
      const { left } = ui.get();
      // Sent, typed over or cleared, or the agent is back with its buyer: nothing to say.
      if (left && (!text.includes(left.text) || isOpen(left))) hide();
      if (last && !isOpen(last)) {
        if (last.text && text === last.text) ui.set({ left: last });
        last = null;
      }
    });
  },
};
