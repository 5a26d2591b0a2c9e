/**
 * Rule sets as plain JSON: validation of imported/stored JSON (messages name the entry, e.g.
 * `flags.purple.fields[0].type`), and small immutable edit helpers for the options page.
 */
import { cloneRuleSet } from './presets';
import { versionProblem } from '../../i18n/bilingual';
import { isRecordKind } from './rules';
import { FIELD_TYPES, FLAG_COLORS, FLAG_INTENTS, RECORD_KINDS } from './types';
import type {
  FieldSpec, FlagColor, FlagRule, RecordRule, RemarkTarget, RuleLimits, RuleSet,
} from './types';

export interface RuleSetError {
  /** Where in the JSON, e.g. "flags.purple.fields[0].label". */
  path: string;
  message: string;
  messageEn: string;
}

export type RuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; errors: RuleSetError[] };

const FORBIDDEN_IN_LABEL = /[:：｜|【】\n\r]/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function validateRuleSet(json: unknown): RuleSetResult {
  const errors: RuleSetError[] = [];
  // The path as the agent reads it: list items counted from 1 (fields[1] is the first field).
  const err = (path: string, message: string, messageEn: string) => {
    const shown = path.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + 1}]`);
    errors.push({ path, message: `${shown}：${message}`, messageEn: `${shown}: ${messageEn}` });
  };

  if (!isObj(json)) return { ok: false, errors: [{ path: '', message: '备注规则必须是一个 JSON 对象。', messageEn: 'Remark rules must be a JSON object.' }] };
  if (json.version !== undefined && json.version !== 1) {
    // In the words of every import, naming the rules themselves (no JSON path to show).
    const p = versionProblem(json.version, 1, { zh: '备注规则', en: 'Remark rules' });
    errors.push({ path: '', message: `${p.zh}。`, messageEn: `${p.en}.` });
  }
  if (!isStr(json.id) || !json.id.trim()) err('id', '缺少 id。', 'missing id.');
  if (!isStr(json.name) || !json.name.trim()) err('name', '缺少名称。', 'missing name.');
  if (!['A', 'B', 'custom'].includes(json.convention as string)) err('convention', '只能是 A、B 或 custom。', 'must be A, B or custom.');

  const stringList = (v: unknown, path: string): string[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every(isStr)) {
      err(path, '必须是文字列表。', 'must be a list of strings.');
      return undefined;
    }
    return v.map((s) => s.trim()).filter(Boolean);
  };

  const readField = (v: unknown, path: string): FieldSpec | null => {
    if (!isObj(v)) {
      err(path, '字段必须是对象。', 'a field must be an object.');
      return null;
    }
    let good = true;
    if (!isStr(v.key) || !/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(v.key)) {
      err(`${path}.key`, 'key 必须是英文字母开头的字母数字。', 'key must be ascii letters/digits starting with a letter.');
      good = false;
    }
    if (!isStr(v.label) || !v.label.trim()) {
      err(`${path}.label`, '缺少标签。', 'missing label.');
      good = false;
    } else if (FORBIDDEN_IN_LABEL.test(v.label) || v.label.trim().length > 12) {
      err(`${path}.label`, `标签“${v.label}”不能含 : ｜ 【】，最多 12 个字。`, `label "${v.label}" may not contain : ｜ 【】 and has at most 12 characters.`);
      good = false;
    }
    if (!(FIELD_TYPES as readonly unknown[]).includes(v.type)) {
      err(`${path}.type`, `未知类型“${String(v.type)}”，可选：${FIELD_TYPES.join('、')}。`, `unknown type "${String(v.type)}"; one of ${FIELD_TYPES.join(', ')}.`);
      good = false;
    }
    if (typeof v.required !== 'boolean') {
      err(`${path}.required`, 'required 必须是 true 或 false。', 'required must be true or false.');
      good = false;
    }
    if (v.limit !== undefined && v.limit !== 'agent-discount' && v.limit !== 'postage') {
      err(`${path}.limit`, 'limit 只能是 agent-discount 或 postage。', 'limit must be agent-discount or postage.');
      good = false;
    }
    if (v.limit !== undefined && v.type !== 'money') {
      err(`${path}.limit`, '只有金额字段可以设上限。', 'only money fields can have a limit.');
      good = false;
    }
    const aliases = stringList(v.aliases, `${path}.aliases`);
    const options = stringList(v.options, `${path}.options`);
    let requiredWhen: FieldSpec['requiredWhen'];
    if (v.requiredWhen !== undefined) {
      const rw = v.requiredWhen;
      if (isObj(rw) && isStr(rw.key) && isStr(rw.equals)) requiredWhen = { key: rw.key, equals: rw.equals };
      else {
        err(`${path}.requiredWhen`, '格式应为 {key, equals}。', 'must be {key, equals}.');
        good = false;
      }
    }
    if (aliases?.some((a) => FORBIDDEN_IN_LABEL.test(a))) {
      err(`${path}.aliases`, '别名不能含 : ｜ 【】。', 'aliases may not contain : ｜ 【】.');
      good = false;
    }
    if (!good) return null;
    const f: FieldSpec = { key: v.key as string, label: (v.label as string).trim(), type: v.type as FieldSpec['type'], required: v.required as boolean };
    if (isStr(v.help) && v.help.trim()) f.help = v.help.trim();
    if (aliases?.length) f.aliases = aliases;
    if (options?.length) f.options = options;
    if (requiredWhen) f.requiredWhen = requiredWhen;
    if (v.future === true) f.future = true;
    if (v.limit === 'agent-discount' || v.limit === 'postage') f.limit = v.limit;
    return f;
  };

  const readBase = (v: unknown, path: string): RecordRule | null => {
    if (!isObj(v)) {
      err(path, '缺少这一项。', 'missing entry.');
      return null;
    }
    let good = true;
    if (!isStr(v.title) || !v.title.trim() || /[【】\[\]\n]/.test(v.title) || v.title.trim().length > 20) {
      err(`${path}.title`, '标题不能为空、不能含【】，最多 20 个字。', 'title must be non-empty, without 【】, at most 20 characters.');
      good = false;
    }
    if (!isStr(v.meaning)) {
      err(`${path}.meaning`, '缺少含义说明。', 'missing meaning.');
      good = false;
    }
    if (!Array.isArray(v.fields)) {
      err(`${path}.fields`, 'fields 必须是列表。', 'fields must be a list.');
      return null;
    }
    const fields = v.fields.map((f, i) => readField(f, `${path}.fields[${i}]`));
    const okFields = fields.filter((f): f is FieldSpec => f !== null);
    const keys = new Set<string>();
    const labels = new Map<string, string>();
    okFields.forEach((f, i) => {
      if (keys.has(f.key)) err(`${path}.fields[${i}].key`, `key“${f.key}”重复。`, `duplicate key "${f.key}".`);
      keys.add(f.key);
      for (const l of [f.label, ...(f.aliases ?? [])]) {
        if (labels.has(l) && labels.get(l) !== f.key) err(`${path}.fields[${i}].label`, `标签“${l}”与其他字段重复。`, `label "${l}" is used by another field.`);
        labels.set(l, f.key);
      }
    });
    for (const [i, f] of okFields.entries()) {
      if (f.requiredWhen && !keys.has(f.requiredWhen.key)) {
        err(`${path}.fields[${i}].requiredWhen.key`, `没有字段“${f.requiredWhen.key}”。`, `no field "${f.requiredWhen.key}".`);
      }
    }
    const atLeastOne = stringList(v.atLeastOne, `${path}.atLeastOne`);
    atLeastOne?.forEach((k) => {
      if (!keys.has(k)) err(`${path}.atLeastOne`, `没有字段“${k}”。`, `no field "${k}".`);
    });
    const aliases = stringList(v.aliases, `${path}.aliases`);
    if (!good || fields.some((f) => f === null)) return null;
    const r: RecordRule = { title: (v.title as string).trim(), meaning: v.meaning as string, fields: okFields };
    if (aliases?.length) r.aliases = aliases;
    if (atLeastOne?.length) r.atLeastOne = atLeastOne;
    return r;
  };

  const flags = {} as Record<FlagColor, FlagRule>;
  const records = {} as RuleSet['records'];
  const flagsJson = isObj(json.flags) ? json.flags : (err('flags', '缺少旗帜规则。', 'missing flags.'), {});
  for (const color of FLAG_COLORS) {
    const path = `flags.${color}`;
    const v = flagsJson[color];
    const base = readBase(v, path);
    if (!base || !isObj(v)) continue;
    if (!(FLAG_INTENTS as readonly unknown[]).includes(v.intent)) {
      err(`${path}.intent`, `未知用途“${String(v.intent)}”。`, `unknown intent "${String(v.intent)}".`);
      continue;
    }
    if (v.tag !== undefined && (!isStr(v.tag) || [...v.tag].length > 3)) {
      err(`${path}.tag`, '拼多多标签最多 3 个字。', 'a Pinduoduo tag has at most 3 characters.');
      continue;
    }
    const fr: FlagRule = { ...base, inUse: v.inUse !== false, intent: v.intent as FlagRule['intent'] };
    if (isStr(v.mustSay) && v.mustSay.trim()) fr.mustSay = v.mustSay.trim();
    if (isStr(v.tag) && v.tag) fr.tag = v.tag;
    flags[color] = fr;
  }
  const recordsJson = isObj(json.records) ? json.records : (err('records', '缺少售后记录规则。', 'missing records.'), {});
  for (const kind of RECORD_KINDS) {
    const base = readBase(recordsJson[kind], `records.${kind}`);
    if (base) records[kind] = base;
  }

  const limits: Partial<RuleLimits> = {};
  const lj = isObj(json.limits) ? json.limits : (err('limits', '缺少限额。', 'missing limits.'), {});
  for (const key of ['agentDiscountYuan', 'postageYuan'] as const) {
    const n = lj[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) err(`limits.${key}`, '必须是不小于 0 的数字。', 'must be a number ≥ 0.');
    else limits[key] = n;
  }

  // Titles identify the rule a line belongs to: they must be unique, and no alias may shadow a title.
  const seen = new Map<string, string>();
  const entries: [string, RecordRule][] = [
    ...FLAG_COLORS.filter((c) => flags[c]).map((c): [string, RecordRule] => [`flags.${c}`, flags[c]]),
    ...RECORD_KINDS.filter((k) => records[k]).map((k): [string, RecordRule] => [`records.${k}`, records[k]]),
  ];
  for (const [path, r] of entries) {
    const prev = seen.get(r.title);
    if (prev) err(`${path}.title`, `标题“${r.title}”与 ${prev} 重复。`, `title "${r.title}" is also used by ${prev}.`);
    seen.set(r.title, path);
  }
  for (const [path, r] of entries) {
    for (const a of r.aliases ?? []) {
      const owner = seen.get(a);
      if (owner && owner !== path) err(`${path}.aliases`, `别名“${a}”是 ${owner} 的标题。`, `alias "${a}" is the title of ${owner}.`);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const o = json as Record<string, string>;
  return {
    ok: true,
    ruleSet: {
      version: 1,
      id: (o.id as string).trim(),
      name: (o.name as string).trim(),
      convention: o.convention as RuleSet['convention'],
      flags,
      records,
      limits: limits as RuleLimits,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Edit helpers (immutable: each returns a new rule set; the input is left as it was)

type AnyRule = FlagRule | RecordRule;

export function updateRule(ruleSet: RuleSet, target: RemarkTarget, patch: Partial<AnyRule>): RuleSet {
  const next = cloneRuleSet(ruleSet);
  if (isRecordKind(target)) next.records[target] = { ...next.records[target], ...patch } as RecordRule;
  else next.flags[target] = { ...next.flags[target], ...patch } as FlagRule;
  if (next.convention !== 'custom') next.convention = 'custom';
  return next;
}

function fieldsOf(ruleSet: RuleSet, target: RemarkTarget): FieldSpec[] {
  return (isRecordKind(target) ? ruleSet.records[target] : ruleSet.flags[target]).fields;
}

export function updateField(ruleSet: RuleSet, target: RemarkTarget, index: number, patch: Partial<FieldSpec>): RuleSet {
  const fields = fieldsOf(ruleSet, target).map((f, i) => (i === index ? { ...f, ...patch } : f));
  return updateRule(ruleSet, target, { fields });
}

/** Adds a new optional text field with a key not used yet in that rule. */
export function addField(ruleSet: RuleSet, target: RemarkTarget, label = '新字段'): RuleSet {
  const fields = fieldsOf(ruleSet, target);
  let n = fields.length + 1;
  while (fields.some((f) => f.key === `field${n}`)) n++;
  return updateRule(ruleSet, target, { fields: [...fields, { key: `field${n}`, label, type: 'text', required: false }] });
}

export function removeField(ruleSet: RuleSet, target: RemarkTarget, index: number): RuleSet {
  return updateRule(ruleSet, target, { fields: fieldsOf(ruleSet, target).filter((_, i) => i !== index) });
}

export function moveField(ruleSet: RuleSet, target: RemarkTarget, index: number, by: -1 | 1): RuleSet {
  const fields = [...fieldsOf(ruleSet, target)];
  const j = index + by;
  if (j < 0 || j >= fields.length) return ruleSet;
  [fields[index], fields[j]] = [fields[j] as FieldSpec, fields[index] as FieldSpec];
  return updateRule(ruleSet, target, { fields });
}

export function setLimit(ruleSet: RuleSet, key: keyof RuleLimits, value: number): RuleSet {
  const next = cloneRuleSet(ruleSet);
  next.limits[key] = value;
  if (next.convention !== 'custom') next.convention = 'custom';
  return next;
}

/** The fields an agent fills in the form for a target (label, type, required, help). */
export function editableFields(ruleSet: RuleSet, target: RemarkTarget): FieldSpec[] {
  return fieldsOf(ruleSet, target);
}

/**
 * True when no flag asks anything of a remark: no required field, no "required when", no "at least
 * one of". Every remark then checks as valid, which is almost always a slip in the editor.
 */
export function flagsRequireNothing(ruleSet: RuleSet): boolean {
  return FLAG_COLORS.every((c) => {
    const rule = ruleSet.flags[c];
    return !rule.atLeastOne?.length && rule.fields.every((f) => !f.required && !f.requiredWhen);
  });
}
