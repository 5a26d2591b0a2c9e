/**
 * checkRemark: everything wrong with a remark box as the agent is about to save it, as plain
 * sentences. The newest line is the one checked (earlier lines are history kept on purpose).
 */
import { readDate } from './fields';
import { agentProblem, parseRemark } from './format';
import { remarkLength } from './limits';
import { FLAG_NAMES, cap, fieldEn, getRule, inferredName, isRecordKind, ruleWordEn, targetName } from './rules';
import type { FlagColor, FlagRule, ParsedRemark, Platform, Problem, RecordKind, RuleSet } from './types';
import type { OrderStatus } from '../../sites/types';
import { validateValues } from './validate';

export interface CheckOptions {
  ruleSet: RuleSet;
  /** The flag the order carries (or will carry on save). */
  flag: FlagColor;
  /** When the agent is writing an after-sale record rather than the flag's remark. */
  record?: RecordKind;
  platform?: Platform;
  /** The agent at the keyboard: their name is the example signature, and a line they write now must be signed by them. */
  agent?: string;
  /**
   * The box as the page had it saved (when it opened, or on the order list). A newest line already
   * there is an existing remark being shown, not one written now: whoever wrote it signed it (shifts
   * share orders), so it is not compared with `agent`. Omitted: the newest line is the agent's own.
   */
  saved?: string;
  /** YYYY-MM-DD, the agent's local date. */
  today: string;
  /**
   * The page shows no flag (JD's order list): `flag` was read from the remark's own text. Messages
   * then say so ("按内容判断为【延迟发货】的备注…") instead of naming a flag the agent cannot see.
   */
  flagInferred?: boolean;
  /** The remark box's own maxlength, where the page sets one (see remarkLength). */
  boxMax?: number;
  /**
   * The order's status, where the page shows it (the order list). An order that has shipped, is
   * done or is closed waits for no ship date: a delay remark on it (缺货) is history, so its ship
   * date is neither asked for nor said to be passed. 'unknown' or absent: checked as always.
   */
  status?: OrderStatus | 'unknown';
}

/** Statuses after which no ship date is waited for: the goods went out, or never will. */
const NO_SHIPPING_AHEAD: readonly (OrderStatus | 'unknown')[] = ['shipped', 'completed', 'closed'];

