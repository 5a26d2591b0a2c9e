/**
 * Remark rules from the command line, using exactly the domain code the extension uses.
 *
 *   npm run remark -- build  --preset A --flag purple --fields '{"shipDate":"2026-11-28"}' --agent 张三
 *   npm run remark -- check  --preset A --flag purple --platform taobao --text '【延迟发货】…'
 *   npm run remark -- fields --preset A --record quality-exchange
 *
 * Exit codes: 0 ok / valid; 1 invalid fields or remark (one problem a line); 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { consoleIo, runIfMain, UsageError, withUsage, type Io } from './cli';

export type { Io };
import {
  PRESETS, buildRemark, checkRemark, getRule, isFlagColor, isRecordKind, validateRuleSet,
  type FlagColor, type Platform, type RecordKind, type RemarkTarget, type RuleSet,
} from '../lib/domain/remarks/index';
import { DEFAULT_FOLLOWUP_SETTINGS } from '../lib/domain/followups/types';
import { fromWall, isoDay } from '../lib/domain/time';

/** Shop time, as in the extension (lib/storage/settings.ts shopZone): the default, Beijing. */
const SHOP_ZONE = DEFAULT_FOLLOWUP_SETTINGS.utcOffsetMinutes;

const USAGE = `用法 usage:
  remark build  (--preset A|B | --rules file.json) (--flag COLOR | --record KIND) --fields '<json>' [--agent NAME] [--today YYYY-MM-DD]
  remark check  (--preset A|B | --rules file.json) (--flag COLOR [--record KIND]) --text '<remark>' [--platform taobao|jd|pdd|demo] [--agent NAME] [--today YYYY-MM-DD] [--lang en]
  remark fields (--preset A|B | --rules file.json) (--flag COLOR | --record KIND)
COLOR: gray red yellow green blue purple    KIND: quality-exchange nonquality-exchange return compensation
--fields keys may be field keys (shipDate) or labels (可发货日). The agent defaults to $KEFU_AGENT.`;

function shopToday(): string {
  return isoDay(Date.now(), SHOP_ZONE);
}

function loadRuleSet(preset: string | undefined, rules: string | undefined): RuleSet {
  if (rules) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(rules, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read rule set ${rules}: ${(e as Error).message}`);
    }
    const r = validateRuleSet(json);
    if (!r.ok) throw new UsageError(`invalid rule set ${rules}:\n${r.errors.map((e) => `  ${e.message}`).join('\n')}`);
    return r.ruleSet;
  }
  const key = (preset ?? '').toUpperCase();
  if (key !== 'A' && key !== 'B') throw new UsageError('--preset must be A or B (or give --rules file.json)');
  return PRESETS[key];
}

function readTarget(flag: string | undefined, record: string | undefined, allowBoth: boolean): { flag?: FlagColor; record?: RecordKind } {
  if (flag !== undefined && !isFlagColor(flag)) throw new UsageError(`unknown --flag ${flag}`);
  if (record !== undefined && !isRecordKind(record)) throw new UsageError(`unknown --record ${record}`);
  if (flag === undefined && record === undefined) throw new UsageError('give --flag or --record');
  if (!allowBoth && flag !== undefined && record !== undefined) throw new UsageError('give --flag or --record, not both');
  return { ...(flag ? { flag } : {}), ...(record ? { record } : {}) };
}

function readToday(today: string | undefined): string {
  if (today === undefined) return shopToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new UsageError('--today must be YYYY-MM-DD');
  return today;
}

export function main(argv: string[], io: Io = consoleIo, env: Record<string, string | undefined> = process.env): number {
  const [command, ...rest] = argv;
  return withUsage(io, USAGE, () => {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        preset: { type: 'string' },
        rules: { type: 'string' },
        flag: { type: 'string' },
        record: { type: 'string' },
        fields: { type: 'string' },
        agent: { type: 'string' },
        today: { type: 'string' },
        platform: { type: 'string' },
        text: { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const ruleSet = loadRuleSet(values.preset, values.rules);

    if (command === 'fields') {
      const t = readTarget(values.flag, values.record, false);
      const target = (t.record ?? t.flag) as RemarkTarget;
      const rule = getRule(ruleSet, target);
      io.out(JSON.stringify({ target, title: rule.title, meaning: rule.meaning, fields: rule.fields }, null, 2));
      return 0;
    }

    if (command === 'build') {
      const t = readTarget(values.flag, values.record, false);
      const target = (t.record ?? t.flag) as RemarkTarget;
      if (values.fields === undefined) throw new UsageError('build needs --fields \'{"key":"value"}\'');
      let given: unknown;
      try {
        given = JSON.parse(values.fields);
      } catch {
        throw new UsageError('--fields is not valid JSON');
      }
      if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new UsageError('--fields must be a JSON object');
      const rule = getRule(ruleSet, target);
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(given)) {
        const spec = rule.fields.find((f) => f.key === k || f.label === k || (f.aliases ?? []).includes(k));
        if (!spec) throw new UsageError(`unknown field "${k}" for ${target}; known: ${rule.fields.map((f) => `${f.key}(${f.label})`).join(' ')}`);
        fields[spec.key] = v === null || v === undefined ? '' : String(v);
      }
      const today = readToday(values.today);
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      const r = buildRemark(ruleSet, target, fields, { agent: values.agent ?? env.KEFU_AGENT ?? '', now: fromWall(y, m, d, 12 * 60, SHOP_ZONE), zone: SHOP_ZONE });
      if (!r.ok) {
        for (const e of r.errors) io.err(`${e.field}: ${values.lang === 'en' ? e.messageEn : e.message}`);
        return 1;
      }
      io.out(r.text);
      return 0;
    }

    if (command === 'check') {
      const t = readTarget(values.flag, values.record, true);
      if (values.text === undefined) throw new UsageError("check needs --text '<remark>'");
      const platform = values.platform;
      if (platform !== undefined && !['taobao', 'jd', 'pdd', 'demo'].includes(platform)) throw new UsageError('--platform must be taobao, jd, pdd or demo');
      const problems = checkRemark(values.text, {
        ruleSet,
        flag: t.flag ?? 'gray',
        ...(t.record ? { record: t.record } : {}),
        ...(platform ? { platform: platform as Platform } : {}),
        ...(values.agent ? { agent: values.agent } : {}),
        today: readToday(values.today),
      });
      for (const p of problems) io.out(values.lang === 'en' ? p.messageEn : p.message);
      return problems.length === 0 ? 0 : 1;
    }

    throw new UsageError(`unknown command "${command}"`);
  });
}

runIfMain(import.meta.url, (argv) => main(argv));
