/** The buyer card: notes, sizes, tags and history of the open buyer (lib/panel/customers.ts). */
import type { PanelFeature } from '../page-feature';
import { CustomerCard } from '@/components/customers/CustomerCard';

export const buyerCard: PanelFeature = {
  name: 'buyer-card',
  init({ card, addSection }) {
    addSection({ name: 'buyer-card', slot: 'chat', order: 10, component: CustomerCard });
    card.start();
  },
};
