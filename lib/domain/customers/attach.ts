/**
 * Attaching an old nickname-only record to a buyer the console names by id, on the agent's word
 * (README.md, "Buyer identity", rule 6). identifyBuyer joins the safe cases by itself; a masked or
 * shared name is only joined when the agent, looking at both, says it is the same buyer.
 */
import { adoptUnderId, combineCustomers, profileValue } from './customer';
import { buyerKey, nicknameKey, normaliseBuyerId, normaliseNickname } from './identity';
import { PROFILE_FIELDS, type Customer } from './types';
import type { Platform } from '../../sites/types';

/** The open buyer: the console's id and the name it shows. */
export interface IdentifiedBuyer {
  platform: Platform;
  buyerId: string;
  nickname: string;
}

/**
 * May `old` be offered to this buyer as "a record under the same name"? Only a record kept under
 * a nickname (no id), of the same platform, under the same name once normalised, and only when the
 * agent has not said that name's record is someone else (`notSame`: nickname keys they dismissed
 * for this buyer).
 */
export function offersOldRecord(buyer: IdentifiedBuyer, old: Customer | null, notSame: readonly string[]): boolean {
  if (!old || old.buyerId || !normaliseBuyerId(buyer.buyerId)) return false;
  const nameKey = nicknameKey(buyer.platform, buyer.nickname);
  return old.platform === buyer.platform && old.key === nameKey && old.nickname === normaliseNickname(buyer.nickname) && !notSame.includes(nameKey);
}

/**
 * The agent confirmed that `old` is this buyer: one record under the id's key. Joined as the
 * identity migration joins two records of one buyer (combineCustomers): history is the union by
 * event id (an event in both is kept once), differing texts keep both (the older first), tags the
 * union, sizes the newer over the older, createdAt the earliest. The name is the one the console
 * shows. Fields whose value changed by the join are dated `now` (it is an edit: a merge with
 * another machine's copy of the id's record keeps the joined text).
 */
export function attachOldRecord(current: Customer | null, old: Customer, buyer: IdentifiedBuyer, now: number): Customer {
  if (!offersOldRecord(buyer, old, [])) throw new RangeError(`${old.key} is not a nickname-only record of ${buyer.nickname}`);
  const adopted = adoptUnderId(old, buyer.buyerId, buyer.nickname, now);
  const key = buyerKey(buyer.platform, buyer.buyerId, buyer.nickname);
  if (!current) return adopted;
  if (current.key !== key) throw new RangeError(`${current.key} is not the record of ${key}`);
  const joined: Customer = { ...combineCustomers(current, adopted), nickname: current.nickname };
  const changed = PROFILE_FIELDS.filter((f) => JSON.stringify(profileValue(joined, f)) !== JSON.stringify(profileValue(current, f)));
  if (!changed.length) return joined;
  joined.updatedAt = Math.max(joined.updatedAt, now);
  if (joined.fieldAt) {
    const fieldAt = { ...joined.fieldAt };
    for (const f of changed) fieldAt[f] = Math.max(fieldAt[f] ?? 0, now);
    joined.fieldAt = fieldAt;
  }
  return joined;
}
