/**
 * Customer record migrations. Records carry `v` from the first version; a record without `v` is
 * the prototype's shape (v0): `{ nick, notes, size, platform?, tags?, vip?, updated? }`, where
 * `size` was free text such as "165/110斤 M码". Steps are pure and idempotent and accept anything.
 *
 * CUSTOMER_SCHEMA has the shape of lib/storage/versioned.ts's RecordSchema, so storage can run it
 * with its `migrate()`; migrateCustomer() runs the same steps on its own.
 */
import type { Platform } from '../../sites/types';
import { versionedRecord } from '../record-version';
import { checkCustomer } from './check';
import { customerKey } from './customer';
import { nicknameKey, normaliseNickname } from './identity';
import { parseSizes } from './sizes';
import { CUSTOMER_VERSION, PLATFORMS, type Customer, type Sizes } from './types';

type Rec = Record<string, unknown>;

export class CustomerRecordError extends Error {
  override name = 'CustomerRecordError';
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/**
 * The note line keeping a v0 record's free-text size. Chinese whatever the interface: the
 * prototype's notes were Chinese (and no message bundle need ship in the worker for it).
 */
const SIZE_LINE = '尺码：';

/**
 * Upgrades a prototype record (v0). Handed in, not imported: the worker meets such records about
 * never, so it asks worker-extras.js for `customerFromV0` then (lib/storage/customers.ts) and
 * background.js carries neither this step nor the size parser.
 */
export type V0Upgrade = (r: Rec) => Rec;

/**
 * Upgrades an older record (v0 or v1) to the current version's shape without checking it; the
 * import runs checkCustomer on the result to list every problem.
 */
export function upgradeCustomerRecord(r: Rec): Rec {
  let out = r;
  if (out.v === undefined) out = customerFromV0(out);
  if (out.v === 1) out = customerV1toV2(out);
  return out;
}

/** v0 → v1. The prototype ran on Taobao only, so a v0 record without a platform is Taobao's. */
export function customerV0toV1(r: Rec, readSizes: (text: string) => Partial<Sizes>): Rec {
  const platform: Platform = (PLATFORMS as readonly unknown[]).includes(r.platform) ? (r.platform as Platform) : 'taobao';
  const nickname = (str(r.nickname) || str(r.nick)).trim();
  const notes = (str(r.notes) || str(r.note)).trim();
  const size = str(r.size).trim();
  const tags = Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : [];
  if (r.vip === true && !tags.some((t) => /vip/i.test(t))) tags.push('VIP');
  const sizeLine = size ? SIZE_LINE + size : '';
  const out: Rec = {
    v: 1,
    key: customerKey(platform, nickname),
    platform,
    nickname,
    segment: 'new',
    tags,
    sizes: size ? readSizes(size) : {},
    preferences: '',
    addressNote: '',
    // The free text is kept: parseSizes may not read all of it.
    note: [notes, sizeLine].filter(Boolean).join('\n'),
    history: [],
    droppedEvents: 0,
    orderIds: [],
  };
  if (typeof r.updated === 'number' && Number.isFinite(r.updated)) {
    out.createdAt = out.updatedAt = out.lastSeenAt = r.updated;
  }
  return out;
}

/**
 * v1 → v2. Version 1 keyed every buyer `${platform}:${nickname}` with the nickname only trimmed, so
 * names differing in a BOM or a zero-width space had separate keys and U+FEFF was treated as a space.
 * The nickname is normalised (normaliseNickname) and the key recomputed; v1 records never had a
 * console id, so they stay nickname-keyed (an id record adopts one later, see README.md). Storage
 * moves a record whose key changed and merges it with a record already under the new key.
 */
export function customerV1toV2(r: Rec): Rec {
  const nickname = normaliseNickname(r.nickname);
  const out: Rec = { ...r, v: 2, nickname };
  delete out.buyerId;
  if ((PLATFORMS as readonly unknown[]).includes(r.platform) && nickname) out.key = nicknameKey(r.platform as Platform, nickname);
  return out;
}

function finish(record: Rec, now: number): Customer {
  const { customer, problems } = checkCustomer(record, now);
  if (!customer) {
    // For the log only (the agent never sees it): the problem codes, not the import's worded messages.
    throw new CustomerRecordError(`unusable customer record: ${problems.map((p) => (p.params ? `${p.code} ${JSON.stringify(p.params)}` : p.code)).join('; ')}`);
  }
  return customer;
}

/** customerV0toV1 with the size parser (worker-extras.js carries it for the worker). */
export const customerFromV0: V0Upgrade = (r) => customerV0toV1(r, parseSizes);

export const customerSchema = (fromV0: V0Upgrade) => ({
  version: CUSTOMER_VERSION,
  steps: [fromV0, customerV1toV2],
  /** Missing timestamps (only in damaged or v0 records) are filled with the time of reading. */
  finish: (record: Rec): Customer => finish(record, Date.now()),
});

/**
 * Any stored shape → a current record. Damaged parts are repaired (see check.ts); a record with no
 * nickname or platform throws CustomerRecordError, as does one from a newer version.
 * `now` fills timestamps a record lacks; pass it to stay deterministic.
 */
export function migrateCustomer(raw: unknown, now: number, fromV0: V0Upgrade): Customer {
  let [record, v] = versionedRecord(raw, CUSTOMER_VERSION, CustomerRecordError, 'customer');
  if (v === 0) record = fromV0(record);
  if (v <= 1) record = customerV1toV2(record);
  return finish(record, now);
}
