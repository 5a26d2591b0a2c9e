/**
 * Text from a colleague's machine held to the limits this machine's own forms and handlers keep
 * (team mode: a colleague on an older version, a bug, or someone on purpose can send anything the
 * server takes). Cut, not refused: the rest of the record is still worth having, and the mark at
 * the end tells the agent that something was left out.
 */

/** The mark that ends a text cut to its limit. */
export const CUT_MARK = '…';

/**
 * `s` at most `max` UTF-16 units long (the `.length` the forms count), ending in CUT_MARK when it
 * was longer; never splits a surrogate pair.
 */
export function limitText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - CUT_MARK.length);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end) + CUT_MARK;
}

/**
 * A log of lines (a follow-up's notes): each line at most `lineMax`, and whole lines from the first
 * while they fit in `totalMax` (line breaks counted); a log that did not fit ends with a line of
 * CUT_MARK.
 */
export function limitLines(s: string, lineMax: number, totalMax: number): string {
  const lines = s.split('\n').map((l) => limitText(l, lineMax));
  const whole = lines.join('\n');
  if (whole.length <= totalMax) return whole;
  const out: string[] = [];
  let used = 0;
  for (const l of lines) {
    const add = (out.length ? 1 : 0) + l.length;
    if (used + add > totalMax - (CUT_MARK.length + 1)) {
      out.push(CUT_MARK);
      return out.join('\n');
    }
    out.push(l);
    used += add;
  }
  return out.join('\n'); // not reached: the whole did not fit
}
