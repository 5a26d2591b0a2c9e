/**
 * A reply the panel put in the chat box for one buyer, still there when the agent opens another
 * (a chat box every buyer shares): the panel says so, with 清空 and 知道了. Only the panel's own
 * insertion leaves such a reply, and the suggest feature script's writer makes it, so all of this is
 * in that script (lib/panel/draft-left-run.tsx), started at the first insertion; here, its place in
 * the panel, which that script draws into with its own Preact at each render of it.
 */
import type { PanelFeature } from '../page-feature';
import type { DraftLeftRun } from '../draft-left-run';

export const draftLeft: PanelFeature = {
  name: 'draft-left',
  init({ controller, addSection }) {
    let run: DraftLeftRun | undefined;
    let slot: HTMLElement | null = null;
    addSection({ name: 'draft-left', slot: 'chat', order: 1, component: () => <div ref={(el) => void (el && (slot = el) && run?.draw())} style="display:contents" /> });
    // The engine is in: its writer made this insertion.
    controller.onInserted(() => (run ??= controller.engine!.draftLeft(controller, () => slot)).inserted());
  },
};
