import { useState } from 'preact/hooks';
import { t, getLocale } from '@/lib/i18n';
import { formatWall } from '@/lib/domain/time';
import { DEFAULT_APP_SETTINGS, shopZone } from '@/lib/storage/settings';
import { FLAG_COLORS, FLAG_NAMES, RECORD_KINDS, type FlagColor, type FlagRule, type RuleSet } from '@/lib/domain/remarks';
import { titleEn } from '@/lib/domain/remarks/rules';
import { ruleText } from '@/lib/i18n/messages/remarks-presets';
import { canonical } from '@/lib/team/docs';
import type { RulesConflict } from '@/lib/team/sync';

/** A rule set is chosen per flag colour; everything else (name, after-sale records, limits) as one part. */
export type RulesPart = FlagColor | 'other';
const PARTS: readonly RulesPart[] = [...FLAG_COLORS, 'other'];

function partOf(r: RuleSet, part: RulesPart): unknown {
  if (part !== 'other') return r.flags[part];
  const { flags: _f, ...rest } = r;
  return rest;
}

/** The rule set the choices make: `other` from its version, each colour's rule from the version chosen for it. */
export function combineRuleSets(versions: readonly RuleSet[], choice: Record<RulesPart, number>): RuleSet {
  const out = structuredClone(versions[choice.other]!);
  for (const c of FLAG_COLORS) out.flags[c] = structuredClone(versions[choice[c]]!.flags[c]);
  return out;
}

/**
 * A rule's title as the remark messages name it: 【质量换货】 in Chinese; in English the preset's
 * English name (Quality exchange), a title the shop wrote itself as written (【质量问题换货单】).
 */
const titleText = (title: string) => (getLocale() === 'en' ? titleEn(title) : `【${title}】`);

/** One flag's rule as text (the supervisor compares meaning, fields and use; never HTML). */
function FlagText(props: { rule: FlagRule }) {
  const r = props.rule;
  const fields = r.fields.map((f) => `${ruleText(f.label)}${f.required ? '*' : ''}`).join(getLocale() === 'en' ? ', ' : '、');
  return (
    <div data-kf="rules-part-text">
      <strong>{titleText(r.title)}</strong>
      {!r.inUse && <span class="kf-help"> {t('team.rules.notInUse')}</span>}
      {r.tag && <span class="kf-help"> · {r.tag}</span>}
      <p style="white-space: pre-wrap">{ruleText(r.meaning)}</p>
      {fields && <p class="kf-help">{t('team.rules.fields', { fields })}</p>}
      {r.mustSay && <p class="kf-help">{t('team.rules.mustSay', { text: r.mustSay })}</p>}
    </div>
  );
}

function OtherText(props: { ruleSet: RuleSet }) {
  const r = props.ruleSet;
  return (
    <div data-kf="rules-part-text">
      <strong>{ruleText(r.name)}</strong>
      <p class="kf-help">{t('team.rules.records', { titles: RECORD_KINDS.map((k) => titleText(r.records[k].title)).join(getLocale() === 'en' ? ', ' : '') })}</p>
      <p class="kf-help">{t('team.rules.limits', { discount: r.limits.agentDiscountYuan, postage: r.limits.postageYuan })}</p>
    </div>
  );
}

/**
 * Options → 团队, supervisor: the remark rule set edited on two machines. Each flag colour (and the
 * rest) is shown side by side where the versions differ; the supervisor picks a version per part
 * and saves the combination, which replaces every version on every replica.
 */
export function TeamRulesConflict(props: { conflict: RulesConflict; busy: boolean; onResolve: (ruleSet: RuleSet) => void }) {
  const versions = props.conflict.versions.map((v) => v.ruleSet);
  const [choice, setChoice] = useState<Record<RulesPart, number>>(() => Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<RulesPart, number>);
  const en = getLocale() === 'en';
  const differs = (part: RulesPart) => new Set(versions.map((v) => canonical(partOf(v, part)))).size > 1;
  const label = (part: RulesPart) => (part === 'other' ? t('team.rules.other') : en ? FLAG_NAMES[part].en : FLAG_NAMES[part].zh);
  return (
    <div class="kf-conflict" data-kf="rules-conflict">
      <h3>{t('team.rules.title')}</h3>
      <p class="kf-help">{t('team.rules.help')}</p>
      <ul class="kf-help">
        {props.conflict.versions.map((v, i) => (
          <li data-kf="rules-version">{t('team.conflicts.version', { n: i + 1, user: v.by, time: formatWall(v.at, shopZone(DEFAULT_APP_SETTINGS)) })}</li>
        ))}
      </ul>
      {PARTS.map((part) =>
        differs(part) ? (
          <fieldset class="kf-rules-part" data-kf="rules-part" data-part={part}>
            <legend>{label(part)}</legend>
            <div class="kf-versions">
              {versions.map((v, i) => (
                <label class="kf-version" data-kf="rules-part-version">
                  <input
                    type="radio"
                    name={`rules-${part}`}
                    data-kf="rules-part-choose"
                    checked={choice[part] === i}
                    onChange={() => setChoice({ ...choice, [part]: i })}
                  />{' '}
                  {t('team.rules.useVersion', { n: i + 1 })}
                  {part === 'other' ? <OtherText ruleSet={v} /> : <FlagText rule={v.flags[part]} />}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p class="kf-help" data-kf="rules-part-same" data-part={part}>
            {label(part)}：{t('team.rules.same')}
          </p>
        ),
      )}
      <div class="kf-actions">
        <button class="kf-primary" data-kf="rules-resolve" disabled={props.busy} onClick={() => props.onResolve(combineRuleSets(versions, choice))}>
          {t('team.rules.save')}
        </button>
      </div>
    </div>
  );
}
