/**
 * Evaluation data (../shared/eval) is read at run time only: no tracked file may carry a copy of one
 * of its texts. Three checks over the repo's tracked text files:
 *
 * 1. Runs (all files): every run of Chinese text of at least 5 characters that stops at a quote, tab
 *    or line end is looked up among the evaluation texts.
 * 2. Whole strings (all files but the exempt ones below): a whole string that equals an evaluation
 *    text of at least 3 characters is a copy, however short and everyday it is. A whole string is
 *    the content of a '…', "…", `…`, “…”, ‘…’, 「…」 or 『…』 quote; the text of an element (>…<, in
 *    HTML and JSX); a cell of a Markdown table; and a whole line or tab-separated cell of a .tsv/.txt
 *    file; a quoted string that holds tabs or line breaks (a fixture file written by a test) is
 *    also read line by line and cell by cell. "Equals" ignores what does not make another text:
 *    whitespace (the data often puts a space between two short messages typed as one), character
 *    width (？ and ?) and letter case; the 3 characters are counted after that.
 * 3. Rows (all files): the last two cells of a row of an evaluation table (`nan<TAB>您好` of the
 *    JDDC sample), found side by side in a file, its `\t` escapes read as tabs. Short greetings are
 *    everyone's, but the data's own row around them is not: a test's fixture rows are our own.
 *
 * Evaluation texts are the text cells of the evaluation files, parsed by their layout (see
 * ../shared/eval/SOURCE.md): the text column of buyer_turns.tsv and jddc_chat_sample.tsv; the
 * turns of ecd_sample_*.tsv, with and without the spaces between words; the questions and answers
 * of jddc_dev_*.txt, split at <sep>, <Q> and at the !@@@! that joins the messages of one turn.
 * Ids, labels and column headers are not texts. A cell counts only if it holds a Chinese character
 * besides the anonymiser's placeholders ([订单x], [数字x], …): a cell that is nothing but
 * placeholders is the data's markup, which the normaliser and the corpus must spell the same way.
 *
 * Exempt from check 2, because their job is to hold short generic phrases as matching vocabulary —
 * words buyers also send as a whole message:
 * - lib/domain/suggest/cues.ts: the classifier's cue phrases per scenario;
 * - lib/domain/suggest/normalize.ts: the slang, traditional-character and filler-word tables the
 *   normaliser rewrites by;
 * - any presets.ts: remark conventions, whose field labels and aliases are the words agents type;
 * - any pieces.ts: the corpus generator's phrase pieces (goods, couriers, buyers' short words);
 * - lib/domain/scenarios.ts: the scenario catalogue's names and labels;
 * - lib/sites/<console>/selectors.ts: selectors that find console controls by the console's own
 *   label text;
 * - lib/i18n/messages/*.ts: the interface's own labels (a dismiss button's 知道了, a column's
 *   订单号) — standard interface words, not buyer messages, which buyers also happen to type.
 * Tests, benches, fixtures and the demo are not exempt: their buyer messages must be our own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(repo, '../shared/eval');

const EXEMPT = [
  /^lib\/domain\/suggest\/cues\.ts$/,
  /^lib\/domain\/suggest\/normalize\.ts$/,
  /(^|\/)presets\.ts$/,
  /(^|\/)pieces\.ts$/,
  /^lib\/domain\/scenarios\.ts$/,
  /^lib\/sites\/[^/]+\/selectors\.ts$/,
  /^lib\/i18n\/messages\/[^/]+\.ts$/,
];


const HAN = /\p{Script=Han}/u;
/** The form two texts are compared in (see the header). */
const key = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const PLACEHOLDER = /\[\p{Script=Han}{1,8}x\]/gu;
const QUOTES: Record<string, string> = { "'": "'", '"': '"', '`': '`', '“': '”', '‘': '’', '「': '」', '『': '』' };

/** The text cells of one evaluation file. */
function cells(file: string, src: string): string[] {
  const lines = src.split('\n');
  if (file === 'buyer_turns.tsv') return lines.slice(1).map((l) => l.split('\t')[2] ?? '');
  if (file === 'jddc_chat_sample.tsv') return lines.map((l) => l.split('\t')[6] ?? '');
  if (/^ecd_.*\.tsv$/.test(file)) {
    return lines.flatMap((l) => l.split('\t').slice(1)).flatMap((c) => [c, c.replace(/\s+/g, '')]);
  }
  if (/^jddc_dev_.*\.txt$/.test(file)) {
    return lines
      .filter((l) => !/^<\/?(session|context)\b/.test(l.trim()))
      .flatMap((l) => l.replace(/^[QA]:\t/, '').split(/<sep>|<Q>|\t/))
      .flatMap((c) => [c, ...c.split('!@@@!')])
      .filter((c) => c.trim() !== 'NULL');
  }
  return []; // SOURCE.md, dev-labels.tsv: no texts
}

