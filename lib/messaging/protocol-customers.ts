import type { Customer, CustomerPatch, Segment } from '../domain/customers/types';
import type { ForgetCounts, OpenItems } from '../domain/customers/forget';
import type { Platform } from '../sites/types';
import type { BuyerData } from '../domain/customers/buyer-export';
import type { ImportResult } from './protocol';
import { LIMITS } from '../domain/customers/customer';
import { SEGMENTS } from '../domain/customers/types';
import { BUYER_ID_MAX } from '../domain/customers/identity';
import { s, type PageSchemas } from './schema';

/**
 * A buyer as the page names them: the console's id where the page has one, and the shown name. The
 * background derives the record's key (`${platform}#${buyerId}`, else `${platform}:${nickname}`).
 */
export interface BuyerRef {
  platform: Platform;
  nickname: string;
  buyerId?: string | null;
}

export type AppendField = 'preferences' | 'addressNote' | 'note';

/** The card frame's read of a buyer (getBuyerCard). */
export interface BuyerCard {
  customer: Customer | null;
  /** An old nickname-only record the card may offer to attach, or null. */
  old: Customer | null;
}

export interface PatchCustomerRequest extends BuyerRef {
  /** Fields to set (only the ones the agent changed: two tabs editing different fields keep both). */
  patch?: CustomerPatch;
  /** Text added on a new line to a field, inside the write (two tabs appending keep both). */
  append?: Partial<Record<AppendField, string>>;
}

/** Events a page or the agent may record; 'order-seen' and 'remark-saved' come from the background. */
export type PageEventKind = 'note' | 'template-used' | 'issue' | 'followup-done';

export interface AddCustomerEventRequest extends BuyerRef {
  kind: PageEventKind;
  text: string;
  /** What it refers to: a template id, a follow-up id, an order id. */
  ref?: string;
}

export interface CustomerQuery {
  /** Terms matched against nickname, tags, note, preferences, address note; `#tag` for tags only. */
  query?: string;
  segment?: Segment;
  /** Continue after this key (the previous page's `next`). */
  after?: string;
  /** At most 100. */
  limit?: number;
}

export interface CustomerPage {
  items: Customer[];
  /** Pass as `after` for more; null = the end. A page may hold fewer than `limit` matches. */
  next: string | null;
  /** Buyers stored: on a first call only (no `after`); a continued page keeps the first call's. */
  total?: number;
}

export interface RetentionPreview {
  /** Buyers neither served nor edited for that many days. */
  customers: number;
  /** Learned picks older than that (they follow the buyer notes' retention). */
  learned: number;
}

