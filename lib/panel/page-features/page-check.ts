/**
 * The page check ("检查页面"): opened from the panel header or from the notice that the chat input is
 * gone; shows which reads succeed on this page and names the selector constants that found nothing
 * (lib/sites/probe.ts), with a copyable report that holds no buyer data (lib/panel/page-check.ts).
 */
import type { PanelFeature } from '../page-feature';
import { PageCheck } from '@/components/PageCheck';

export const pageCheck: PanelFeature = {
  name: 'page-check',
  init({ addSection }) {
    addSection({ name: 'page-check', slot: 'top', order: 5, component: PageCheck, when: (s) => s.pageCheck !== null });
  },
};
