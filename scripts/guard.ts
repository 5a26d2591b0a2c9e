/**
 * The compliance guard from the command line, using exactly the domain code the extension uses.
 *
 *   npm run guard -- check --platform pdd --text '加我vx领红包'   [--rules guard.json] [--lang en]
 *   npm run guard -- scan  --platform jd  --file replies.txt      (one reply a line; prints the flagged ones and the rate)
 *   npm run guard -- scan  --platform jd  --file ../shared/eval/jddc_dev_answer.txt --format jddc
 *
 * check: exit 0 clean; 1 with one line per finding (category, words, severity, why); 2 bad usage.
 * scan: exit 0; the last line is machine-readable: `flagged=<n> lines=<n> rate=<x>`.
 * --rules: a library export or a bare guard config ({ v: 1, disabled, rules }).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { consoleIo, runIfMain, UsageError, withUsage, type Io } from './cli';

export type { Io };
import { activeRules, checkReply, GUARD_PLATFORMS, validateGuardConfig, type GuardConfig, type GuardPlatform, type GuardRule } from '../lib/domain/guard/index';

const USAGE = `用法 usage:
  guard check --platform ${GUARD_PLATFORMS.join('|')} --text '<reply>' [--rules file.json] [--lang en]
  guard scan  --platform ${GUARD_PLATFORMS.join('|')} --file replies.txt [--format lines|jddc] [--rules file.json] [--lang en]
check: exit 0 = clean, 1 = one line per finding (category, words, severity, why), 2 = bad usage.`;

function loadConfig(path: string | undefined): GuardConfig | undefined {
  if (!path) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read rules ${path}: ${(e as Error).message}`);
  }
  // A whole library export carries the guard config in its `guardRules` section.
  const section = json && typeof json === 'object' && 'guardRules' in json ? (json as { guardRules: unknown }).guardRules : json;
  const r = validateGuardConfig(section);
  if (!r.ok) throw new UsageError(`invalid rules ${path}:\n${r.errors.map((e) => `  ${e}`).join('\n')}`);
  return r.config;
}

function platformOf(v: string | undefined): GuardPlatform {
  if (!v || !GUARD_PLATFORMS.includes(v as GuardPlatform)) throw new UsageError(`--platform must be one of ${GUARD_PLATFORMS.join(', ')}`);
  return v as GuardPlatform;
}

function findingLines(text: string, platform: GuardPlatform, rules: GuardRule[], en: boolean): string[] {
  return checkReply(text, { platform, rules }).map((f) => `${f.category}\t${f.words}\t${f.severity}\t${en ? f.reason.en : f.reason.zh}`);
}

/**
 * The JDDC dev answers: per line one buyer turn's human replies, alternatives split by `<sep>`,
 * messages of one reply by `!@@@!`, `NULL` for none; `<session …>` lines start a session.
 */
export function jddcReplies(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('<session'))
    .flatMap((l) => l.split('<sep>'))
    .filter((r) => r.trim() && r.trim() !== 'NULL')
    .map((r) => r.split('!@@@!').join(' '));
}

export function main(argv: string[], io: Io = consoleIo): number {
  const [command, ...rest] = argv;
  return withUsage(io, USAGE, () => {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: { platform: { type: 'string' }, text: { type: 'string' }, file: { type: 'string' }, format: { type: 'string' }, rules: { type: 'string' }, lang: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const platform = platformOf(values.platform);
    const rules = activeRules(loadConfig(values.rules));
    const en = values.lang === 'en';
    if (command === 'check') {
      if (values.text === undefined) throw new UsageError("check needs --text '<reply>'");
      const lines = findingLines(values.text, platform, rules, en);
      for (const l of lines) io.out(l);
      return lines.length ? 1 : 0;
    }
    if (command === 'scan') {
      if (!values.file) throw new UsageError('scan needs --file');
      if (!existsSync(values.file)) throw new UsageError(`file not found: ${values.file}`);
      const format = values.format ?? 'lines';
      if (format !== 'lines' && format !== 'jddc') throw new UsageError('--format must be lines or jddc');
      const text = readFileSync(values.file, 'utf8');
      const replies = format === 'jddc' ? jddcReplies(text) : text.split(/\r?\n/).filter((l) => l.trim() !== '');
      let flagged = 0;
      for (const [i, reply] of replies.entries()) {
        const lines = findingLines(reply, platform, rules, en);
        if (!lines.length) continue;
        flagged++;
        io.out(`#${i + 1}\t${lines.map((l) => l.split('\t').slice(0, 3).join(' ')).join(' | ')}\t${reply}`);
      }
      io.out(`flagged=${flagged} lines=${replies.length} rate=${replies.length ? (flagged / replies.length).toFixed(4) : '0'}`);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  });
}

runIfMain(import.meta.url, (argv) => main(argv));
