/**
 * Every message the remark rules give, in both languages, over every rule of both presets and a
 * shop's own rule set: the Chinese names each field by its Chinese label; the English names it in
 * English (as the English form shows it) and holds no Chinese except quoted remark text — a value
 * as typed, a title or label as the remark writes it, a phrase the remark must say.
 */
import { describe, expect, it } from 'vitest';
import { PRESET_A, PRESET_B, cloneRuleSet, ruleSetName } from './presets';
import { allTargets, getRule, isRecordKind, targetName } from './rules';
import { checkRemark, emptyRemarkNote } from './check';
import { normalizeField } from './fields';
import { validateValues } from './validate';
import { buildRemark } from './format';
import { remarkPresetsEn } from '../../i18n/messages/remarks-presets';
import { type FieldSpec, type FieldType, type RemarkTarget, type RuleSet } from './types';

const TODAY = '2026-12-03';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** What is left of an English message once quoted remark text ("…", “…”, 【…】) is taken out. */
const unquoted = (en: string) => en.replace(/"[^"]*"|“[^”]*”|【[^】]*】/g, '');

/** A value of each type that its field rejects. */
const BAD: Record<FieldType, string | null> = {
  date: '32号', money: '很多', phone: '12345', order: '订单!', yesno: '也许', agent: '123456', address: '北京', style: null, text: null, courier: null,
};

interface Said {
  where: string;
  message: string;
  messageEn: string;
  field?: FieldSpec;
}

/** Every message the rules can give for one target of a rule set. */
function messagesFor(rs: RuleSet, target: RemarkTarget): Said[] {
  const rule = getRule(rs, target);
  const out: Said[] = [];
  const add = (where: string, list: { message: string; messageEn: string; field?: string }[]) =>
    list.forEach((p) => out.push({ where: `${target} ${where}`, message: p.message, messageEn: p.messageEn, field: rule.fields.find((f) => f.key === p.field) }));

  // Nothing filled in: every required field and every at-least-one group.
  add('nothing', validateValues(rs, target, {}, TODAY).problems);
  for (const spec of rule.fields) {
    // A value each type rejects, and a choice outside the allowed ones.
    const bad = spec.options?.length ? '别的' : BAD[spec.type];
    if (bad) add(`bad ${spec.key}`, validateValues(rs, target, { [spec.key]: bad }, TODAY).problems);
    if (spec.type === 'date') {
      const r = normalizeField(spec, '11/28');
      if (!r.ok) out.push({ where: `${target} ${spec.key} no year`, message: r.message, messageEn: r.messageEn, field: spec });
      if (spec.future) {
        add(`${spec.key} passed`, validateValues(rs, target, { [spec.key]: '2026-11-20' }, TODAY).problems);
        add(`${spec.key} today`, validateValues(rs, target, { [spec.key]: TODAY }, TODAY).problems);
      }
    }
    if (spec.type === 'money' && spec.limit) add(`${spec.key} over limit`, validateValues(rs, target, { [spec.key]: '999' }, TODAY).problems);
    if (spec.type === 'order') add(`${spec.key} one order`, validateValues(rs, target, { [spec.key]: '4012938475610293847' }, TODAY).problems);
    if (spec.requiredWhen) add(`${spec.key} required when`, validateValues(rs, target, { [spec.requiredWhen.key]: spec.requiredWhen.equals }, TODAY).problems);
  }
  add('both price differences', validateValues(rs, target, { priceDiffIn: '5', priceDiffOut: '5' }, TODAY).problems);
  const built = buildRemark(rs, target, {}, { agent: '小美', now: Date.UTC(2026, 11, 3, 4), zone: 480 });
  if (!built.ok) add('form empty', built.errors);

  // The checker over whole lines, under the target's flag (records under red).
  const flag = isRecordKind(target) ? 'red' : target;
  const opts = { ruleSet: rs, flag, today: TODAY, platform: 'taobao' as const, ...(isRecordKind(target) ? { record: target } : {}) };
  const other = allTargets().find((t) => t !== target && !isRecordKind(t) && rs.flags[t].inUse) as RemarkTarget;
  const lines = [
    '',
    `【${rule.title}】`,
    `【${rule.title}】小美 2026-12-09`,
    `【${rule.title}】小美 13/45`,
    `【${rule.title}】阿1 2026-12-01`,
    `【${getRule(rs, other).title}】小美 2026-12-01`,
    `好的 小美 ${TODAY}`,
    `【${rule.title}】${'好'.repeat(400)}｜小美 2026-12-01`,
  ];
  for (const text of lines) {
    add(`check "${text.slice(0, 20)}"`, checkRemark(text, opts));
    add(`check inferred "${text.slice(0, 20)}"`, checkRemark(text, { ...opts, flagInferred: true }));
    add(`check by another agent "${text.slice(0, 20)}"`, checkRemark(text, { ...opts, agent: '阿杰' }));
  }
  if (!isRecordKind(target)) {
    const note = emptyRemarkNote('', rs, target);
    if (note) out.push({ where: `${target} empty note`, ...note });
  }
  return out;
}

/** A shop's own rules: a field added with its own label (no English for it exists), a renamed flag title and record title. */
function shopRules(): RuleSet {
  const rs = cloneRuleSet(PRESET_A);
  rs.convention = 'custom';
  rs.flags.purple.title = '等货';
  rs.records['quality-exchange'].title = '质量问题换货单';
  rs.flags.purple.fields.push({ key: 'field9', label: '到货批次', type: 'date', required: true });
  rs.flags.yellow.fields.push({ key: 'field8', label: '联系方式', type: 'phone', required: true });
  return rs;
}