function evalTexts(): { long: Set<string>; short: Set<string> } {
  const long = new Set<string>();
  const short = new Set<string>();
  for (const f of readdirSync(evalDir)) {
    const src = readFileSync(join(evalDir, f), 'utf8');
    // The run check keeps its old reading too: every tab-separated cell of every file.
    for (const line of src.split('\n')) for (const c of line.split('\t')) if (c.trim().length >= 5) long.add(c.trim());
    for (const raw of cells(f, src)) {
      if (raw.trim().length >= 5) long.add(raw.trim());
      const k = key(raw);
      if (k.length >= 3 && HAN.test(k.replace(PLACEHOLDER, ''))) short.add(k);
    }
  }
  return { long, short };
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n' };

/** The last two cells of every row of the evaluation tables whose last cell is a text (check 3). */
function evalRowEnds(): Set<string> {
  const ends = new Set<string>();
  for (const f of readdirSync(evalDir)) {
    if (!f.endsWith('.tsv')) continue;
    for (const line of readFileSync(join(evalDir, f), 'utf8').split('\n')) {
      const c = line.split('\t');
      const last = c[c.length - 1]!.trim();
      if (c.length >= 2 && HAN.test(last)) ends.add(`${c[c.length - 2]}\t${last}`);
    }
  }
  return ends;
}

/** Every pair of cells side by side in a file, read as a table would be (check 3). */
function cellPairs(src: string): string[] {
  const text = src.replace(/\\t/g, '\t');
  const out: string[] = [];
  const stop = /[\t\n'"`]/;
  for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) {
    let a = i;
    while (a > 0 && !stop.test(text[a - 1]!)) a--;
    let b = i + 1;
    while (b < text.length && !stop.test(text[b]!)) b++;
    out.push(`${text.slice(a, i)}\t${text.slice(i + 1, b).trim()}`);
  }
  return out;
}

/** Every whole string of one tracked file (see the header). */
function wholeStrings(file: string, src: string): string[] {
  const out: string[] = [];
  // Quotes: from every opening quote to the next unescaped closing one ('…' and "…" stay on one
  // line). Starting at every quote, not only the ones a parser would pair, cannot miss a literal.
  for (let i = 0; i < src.length; i++) {
    const close = QUOTES[src[i]!];
    if (!close) continue;
    let s = '';
    let j = i + 1;
    for (; j < src.length && src[j] !== close && s.length <= 200; j++) {
      if (src[j] === '\n' && (close === "'" || close === '"')) break;
      if (src[j] === '\\' && j + 1 < src.length) s += ESCAPES[src[++j]!] ?? src[j];
      else s += src[j];
    }
    if (src[j] === close) out.push(s, ...(/[\t\n]/.test(s) ? s.split(/[\t\n]/) : []));
  }
  for (const m of src.matchAll(/>([^<>]{1,200})</g)) out.push(m[1]!);
  if (file.endsWith('.md')) for (const m of src.matchAll(/\|([^|\n]{1,200})(?=\|)/g)) out.push(m[1]!);
  if (/\.(tsv|txt)$/.test(file)) for (const line of src.split('\n')) out.push(line, ...line.split('\t'));
  return out.map((s) => s.trim());
}

it.skipIf(!existsSync(evalDir))('no tracked file holds a text of the evaluation data', () => {
  const { long, short } = evalTexts();
  const rowEnds = evalRowEnds();
  const files = execFileSync('git', ['ls-files'], { cwd: repo })
    .toString()
    .split('\n')
    .filter((f) => /\.(ts|tsx|mts|js|mjs|cjs|md|html|css|json|tsv|csv|txt|ya?ml)$/.test(f));
  const copies = new Set<string>();
  for (const f of files) {
    if (!existsSync(join(repo, f))) continue;
    const src = readFileSync(join(repo, f), 'utf8');
    for (const m of src.matchAll(/[\u4e00-\u9fff][^'"`\\\n\t]{4,}/g)) if (long.has(m[0].trim())) copies.add(`${f}: ${m[0].trim()}`);
    for (const pair of cellPairs(src)) if (rowEnds.has(pair)) copies.add(`${f}: a row of the data ending ${JSON.stringify(pair)}`);
    if (EXEMPT.some((re) => re.test(f))) continue;
    for (const s of wholeStrings(f, src)) {
      if (short.has(key(s))) copies.add(`${f}: ${s}`);
    }
  }
  expect([...copies]).toEqual([]);
}, 30_000); // reads every tracked file and ~26,000 written corpus lines: 2–3 s alone, over the 5 s default in a full parallel run
