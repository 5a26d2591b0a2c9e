/**
 * The third signal: what this agent actually picked for messages like this one. Every insertion and
 * every correction of the situation with a chip is a labelled example; the memory keeps the latest
 * ones (bounded), with the buyer's personal data masked before anything is stored, and recalls the
 * nearest stored messages for a new one (cosine similarity over character 2–3-grams through an
 * inverted index, so a lookup reads only the examples sharing an n-gram with the message).
 *
 * Records are append-friendly (an id and a timestamp each, never edited in place) so that a team
 * can later merge the memories of several agents. Pure: storage lives in lib/storage/learned.ts.
 */
import type { ScenarioId } from '../scenarios';
import { dict, own } from '../own';
import { maskPii } from '../customers/privacy';
import type { NeedId } from './classify';
import { normalize } from './normalize';

export const LEARNED_CAP = 5000;

export interface LearnedPick {
  /** Unique, sortable by creation: `<epoch ms base36>-<random>`. */
  id: string;
  at: number;
  /** The buyer's message, normalised and masked (what similarity is computed on). */
  text: string;
  scenario: NeedId;
  /** The reply inserted, or null for a chip correction alone. */
  templateId: string | null;
  source: 'insert' | 'chip';
}

/** Words that introduce a name or an address: what follows them is masked up to the next break. */
// 一-龥 is \u4e00-\u9fa5 written out: 6 bytes less each in background.js, which is at its budget.
const NAME_LABEL = /(我叫|我是|名字是|名字叫|姓名|收件人|收货人|联系人)(是|为)?\s?([一-龥]{1,3})/g;
const SURNAME = /(?<=^|\s|我|免贵)姓([一-龥])/g;
const ADDRESS_LABEL = /(地址|住在|住址)(是|为|改成|改为|改到)?\s?([^\s]{2,})/g;

/**
 * The stored form of a buyer message: normalised like everything the classifier reads, then with
 * phone, ID, card, order and tracking numbers, names, addresses and the buyer's nickname masked.
 */
export function maskForMemory(raw: string, buyer?: string | null): string {
  return memoryText(maskPii(raw), buyer);
}

/**
 * maskForMemory without its first step (maskPii), for text that has had it: a pick's message comes
 * through maskWhole (worker-extras.js), which ends with it, and the message a recall compares
 * is never stored. background.js, parsed at every wake, has no room for maskPii.
 */
export function memoryText(raw: string, buyer?: string | null): string {
  let s = raw;
  if (buyer && buyer.trim().length >= 2) s = s.split(buyer.trim()).join(' ');
  s = normalize(s).text;
  return s
    .replace(/[0-9a-z*]*\d[0-9a-z*-]{4,}/g, '#')
    .replace(NAME_LABEL, (_m, label: string, is = '') => `${label}${is}某`)
    .replace(SURNAME, '姓某')
    .replace(ADDRESS_LABEL, (_m, label: string, is = '') => `${label}${is}某地`)
    .split(/\s+/)
    .filter(hasWords)
    .join(' ');
}

/**
 * A run holding no word: what is left of pasted order cards, amounts and numbers (`元`, `0`, `#`,
 * punctuation). Such runs say nothing about the need; kept, they made two card-only messages look
 * alike (`元 元 元` recalled a pick with a card in it at similarity 0.71).
 */
function hasWords(run: string): boolean {
  return /\p{L}/u.test(run.replace(/元/g, ''));
}

export function newPickId(now: number, rand: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(rand() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** The distinct character 2–3-grams of a stored text (a lone character stands for itself). */
function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.split(/\s+/)) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) {
      out.add(chars[i]! + chars[i + 1]!);
      if (i + 2 < chars.length) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    }
  }
  return out;
}

export interface LearnedRecall {
  /** Per scenario: the summed similarity of the neighbours that picked it, best first. */
  scenarios: { id: NeedId; weight: number; count: number }[];
  /** Per template: the summed similarity of neighbours that inserted it (0..1 after scaling). */
  templates: Record<string, number>;
  /** Similarity of the nearest stored message (0 = nothing alike). */
  best: number;
  /** How many n-grams the message shares with the nearest stored one. */
  bestShared: number;
}

export const RECALL = {
  /** Neighbours less alike than this are ignored. */
  minSimilarity: 0.3,
  neighbours: 5,
} as const;

interface Entry {
  pick: LearnedPick;
  grams: string[];
  norm: number;
}

/**
 * The in-memory index over the stored picks (rebuilt from storage, updated on each pick). Each pick
 * lives in a numbered slot; postings list slots per n-gram, and a lookup counts shared n-grams in
 * one reused array, so recalling allocates almost nothing however many picks are stored.
 */
export class LearnedMemory {
  private slotOf = new Map<string, number>();
  private entries: (Entry | undefined)[] = [];
  private free: number[] = [];
  private postings = new Map<string, Set<number>>();
  /** Insertion order, oldest first, for the bound. */
  private order: string[] = [];
  private counts = new Uint32Array(64);
  private touched: number[] = [];

