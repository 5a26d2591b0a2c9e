import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLabels, draw, excluded, shuffle } from './draw';

const evalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/eval');
const haveEval = existsSync(resolve(evalDir, 'buyer_turns.tsv'));

describe('drawing a held-out set', () => {
  it('shuffles the same way for the same seed, differently for another', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffle(items, 7)).toEqual(shuffle(items, 7));
    expect(shuffle(items, 7)).not.toEqual(shuffle(items, 8));
    expect([...shuffle(items, 7)].sort((a, b) => a - b)).toEqual(items);
  });

  it('checks a labels file against its sheet, naming each problem', () => {
    const sheet = '# s\n\n## jd1\n>>> 买家 (THIS TURN): 在吗\n\n## jd2\n>>> 买家 (THIS TURN): 发票\n';
    const head = 'id\talone\talone_also\tctx\tctx_also\n';
    expect(checkLabels(sheet, `${head}jd1\tgreeting\t\tgreeting\t\njd2\tinvoice\t\tinvoice\t\n`)).toEqual([]);
    const errs = checkLabels(sheet, `${head}jd2\tinvoice\t\tinvoce\t\njd1\tgreeting\tgreeting\tgreeting\t\n`);
    expect(errs).toContain('row 2: id jd2 where the sheet has jd1');
    expect(errs).toContain('row 2: unknown scenario "invoce"');
    expect(errs).toContain('row 3: bad second scenario "greeting"');
    expect(checkLabels(sheet, head)).toContain('expected 2 rows, got 0');
  });

  it.skipIf(!haveEval)('leaves out the dev ids and every id drawn before', () => {
    const used = excluded();
    // Held-out 20 left 32 buyer turns undrawn (dev ids and every recipe excluded).
    const ids = draw({ seed: 1, n: 300 });
    expect(ids).toHaveLength(32);
    expect(new Set(ids).size).toBe(32);
    for (const id of ids) expect(used.has(id)).toBe(false);
    // The JDDC dev questions of this session's held-out 11 are all used already.
    expect(draw({ seed: 1, n: 0, jddcDev: true })).toEqual([]);
    // The recipes of 400 buyer turns (fifth and sixth sessions) and 600 + 400 + 400 (seventh), 400 (eighth), 400 (ninth), 400 (tenth), 600 (twelfth), 600 (thirteenth), the 293 dev questions and the 450 dev ids.
    expect(used.size).toBe(450 + 400 + 293 + 400 + 600 + 400 + 400 + 400 + 400 + 400 + 600 + 600);
  });
});