export function checkRemark(text: string, opts: CheckOptions): Problem[] {
  const { ruleSet, flag, today } = opts;
  const problems: Problem[] = [];
  const flagRule = ruleSet.flags[flag];
  const flagName = opts.flagInferred ? inferredName(ruleSet, flag) : targetName(ruleSet, flag);

  if (opts.platform) {
    const len = remarkLength(text, opts.platform, opts.boxMax);
    if (len.max !== null && len.used > len.max) {
      const unit = len.unit === 'bytes' ? ['字节', 'bytes'] : ['字', 'characters'];
      problems.push({
        code: 'too-long',
        field: 'text',
        message: `备注有 ${len.used} ${unit[0]}，超过平台上限 ${len.max} ${unit[0]}。`,
        messageEn: `The remark is ${len.used} ${unit[1]}, over the platform limit of ${len.max} ${unit[1]}.`,
      });
    }
  }

  if (text.trim() === '') {
    // Gray is every unflagged order's colour: no remark there is normal.
    if (flag === 'gray' && !opts.record) return problems;
    problems.push({
      code: 'empty',
      field: 'text',
      message: `${opts.record ? targetName(ruleSet, opts.record).zh : flagName.zh}需要备注：请写明${opts.record ? '' : `${flagRule.meaning}的`}内容、经办人和日期。`,
      messageEn: `${opts.record ? targetName(ruleSet, opts.record).en : flagName.en} needs a remark with the details, agent and date.`,
    });
    return problems;
  }

  const expect = opts.record ?? flag;
  const parsed = parseRemark(text, ruleSet, { today, expect, ...(opts.agent ? { agents: [opts.agent] } : {}) });
  const line = parsed.lines[parsed.latestIndex];
  const lineText = line?.raw ?? text;

  if (!flagRule.inUse && !opts.record && !isRecordKind(parsed.target)) {
    problems.push(
      opts.flagInferred
        ? {
            code: 'flag-not-used',
            field: 'flag',
            message: `${flagName.zh}不属于本规则使用的旗帜（${FLAG_NAMES[flag].zh}不用）：请按本店规则改写备注。`,
            messageEn: `${cap(flagName.en)} belongs to the ${FLAG_NAMES[flag].en}, which this rule set does not use; rewrite it to the shop's rules.`,
          }
        : {
            code: 'flag-not-used',
            field: 'flag',
            message: `本规则不使用${FLAG_NAMES[flag].zh}：请按备注内容插上对应的旗帜。`,
            messageEn: `This rule set does not use the ${FLAG_NAMES[flag].en}; pick the flag that matches the remark.`,
          },
    );
  }

  let target = expect;
  if (parsed.target && parsed.target !== expect) {
    if (isRecordKind(parsed.target) && !opts.record) {
      target = parsed.target; // an after-sale record line is fine under any flag
    } else {
      const wrote = targetName(ruleSet, parsed.target);
      const want = targetName(ruleSet, expect);
      problems.push({
        code: 'wrong-flag',
        field: 'flag',
        message: `备注写的是${wrote.zh}，但这里是${want.zh}：请改旗帜或改备注。`,
        messageEn: `The remark is written for ${wrote.en} but this is ${want.en}; change the flag or the remark.`,
      });
      problems.push(...signatureProblems(parsed, opts));
      return problems;
    }
  }

  if (!isRecordKind(target) && flagRule.mustSay && !lineText.includes(flagRule.mustSay)) {
    const say = flagRule.mustSay;
    problems.push(
      opts.flagInferred
        ? { code: 'must-say', field: 'text', message: `${flagName.zh}必须写明“${say}”。`, messageEn: `${cap(flagName.en)} must say "${say}".` }
        : {
            code: 'must-say',
            field: 'text',
            message: `${FLAG_NAMES[flag].zh}在本规则里表示“${say}”，备注必须写明“${say}”；如果不是，请换一个旗帜。`,
            messageEn: `In this rule set the ${FLAG_NAMES[flag].en} means "${say}", and the remark must say "${say}"; otherwise pick another flag.`,
          },
    );
  }

  // A flag whose whole content is a statement (convention A's red: checked, ready to ship) must make
  // it: a line that only says the order may go says nothing was checked. The rule's title or one of
  // its aliases is that statement.
  if (!isRecordKind(target) && flagRule.inUse && flagRule.intent === 'verified' && !saysRule(lineText, flagRule)) {
    problems.push(statementMissing(flagRule, flag, flagName, !!opts.flagInferred));
  }

  const raw: Record<string, string> = { ...(parsed.target === target ? parsed.fields : {}) };
  const rule = getRule(ruleSet, target);
  if (raw.supervisor === undefined && rule.fields.some((f) => f.key === 'supervisor')) {
    const sup = parsed.unknown.find((u) => u.label.startsWith('主管'));
    if (sup) raw.supervisor = sup.value;
  }
  const shipped = !!opts.status && NO_SHIPPING_AHEAD.includes(opts.status);
  problems.push(...validateValues(ruleSet, target, raw, today, opts.flagInferred && target === flag ? flagName : undefined, { noShipDate: shipped }).problems);
  problems.push(...signatureProblems(parsed, opts));
  return problems;
}

/**
 * What to tell the agent when checkRemark accepted an EMPTY box (only the gray flag, which is also
 * every unflagged order's colour, may stay empty). "Follows the rules" would be wrong there: there
 * is nothing to check, and the shop's gray rule may still ask for text when the order really is
 * marked gray (convention A: an invalid order must say 无效订单). Null when the box is not empty
 * or the flag needs a remark (checkRemark reports that as a problem).
 */
