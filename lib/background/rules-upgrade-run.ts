/**
 * The once-only correction of a stored remark rule set (upgradeRuleRecord, lib/domain/remarks/upgrade.ts),
 * run from worker-extras.js: every read of a stored rule set loads the extras anyway (its check), so
 * background.js carries only the call (lib/storage/rules.ts `rulesReady`).
 */
import type { db as Db } from '../storage/db';
import { upgradeRuleRecord } from '../domain/remarks/upgrade';

/** In `meta`: the stored rule set has had its untouched preset fields corrected. */
export const RULE_DEFAULTS_KEY = 'remarkRules:defaults';
const RULES_KEY = 'remarkRules';

/**
 * Until the marker is set: the stored set (if any) takes the corrected defaults, then the marker is
 * set. Never rejects: a failure (a full disk) leaves the set to be read as it is, and is tried again
 * at the next start.
 */
export async function upgradeStoredRules(db: typeof Db): Promise<void> {
  try {
    if (await db.get('meta', RULE_DEFAULTS_KEY)) return;
    if ((await db.get('meta', RULES_KEY)) !== undefined) await db.update<unknown>('meta', RULES_KEY, (old) => upgradeRuleRecord(old) ?? old);
    await db.set('meta', RULE_DEFAULTS_KEY, 1);
  } catch (err) {
    console.warn('[kf]', err);
  }
}
