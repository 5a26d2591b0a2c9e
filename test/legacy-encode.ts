/**
 * Text in a legacy East Asian encoding (Big5, Shift-JIS, GBK), for the import tests — a file as
 * Excel, WPS or Notepad save it on Chinese Windows ("ANSI" = GBK), or on Taiwanese or Japanese
 * Windows (Big5, Shift-JIS). The one helper for such bytes (it replaced test/gbk.ts, a hand-made GBK
 * table of the few characters the tests used, which gave the same bytes for each of them). Node can
 * decode these but not encode them, so the table is the decoder's own, inverted — every one- and
 * two-byte sequence decoded once with TextDecoder (strict) and kept per character. The bytes are
 * then exactly what a Big5 or Shift-JIS program writes for that text, not a hand-picked sample.
 * A character the encoding lacks throws, so a test cannot quietly write something else.
 */
const tables = new Map<string, Map<string, number[]>>();

function table(encoding: 'big5' | 'shift_jis' | 'gbk'): Map<string, number[]> {
  let map = tables.get(encoding);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const keep = (bytes: number[]) => {
    let s: string;
    try {
      s = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    // The first sequence for a character is its canonical one (later duplicates are compatibility codes).
    if ([...s].length === 1 && !map!.has(s)) map!.set(s, bytes);
  };
  for (let b = 0x80; b <= 0xff; b++) keep([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) keep([lead, trail]);
  tables.set(encoding, map);
  return map;
}

export function encodeLegacy(encoding: 'big5' | 'shift_jis' | 'gbk', text: string): Uint8Array<ArrayBuffer> {
  const map = table(encoding);
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else if (map.has(c)) out.push(...map.get(c)!);
    else throw new Error(`encodeLegacy: "${c}" has no ${encoding} bytes`);
  }
  return Uint8Array.from(out);
}
