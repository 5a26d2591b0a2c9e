/**
 * The worker's part of a 催付 reply inserted into a buyer's chat (lib/domain/followups/reminded.ts):
 * checks the page's request, reads whether the reply is a payment reminder in the library, and marks
 * (or, `undo`, gives back) the buyer's 拍下未付 items in one transaction. Run from worker-extras.js,
 * lent the worker's follow-up store (`transact`: its cache is the worker's) and library reader.
 */
import type { Followup, FollowupSettings } from '../domain/followups/types';
import { isPaymentReminder, markReminded, undoReminded, type RemindWho } from '../domain/followups/reminded';
import { normaliseBuyerId, normaliseNickname } from '../domain/customers/identity';
import type { Platform } from '../sites/types';
import type { LibraryRecord } from '../storage/library';

export interface RemindedDeps {
  transact<T>(now: number, fn: (items: Followup[]) => { put?: Followup[]; value: T }): Promise<T>;
  loadLibrary(): Promise<LibraryRecord>;
  settings: FollowupSettings;
  now: number;
}

export interface RemindedRequest {
  buyer: string;
  buyerId?: string | null;
  platform?: Platform;
  templateId: string;
  undo?: number;
}

/** `at`: the mark's time (the undo's, given back); `ids`, `orders`: the items changed. */
export async function remindedRun(p: RemindedRequest, deps: RemindedDeps): Promise<{ at: number; ids: string[]; orders: string[] }> {
  const buyer = normaliseNickname(p.buyer ?? '');
  const none = { at: deps.now, ids: [], orders: [] };
  // The schema gave the page's own console; nothing to act on without a buyer.
  if (!buyer || !p.platform) return none;
  const who: RemindWho = { buyer, buyerId: p.buyerId ? normaliseBuyerId(p.buyerId) : null, platform: p.platform };
  const undo = typeof p.undo === 'number' && Number.isFinite(p.undo) ? p.undo : undefined;
  if (undo === undefined && !isPaymentReminder((await deps.loadLibrary()).templates.find((t) => t.id === p.templateId))) return none;
  const zone = deps.settings.utcOffsetMinutes;
  const put = await deps.transact(deps.now, (items) => {
    const changed = undo === undefined ? markReminded(items, who, deps.now, zone) : undoReminded(items, who, undo, deps.now, zone);
    return { put: changed, value: changed };
  });
  return { at: undo ?? deps.now, ids: put.map((f) => f.id), orders: put.map((f) => f.orderId ?? '') };
}
