/**
 * Remark enforcement on order pages: the rows and the open remark editor are read as the page
 * changes; the form and the checks themselves load on demand (entrypoints/remarks-feature.tsx).
 */
import { h } from 'preact';
import type { PanelFeature } from '../page-feature';
import { FeatureSlot } from '@/components/FeatureSlot';
import { isAltKey } from '@/components/ime-key';

const RemarksSlot = () => h(FeatureSlot, { name: 'remarks' });

export const remarkEnforcement: PanelFeature = {
  name: 'remark-enforcement',
  init({ controller, adapter, doc, addSection }, signal) {
    // After the chat's sections (suggestions are 50) where a remark box sits beside a chat.
    addSection({ name: 'remarks', slot: 'orders', order: 60, component: RemarksSlot });
    adapter.observeOrders?.(doc, signal, () => controller.readOrders());
    // Alt+R is the form's own (entrypoints/remarks-feature.tsx), but a folded panel has no form:
    // with a remark box open, the key opens the panel and the form takes focus once it is in.
    doc.addEventListener(
      'keydown',
      (e) => {
        const s = controller.store.get();
        if (s.collapsed && s.remarkEditor && isAltKey(e, 'KeyR')) {
          e.preventDefault();
          e.stopPropagation();
          controller.remarkKey = true;
          controller.setCollapsed(false);
        }
      },
      { capture: true, signal },
    );
  },
};
