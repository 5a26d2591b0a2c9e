/**
 * Pinduoduo: buyers only the platform's reply robot answered, kept for the page session.
 *
 * The conversation list drops its unanswered marker once the robot replied (a 2025–26 script; see
 * lib/sites/README.md), so such a buyer leaves the 等待中 list while nobody has answered them. We read
 * only the open conversation's messages, but we see every buyer the agent opens: a buyer whose latest
 * turn we saw answered by the robot alone is kept here and listed as waiting, until
 * - the open conversation shows a person's reply after it (this tab, the agent's own);
 * - the list marks them again (the page carries them: kept no longer);
 * - their list row changes — its last message preview or time (`ROW_PREVIEW`, `ROW_TIME`) differs
 *   from when we saw the robot's reply: something new happened there that we did not see (a reply
 *   from another tab or the desktop client, the buyer writing and the robot answering again); no
 *   false waiting forever, and never a guess that nobody answered;
 * - their row leaves the list.
 * In memory only (the clock's feature script, one page), at most MAX buyers: the oldest kept go first.
 * A buyer answered by the robot whom the agent never opened is not known: their messages were never
 * on the page.
 */
import type { WaitingConversation } from '../types';
import { textOf } from '../dom';
import { readBuyerIdentity, readRow, readWaiting, uidOf } from './read';
import * as S from './selectors';

/** At most this many buyers kept (a shift opens a few hundred conversations; the list re-reads each). */
export const MAX = 50;
/** Message rows looked at from the end of the open conversation (the cost follows this, not the history). */
const ROWS_LOOKED_AT = 50;

interface Kept extends WaitingConversation {
  /** What the buyer's list rows showed (preview and time) when the robot's reply was seen. */
  mark: string;
}

/**
 * Each listed key's rows, previews and times (keyed as readWaiting keys rows: uid, else nickname), in
 * one pass over the list: the clock reads it at each change of a row (PDD's countdowns tick every second).
 */
function rowMarks(doc: Document): Map<string, string> {
  const marks = new Map<string, string>();
  for (const b of doc.querySelectorAll(S.CONVERSATION_BOX)) {
    const key = uidOf(b) ?? textOf(b.querySelector(S.CONVERSATION_NICK));
    const mark = `${textOf(b.querySelector(S.ROW_PREVIEW))}\u0000${textOf(b.querySelector(S.ROW_TIME))}`;
    marks.set(key, marks.has(key) ? `${marks.get(key)}\u0001${mark}` : mark);
  }
  return marks;
}

/**
 * The open conversation since the shop's last reply by a person: 'robot' (the buyer wrote and only
 * the robot answered, `since` their first message then), 'person' (a person replied last), or null
 * (the buyer waits with no robot reply — the list marks that — or nothing to tell).
 */
function openTurn(doc: Document): { by: 'robot'; since: number } | { by: 'person' } | null {
  const rows = doc.querySelectorAll(S.MESSAGE_ROW);
  let robot = false;
  let since: number | undefined;
  let buyer = false;
  for (let i = rows.length, n = 0; i-- && n++ < ROWS_LOOKED_AT; ) {
    const row = rows[i]!;
    if (row.querySelector(S.ROBOT_REPLY)) {
      robot = true;
      continue;
    }
    const m = readRow(row);
    if (!m) continue;
    if (m.from === 'agent') return buyer ? (robot && since !== undefined ? { by: 'robot', since } : null) : robot ? null : { by: 'person' };
    buyer = true;
    if (m.at !== undefined) since = m.at;
  }
  return buyer && robot && since !== undefined ? { by: 'robot', since } : null;
}

/** A 等待中 reader for one page session: the list's marked buyers, and those only the robot answered. */
export function pddWaiting() {
  const kept = new Map<string, Kept>();
  return (doc: Document, now = Date.now()): WaitingConversation[] => {
    const listed = readWaiting(doc, now);
    const open = readBuyerIdentity(doc);
    const openKey = open && (open.id ?? open.nickname);
    let marks: Map<string, string> | undefined;
    const rowMark = (key: string) => (marks ??= rowMarks(doc)).get(key) ?? null;
    if (open && openKey) {
      const turn = openTurn(doc);
      const mark = turn?.by === 'robot' ? rowMark(openKey) : null;
      if (turn?.by === 'person') kept.delete(openKey);
      else if (turn && mark !== null) {
        kept.delete(openKey); // (re-added last: the newest kept)
        kept.set(openKey, { key: openKey, buyer: open.nickname, since: turn.since, mark });
        for (const k of kept.keys()) if (kept.size > MAX) kept.delete(k);
      }
    }
    const marked = new Set(listed.map((w) => w.key));
    const out = [...listed];
    for (const [key, k] of kept) {
      if (marked.has(key) || rowMark(key) !== k.mark) kept.delete(key);
      else out.push({ key, buyer: k.buyer, since: k.since });
    }
    return out;
  };
}
