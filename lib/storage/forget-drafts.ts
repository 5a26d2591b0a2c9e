/**
 * A deleted buyer's unsaved drafts leave the session area (lib/domain/customers/forget.ts,
 * forgetDrafts): in worker-extras, as the rest of a deletion's rules.
 */
import { forgetDrafts } from '../domain/customers/forget';
import type { Forget } from '../domain/customers/forget';
import type { Storage } from '../browser';

export async function forgetSessionDrafts(area: Storage.StorageArea | undefined, who: Forget): Promise<void> {
  if (!area) return;
  const { remove, set } = forgetDrafts(await area.get(null), who);
  if (Object.keys(set).length) await area.set(set);
  if (remove.length) await area.remove(remove);
}
