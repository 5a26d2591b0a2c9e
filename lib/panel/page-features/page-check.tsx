/**
 * The page check ("检查页面"): opened from the panel header or from the notice that the chat input is
 * gone; shows which reads succeed on this page and names the selector constants that found nothing
 * (lib/sites/probe.ts), with a copyable report that holds no buyer data (lib/panel/page-check.ts).
 * The check itself is a feature script (entrypoints/check-feature.tsx), loaded when the agent opens
 * it: a page that works never needs it, and every page loads the content script.
 */
import type { PanelFeature } from '../page-feature';
import { FeatureSlot } from '@/components/FeatureSlot';

const CheckSlot = () => <FeatureSlot name="check" />;

export const pageCheck: PanelFeature = {
  name: 'page-check',
  init({ addSection }) {
    addSection({ name: 'page-check', slot: 'top', order: 5, component: CheckSlot, when: (s) => s.pageCheck !== null });
  },
};
