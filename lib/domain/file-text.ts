/**
 * The text of a file the agent imports, decoded by what its bytes are rather than assumed UTF-8.
 * Our exports are UTF-8, but a file opened and saved again on Chinese Windows (Excel, WPS, Notepad
 * "ANSI") is GBK; read as UTF-8 in the lenient way, each Chinese character turns into U+FFFD, and
 * that text went on into the library, the buyer notes and from there into the chat box.
 *
 * In order: a byte-order mark says it (UTF-8, UTF-16 LE/BE); otherwise bytes that are valid UTF-8
 * are UTF-8; otherwise bytes that are valid GB18030 (a superset of GBK and GB2312) are that; otherwise
 * the file is refused. Every decoder is strict, so a wrong guess fails instead of inventing text.
 *
 * A file that decodes but holds U+FFFD itself is refused too: no text the shop writes or the
 * extension stores contains it, so one means the file was already read with the wrong encoding and
 * saved again (the damage is in the file now). Pure: TextDecoder exists in every page and worker.
 *
 * GB18030 accepts almost any run of high bytes, so a file saved as Big5 (traditional Chinese,
 * Taiwan/Hong Kong Excel) or Shift-JIS (Japanese) "decodes" into wrong characters without an error.
 * Real simplified Chinese text is almost all GB2312 (the 6,763 common hanzi and the punctuation
 * rows); those files are not: a third to half of a Big5 text's pairs land in the kana, Greek and
 * Cyrillic rows or GBK's extension, and Shift-JIS kana and kanji have lead bytes below GB2312's. So
 * a GB18030 reading where many pairs fall outside GB2312 (`implausibleGb`) is refused as `foreign`,
 * naming Big5 or Shift-JIS when the bytes read cleanly as one; a GBK file with a few rare characters
 * (names such as 喆 堃 玥) stays far below the share.
 */
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedFile =
  | { ok: true; text: string; encoding: FileEncoding }
  /** `undecodable`: neither UTF-8 nor GB18030. `replacement`: decoded, but holds `count` U+FFFD. */
  | { ok: false; problem: 'undecodable' }
  | { ok: false; problem: 'replacement'; count: number; encoding: FileEncoding }
  /** Decodes as GB18030, but into characters Chinese text does not use: most likely `likely`. */
  | { ok: false; problem: 'foreign'; likely: 'big5' | 'shift_jis' | null };

/** At least this many characters outside GB2312, and this share of all two-byte characters, is not GBK text. */
const FOREIGN_MIN = 3;
const FOREIGN_SHARE = 0.2;

/**
 * Whether the bytes, read as GB18030, give implausibly many characters outside GB2312's hanzi
 * (lead 0xB0–0xF7) and punctuation rows (0xA1–0xA3), each with a trail of 0xA1–0xFE. Four-byte
 * GB18030 sequences count as outside too (Excel's "ANSI" never writes them).
 */
export function implausibleGb(b: Uint8Array): boolean {
  let pairs = 0;
  let outside = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i]!;
    if (lead < 0x80) continue;
    pairs++;
    // 0x80 (€ in GB18030) and 0xFF stand alone.
    if (lead === 0x80 || lead === 0xff) {
      outside++;
      continue;
    }
    const trail = b[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      outside++;
      i += 3;
      continue;
    }
    i++;
    if (!(trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa3)))) outside++;
  }
  return outside >= FOREIGN_MIN && outside >= pairs * FOREIGN_SHARE;
}

/** What a file refused as not Chinese most likely is: Shift-JIS when it reads as Japanese with kana, else Big5 when it reads as that. */
function likelyForeign(bytes: Uint8Array): 'big5' | 'shift_jis' | null {
  const sjis = strict('shift_jis', bytes);
  if (sjis !== null && /[\u3041-\u30ff]/.test(sjis)) return 'shift_jis';
  return strict('big5', bytes) !== null ? 'big5' : null;
}

function strict(encoding: FileEncoding | 'big5' | 'shift_jis', bytes: Uint8Array): string | null {
  try {
    // The mark, when there is one, is dropped by the decoder (ignoreBOM false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function byMark(b: Uint8Array): FileEncoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  const marked = byMark(bytes);
  const tries: FileEncoding[] = marked ? [marked] : ['utf-8', 'gb18030'];
  for (const encoding of tries) {
    const text = strict(encoding, bytes);
    if (text === null) continue;
    if (encoding === 'gb18030' && implausibleGb(bytes)) return { ok: false, problem: 'foreign', likely: likelyForeign(bytes) };
    const count = text.split('\uFFFD').length - 1;
    return count ? { ok: false, problem: 'replacement', count, encoding } : { ok: true, text, encoding };
  }
  return { ok: false, problem: 'undecodable' };
}

/**
 * Whether parsed JSON nests deeper than `max` objects and arrays. The browser cannot send a value
 * nested thousands deep to the worker (it fails with its own English "Could not serialize
 * message"), and no file this extension exports nests more than a handful of levels, so an import
 * says in words that such a file is not one of ours before sending anything. Walked with a stack of
 * its own: a recursive walk would overflow on the very files it is looking for.
 */
export function nestedDeeperThan(json: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
