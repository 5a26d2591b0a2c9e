/**
 * Who a buyer is. The ONE place where a shown name or a console id becomes part of a key: every
 * module that keys, matches or stores a buyer goes through normaliseNickname / normaliseBuyerId /
 * buyerKey (see README.md, "Buyer identity").
 */
import type { Platform } from '../../sites/types';

/** Longest nickname kept (code points) and longest console id accepted. */
export const NICKNAME_MAX = 64;
export const BUYER_ID_MAX = 128;

/**
 * Invisible characters that are artefacts of copying and rendering, never part of the name the
 * platform knows: zero-width space / non-joiner / joiner, word joiner, BOM (U+FEFF), Mongolian vowel
 * separator, soft hyphen, and the other invisible format characters (U+2061–2064 operators).
 * They are removed deliberately — before whitespace is looked at, so U+FEFF (which JavaScript's
 * `\s` counts as whitespace) never turns into a space.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
/** Every other Unicode whitespace (spaces, NBSP, ideographic space, tabs, line breaks). */
const WHITESPACE = /[\s\u0085]+/g;

function codePoints(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('') : s;
}

/**
 * A shown nickname as it is stored and keyed: Unicode NFC (the same letters typed or rendered
 * differently are one name), invisible characters removed, every run of other whitespace one
 * ASCII space, trimmed, at most NICKNAME_MAX code points. Not NFKC and not case-folded: full-width
 * and half-width letters, or upper and lower case, can be different accounts on a console.
 * Non-text gives ''.
 */
export function normaliseNickname(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const s = raw.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
  return codePoints(s, NICKNAME_MAX).trim();
}

/**
 * A console's buyer id (Pinduoduo uid, JD pin, the demo's data-buyer-id): NFC, invisible characters and all
 * whitespace removed (ids never contain spaces), or null when nothing usable is left or it is too long.
 */
export function normaliseBuyerId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE, '');
  return s && s.length <= BUYER_ID_MAX ? s : null;
}

/**
 * Masked nicknames (`S*******n`, `王**`) are shared by many buyers: such a name alone never picks a
 * buyer record (no joining by name, no routing of nickname-only sightings to an id).
 */
export function isMaskedNickname(nickname: string): boolean {
  return /[*＊]/.test(nickname);
}

/**
 * The record key. With the console's id: `${platform}#${id}` (the nickname may change or be shared);
 * without: `${platform}:${nickname}`. The two forms cannot collide: platform names contain neither
 * `#` nor `:`. Both parts are normalised here, so callers may pass what the page showed.
 */
export function buyerKey(platform: Platform, buyerId: string | null | undefined, nickname: string): string {
  const id = buyerId == null ? null : normaliseBuyerId(buyerId);
  return id ? `${platform}#${id}` : `${platform}:${normaliseNickname(nickname)}`;
}

/** The nickname-only key of a name on a platform (where a buyer seen without an id is kept). */
export function nicknameKey(platform: Platform, nickname: string): string {
  return `${platform}:${normaliseNickname(nickname)}`;
}

/** A buyer as a page or an item names them: the console's id when known, and the shown name. */
export interface BuyerIdentityRef {
  platform: Platform;
  nickname: string;
  buyerId?: string | null;
}
