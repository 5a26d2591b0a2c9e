/** Order remarks with flags (旗帜备注): rule sets, the canonical line, build/parse/check, limits, facts. */
export * from './types';
export { PRESET_A, PRESET_B, PRESETS, DEFAULT_LIMITS, cloneRuleSet, presetRecords } from './presets';
export { isoDate, readDate, normalizeField, MOBILE_RE, daysBetween } from './fields';
export { getRule, getFlagRule, isRecordKind, isFlagColor, isRemarkTarget, targetName, FLAG_NAMES, isRequired, allTargets } from './rules';
export { buildRemark, parseRemark, parseLine, formatLine, splitRemarkLines, agentProblem, SEPARATOR } from './format';
export { validateValues } from './validate';
export { formFields, formValues } from './cases';
export { checkRemark, emptyRemarkNote, type CheckOptions } from './check';
export { flagStatusWarning, type StatusOptions } from './status';
export { listedRemarkFlag, type ListedRemark } from './listed';
export { remarkLength, appendRemark, utf8Bytes, charCount, isOverLimit, TAOBAO_MAX_BYTES, JD_MAX_CHARS, type RemarkLength, type AppendResult } from './limits';
export {
  validateRuleSet, updateRule, updateField, addField, removeField, moveField, setLimit, editableFields, flagsRequireNothing,
  type RuleSetError, type RuleSetResult,
} from './ruleset';
export { remarkFacts, financeLine, type RemarkFact, type RemarkFactBody, type RemarkFactKind } from './facts';
export { upgradeRuleSet, upgradeRuleRecord } from './upgrade';
