/**
 * Deleting a buyer in the worker (客户档案 → 删除, 全部删除, the retention purge): what else holds
 * them goes as lib/storage/forget-buyers.ts says; picks are forgotten with the suggestion engine's
 * memory (and, in team mode, for the team), and open pages are told.
 */
import { announceChange } from '../client';
import { forgetBuyers, type ForgetHere } from '../../storage/forget-buyers';
import { forgetLearnedPicks } from './learned';
import type { Forget, ForgetCounts, OpenItems } from '../../domain/customers/forget';

const worker: ForgetHere = {
  // Picks leave the backups inside (announced there when a backup held one).
  forgetPicks: async (ids) => void (await forgetLearnedPicks(ids)),
  announce: announceChange,
};

export function forgetBuyersElsewhere(who: Forget, open: OpenItems, now: number, opts?: Parameters<typeof forgetBuyers>[4]): Promise<ForgetCounts> {
  return forgetBuyers(worker, who, open, now, opts);
}
