/**
 * Draws a fresh set of buyer turns to label blind, and checks a finished labels file.
 *
 *   node --import tsx scripts/heldout/draw.ts draw <out> --seed <n> [--n 200] [--jddc-dev] [--sheets 2]
 *   node --import tsx scripts/heldout/draw.ts check <out> <SHEET>
 *   node --import tsx scripts/heldout/draw.ts tsv <out> <SET>        → <out>/<SET>-alone.tsv, -ctx.tsv
 *
 * `draw` shuffles ../shared/eval/buyer_turns.tsv with the seed, leaves out the dev ids and every id
 * drawn by a recipe in draws.json (sets drawn before), takes n, and writes labelling sheets that show each turn
 * with up to ten earlier messages of its conversation (`scripts/eval-dialogues.ts`). `--jddc-dev`
 * takes the JDDC dev questions instead (all of them, minus used ids). Everything goes to <out>,
 * which must be outside the repo: evaluation text, ids and labels are never committed. Append the
 * new set's recipe (seed, n) to draws.json once it is labelled. Labelling: LABEL-GUIDE.md (two labels per turn:
 * the turn read alone, and read in its conversation).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScenarioId } from '../../lib/domain/scenarios';
import { Dialogues } from '../eval-dialogues';

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = resolve(here, '../../../shared/eval');

const lines = (p: string) => readFileSync(p, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));

/** Deterministic shuffle (mulberry32), the same on every machine. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

interface Recipe {
  pool: 'buyer_turns' | 'jddc_dev';
  seed?: number;
  take?: number;
}

/**
 * The ids a new set may not hold: the dev labels and every set drawn before, each drawn again from
 * its recipe in draws.json, in order (each recipe excluded the ones before it).
 */
export function excluded(recipesPath = resolve(here, 'draws.json'), dialogues = new Dialogues(evalDir)): Set<string> {
  const out = new Set<string>();
  for (const l of lines(resolve(evalDir, 'dev-labels.tsv')).slice(1)) out.add(l.split('\t')[0]!);
  const { draws } = JSON.parse(readFileSync(recipesPath, 'utf8')) as { draws: Recipe[] };
  for (const r of draws) {
    for (const id of draw({ seed: r.seed ?? 0, n: r.take ?? Infinity, jddcDev: r.pool === 'jddc_dev', used: out }, dialogues)) out.add(id);
  }
  return out;
}

