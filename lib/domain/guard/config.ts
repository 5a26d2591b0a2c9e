/**
 * The shop's guard settings (own rules, switched-off built-in rules) as stored and as carried in
 * the library export. An invalid entry is refused with its position named, and nothing changes.
 */
import { BUILT_IN_RULE_IDS } from './rule-ids';
import { GUARD_PLATFORMS, type GuardConfig, type GuardPlatform, type ShopRule } from './types';

export type ConfigResult = { ok: true; config: GuardConfig } | { ok: false; errors: string[] };

const MAX_RULES = 200;
const MAX_WORDS = 50;

/**
 * Checks stored, saved or imported settings. Problems read "中文（English gloss）", the gloss last;
 * `locale` 'zh-CN' (an import in the Chinese interface) leaves the gloss off.
 */
export function validateGuardConfig(input: unknown, locale?: 'zh-CN' | 'en'): ConfigResult {
  const zhOnly = locale === 'zh-CN';
  const errors: string[] = [];
  const add = (m: string) => void errors.push(zhOnly ? m.slice(0, m.lastIndexOf('（')) : m);
  if (!input || typeof input !== 'object') {
    add('合规规则：应为 { v: 1, disabled: [], rules: [] }（guard rules: expected { v: 1, disabled: [], rules: [] }）');
    return { ok: false, errors };
  }
  const r = input as Record<string, unknown>;
  if (r.v !== 1) add(`合规规则：不认识的版本 ${String(r.v)}（guard rules: unknown version）`);
  const known = new Set(BUILT_IN_RULE_IDS);
  const disabled: string[] = [];
  if (r.disabled !== undefined && !Array.isArray(r.disabled)) add('合规规则：disabled 应为列表（guard rules: disabled must be a list）');
  for (const id of Array.isArray(r.disabled) ? r.disabled : []) {
    // Ids of rules this version does not have are kept out quietly: an export from a newer version still imports.
    if (typeof id === 'string' && known.has(id)) disabled.push(id);
  }
  const rules: ShopRule[] = [];
  const list = r.rules === undefined ? [] : r.rules;
  if (!Array.isArray(list)) add('合规规则：rules 应为列表（guard rules: rules must be a list）');
  else if (list.length > MAX_RULES) add(`合规规则：最多 ${MAX_RULES} 条（guard rules: at most ${MAX_RULES}）`);
  else {
    const ids = new Set<string>();
    list.forEach((raw, i) => {
      // The entry's gloss goes with the problem's: "合规规则第 2 条：缺少编号 id（guard rule 2: missing id）".
      const where = `合规规则第 ${i + 1} 条`;
      const rule = checkShopRule(raw);
      const problem = typeof rule === 'string' ? rule : ids.has(rule.id) ? `编号重复 ${rule.id}（duplicate id）` : null;
      if (problem) {
        const gloss = problem.lastIndexOf('（');
        add(`${where}：${problem.slice(0, gloss)}（guard rule ${i + 1}: ${problem.slice(gloss + 1)}`);
      } else if (typeof rule !== 'string') {
        ids.add(rule.id);
        rules.push(rule);
      }
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: { v: 1, disabled: [...new Set(disabled)], rules } };
}

/** One shop rule, or what is wrong with it. */
export function checkShopRule(raw: unknown): ShopRule | string {
  if (!raw || typeof raw !== 'object') return '应为对象（expected an object）';
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !/^[\w-]{1,40}$/.test(r.id)) return '缺少编号 id（missing id）';
  if (!Array.isArray(r.words)) return '缺少词语 words（missing words）';
  const words = [...new Set(r.words.map((w) => (typeof w === 'string' ? w.trim() : '')).filter((w) => w.length > 0))];
  if (!words.length) return '至少写一个词（write at least one word）';
  if (words.length > MAX_WORDS) return `最多 ${MAX_WORDS} 个词（at most ${MAX_WORDS} words）`;
  if (words.some((w) => w.length > 40)) return '每个词最多 40 字（each word at most 40 characters）';
  if (r.severity !== 'block' && r.severity !== 'warn') return '级别应为 block 或 warn（severity must be block or warn）';
  const platforms = Array.isArray(r.platforms) ? r.platforms : ['any'];
  if (!platforms.every((p): p is GuardPlatform => GUARD_PLATFORMS.includes(p as GuardPlatform))) return `平台应为 ${GUARD_PLATFORMS.join('/')}（unknown platform）`;
  if (typeof r.reason !== 'string' || !r.reason.trim()) return '请写明原因 reason（missing reason）';
  if (r.reason.length > 200) return '原因最多 200 字（reason at most 200 characters）';
  if (r.replacement !== undefined && (typeof r.replacement !== 'string' || r.replacement.length > 200)) return '替换文字最多 200 字（replacement at most 200 characters）';
  return {
    id: r.id,
    words,
    severity: r.severity,
    platforms: platforms.length ? platforms : ['any'],
    reason: r.reason.trim(),
    ...(typeof r.replacement === 'string' ? { replacement: r.replacement } : {}),
  };
}
