/**
 * A colleague's buyer record held to the limits this machine's own edits keep (team mode, lib/team/
 * read-docs.ts; the name is normalised by checkCustomer already): 备注, 偏好, 地址备注 and each
 * note's text cut to LIMITS, the tags to LIMITS.tag characters and LIMITS.tags in number. Locally
 * an edit over a limit is refused whole (textProblems); what a colleague's machine sent over one is
 * no edit of this agent's, and the rest of the record is still worth having.
 */
import { limitText } from '../limit-text';
import { LIMITS } from './customer';
import type { Customer, CustomerEvent } from './types';

export function limitEvent(e: CustomerEvent): CustomerEvent {
  return e.text.length > LIMITS.eventText ? { ...e, text: limitText(e.text, LIMITS.eventText) } : e;
}

/** The record with its words within LIMITS (the same object when nothing had to change). */
export function limitCustomer(c: Customer): Customer {
  const out: Customer = { ...c };
  let changed = false;
  for (const f of ['note', 'preferences', 'addressNote'] as const) {
    if (c[f].length > LIMITS[f]) (out[f] = limitText(c[f], LIMITS[f])), (changed = true);
  }
  if (c.tags.length > LIMITS.tags || c.tags.some((t) => t.length > LIMITS.tag)) {
    out.tags = [...new Set(c.tags.slice(0, LIMITS.tags).map((t) => limitText(t, LIMITS.tag)))];
    changed = true;
  }
  const history = c.history.map(limitEvent);
  if (history.some((e, i) => e !== c.history[i])) (out.history = history), (changed = true);
  return changed ? out : c;
}