export function emptyRemarkNote(text: string, ruleSet: RuleSet, flag: FlagColor): { message: string; messageEn: string } | null {
  if (text.trim() !== '' || flag !== 'gray') return null;
  const rule = ruleSet.flags.gray;
  if (!rule.inUse) {
    return {
      message: '没有备注需要检查：本规则不使用灰旗，未插旗的订单不用写备注。',
      messageEn: 'No remark to check: this rule set does not use the gray flag, and an unflagged order needs no remark.',
    };
  }
  const asks = [
    ...(rule.mustSay ? [{ zh: `“${rule.mustSay}”`, en: `"${rule.mustSay}"` }] : []),
    ...rule.fields.filter((f) => f.required).map((f) => ({ zh: f.label, en: fieldEn(f) })),
  ];
  const zh = [...asks.map((a) => a.zh), '经办人和日期'].join('、');
  const en = [...asks.map((a) => a.en), 'the agent and the date'].join(', ');
  return {
    message: `没有备注需要检查：未插旗的订单可以不写备注。如果这单要标为${rule.title}（灰旗），备注须写明${zh}。`,
    messageEn: `No remark to check: an unflagged order needs none. If this order is to be marked ${ruleWordEn(rule.title)} (gray flag), the remark must give ${en}.`,
  };
}


const squashed = (s: string) => s.replace(/[\s,，.。、;；:：!！]+/g, '');

/** Whether a line says what its rule stands for: the rule's title or one of its aliases, spaces and punctuation aside. */
function saysRule(line: string, rule: FlagRule): boolean {
  const text = squashed(line);
  return [rule.title, ...(rule.aliases ?? [])].some((w) => squashed(w) !== '' && text.includes(squashed(w)));
}

function statementMissing(rule: FlagRule, flag: FlagColor, flagName: { zh: string; en: string }, inferred: boolean): Problem {
  const aliases = rule.aliases ?? [];
  const or = aliases.length ? { zh: `（或${aliases.map((a) => `“${a}”`).join('、')}）`, en: ` (or ${aliases.map((a) => `"${a}"`).join(', ')})` } : { zh: '', en: '' };
  return inferred
    ? {
        code: 'must-say',
        field: 'text',
        message: `${flagName.zh}必须写明“${rule.title}”${or.zh}。`,
        messageEn: `${cap(flagName.en)} must say "${rule.title}"${or.en}.`,
      }
    : {
        code: 'must-say',
        field: 'text',
        message: `${FLAG_NAMES[flag].zh}在本规则里表示“${rule.meaning}”，备注必须写明“${rule.title}”${or.zh}，现在没有写。`,
        messageEn: `In this rule set the ${FLAG_NAMES[flag].en} means ${ruleWordEn(rule.meaning)}: the remark must say "${rule.title}"${or.en}, and it does not.`,
      };
}

/** Whether the newest line is being written now: not already a line of the saved box. */
function writtenNow(parsed: ParsedRemark, saved: string | undefined): boolean {
  const line = parsed.lines[parsed.latestIndex]?.raw.trim();
  return saved === undefined || !line || !saved.split('\n').some((l) => l.trim() === line);
}

/**
 * A saved line (not written now) that does not say who wrote it or when, unless its signer is the
 * agent at the keyboard. Every remark is signed by whoever handled the order (domain.md): the agent
 * reading it cannot know who that was, so she is never told to sign it with her name or today's
 * date — that would be false in the shop's record. What is missing is named, and what she can do:
 * write a line of her own beneath it when she handles the order. One sentence, so a row's mark
 * (备注不规范：…) says it once.
 */
