/**
 * A round of several buyer questions (尺码, the live room's price, 什么时候发货 written in a row): the
 * panel names each one, and after the shop's reply to one, the others as 还没答 until they are answered
 * or the buyer writes a new round. The needs are read in the suggest feature script (with the
 * classifier), and the line is drawn by it (components/panel/RoundNeeds.tsx, its own Preact) into the
 * slot given here: content.js holds only this place.
 */
import type { PanelFeature } from '../page-feature';

export const roundNeeds: PanelFeature = {
  name: 'round-needs',
  init({ controller, addSection }) {
    let off: (() => void) | undefined;
    // One function for every render: Preact calls it once with the slot, once with null when it goes.
    const slot = (el: HTMLElement | null) => {
      off?.();
      off = el ? controller.engine?.drawNeeds(el, controller) : undefined;
    };
    // Its part of the panel, shown while the round holds several needs (the engine is in: it read them).
    // What a reply put in answers is the drawing script's too (RoundNeeds.tsx drawNeeds).
    addSection({ name: 'round-needs', slot: 'chat', order: 40, when: (s) => !!s.needs?.[1], component: () => <div ref={slot} style="display:contents" /> });
  },
};
