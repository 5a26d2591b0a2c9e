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
 */
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedFile =
  | { ok: true; text: string; encoding: FileEncoding }
  /** `undecodable`: neither UTF-8 nor GB18030. `replacement`: decoded, but holds `count` U+FFFD. */
  | { ok: false; problem: 'undecodable' }
  | { ok: false; problem: 'replacement'; count: number; encoding: FileEncoding };

function strict(encoding: FileEncoding, bytes: Uint8Array): string | null {
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
    const count = text.split('\uFFFD').length - 1;
    return count ? { ok: false, problem: 'replacement', count, encoding } : { ok: true, text, encoding };
  }
  return { ok: false, problem: 'undecodable' };
}
