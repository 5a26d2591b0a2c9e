/**
 * Where a typed query (ascii letters/digits) occurs in stored initials, in characters of the
 * original text. Initials are plain letters ("cftx") except for characters with several readings,
 * stored as a group ("[bp]y" for 便宜, see pinyin.ts); a group matches any of its letters.
 */
export function indexOfInitials(initials: string, q: string): number {
  if (!initials.includes('[')) return initials.indexOf(q);
  const slots: string[] = [];
  for (let i = 0; i < initials.length; i++) {
    if (initials[i] === '[') {
      const end = initials.indexOf(']', i);
      slots.push(initials.slice(i + 1, end));
      i = end;
    } else slots.push(initials[i]!);
  }
  outer: for (let start = 0; start + q.length <= slots.length; start++) {
    for (let k = 0; k < q.length; k++) if (!slots[start + k]!.includes(q[k]!)) continue outer;
    return start;
  }
  return -1;
}