export interface CustomersProtocol {
  /** Content scripts: the buyer of their own platform. `seen` moves lastSeenAt (for retention). */
  getCustomer: [BuyerRef & { seen?: boolean }, Customer | null];
  patchCustomer: [PatchCustomerRequest, Customer];
  addCustomerEvent: [AddCustomerEventRequest, Customer];
  // ---- extension pages only ----
  /**
   * The card frame: the buyers of the conversations a chat page lists, read ahead, answers in the
   * order asked (at most GET_CUSTOMERS_MAX): what getCustomer would answer, but nothing is written
   * (a name's notes join the id's record, or a renamed buyer's record follows, only when opened).
   */
  getCustomers: [{ platform: Platform; buyers: { nickname: string; buyerId?: string | null }[] }, (Customer | null)[]];
  listCustomers: [CustomerQuery, CustomerPage];
  searchCustomers: [CustomerQuery & { query: string }, CustomerPage];
  /** All buyers page by page in key order (at most 5 000 per page); the page assembles the file. */
  exportCustomers: [{ after?: string; limit?: number }, CustomerPage];
  /**
   * Everything the shop keeps about one buyer, for their export (a request to see their data): the
   * same set 删除 takes (previewBuyerDeletion counts it). The options page writes the files from it
   * (lib/domain/customers/buyer-export.ts).
   */
  exportCustomer: [BuyerRef, BuyerData];
  /**
   * A large file's entries sent ahead in parts, `from` the index of the part's first entry in the
   * file; nothing is written until importCustomers. A part that does not follow the ones held (a
   * worker started again between them) is refused `upload-lost`, and the parts held are dropped.
   */
  stageCustomersImport: [{ upload: string; customers: unknown[]; from?: number }, { staged: number }];
  /**
   * Validates the whole file (plus staged parts: `count` of them, else refused `upload-lost`) first:
   * a bad file changes nothing. Merges by buyer.
   */
  importCustomers: [{ json: unknown; upload?: string; count?: number }, ImportResult];
  /**
   * Deletes a buyer, and what else holds them (lib/domain/customers/forget.ts): their follow-ups
   * (done ones deleted; open ones deleted or, `openFollowups: 'keep'`, the default, kept anonymous),
   * learned picks holding their name, their name in the remark override log — from the local
   * backups too. Answers what it did.
   */
  deleteCustomer: [BuyerRef & { openFollowups?: OpenItems }, { deleted: boolean } & ForgetCounts];
  /** Deletes every buyer, the same way (personal data: nothing of them is left). */
  deleteAllCustomers: [{ confirm: true; openFollowups?: OpenItems }, { deleted: number } & ForgetCounts];
  /** What deleting this buyer (none named: every buyer) would delete: asked before the confirmation. */
  previewBuyerDeletion: [{ buyer?: BuyerRef }, { buyers: number } & ForgetCounts];
  /**
   * The options page's edit of a stored buyer: the fields the agent changed, checked and masked as
   * the card's patch is. A buyer deleted meanwhile is not created again (answer null), and no
   * name is joined to an id (the chat page does that when it shows the buyer).
   */
  editCustomer: [BuyerRef & { patch: CustomerPatch }, Customer | null];
  /** What a retention period of `days` would delete if the daily job ran now: asked before such a period is saved. */
  previewRetention: [{ days: number }, RetentionPreview];
  /**
   * The card frame's one read of the open buyer: what getCustomer answers (`customer`), and, for a
   * buyer the console names by id, an old record kept under the same name only that the card may
   * offer to attach (a masked or shared name is never joined by itself; lib/domain/customers/
   * README.md, "Buyer identity"), or null (none, no id, or the agent said it is someone else).
   */
  getBuyerCard: [BuyerRef & { seen?: boolean }, BuyerCard];
  /**
   * The agent confirmed the old record is this buyer: joined into the id's record (history by event
   * id, both texts kept), the old record deleted, announced. `attached` false: it was gone already.
   */
  attachOldBuyerRecord: [BuyerRef & { buyerId: string }, { attached: boolean; customer: Customer | null }];
  /** The agent said the old record is someone else: not offered to this buyer again. */
  dismissOldBuyerRecord: [BuyerRef & { buyerId: string }, { dismissed: true }];
}

/** Buyers one getCustomers call reads, at most. */
export const GET_CUSTOMERS_MAX = 200;

/**
 * The page's buyer: its own console's platform, the shown name (as read: the handler normalises it,
 * so a name with invisible characters may be longer than the stored limit) and the console's id.
 */
const buyer = {
  platform: s.ownPlatform(),
  nickname: s.text({ max: LIMITS.nickname * 4, min: 1 }),
  buyerId: s.optional(s.nullable(s.text({ max: BUYER_ID_MAX, min: 1 }))),
};
const tagList = (max: number) => s.optional(s.array(s.text({ max: 100 }), { max }));
const size = s.optional(s.nullable(s.number({ min: 0, max: 1000 })));

/** What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"). */
export const customersPageSchemas = (): PageSchemas<CustomersProtocol> => ({
  getCustomer: s.object({ ...buyer, seen: s.optional(s.boolean()) }),
  patchCustomer: s.object({
    ...buyer,
    patch: s.optional(
      s.object({
        tags: tagList(100),
        sizes: s.optional(
          s.object({ usualSize: s.optional(s.nullable(s.text({ max: LIMITS.usualSize }))), heightCm: size, weightKg: size, shoeSize: size, bustCm: size, waistCm: size }),
        ),
        preferences: s.optional(s.text({ max: LIMITS.preferences })),
        addressNote: s.optional(s.text({ max: LIMITS.addressNote })),
        note: s.optional(s.text({ max: LIMITS.note })),
        segment: s.optional(s.nullable(s.oneOf(SEGMENTS))),
      }),
    ),
    append: s.optional(
      s.object({
        preferences: s.optional(s.text({ max: LIMITS.preferences })),
        addressNote: s.optional(s.text({ max: LIMITS.addressNote })),
        note: s.optional(s.text({ max: LIMITS.note })),
      }),
    ),
  }),
  addCustomerEvent: s.object({
    ...buyer,
    kind: s.oneOf(['note', 'template-used', 'issue', 'followup-done'] as const satisfies readonly PageEventKind[]),
    text: s.text({ max: LIMITS.pageEvent, min: 1 }),
    ref: s.optional(s.text({ max: 80 })),
  }),
});

declare module './protocol' {
  interface Protocol extends CustomersProtocol {}
}
