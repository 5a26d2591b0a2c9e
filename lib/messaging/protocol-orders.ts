import type { OrderRow, Platform } from '../sites/types';

/** An order row as a console page showed it, without its DOM element, reported by the content script. */
export type SeenOrder = Omit<OrderRow, 'element'>;

export interface OrdersProtocol {
  /** The order rows a page shows now; the background derives follow-ups and buyer history from them. */
  reportOrders: [{ platform: Platform; orders: SeenOrder[] }, void];
}

declare module './protocol' {
  interface Protocol extends OrdersProtocol {}
}
