/**
 * What the sync engine needs of the machine's own stores. The extension's implementation wraps
 * lib/storage (./storage-bridge.ts); tests and the benchmark use an in-memory one with the same
 * semantics (test/team/memory-stores.ts), so fifty "machines" can run in one Node process.
 */
import type { Customer } from '../domain/customers';
import type { Followup } from '../domain/followups';
import type { Template } from '../domain/templates/types';

export interface LocalLibrary {
  groups: string[];
  templates: Template[];
  /** Version of the stored library; saveLibrary refuses to save over a newer one. */
  updatedAt: number;
}

/** Keys written on this machine since they were last handed to the sync engine. */
export interface Dirty {
  customers: string[];
  followups: string[];
  library: boolean;
}

export interface LocalStores {
  customers(keys: readonly string[]): Promise<Map<string, Customer>>;
  /** Every buyer key (first export after joining a team). */
  customerKeys(): Promise<string[]>;
  /**
   * Team imports. None of these marks keys dirty, except mergeCustomers for a buyer whose merged
   * record differs from the incoming one (this machine had something the team has not: it must go up).
   */
  /** Merges each record into the stored one (mergeCustomer; stored as is when new), in one transaction. */
  mergeCustomers(list: readonly Customer[]): Promise<void>;
  followups(ids: readonly string[]): Promise<Map<string, Followup>>;
  followupIds(): Promise<string[]>;
  /**
   * In one transaction: for each id, `fn` gets the stored item and returns its replacement, or
   * null to leave it as it is.
   */
  updateFollowups(ids: readonly string[], fn: (id: string, local: Followup | undefined) => Followup | null): Promise<void>;
  library(): Promise<LocalLibrary>;
  /** Saves unless the stored library is no longer version `base`; false = it changed meanwhile. */
  saveLibrary(lib: Pick<LocalLibrary, 'groups' | 'templates'>, base: number): Promise<boolean>;
  /** Takes (and clears) the dirty keys. */
  takeDirty(): Promise<Dirty>;
  /** How many keys are dirty (for the "n 条待同步" status). */
  countDirty(): Promise<number>;
  /** Gives keys back (an export failed part-way). */
  putBackDirty(d: Dirty): Promise<void>;
  /** Tells open pages that an area changed (imports). */
  announce(area: 'customers' | 'followups' | 'library'): Promise<void>;
}

export function emptyDirty(): Dirty {
  return { customers: [], followups: [], library: false };
}

export function mergeDirty(a: Dirty, b: Dirty): Dirty {
  return {
    customers: [...new Set([...a.customers, ...b.customers])],
    followups: [...new Set([...a.followups, ...b.followups])],
    library: a.library || b.library,
  };
}
