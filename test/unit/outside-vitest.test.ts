/**
 * `npm run demo` and `npm run bench` run the e2e helpers under plain node (tsx), not vitest. A helper
 * module that imports vitest throws there on import ("Vitest failed to access its internal state"),
 * and both commands stopped before opening a page (seen 2026-12-06, after pages.ts took expect.poll).
 * This loads every e2e module the demo and the benches import in a node of their own, as they do.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The test/e2e modules imported by test/demo/*.ts and test/bench/*.ts. */
function helpersTheyImport(): string[] {
  const found = new Set<string>();
  for (const dir of ['test/demo', 'test/bench']) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => /\.(ts|mts)$/.test(f) && !f.endsWith('.d.mts'))) {
      for (const m of readFileSync(join(ROOT, dir, file), 'utf8').matchAll(/from '\.\.\/e2e\/([\w-]+)'/g)) found.add(`test/e2e/${m[1]}.ts`);
    }
  }
  return [...found].sort();
}

describe('the e2e helpers the demo and the benches use', () => {
  it('load under plain node, outside vitest', () => {
    const modules = helpersTheyImport();
    expect(modules).toContain('test/e2e/pages.ts');
    const script = modules.map((m) => `await import(${JSON.stringify(join(ROOT, m))});`).join('\n');
    let failure = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe', timeout: 60_000 });
    } catch (err) {
      failure = String((err as { stderr?: Buffer }).stderr ?? err).split('\n').find((l) => /Error/.test(l)) ?? String(err);
    }
    expect(failure).toBe('');
  }, 60_000);
});
