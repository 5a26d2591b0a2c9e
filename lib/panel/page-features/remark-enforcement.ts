/**
 * Remark enforcement on order pages: the rows and the open remark editor are read as the page
 * changes; the form and the checks themselves load on demand (entrypoints/remarks-feature.tsx).
 */
import { h } from 'preact';
import type { PanelFeature } from '../page-feature';
import { FeatureSlot } from '@/components/FeatureSlot';
import { isAltKey } from '@/components/ime-key';
import { loadFeature } from '../features';
import { t } from '@/lib/i18n';

const RemarksSlot = () => h(FeatureSlot, { name: 'remarks' });

export const remarkEnforcement: PanelFeature = {
  name: 'remark-enforcement',
  init({ controller, adapter, doc, addSection }, signal) {
    // After the chat's sections (suggestions are 50) where a remark box sits beside a chat.
    addSection({ name: 'remarks', slot: 'orders', order: 60, component: RemarksSlot });
    adapter.observeOrders?.(doc, signal, () => controller.readOrders());
    // Alt+R is the form's own (entrypoints/remarks-feature.tsx), but a folded panel has no form:
    // with a remark box open, the key opens the panel and the form takes focus once it is in. Without
    // one it never does nothing: it opens a folded panel for this page, as Alt+K and Alt+1…9 do — on
    // an order page on the remark section, which says a box must be opened (or cannot be found); on
    // a chat page with a line saying so (its words come with the suggest script, loaded on chat pages).
    doc.addEventListener(
      'keydown',
      (e) => {
        if (!isAltKey(e, 'KeyR')) return;
        const s = controller.store.get();
        const chat = !s.remarkEditor && !s.pageKind.startsWith('order');
        if (!s.collapsed && !chat) return;
        e.preventDefault();
        e.stopPropagation();
        if (s.remarkEditor) return void ((controller.remarkKey = true), controller.setCollapsed(false));
        controller.store.set({ collapsed: false });
        if (chat) void loadFeature('suggest').then(() => controller.store.set({ notice: { kind: 'warn', text: t('panel.altRNoBox') } }), () => {});
      },
      { capture: true, signal },
    );
  },
};
