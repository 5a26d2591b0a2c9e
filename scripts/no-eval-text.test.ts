/**
 * Evaluation data (../shared/eval) is read at run time only: no tracked file may carry a copy of one
 * of its texts. Two checks over the repo's tracked text files:
 *
 * 1. Runs (all files): every run of Chinese text of at least 5 characters that stops at a quote, tab
 *    or line end is looked up among the evaluation texts.
 * 2. Whole strings (all files but the exempt ones below): a whole string that equals an evaluation
 *    text of at least 3 characters is a copy, however short and everyday it is. A whole string is
 *    the content of a '…', "…", `…`, “…”, ‘…’, 「…」 or 『…』 quote; the text of an element (>…<, in
 *    HTML and JSX); a cell of a Markdown table; and a whole line or tab-separated cell of a .tsv/.txt
 *    file. "Equals" ignores what does not make another text: whitespace (the data often puts a
 *    space between two short messages typed as one), character width (？ and ?) and letter case;
 *    the 3 characters are counted after that.
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
      if (src[j] === '\\' && j + 1 < src.length) s += src[++j];
      else s += src[j];
    }
    if (src[j] === close) out.push(s);
  }
  for (const m of src.matchAll(/>([^<>]{1,200})</g)) out.push(m[1]!);
  if (file.endsWith('.md')) for (const m of src.matchAll(/\|([^|\n]{1,200})(?=\|)/g)) out.push(m[1]!);
  if (/\.(tsv|txt)$/.test(file)) for (const line of src.split('\n')) out.push(line, ...line.split('\t'));
  return out.map((s) => s.trim());
}

it.skipIf(!existsSync(evalDir))('no tracked file holds a text of the evaluation data', () => {
  const { long, short } = evalTexts();
  const files = execFileSync('git', ['ls-files'], { cwd: repo })
    .toString()
    .split('\n')
    .filter((f) => /\.(ts|tsx|mts|js|mjs|cjs|md|html|css|json|tsv|csv|txt|ya?ml)$/.test(f));
  const copies = new Set<string>();
  for (const f of files) {
    if (!existsSync(join(repo, f))) continue;
    const src = readFileSync(join(repo, f), 'utf8');
    for (const m of src.matchAll(/[\u4e00-\u9fff][^'"`\\\n\t]{4,}/g)) if (long.has(m[0].trim())) copies.add(`${f}: ${m[0].trim()}`);
    if (EXEMPT.some((re) => re.test(f))) continue;
    for (const s of wholeStrings(f, src)) {
      if (short.has(key(s))) copies.add(`${f}: ${s}`);
    }
  }
  expect([...copies]).toEqual([]);
});
