/**
 * The shop's guard settings (own rules, switched-off built-in rules) as stored and as carried in
 * the library export. An invalid entry is refused with its position named, and nothing changes.
 */
import { at, inLocale, versionProblem, type Bilingual } from '../../i18n/bilingual';
import type { Locale } from '../../i18n/lookup';
import { BUILT_IN_RULE_IDS } from './rule-ids';
import { GUARD_PLATFORMS, type GuardConfig, type GuardPlatform, type ShopRule } from './types';

export type ConfigResult = { ok: true; config: GuardConfig } | { ok: false; errors: string[] };

const MAX_RULES = 200;
const MAX_WORDS = 50;

/**
 * Checks stored, saved or imported settings. `locale`: the interface's language, where known
 * ('zh-CN': Chinese alone; 'en': English alone; not said: "中文（English）").
 */
export function validateGuardConfig(input: unknown, locale?: Locale): ConfigResult {
  const errors: string[] = [];
  const add = (m: Bilingual) => void errors.push(inLocale(m, locale));
  if (!input || typeof input !== 'object') {
    add({ zh: '合规规则：内容不完整或已损坏（文件可能被改动过）', en: 'guard rules: incomplete or damaged (the file may have been edited)' });
    return { ok: false, errors };
  }
  const r = input as Record<string, unknown>;
  if (r.v !== 1) add(versionProblem(r.v, 1, { zh: '合规规则', en: 'Guard rules' }));
  const known = new Set(BUILT_IN_RULE_IDS);
  const disabled: string[] = [];
  if (r.disabled !== undefined && !Array.isArray(r.disabled)) add({ zh: '合规规则：disabled 应为列表', en: 'guard rules: disabled must be a list' });
  for (const id of Array.isArray(r.disabled) ? r.disabled : []) {
    // Ids of rules this version does not have are kept out quietly: an export from a newer version still imports.
    if (typeof id === 'string' && known.has(id)) disabled.push(id);
  }
  const rules: ShopRule[] = [];
  const list = r.rules === undefined ? [] : r.rules;
  if (!Array.isArray(list)) add({ zh: '合规规则：rules 应为列表', en: 'guard rules: rules must be a list' });
  else if (list.length > MAX_RULES) add({ zh: `合规规则：最多 ${MAX_RULES} 条`, en: `guard rules: at most ${MAX_RULES} rules` });
  else {
    const ids = new Set<string>();
    list.forEach((raw, i) => {
      // Named by its number from 1: "合规规则第 2 条：缺少编号 id" / "guard rule 2: missing id".
      const where = { zh: `合规规则第 ${i + 1} 条`, en: `guard rule ${i + 1}` };
      const checked = checkShopRule(raw);
      if ('problem' in checked) add(at(where, checked.problem));
      else if (ids.has(checked.rule.id)) add(at(where, { zh: `编号重复 ${checked.rule.id}`, en: `duplicate id ${checked.rule.id}` }));
      else {
        ids.add(checked.rule.id);
        rules.push(checked.rule);
      }
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: { v: 1, disabled: [...new Set(disabled)], rules } };
}

/** One shop rule, or what is wrong with it (in both languages; the caller names the rule). */
export function checkShopRule(raw: unknown): { rule: ShopRule } | { problem: Bilingual } {
  const no = (zh: string, en: string) => ({ problem: { zh, en } });
  if (!raw || typeof raw !== 'object') return no('应为对象', 'expected an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !/^[\w-]{1,40}$/.test(r.id)) return no('缺少编号 id', 'missing id');
  if (!Array.isArray(r.words)) return no('缺少词语 words', 'missing words');
  const words = [...new Set(r.words.map((w) => (typeof w === 'string' ? w.trim() : '')).filter((w) => w.length > 0))];
  if (!words.length) return no('至少写一个词', 'write at least one word');
  if (words.length > MAX_WORDS) return no(`最多 ${MAX_WORDS} 个词`, `at most ${MAX_WORDS} words`);
  if (words.some((w) => w.length > 40)) return no('每个词最多 40 字', 'each word at most 40 characters');
  if (r.severity !== 'block' && r.severity !== 'warn') return no('级别应为 block 或 warn', 'severity must be block or warn');
  const platforms = Array.isArray(r.platforms) ? r.platforms : ['any'];
  if (!platforms.every((p): p is GuardPlatform => GUARD_PLATFORMS.includes(p as GuardPlatform))) {
    return no(`平台应为 ${GUARD_PLATFORMS.join('/')}`, `platform must be ${GUARD_PLATFORMS.join('/')}`);
  }
  if (typeof r.reason !== 'string' || !r.reason.trim()) return no('请写明原因 reason', 'missing reason');
  if (r.reason.length > 200) return no('原因最多 200 字', 'reason at most 200 characters');
  if (r.replacement !== undefined && (typeof r.replacement !== 'string' || r.replacement.length > 200)) return no('替换文字最多 200 字', 'replacement at most 200 characters');
  return {
    rule: {
      id: r.id,
      words,
      severity: r.severity,
      platforms: platforms.length ? platforms : ['any'],
      reason: r.reason.trim(),
      ...(typeof r.replacement === 'string' ? { replacement: r.replacement } : {}),
    },
  };
}

/**
 * One change the options page makes to the guard settings: a built-in rule switched on or off, a
 * shop rule added or removed. Applied by the background to the settings as stored at that moment
 * (one transaction), so a change made meanwhile elsewhere (another tab, a library import) is kept.
 */
export type GuardPatch = { rule: string; on: boolean } | { add: ShopRule } | { remove: string };

const isId = (v: unknown): v is string => typeof v === 'string' && /^[\w-]{1,40}$/.test(v);

/**
 * `config` with `patch` (as sent) applied and checked as a save is (an added rule with the rest);
 * refused when `patch` is not exactly one GuardPatch.
 */
export function patchGuardConfig(config: GuardConfig, patch: unknown, locale?: Locale): ConfigResult {
  const next = applyGuardPatch(config, patch);
  return next ? validateGuardConfig(next, locale) : { ok: false, errors: ['patchGuardConfig: one of { rule, on }, { add } or { remove }'] };
}

/** `config` with `patch` applied, or null when `patch` is not exactly one GuardPatch; not yet validated. */
export function applyGuardPatch(config: GuardConfig, patch: unknown): GuardConfig | null {
  const p = (patch && typeof patch === 'object' ? patch : {}) as Record<string, unknown>;
  const keys = Object.keys(p).sort().join();
  if (keys === 'on,rule' && isId(p.rule) && typeof p.on === 'boolean') {
    const others = config.disabled.filter((id) => id !== p.rule);
    return { ...config, disabled: p.on ? others : [...others, p.rule] };
  }
  if (keys === 'add' && p.add && typeof p.add === 'object') return { ...config, rules: [...config.rules, p.add as ShopRule] };
  if (keys === 'remove' && isId(p.remove)) return { ...config, rules: config.rules.filter((r) => r.id !== p.remove) };
  return null;
}
