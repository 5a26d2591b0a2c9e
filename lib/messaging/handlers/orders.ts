import { InvalidPayload, obj, type HandlerSet } from './types';
import { ORDER_STATES, type OrdersProtocol, type SeenOrder } from '../protocol-orders';
import type { Platform } from '../../sites/types';
import { remarkFactsFromOrders } from './rules';
import { followupOrderSink } from './followups';
import { recordOrdersSeen } from './customers';
import { BUYER_ID_MAX, normaliseBuyerId } from '../../domain/customers/identity';
import { PLATFORM_IDS } from '../schema';
import { FLAG_COLORS } from '../../domain/remarks/types';

const PLATFORMS = new Set<string>(PLATFORM_IDS);
const STATUSES = new Set<string>(ORDER_STATES);
const FLAGS = new Set<string>(FLAG_COLORS);
const MAX_ROWS = 500;

export function parseSeenOrders(payload: unknown): { platform: Platform; orders: SeenOrder[] } {
  const p = obj(payload, 'reportOrders');
  if (typeof p.platform !== 'string' || !PLATFORMS.has(p.platform)) throw new InvalidPayload('reportOrders: platform');
  if (!Array.isArray(p.orders) || p.orders.length > MAX_ROWS) throw new InvalidPayload('reportOrders: orders');
  const orders = p.orders.map((raw, i): SeenOrder => {
    const o = obj(raw, `reportOrders[${i}]`);
    const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
    if (typeof o.orderId !== 'string' || !/^[0-9A-Za-z-]{4,40}$/.test(o.orderId)) throw new InvalidPayload(`reportOrders[${i}]: orderId`);
    if (typeof o.status !== 'string' || !STATUSES.has(o.status)) throw new InvalidPayload(`reportOrders[${i}]: status`);
    // A flag the page does not show (JD's list), did not read, or a value not known is not read:
    // never gray (which would hold the remark to 无效订单). `flag` is then only a placeholder.
    const read = typeof o.flag === 'string' && FLAGS.has(o.flag) && o.flagUnknown !== true;
    const order: SeenOrder = {
      orderId: o.orderId,
      buyer: str(o.buyer, 64),
      status: o.status as SeenOrder['status'],
      flag: (read ? o.flag : 'gray') as SeenOrder['flag'],
      remark: str(o.remark, 2000),
    };
    if (!read) order.flagUnknown = true;
    const unread = Array.isArray(o.unread) ? o.unread.filter((u) => u === 'flag' || u === 'remark') : [];
    if (unread.length) order.unread = unread as SeenOrder['unread'];
    if (typeof o.createdAt === 'number' && Number.isFinite(o.createdAt)) order.createdAt = o.createdAt;
    if (typeof o.amountYuan === 'number' && Number.isFinite(o.amountYuan)) order.amountYuan = o.amountYuan;
    if (typeof o.items === 'string') order.items = o.items.slice(0, 200);
    if (o.buyerId !== undefined) {
      const buyerId = typeof o.buyerId === 'string' && o.buyerId.length <= BUYER_ID_MAX ? normaliseBuyerId(o.buyerId) : null;
      if (!buyerId) throw new InvalidPayload(`reportOrders[${i}]: buyerId`);
      order.buyerId = buyerId;
    }
    return order;
  });
  return { platform: p.platform as Platform, orders };
}

/**
 * Where reported orders go. Each feature that learns from order pages adds its sink here
 * (follow-ups: unpaid reminders and closing; customers: "order seen" history).
 */
const sinks: ((platform: Platform, orders: SeenOrder[], now: number, pageUrl?: string) => Promise<void>)[] = [
  // Remarks: parsed once, against the shop's rules, for every remark fact sink (handlers/rules.ts).
  remarkFactsFromOrders,
  // Follow-ups: unpaid reminders, overdue shipping, closing what the page shows resolved.
  followupOrderSink,
  // Buyer notes: one 'order-seen' event per order, all buyers of the page in one transaction.
  recordOrdersSeen,
];

export const orderHandlers: HandlerSet<OrdersProtocol> = {
  reportOrders: {
    writes: true,
    content: true,
    async handle(payload, ctx) {
      const { platform, orders } = parseSeenOrders(payload);
      const now = Date.now();
      // The page address comes from the browser (the sender), not from the page's own payload.
      for (const sink of sinks) await sink(platform, orders, now, ctx.url);
    },
  },
};