function savedUnsigned(parsed: ParsedRemark): Problem | null {
  const theirs = { zh: '别替人补签；这单再有处理，请另起一行写你自己的备注。', en: 'do not sign it for them; when you handle the order, add a line of your own below it.' };
  if (!parsed.agent && !parsed.dateRaw) {
    return { code: 'missing-agent', field: 'agent', message: `没有署名和日期，看不出是谁、哪天写的：${theirs.zh}`, messageEn: `Unsigned and undated, so it does not say who wrote it or when: ${theirs.en}` };
  }
  if (!parsed.agent) {
    return { code: 'missing-agent', field: 'agent', message: `没有署名，看不出是谁写的：${theirs.zh}`, messageEn: `Unsigned, so it does not say who wrote it: ${theirs.en}` };
  }
  if (!parsed.dateRaw) {
    return { code: 'missing-date', field: 'date', message: `“${parsed.agent}”的署名后没有日期，看不出是哪天写的：${theirs.zh}`, messageEn: `Signed "${parsed.agent}" without a date, so it does not say when it was written: ${theirs.en}` };
  }
  return null;
}

function signatureProblems(parsed: ParsedRemark, opts: CheckOptions): Problem[] {
  const out: Problem[] = [];
  const example = `${opts.agent || '客服名'} ${opts.today}`;
  const exampleEn = `${opts.agent || '<your name>'} ${opts.today}`;
  const ap = parsed.agent ? agentProblem(parsed.agent) : null;
  const someoneElses = !writtenNow(parsed, opts.saved) && !(opts.agent && parsed.agent === opts.agent.trim());
  const unsigned = someoneElses ? savedUnsigned(parsed) : null;
  if (unsigned) {
    out.push(unsigned);
    if (ap) out.push({ code: 'invalid-agent', field: 'agent', ...ap });
    return out.concat(datedProblems(parsed, opts));
  }
  if (!parsed.agent) {
    out.push({
      code: 'missing-agent',
      field: 'agent',
      message: `备注缺少经办人：请在末尾写上“${example}”。`,
      messageEn: `The remark has no agent name: end it with "${exampleEn}".`,
    });
  } else if (ap) {
    out.push({ code: 'invalid-agent', field: 'agent', ...ap });
  } else if (opts.agent && parsed.agent !== opts.agent.trim() && writtenNow(parsed, opts.saved)) {
    out.push({
      code: 'other-agent',
      field: 'agent',
      message: `备注署名是“${parsed.agent}”，当前客服是“${opts.agent}”：谁处理谁备注。`,
      messageEn: `The remark is signed "${parsed.agent}" but the agent is "${opts.agent}": whoever handles the order writes the remark.`,
    });
  }
  if (!parsed.dateRaw) {
    out.push({
      code: 'missing-date',
      field: 'date',
      message: `备注缺少日期：请在经办人后写上今天的日期（${opts.today}）。`,
      messageEn: `The remark has no date: add today's date (${opts.today}) after the agent name.`,
    });
  }
  return out.concat(datedProblems(parsed, opts));
}

/** What is wrong with the date a line was signed with (none: no date to judge). */
function datedProblems(parsed: ParsedRemark, opts: CheckOptions): Problem[] {
  if (!parsed.dateRaw) return [];
  if (!parsed.date) {
    const r = readDate(parsed.dateRaw);
    return [{
      code: 'invalid-date',
      field: 'date',
      message: r.ok ? `备注日期“${parsed.dateRaw}”读不出来。` : `备注日期“${parsed.dateRaw}”不是有效日期。`,
      messageEn: `The remark date "${parsed.dateRaw}" is not a valid date.`,
    }];
  }
  if (parsed.date > opts.today) {
    return [{
      code: 'date-in-future',
      field: 'date',
      message: `备注日期 ${parsed.date} 晚于今天（${opts.today}）：请写处理当天的日期。`,
      messageEn: `The remark date ${parsed.date} is after today (${opts.today}); write the day it was handled.`,
    }];
  }
  return [];
}
