/**
 * A colleague's follow-up held to what this machine's own handlers take (team mode, lib/team/
 * read-docs.ts): the buyer's name normalised as every name is (normaliseNickname: invisible
 * characters out, whitespace folded, at most NICKNAME_MAX), the words cut to the forms' limits.
 * A 6,000-character name or a 100,000-character note used to fill the popup (qaO 2026-12-05).
 */
import { limitLines, limitText } from '../limit-text';
import { normaliseNickname } from '../customers/identity';
import { NOTE_MAX, NOTES_MAX } from './notes';
import type { Followup } from './types';

/** The longest title, closing reason and reason the worker takes (addFollowup, updateFollowup). */
export const FOLLOWUP_TEXT_MAX = { title: 200, closedReason: 200, reason: NOTE_MAX } as const;

/**
 * The item with its words within the limits (the same object when nothing had to change). Notes:
 * each line at most NOTE_MAX, the whole at most twice NOTES_MAX — the most a team merge of two
 * full logs holds (notes.ts).
 */
export function limitFollowup(f: Followup): Followup {
  const out: Followup = { ...f };
  for (const k of ['title', 'closedReason', 'reason'] as const) if (out[k] !== undefined) out[k] = limitText(out[k]!, FOLLOWUP_TEXT_MAX[k]);
  if (out.note !== undefined) out.note = limitLines(out.note, NOTE_MAX, 2 * NOTES_MAX);
  if (out.buyer !== undefined) {
    const buyer = normaliseNickname(out.buyer);
    if (buyer) out.buyer = buyer;
    else {
      delete out.buyer;
      delete out.buyerId;
    }
  }
  return (Object.keys(out) as (keyof Followup)[]).every((k) => out[k] === f[k]) && Object.keys(out).length === Object.keys(f).length ? f : out;
}