export function draw(opts: { seed: number; n: number; jddcDev?: boolean; used?: Set<string> }, dialogues = new Dialogues(evalDir)): string[] {
  const used = opts.used ?? excluded(undefined, dialogues);
  const pool = opts.jddcDev
    ? dialogues.devQuestionIds()
    : lines(resolve(evalDir, 'buyer_turns.tsv')).slice(1).map((l) => l.split('\t')[0]!);
  const free = pool.filter((id) => !used.has(id));
  return opts.jddcDev ? free : shuffle(free, opts.seed).slice(0, opts.n);
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function sheet(name: string, ids: string[], dialogues: Dialogues): string {
  const out = [`# Labelling sheet ${name} (${ids.length} turns)`, ''];
  for (const id of ids) {
    const d = dialogues.dialogue(id);
    if (!d) throw new Error(`no dialogue for ${id}`);
    const before = d.slice(0, -1);
    const shown = before.slice(-10);
    out.push(`## ${id}`);
    if (before.length > shown.length) out.push(`(… ${before.length - shown.length} earlier messages)`);
    for (const t of shown) out.push(`${t.from === 'buyer' ? '买家' : '客服'}: ${cut(t.text, 220)}`);
    out.push(`>>> 买家 (THIS TURN): ${d.at(-1)!.text}`, '');
  }
  return out.join('\n');
}

const HEADER = 'id\talone\talone_also\tctx\tctx_also';

/** Problems in a finished labels file against its sheet; empty when it is good. */
export function checkLabels(sheetText: string, labelsText: string): string[] {
  const want = [...sheetText.matchAll(/^## (\S+)$/gm)].map((m) => m[1]!);
  const rows = labelsText.split(/\r?\n/).filter((l) => l.trim());
  const errs: string[] = [];
  if (rows[0] !== HEADER) errs.push(`the first line must be: ${HEADER.replace(/\t/g, '<TAB>')}`);
  const body = rows.slice(1);
  if (body.length !== want.length) errs.push(`expected ${want.length} rows, got ${body.length}`);
  body.forEach((l, i) => {
    const c = l.split('\t');
    const at = `row ${i + 2}`;
    if (c.length !== 5) errs.push(`${at}: expected 5 columns, got ${c.length}`);
    if (c[0] !== want[i]) errs.push(`${at}: id ${c[0]} where the sheet has ${want[i]}`);
    for (const k of [1, 3]) if (!isScenarioId(c[k] ?? '')) errs.push(`${at}: unknown scenario "${c[k] ?? ''}"`);
    for (const k of [2, 4]) if (c[k] && (!isScenarioId(c[k]!) || c[k] === c[k - 1])) errs.push(`${at}: bad second scenario "${c[k]}"`);
  });
  return errs;
}

function main(argv: string[]): number {
  const [cmd, out, third] = argv;
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!out || !['draw', 'check', 'tsv'].includes(cmd ?? '')) {
    console.error('usage: draw.ts draw <out> --seed <n> [--n 200] [--jddc-dev] [--sheets 2] | check <out> <SHEET> | tsv <out> <SET>');
    return 2;
  }
  const dir = resolve(out);
  if (dir.startsWith(resolve(here, '../..'))) {
    console.error('draw.ts: <out> must be outside the repo (evaluation text and labels are never committed)');
    return 2;
  }
  const d = new Dialogues(evalDir);
  if (cmd === 'draw') {
    const seed = Number(flag('--seed'));
    if (!Number.isInteger(seed)) {
      console.error('draw.ts: --seed <integer> is required');
      return 2;
    }
    const ids = draw({ seed, n: Number(flag('--n') ?? 200), jddcDev: argv.includes('--jddc-dev') }, d);
    const parts = Math.max(1, Number(flag('--sheets') ?? 2));
    mkdirSync(resolve(dir, 'labels'), { recursive: true });
    writeFileSync(resolve(dir, 'ids.txt'), `${ids.join('\n')}\n`);
    // Inline texts, so that eval:suggest reads sets whose ids are not in buyer_turns.tsv.
    writeFileSync(resolve(dir, 'texts.tsv'), ids.map((id) => `${id}\t${d.dialogue(id)!.at(-1)!.text}`).join('\n') + '\n');
    const size = Math.ceil(ids.length / parts);
    for (let k = 0; k < parts; k++) writeFileSync(resolve(dir, `S${k + 1}.md`), sheet(`S${k + 1}`, ids.slice(k * size, (k + 1) * size), d));
    console.log(`${ids.length} turns in ${parts} sheets under ${dir} (S1.md…); labels go to ${dir}/labels/S<k>.tsv`);
    return 0;
  }
  if (cmd === 'check') {
    const name = third ?? '';
    const labels = resolve(dir, 'labels', `${name}.tsv`);
    if (!existsSync(labels)) {
      console.error(`draw.ts: ${labels} not found`);
      return 2;
    }
    const errs = checkLabels(readFileSync(resolve(dir, `${name}.md`), 'utf8'), readFileSync(labels, 'utf8'));
    console.log(errs.length ? errs.join('\n') : `ok: ${name}`);
    return errs.length ? 1 : 0;
  }
  // tsv: every labels/S*.tsv → <SET>-alone.tsv and <SET>-ctx.tsv (id, scenario, also, text)
  const texts = new Map(lines(resolve(dir, 'texts.tsv')).map((l) => [l.split('\t')[0]!, l.split('\t').slice(1).join('\t')]));
  const rows: string[][] = [];
  for (let k = 1; existsSync(resolve(dir, 'labels', `S${k}.tsv`)); k++) rows.push(...lines(resolve(dir, 'labels', `S${k}.tsv`)).slice(1).map((l) => l.split('\t')));
  for (const [name, a, b] of [['alone', 1, 2], ['ctx', 3, 4]] as const) {
    const body = rows.map((r) => [r[0], r[a], r[b] ?? '', texts.get(r[0]!) ?? ''].join('\t'));
    writeFileSync(resolve(dir, `${third ?? 'set'}-${name}.tsv`), ['id\tscenario\talso\ttext', ...body].join('\n') + '\n');
  }
  console.log(`${rows.length} rows → ${dir}/${third ?? 'set'}-alone.tsv, -ctx.tsv`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
