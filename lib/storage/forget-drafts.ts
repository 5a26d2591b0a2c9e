/**
 * A deleted buyer's unsaved drafts leave the session area (lib/domain/customers/forget.ts,
 * forgetDrafts): in worker-extras, as the rest of a deletion's rules.
 */
import { forgetDrafts } from '../domain/customers/forget';
import type { Forget } from '../domain/customers/forget';
import { browser, type Storage } from '../browser';

/** In the worker or the team page (both extension pages with a session area); none: nothing kept there. */
export async function forgetSessionDrafts(who: Forget): Promise<void> {
  const area = (browser?.storage as { session?: Storage.StorageArea } | undefined)?.session;
  if (!area) return;
  const { remove, set } = forgetDrafts(await area.get(null), who);
  if (Object.keys(set).length) await area.set(set);
  if (remove.length) await area.remove(remove);
}
