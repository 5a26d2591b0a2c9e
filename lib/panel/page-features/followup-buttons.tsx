/** Follow-up buttons on a chat page: 问了没拍, 答应回复 (with a time), 中差评. */
import type { PanelFeature } from '../page-feature';
import { FollowupActions } from '@/components/panel/FollowupActions';

const Buttons = () => <FollowupActions />;

export const followupButtons: PanelFeature = {
  name: 'followup-buttons',
  init({ addSection }) {
    addSection({ name: 'followup-buttons', slot: 'chat', order: 40, component: Buttons, when: (s) => !!s.buyer });
  },
};
