/**
 * Evaluation data (../shared/eval) is read at run time only: no tracked file may carry one of its
 * lines. Every quoted or tab-separated run of Chinese text in the repo's tracked text files is looked
 * up among the evaluation texts; short everyday words (你好, 在吗) are everyone's, so only runs of at
 * least 5 characters count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(repo, '../shared/eval');

it.skipIf(!existsSync(evalDir))('no tracked file holds a line of the evaluation data', () => {
  const texts = new Set<string>();
  for (const f of readdirSync(evalDir)) {
    for (const line of readFileSync(join(evalDir, f), 'utf8').split('\n')) {
      for (const cell of line.split('\t')) if (cell.trim().length >= 5) texts.add(cell.trim());
    }
  }
  const files = execFileSync('git', ['ls-files'], { cwd: repo }).toString().split('\n').filter((f) => /\.(ts|tsx|js|mjs|md|html|json|tsv|txt)$/.test(f));
  const copies: string[] = [];
  for (const f of files) {
    if (!existsSync(join(repo, f))) continue;
    const src = readFileSync(join(repo, f), 'utf8');
    for (const m of src.matchAll(/[\u4e00-\u9fff][^'"`\\\n\t]{4,}/g)) if (texts.has(m[0].trim())) copies.push(`${f}: ${m[0].trim()}`);
  }
  expect(copies).toEqual([]);
});
