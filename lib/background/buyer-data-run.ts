/**
 * exportCustomer's work, in worker-extras.js: what the shop keeps about a buyer (keptAbout: the set
 * deleting them takes), read with the worker's stores lent as loaders — background.js, parsed at
 * every worker wake, is at its budget, so even the reads are called from here.
 */
import { keptAbout, type Forget } from '../domain/customers/forget';
import { REMINDED_FACTS_KEY, remindedFacts, type MetaDb } from '../domain/followups/reminded';
import type { BuyerData } from '../domain/customers/buyer-export';
import type { Customer } from '../domain/customers/types';
import type { Followup } from '../domain/followups/types';
import type { RemarkOverride } from '../storage/rules';
import type { LearnedPick } from '../domain/suggest/learned';

/** The worker's readers: follow-ups (as of `now`), the remark override log, the learned picks; its `db`, for the 催付 reminders kept. */
export type BuyerDataLoads = readonly [(now: number) => Promise<Followup[]>, () => Promise<RemarkOverride[]>, () => Promise<LearnedPick[]>, MetaDb?];

/** `who` as the worker's `forgetting` gives it: the buyer, with their record (`c`) when there is one. */
export async function buyerData(who: Forget & { c?: Customer | null }, [followups, overrides, picks, db]: BuyerDataLoads): Promise<BuyerData> {
  const now = Date.now();
  const [f, o, p, r] = await Promise.all([followups(now), overrides(), picks(), db?.get('meta', REMINDED_FACTS_KEY)]);
  return keptAbout(who, who.c, f, o, p, remindedFacts(r, now));
}
