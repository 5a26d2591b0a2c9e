/**
 * The follow-up list's background work: the alarm jobs (badge + notifications when items turn due;
 * VIP revisits and pruning hourly) and the listeners registered at every worker start.
 */
import { announceChange, onDataChanged } from '../messaging/client';
import { segmentOf, type Customer } from '../domain/customers';
import { customersChangedElsewhere, scanCustomers } from '../storage/customers';
import { applyFollowupRule, invalidateFollowupCache, loadFollowups, pruneFollowups } from '../storage/followups';
import { followupSettingsOf, loadSettings } from '../storage/settings';
import { refreshBadge } from './badge';
import { workerExtras } from './extras';
import { notifyUnpaidBeforeCutoff, registerNotificationClicks } from './notify';

/** When items turn due: the count on the icon, and the cut-off notification if it is on. */
export async function followupTick(now = Date.now()): Promise<void> {
  await refreshBadge(now);
  await notifyUnpaidBeforeCutoff(now);
}

/**
 * Customers' notes → VIP monthly revisits (and closing revisits of buyers no longer VIP), read page
 * by page with the customers store's cursor so a large store never sits in memory at once. `only`:
 * these buyers' records instead (an import's, as it wrote them): the others are the hourly job's.
 */
export async function vipRevisits(now = Date.now(), only?: readonly Customer[]): Promise<number> {
  // Old done items go first: the scan below reads every buyer (seconds at 20,000) and may fail,
  // and the history must not wait for it, nor stay when it fails (announced with the job's change).
  const pruned = await pruneFollowups(now);
  const tracked = new Set((await loadFollowups(now)).filter((f) => f.kind === 'vip-revisit').map((f) => f.id.slice('vip-revisit:'.length)));
  const filter = (c: Customer) => segmentOf(c) === 'vip' || tracked.has(c.key);
  const customers: Customer[] = only?.filter(filter) ?? [];
  for (let after: string | undefined = ''; !only && after !== undefined; ) {
    const page = await scanCustomers({ after: after || undefined, limit: 500, maxScan: 5000, filter }, now);
    customers.push(...page.items);
    after = page.next ?? undefined;
  }
  const settings = followupSettingsOf(await loadSettings());
  const changed = await applyFollowupRule((existing) => workerExtras().vip.followupsFromCustomers(customers, existing, settings, now), now);
  if (changed || pruned) await announceChange('followups');
  return changed;
}

/** Listeners for the follow-up list; call synchronously at every worker start. */
export function registerFollowupBackground(): void {
  registerNotificationClicks();
  // Any change of the list (a handler here, a backup restore) or of the settings (shift hours,
  // cut-off) re-reads the list and sets the badge again; of the buyers, their count is read again.
  const badge = () => void refreshBadge().catch((err) => console.warn('[kf] badge refresh failed', err));
  onDataChanged(['followups', 'settings', 'customers'], (area) => {
    if (area === 'customers') return customersChangedElsewhere();
    if (area === 'followups') invalidateFollowupCache();
    badge();
  });
  badge();
}
