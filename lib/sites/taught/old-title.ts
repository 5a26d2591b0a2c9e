/**
 * A taught site's title as an older version stored it (`document.title` while a chat was open) with
 * the nicknames of the buyers this extension knows taken out. Who was open while teaching is not
 * known, but every nickname stored (buyer records, name claims) is, and the console puts the open
 * buyer's name in its title as a part of its own ("tb_3317 - 接待中心", "与 小暖阳 的会话").
 * Run once after the update on the stored sites and the backups' (lib/background/remask-run.ts).
 *
 * A shop's own title words must survive a buyer who happens to be called like them, so a name is
 * taken out only
 * - when it is long enough (NAME_MIN_WEIGHT: three Chinese characters or six Latin letters or digits;
 *   "客服", "小王", "Chat" are not, and a two-character Chinese name is kept), and not masked
 *   (`S*******n` is shared by many buyers and names nobody);
 * - where it stands as a whole part of the title, between its start or end, spaces, punctuation or
 *   symbols: 旗舰店 in "某某旗舰店 - 接待台" is a word of the shop's, not a buyer's name.
 */
import { isMaskedNickname } from '../../domain/customers/identity';

/** Weight of a name: 2 per character beyond ASCII (a Chinese character), 1 per ASCII one. */
export const NAME_MIN_WEIGHT = 6;

export function nameWeight(name: string): number {
  let w = 0;
  for (const ch of name) w += ch.charCodeAt(0) > 0x7e ? 2 : 1;
  return w;
}

/** Whether `name` is one an old title loses (long enough, not masked, not blank). */
export function isStrippableName(name: string): boolean {
  const n = name.trim();
  return n === name && nameWeight(n) >= NAME_MIN_WEIGHT && !isMaskedNickname(n);
}

const EDGE = '[\\s\\p{P}\\p{S}]';
const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * `title` without every strippable name of `names` that stands as a whole part of it, spaces
 * collapsed; `fallback` (the host) when nothing but spaces and punctuation is left. The same string
 * when no name is in it. Idempotent.
 */
export function titleWithoutNames(title: string, names: Iterable<string>, fallback: string): string {
  const found = [...new Set(names)].filter((n) => n && title.includes(n) && isStrippableName(n));
  if (!found.length) return title;
  // Longer first: a name that holds a shorter one goes whole.
  found.sort((a, b) => b.length - a.length);
  let out = title;
  for (const n of found) out = out.replace(new RegExp(`(?<=^|${EDGE})${escape(n)}(?=$|${EDGE})`, 'gu'), ' ');
  if (out === title) return title;
  out = out.replace(/\s+/g, ' ').trim();
  return /[^\s\p{P}\p{S}]/u.test(out) ? out : fallback;
}
