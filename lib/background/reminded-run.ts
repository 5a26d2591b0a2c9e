/**
 * The worker's part of a 催付 reply inserted into a buyer's chat (lib/domain/followups/reminded.ts):
 * checks the page's request, reads whether the reply is a payment reminder in the library, and marks
 * (or, `undo`, gives back) the buyer's 拍下未付 items in one transaction, and keeps (or takes back) the
 * reminder for orders the list has not made an item for yet (REMINDED_FACTS_KEY in `meta`). Run from
 * worker-extras.js, lent the worker's follow-up store (`transact`: its cache is the worker's), its `db`
 * and library reader.
 */
import type { Followup, FollowupSettings } from '../domain/followups/types';
import { REMINDED_FACTS_KEY, isPaymentReminder, markReminded, undoReminded, withReminder, withoutReminder, type MetaDb, type RemindWho } from '../domain/followups/reminded';
import { normaliseBuyerId, normaliseNickname } from '../domain/customers/identity';
import type { Platform } from '../sites/types';
import type { LibraryRecord } from '../storage/library';

export interface RemindedDeps {
  transact<T>(now: number, fn: (items: Followup[]) => { put?: Followup[]; value: T }): Promise<T>;
  loadLibrary(): Promise<LibraryRecord>;
  db: MetaDb;
  settings: FollowupSettings;
  now: number;
}

export interface RemindedRequest {
  buyer: string;
  buyerId?: string | null;
  platform?: Platform;
  templateId: string;
  undo?: number;
  /** The reply was copied (the agent pastes it by hand), not inserted: the items' line and close say so. */
  copied?: boolean;
}

/**
 * `at`: the mark's time (the undo's, given back); `ids`, `orders`: the items changed; `kept`: the
 * reminder is kept for the buyer's orders placed before it that reach the list later (an undo took it back).
 */
export async function remindedRun(p: RemindedRequest, deps: RemindedDeps): Promise<{ at: number; ids: string[]; orders: string[]; kept?: boolean }> {
  const buyer = normaliseNickname(p.buyer ?? '');
  const none = { at: deps.now, ids: [], orders: [] };
  // The schema gave the page's own console; nothing to act on without a buyer.
  if (!buyer || !p.platform) return none;
  const who: RemindWho = { buyer, buyerId: p.buyerId ? normaliseBuyerId(p.buyerId) : null, platform: p.platform };
  const undo = typeof p.undo === 'number' && Number.isFinite(p.undo) ? p.undo : undefined;
  if (undo === undefined && !isPaymentReminder((await deps.loadLibrary()).templates.find((t) => t.id === p.templateId))) return none;
  const zone = deps.settings.utcOffsetMinutes;
  const copied = p.copied === true;
  // Kept first: an order list read between the two writes then finds the reminder (or, undone, not).
  await deps.db.update('meta', REMINDED_FACTS_KEY, (raw) => (undo === undefined ? withReminder(raw, who, deps.now, copied) : withoutReminder(raw, who, undo, deps.now)));
  const put = await deps.transact(deps.now, (items) => {
    const changed = undo === undefined ? markReminded(items, who, deps.now, zone, copied) : undoReminded(items, who, undo, deps.now, zone);
    return { put: changed, value: changed };
  });
  return { at: undo ?? deps.now, ids: put.map((f) => f.id), orders: put.map((f) => f.orderId ?? ''), kept: undo === undefined };
}
