import { SCENARIO_IDS, type ScenarioId } from '../scenarios';
import { ORDER_STATUSES, type Template } from '../templates/types';
import { bigrams, normalize } from './normalize';
import { namesCutoffDeadline, todayDeadline } from '../templates/variables';

/**
 * Everything ranking and search need, computed once per library (rebuild when the library
 * changes). Per-call work then only touches scenario buckets and short posting lists, so the cost
 * of one ranking does not grow with the number of templates.
 */
export interface TemplateIndex {
  templates: readonly Template[];
  byId: Map<string, number>;
  /** Template positions per scenario, in library order (the shop's own order is its priority). */
  buckets: Map<ScenarioId, Int32Array>;
  /** The same, restricted to templates written for returning/VIP buyers, and calming ones. */
  warmBuckets: Map<ScenarioId, Int32Array>;
  calmBuckets: Map<ScenarioId, Int32Array>;
  /** Scenario membership as a bit mask per template (27 ids fit in 32 bits). */
  scenarioBits: Uint32Array;
  /** Bit 1 = warm (returning/VIP), bit 2 = calm (difficult buyers). */
  toneBits: Uint8Array;
  /** The order states a template fits (`orders`), as ORDER_BIT flags; 0 = any state. */
  orderBits: Uint8Array;
  /** 1 where the body names the cut-off as a deadline (今天{截单时间}前…: namesCutoffDeadline). */
  cutoffDeadline: Uint8Array;
  /** The clock time (minutes, shop time) the body writes out as today's deadline (今天16:00前: todayDeadline); NO_DEADLINE where none. */
  clockDeadline: Uint16Array;
  /** Character bigram → template positions whose title or body contains it (sorted, unique). */
  postings: Map<string, Int32Array>;
  /** Normalised title and body, for substring search. */
  titles: string[];
  bodies: string[];
  codes: (string | undefined)[];
  /** Pinyin initials of title and body (pinyin.ts / attachInitials); search works without. */
  initials: { title: string[]; body: string[] } | null;
  /** Reusable accumulator for ranking (one slot per template); always left zeroed. */
  scratch?: Float64Array;
  /** Candidate marks for ranking: a template is a candidate of the current call when its stamp is `seenGen`. */
  seen?: Uint32Array;
  seenGen?: number;
}

export const SCENARIO_BIT = new Map<ScenarioId, number>(SCENARIO_IDS.map((id, i) => [id, 1 << i]));

export const ORDER_BIT = new Map<string, number>(ORDER_STATUSES.map((s, i) => [s, 1 << i]));

/** The ORDER_BIT flags of a list of states; unknown names (e.g. 'closed') add nothing. */
export function orderMask(states: readonly string[] | undefined): number {
  let m = 0;
  if (states) for (const s of states) m |= ORDER_BIT.get(s) ?? 0;
  return m;
}

/** clockDeadline of a template that writes out no deadline for today: later than any minute of a day. */
export const NO_DEADLINE = 0xffff;

export const TONE_WARM = 1;
export const TONE_CALM = 2;

const WARM_RE = /老客|老顾客|回头客|熟客|老朋友|vip|会员|欢迎回来|再次光临|又见面|returning|warm/i;
const CALM_RE = /安抚|致歉|道歉|抱歉|耐心|理解您|消消气|calm|apolog|difficult/i;

function toneOf(t: Template): number {
  const extra = (t as Template & { tone?: unknown; tags?: unknown });
  const tone = typeof extra.tone === 'string' ? extra.tone : '';
  const tags = Array.isArray(extra.tags) ? extra.tags.filter((x): x is string => typeof x === 'string').join(' ') : '';
  const label = `${t.title} ${t.group} ${tone} ${tags}`;
  let bits = 0;
  if (WARM_RE.test(label)) bits |= TONE_WARM;
  if (CALM_RE.test(label)) bits |= TONE_CALM;
  return bits;
}

/** A template's title and body as search and the word overlap read them (the costly part of an index). */
function searchText(templates: readonly Template[]): { titles: string[]; bodies: string[] } {
  return {
    titles: templates.map((t) => normalize(t.title).text),
    // Variables like {买家} are not words the buyer will type.
    bodies: templates.map((t) => normalize(t.body.replace(/\{[^}]*\}/g, ' ')).text),
  };
}

