/**
 * `npm run size`: what each shipped script is made of. Builds the Chrome extension with hidden
 * source maps into .output/size/, then prints, for the content script and the worker (or the
 * files given), the minified bytes attributed to each source module, largest first.
 *
 *   npm run size                    # content script + background
 *   npm run size -- popup options   # any output file whose name contains these words
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.output', 'size');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** Bytes of `code` per original source, from its source map (unmapped bytes under "(unmapped)"). */
export function attribute(code: string, map: string): Map<string, number> {
  const consumer = new SourceMapConsumer(JSON.parse(map));
  const lines = code.split('\n');
  const sizes = new Map<string, number>();
  const mappings: { line: number; col: number; source: string }[] = [];
  consumer.eachMapping((m) => mappings.push({ line: m.generatedLine, col: m.generatedColumn, source: m.source ?? '(unmapped)' }));
  mappings.sort((a, b) => a.line - b.line || a.col - b.col);
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i]!;
    const next = mappings[i + 1];
    const end = next && next.line === m.line ? next.col : lines[m.line - 1]!.length;
    sizes.set(m.source, (sizes.get(m.source) ?? 0) + Math.max(0, end - m.col));
  }
  return sizes;
}

function main() {
  const words = process.argv.slice(2);
  execFileSync('npx', ['wxt', 'build', '--mode', 'production'], { cwd: root, stdio: 'ignore', env: { ...process.env, KF_SOURCEMAP: '1', KF_OUT_DIR: out } });
  const files = walk(join(out, 'chrome-mv3')).filter((f) => f.endsWith('.js'));
  const wanted = words.length ? files.filter((f) => words.some((w) => relative(out, f).includes(w))) : files.filter((f) => /content\.js$|background\.js$/.test(f));
  for (const f of wanted) {
    const code = readFileSync(f, 'utf8');
    let map: string;
    try {
      map = readFileSync(f + '.map', 'utf8');
    } catch {
      console.log(`${relative(out, f)}: no source map`);
      continue;
    }
    const sizes = [...attribute(code, map)].sort((a, b) => b[1] - a[1]);
    console.log(`\n${relative(out, f)} — ${Buffer.byteLength(code)} bytes, ${gzipSync(code).length} gzipped`);
    const byPackage = new Map<string, number>();
    for (const [src, n] of sizes) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src)?.[1] ?? '(project)';
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n);
    }
    console.log('  by package: ' + [...byPackage].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${(n / 1024).toFixed(1)} KB`).join(', '));
    for (const [src, n] of sizes.slice(0, 40)) console.log(`  ${String(n).padStart(7)}  ${src.replace(/^.*?(node_modules|lib|components|entrypoints)\//, '$1/')}`);
  }
}

if (process.argv[1]?.endsWith("bundle-report.ts")) main();
