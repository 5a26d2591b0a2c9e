/**
 * The matcher's view of a reply: lower case, half width (ｖｘ → vx, ０ → 0), and without the
 * spaces and in-word separators agents use to slip past filters ("v x", "v.x", "微 信", "1 3 8").
 * Sentence punctuation (，。！？) is kept so a window never runs across sentences. `map[i]` is the
 * index in the original text of normalised character i, so a match can be shown as written.
 */
export interface Normalised {
  text: string;
  map: number[];
}

// Spaces, zero-width characters and the separators used inside obfuscated words.
const DROP = /[\s\u200b-\u200d\u2060\ufeff.\-_·•*|/\\~～'"`^=#@&]/;

export function normalise(input: string): Normalised {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < input.length; i++) {
    let ch = input[i]!;
    const code = ch.charCodeAt(0);
    // Full-width ASCII (U+FF01–FF5E) → ASCII; the ideographic space is dropped below.
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) ch = ' ';
    if (DROP.test(ch)) continue;
    text += ch.toLowerCase();
    map.push(i);
  }
  return { text, map };
}

/** Original [start, end) of normalised [nStart, nEnd). */
export function originalSpan(n: Normalised, nStart: number, nEnd: number): [number, number] {
  const start = n.map[nStart] ?? 0;
  const end = (n.map[nEnd - 1] ?? start) + 1;
  return [start, end];
}