/** Character bigram → positions of the templates whose title or body holds it (ascending, unique). */
function postingsOf(titles: readonly string[], bodies: readonly string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  for (let i = 0; i < titles.length; i++) {
    const seen = new Set<string>();
    for (const bg of bigrams(`${titles[i]} ${bodies[i]}`)) {
      if (bg.length < 2 || seen.has(bg)) continue;
      seen.add(bg);
      const l = lists.get(bg);
      if (l) l.push(i);
      else lists.set(bg, [i]);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [k, v] of lists) postings.set(k, Int32Array.from(v));
  return postings;
}

/** Everything of an index that is read off the templates' fields alone (cheap: no text is normalised). */
function fieldsOf(templates: readonly Template[]) {
  const n = templates.length;
  const byId = new Map<string, number>();
  const bucketLists = new Map<ScenarioId, number[]>();
  const warmLists = new Map<ScenarioId, number[]>();
  const calmLists = new Map<ScenarioId, number[]>();
  const scenarioBits = new Uint32Array(n);
  const toneBits = new Uint8Array(n);
  const orderBits = new Uint8Array(n);
  const cutoffDeadline = new Uint8Array(n);
  const clockDeadline = new Uint16Array(n);
  const codes: (string | undefined)[] = new Array(n);
  const push = (m: Map<ScenarioId, number[]>, s: ScenarioId, i: number) => {
    const l = m.get(s);
    if (l) l.push(i);
    else m.set(s, [i]);
  };
  for (let i = 0; i < n; i++) {
    const t = templates[i]!;
    byId.set(t.id, i);
    const tone = toneOf(t);
    toneBits[i] = tone;
    let bits = 0;
    for (const s of t.scenarios) {
      bits |= SCENARIO_BIT.get(s) ?? 0;
      push(bucketLists, s, i);
      if (tone & TONE_WARM) push(warmLists, s, i);
      if (tone & TONE_CALM) push(calmLists, s, i);
    }
    scenarioBits[i] = bits;
    orderBits[i] = orderMask(t.orders);
    cutoffDeadline[i] = namesCutoffDeadline(t.body) ? 1 : 0;
    clockDeadline[i] = todayDeadline(t.body) ?? NO_DEADLINE;
    codes[i] = t.code?.toLowerCase();
  }
  const freeze = (m: Map<ScenarioId, number[]>) => new Map([...m].map(([k, v]) => [k, Int32Array.from(v)] as const));
  return {
    templates,
    byId,
    buckets: freeze(bucketLists),
    warmBuckets: freeze(warmLists),
    calmBuckets: freeze(calmLists),
    scenarioBits,
    toneBits,
    orderBits,
    cutoffDeadline,
    clockDeadline,
    codes,
    initials: null,
  };
}

export function buildTemplateIndex(templates: readonly Template[]): TemplateIndex {
  const { titles, bodies } = searchText(templates);
  return { ...fieldsOf(templates), postings: postingsOf(titles, bodies), titles, bodies };
}

/**
 * The bigram table of an index, packed for a message (JSON): what the worker builds once per
 * library version so the in-page panel never normalises 2,000 replies on a page load (that was
 * ~70% of the ~170 ms the panel spent indexing a year's library; the bigrams most of the rest).
 * Extension messages travel as JSON, so the table is two strings, not arrays: a year's 2,102
 * replies took 141 KB as arrays of keys and numbers and take about a third of that (README,
 * "A year of data"). Bigrams are always two characters (normalize.ts: CJK, a–z, 0–9), so `keys`
 * is them all in turn; `pos` holds, per key, its list's length then its first position and the
 * steps between, one character per number (packChar).
 */
export interface PackedTemplateIndex {
  /** The number of templates it was built from (−1: too many to pack; the page builds the index). */
  n: number;
  keys: string;
  pos: string;
}

/** A number as one character: past the digits, skipping the surrogates (a lone one is not JSON-safe). */
const PACK_BASE = 48;
const SURROGATES = 0xd800;
const packChar = (v: number) => String.fromCharCode(v + PACK_BASE < SURROGATES ? v + PACK_BASE : v + PACK_BASE + 0x800);
const unpackChar = (c: number) => (c < SURROGATES ? c - PACK_BASE : c - PACK_BASE - 0x800);
/** The largest number packChar can write (every position and list length is below the template count). */
const PACK_MAX = 0xffff - PACK_BASE - 0x800;

export function packTemplateIndex(index: TemplateIndex): PackedTemplateIndex {
  const n = index.templates.length;
  if (n > PACK_MAX) return { n: -1, keys: '', pos: '' };
  let keys = '';
  const pos: string[] = [];
  for (const [k, list] of index.postings) {
    keys += k;
    pos.push(packChar(list.length));
    for (let i = 0; i < list.length; i++) pos.push(packChar(list[i]! - (i ? list[i - 1]! : 0)));
  }
  return { n, keys, pos: pos.join('') };
}

/**
 * The index of `templates` from the table the worker packed for them (packTemplateIndex): the same
 * index buildTemplateIndex makes, without normalising any text now. The normalised titles and bodies
 * are only read by the search and by ensureInitials: they are made on the first read.
 */
export function unpackTemplateIndex(templates: readonly Template[], packed: PackedTemplateIndex): TemplateIndex {
  if (packed.n !== templates.length) return buildTemplateIndex(templates);
  const postings = new Map<string, Int32Array>();
  const { keys, pos } = packed;
  for (let j = 0, at = 0; j < keys.length; j += 2) {
    const list = new Int32Array(unpackChar(pos.charCodeAt(at++)));
    for (let i = 0, v = 0; i < list.length; i++) list[i] = v += unpackChar(pos.charCodeAt(at++));
    postings.set(keys.slice(j, j + 2), list);
  }
  let text: { titles: string[]; bodies: string[] } | null = null;
  const read = () => (text ??= searchText(templates));
  const index = { ...fieldsOf(templates), postings } as TemplateIndex;
  return Object.defineProperties(index, {
    titles: { get: () => read().titles, enumerable: true },
    bodies: { get: () => read().bodies, enumerable: true },
  });
}