  constructor(picks: readonly LearnedPick[] = [], readonly cap = LEARNED_CAP) {
    for (const p of picks) this.add(p);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** The pick added last (undefined when empty). */
  latest(): LearnedPick | undefined {
    return this.entries[this.slotOf.get(this.order.at(-1)!)!]?.pick;
  }

  all(): LearnedPick[] {
    return this.order.map((id) => this.entries[this.slotOf.get(id)!]!.pick);
  }

  /** Adds a pick; returns the ids evicted to stay within the bound (oldest first). */
  add(pick: LearnedPick): string[] {
    if (this.slotOf.has(pick.id) || !pick.text) return [];
    const g = [...grams(pick.text)];
    const slot = this.free.pop() ?? this.entries.length;
    this.entries[slot] = { pick, grams: g, norm: Math.sqrt(g.length) };
    this.slotOf.set(pick.id, slot);
    if (slot >= this.counts.length) {
      const grown = new Uint32Array(Math.max(slot + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    for (const k of g) (this.postings.get(k) ?? this.postings.set(k, new Set()).get(k)!).add(slot);
    this.order.push(pick.id);
    const evicted: string[] = [];
    while (this.order.length > this.cap) {
      const old = this.order[0]!;
      this.remove(old);
      evicted.push(old);
    }
    return evicted;
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    for (const k of this.entries[slot]!.grams) {
      const set = this.postings.get(k)!;
      set.delete(slot);
      if (set.size === 0) this.postings.delete(k);
    }
    this.entries[slot] = undefined;
    this.free.push(slot);
    this.slotOf.delete(id);
    const at = this.order.indexOf(id);
    if (at >= 0) this.order.splice(at, 1);
    return true;
  }

  clear(): void {
    this.slotOf.clear();
    this.entries = [];
    this.free = [];
    this.postings.clear();
    this.order = [];
    this.counts = new Uint32Array(64);
  }

  /** The nearest stored messages' scenarios and templates for an (already masked) message. */
  recall(text: string): LearnedRecall {
    const empty: LearnedRecall = { scenarios: [], templates: {}, best: 0, bestShared: 0 };
    if (!text || this.slotOf.size === 0) return empty;
    const q = grams(text);
    if (q.size === 0) return empty;
    const { counts, touched } = this;
    for (const k of q) {
      const slots = this.postings.get(k);
      if (slots) for (const s of slots) if (counts[s]!++ === 0) touched.push(s);
    }
    const qNorm = Math.sqrt(q.size);
    // The nearest few, kept sorted by insertion: most alike first; among equals the newest.
    const top: { pick: LearnedPick; sim: number; shared: number }[] = [];
    for (const s of touched) {
      const e = this.entries[s]!;
      const shared = counts[s]!;
      const sim = shared / (qNorm * e.norm);
      counts[s] = 0;
      if (sim < RECALL.minSimilarity) continue;
      const last = top[top.length - 1];
      if (top.length === RECALL.neighbours && last && (sim < last.sim || (sim === last.sim && e.pick.at <= last.pick.at))) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]!.sim < sim || (top[at - 1]!.sim === sim && top[at - 1]!.pick.at < e.pick.at))) at--;
      top.splice(at, 0, { pick: e.pick, sim, shared });
      if (top.length > RECALL.neighbours) top.pop();
    }
    touched.length = 0;
    if (top.length === 0) return empty;
    const byScenario = new Map<NeedId, { weight: number; count: number }>();
    const templates = dict<number>();
    // A template's share is among the neighbours that inserted one (a chip correction alone names none).
    let total = 0;
    for (const { pick, sim } of top) {
      const s = byScenario.get(pick.scenario) ?? { weight: 0, count: 0 };
      s.weight += sim;
      s.count++;
      byScenario.set(pick.scenario, s);
      if (pick.templateId) {
        total += sim;
        templates[pick.templateId] = (own(templates, pick.templateId) ?? 0) + sim;
      }
    }
    for (const id of Object.keys(templates)) templates[id] = templates[id]! / total;
    return {
      scenarios: [...byScenario].map(([id, v]) => ({ id, ...v })).sort((a, b) => b.weight - a.weight),
      templates,
      best: top[0]!.sim,
      bestShared: top[0]!.shared,
    };
  }
}

/**
 * A pick from a confirmed insertion or chip correction, or null when nothing is left to learn from.
 * The message comes masked by maskWhole (which ends with maskPii), as the learnPick handler does.
 */
export function makePick(
  input: { message: string; buyer?: string | null; scenario: ScenarioId; templateId?: string | null; source: LearnedPick['source'] },
  now: number,
  rand?: () => number,
): LearnedPick | null {
  if (input.scenario === 'other') return null;
  const text = memoryText(input.message, input.buyer);
  if (!text) return null;
  return { id: newPickId(now, rand), at: now, text, scenario: input.scenario, templateId: input.templateId ?? null, source: input.source };
}