const SETS: [string, RuleSet][] = [['convention A', PRESET_A], ['convention B', PRESET_B], ['a shop’s own rules', shopRules()]];

describe.each(SETS)('remark messages under %s', (_name, rs) => {
  const said = allTargets().flatMap((t) => messagesFor(rs, t));

  it('covers every field of every rule and every kind of problem', () => {
    const named = new Set(said.flatMap((s) => (s.field ? [s.field] : [])));
    for (const t of allTargets()) for (const f of getRule(rs, t).fields) if (f.required || BAD[f.type] || f.options) expect(named, `${t}.${f.key}`).toContain(f);
    expect(said.length).toBeGreaterThan(100);
  });

  it('says each in Chinese, naming the field by its Chinese label', () => {
    for (const s of said) {
      expect(s.message, s.where).toMatch(CJK);
      if (s.field) expect(s.message, s.where).toContain(s.field.label);
    }
  });

  it('says each in English with no Chinese outside quoted remark text, naming the field in English', () => {
    for (const s of said) {
      expect(unquoted(s.messageEn), `${s.where}: ${s.messageEn}`).not.toMatch(CJK);
      if (!s.field) continue;
      const en = Object.hasOwn(remarkPresetsEn, s.field.label) ? remarkPresetsEn[s.field.label]! : `"${s.field.label}"`;
      expect(s.messageEn, s.where).toContain(en);
    }
  });
});

describe.each(SETS)('records and remarks named in English messages under %s', (_name, rs) => {
  const said = allTargets().flatMap((t) => messagesFor(rs, t));
  /** Titles a message names in 【】 as a record (…记录) or a remark judged from its text (按内容判断为…的备注). */
  const named = (zh: string) => [...zh.matchAll(/【([^】]*)】记录|按内容判断为【([^】]*)】的备注/g)].map((m) => m[1] ?? m[2]!);

  it('names a built-in title in English and a shop’s own title as written, wherever the Chinese names it', () => {
    const titles = new Set<string>();
    for (const s of said) {
      for (const title of named(s.message)) {
        titles.add(title);
        const en = Object.hasOwn(remarkPresetsEn, title) ? remarkPresetsEn[title]! : `【${title}】`;
        expect(s.messageEn, `${s.where}: ${s.messageEn}`).toContain(en);
      }
    }
    // Every record's and every flag's title was named so at least once.
    for (const t of allTargets()) if (isRecordKind(t) || rs.flags[t].inUse) expect(titles, t).toContain(getRule(rs, t).title);
  });

  it('never puts a built-in title in 【】 in English: the English name stands in its place', () => {
    for (const s of said) {
      for (const [, inside] of s.messageEn.matchAll(/【([^】]*)】/g)) expect(Object.hasOwn(remarkPresetsEn, inside!), `${s.where}: ${s.messageEn}`).toBe(false);
    }
  });
});

describe('a record named in an English message', () => {
  it('is its English name when the title is the preset’s, and the shop’s title as written otherwise', () => {
    expect(targetName(PRESET_A, 'quality-exchange')).toEqual({ zh: '【质量换货】记录', en: 'the Quality exchange record' });
    expect(targetName(shopRules(), 'quality-exchange')).toEqual({ zh: '【质量问题换货单】记录', en: 'the 【质量问题换货单】 record' });
  });
});

describe('the English names of the fields', () => {
  it('are the words the English remark form shows, e.g. a missing ship date', () => {
    const p = checkRemark(`【延迟发货】原因：缺货｜小美 ${TODAY}`, { ruleSet: PRESET_A, flag: 'purple', today: TODAY });
    expect(p.map((x) => x.messageEn)).toEqual(['The purple flag (Delayed shipping) is missing the required field Ship date: add "可发货日：…".']);
  });

  it('quote a label the shop added itself, which has no English', () => {
    const rs = shopRules();
    const p = validateValues(rs, 'purple', { field9: '32号' }, TODAY).problems;
    expect(p[0]?.messageEn).toBe('"到货批次": "32号" is not a valid date; write a date like 2026-11-28.');
  });

  it('ask for the supervisor in the words the remark must carry', () => {
    const q = validateValues(PRESET_B, 'yellow', { discount: '50' }, TODAY).problems;
    expect(q[0]?.messageEn).toBe('Price change amount of 50 yuan is above the agent\'s own limit (20 yuan) and needs a supervisor: add "主管同意：<name>".');
  });
});

describe('the presets’ English names', () => {
  it('are the same wherever the options page shows them, and say what each colour means in the Chinese', () => {
    // The editor's "Current:" line said "purple = unshipped with an issue", the form "issue before shipping".
    for (const p of [PRESET_A, PRESET_B]) expect(ruleSetName(p, 'en')).toBe(remarkPresetsEn[p.name]);
    expect(ruleSetName(PRESET_B, 'en')).toContain(`purple = ${remarkPresetsEn[PRESET_B.flags.purple.title]!.toLowerCase()}`);
    expect(ruleSetName(PRESET_B, 'en')).toContain(`blue = ${remarkPresetsEn[PRESET_B.flags.blue.title]!.toLowerCase()}`);
    expect(ruleSetName({ name: '我们店的规则' }, 'en')).toBe('我们店的规则');
    expect(ruleSetName(PRESET_B, 'zh-CN')).toBe(PRESET_B.name);
  });
});
