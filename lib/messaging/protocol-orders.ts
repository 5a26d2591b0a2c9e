import type { OrderRow, Platform } from '../sites/types';
import { FLAG_COLORS } from '../domain/remarks/types';
import { ORDER_ID } from './protocol-followups';
import { s, type PageSchemas } from './schema';
import { BUYER_ID_MAX } from '../domain/customers/identity';

/** An order row as a console page showed it, without its DOM element, reported by the content script. */
export type SeenOrder = Omit<OrderRow, 'element'>;

export interface OrdersProtocol {
  /** The order rows a page shows now; the background derives follow-ups and buyer history from them. */
  reportOrders: [{ platform: Platform; orders: SeenOrder[] }, void];
}

/** Rows a page may report at once. */
export const MAX_REPORTED_ROWS = 500;
/** An order row's status as the pages report it (the check here and the worker's, handlers/orders.ts). */
export const ORDER_STATES = ['unpaid', 'paid', 'shipped', 'refunding', 'completed', 'closed', 'unknown'] as const;

/** What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"). */
export const ordersPageSchemas = (): PageSchemas<OrdersProtocol> => ({
  reportOrders: s.object({
    platform: s.ownPlatform(),
    orders: s.array(
      s.object({
        orderId: s.text({ max: 40, pattern: ORDER_ID }),
        buyer: s.text({ max: 200 }),
        buyerId: s.optional(s.text({ max: BUYER_ID_MAX, min: 1 })),
        status: s.oneOf(ORDER_STATES),
        flag: s.oneOf(FLAG_COLORS),
        // The page did not show the flag (JD's list) or could not read a part (OrderRow).
        flagUnknown: s.optional(s.boolean()),
        unread: s.optional(s.array(s.oneOf(['flag', 'remark'] as const), { max: 2 })),
        remark: s.text({ max: 4000 }),
        createdAt: s.optional(s.number()),
        amountYuan: s.optional(s.number()),
        items: s.optional(s.text({ max: 2000 })),
      }),
      { max: MAX_REPORTED_ROWS },
    ),
  }),
});

declare module './protocol' {
  interface Protocol extends OrdersProtocol {}
}
