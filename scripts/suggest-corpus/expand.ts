/**
 * A tiny phrase grammar for the training corpus: `(a|b|c)` picks one branch, `{?text}` keeps the
 * text half of the time, `{slot}` draws from a named list of pieces. Groups nest. Every choice comes
 * from the seeded generator, so the same seed writes the same corpus.
 */
export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

export type Slots = Record<string, readonly string[] | (() => string)>;

/** Expand one pattern. Slot values are themselves patterns (they may hold groups and slots). */
export function expand(pattern: string, rng: Rng, slots: Slots, depth = 0): string {
  if (depth > 6) throw new Error(`pattern nests too deep: ${pattern}`);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '(' || ch === '{') {
      const close = matching(pattern, i);
      const inner = pattern.slice(i + 1, close);
      if (ch === '(') {
        out += expand(pick(rng, splitTop(inner)), rng, slots, depth + 1);
      } else if (inner.startsWith('?')) {
        if (rng() < 0.5) out += expand(inner.slice(1), rng, slots, depth + 1);
      } else {
        const source = slots[inner];
        if (!source) throw new Error(`unknown slot {${inner}} in: ${pattern}`);
        out += expand(typeof source === 'function' ? source() : pick(rng, source), rng, slots, depth + 1);
      }
      i = close + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function matching(s: string, open: number): number {
  const o = s[open]!;
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '{') depth++;
    else if (s[i] === ')' || s[i] === '}') {
      depth--;
      if (depth === 0) {
        if (s[i] !== c) throw new Error(`mismatched ${o} in: ${s}`);
        return i;
      }
    }
  }
  throw new Error(`unclosed ${o} in: ${s}`);
}

/** Split on `|` at nesting depth 0. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '{') depth++;
    if (ch === ')' || ch === '}') depth--;
    if (ch === '|' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}
