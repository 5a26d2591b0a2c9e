/**
 * The 客户档案 list's, search's and export's query as sent by an extension page, checked. Pure, in
 * worker-extras.js (only those options-page verbs need it; the background turns a problem into an
 * `invalid` answer naming the field).
 */
import { SEGMENTS, type Segment } from './types';

/** A page of the list holds this many buyers at most. */
export const QUERY_PAGE_MAX = 100;

export interface CheckedQuery {
  query?: string;
  segment?: Segment;
  after?: string;
  limit: number;
}

/**
 * The query, or what is wrong with it (`${verb}: field`). `pageMax`: the most one page holds
 * (the export's pages are larger), also the limit when none is asked (else 50).
 */
export function readCustomerQuery(payload: unknown, verb: string, pageMax = QUERY_PAGE_MAX): CheckedQuery | { problem: string } {
  if (payload !== undefined && (!payload || typeof payload !== 'object' || Array.isArray(payload))) return { problem: `${verb}: expected an object` };
  const p = (payload ?? {}) as Record<string, unknown>;
  const q: CheckedQuery = { limit: pageMax === QUERY_PAGE_MAX ? 50 : pageMax };
  const text = (k: 'query' | 'after') => typeof p[k] === 'string' && (p[k] as string).length <= 200;
  if (p.query !== undefined) {
    if (!text('query')) return { problem: `${verb}: query: expected text of at most 200 characters` };
    q.query = p.query as string;
  }
  if (p.segment !== undefined) {
    if (!(SEGMENTS as readonly unknown[]).includes(p.segment)) return { problem: `${verb}: segment` };
    q.segment = p.segment as Segment;
  }
  if (p.after !== undefined) {
    if (!text('after')) return { problem: `${verb}: after: expected text of at most 200 characters` };
    q.after = p.after as string;
  }
  if (p.limit !== undefined) {
    if (!Number.isInteger(p.limit) || (p.limit as number) < 1) return { problem: `${verb}: limit` };
    q.limit = Math.min(p.limit as number, pageMax);
  }
  return q;
}
