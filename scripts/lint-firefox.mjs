// `npm run lint:firefox`: web-ext lint on the Firefox build, one line per finding, exit 1 on errors.
import webExt from 'web-ext';

const sourceDir = new URL('../.output/firefox-mv2/', import.meta.url).pathname;
const result = await webExt.cmd.lint(
  { sourceDir, output: 'none', noConfigDiscovery: true, selfHosted: false, pretty: false, warningsAsErrors: false },
  { shouldExitProgram: false },
);
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of result[kind] ?? []) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
}
const s = result.summary;
console.log(`web-ext lint (${sourceDir}): ${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices`);
process.exit(s.errors > 0 ? 1 : 0);
