import type { FlagColor, OrderStatus, Platform } from '../sites/types';

/** An order row as a console page showed it (no DOM), reported by the content script. */
export interface SeenOrder {
  orderId: string;
  buyer: string;
  status: OrderStatus;
  createdAt?: number;
  amountYuan?: number;
  items?: string;
  flag: FlagColor;
  remark: string;
}

export interface OrdersProtocol {
  /** The order rows a page shows now; the background derives follow-ups and buyer history from them. */
  reportOrders: [{ platform: Platform; orders: SeenOrder[] }, void];
}

declare module './protocol' {
  interface Protocol extends OrdersProtocol {}
}
