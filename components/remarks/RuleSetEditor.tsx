import { useMemo, useState } from 'preact/hooks';
import {
  FIELD_TYPES, FLAG_COLORS, FLAG_NAMES, PRESET_A, PRESET_B, RECORD_KINDS, addField, cloneRuleSet, getRule,
  flagsRequireNothing, moveField, removeField, setLimit, updateField, updateRule, validateRuleSet,
  type FieldType, type FlagColor, type RemarkTarget, type RuleLimits, type RuleSet,
} from '../../lib/domain/remarks';
import { ruleSetName } from '../../lib/domain/remarks/presets';
import { getLocale, registerMessages, t } from '../../lib/i18n';
import { remarks } from '../../lib/i18n/messages/remarks';
import { useAnchor } from '../options/useAnchor';

registerMessages(remarks);

export interface RuleSetEditorProps {
  /** The rule set as edited: possibly invalid, its errors are shown. */
  value: RuleSet;
  /** Called with every edit, valid or not (the owner keeps the draft, and saves only a valid one). */
  onChange(ruleSet: RuleSet): void;
  /** Called when another flag or record is chosen to edit (the options tab's try-out follows a flag). */
  onTarget?(target: RemarkTarget): void;
}

/**
 * The flag the editor (and the try-a-remark box) opens on: the first flag the shop marks orders with,
 * in the console's colour order, that is in use and has fields to check — 红旗 with either preset.
 * The shop's most used flag would be better, but this machine does not know it (remarks are written
 * in the console, only checked here; the saved-anyway log holds only broken remarks). 灰旗 comes last:
 * it is the colour of every order nobody flagged, 无效订单 in preset A and not in use in preset B, so
 * opening on it (as after 7c0fe92, which had moved off 紫旗 halfway down) showed the owner the rule
 * they need least. A set whose only rule is on 灰旗 opens there.
 */
export function firstRuledFlag(ruleSet: RuleSet): FlagColor {
  const ruled = (c: FlagColor) => ruleSet.flags[c].fields.length > 0;
  const marked = FLAG_COLORS.filter((c) => c !== 'gray');
  return (
    marked.find((c) => ruleSet.flags[c].inUse && ruled(c)) ??
    marked.find(ruled) ??
    (ruled('gray') ? 'gray' : marked[0]!)
  );
}

/** Options-page editor: pick preset A/B, edit each flag's and record's meaning and fields, and the limits. */
export function RuleSetEditor(props: RuleSetEditorProps) {
  const { value: draft, onChange: update } = props;
  const [target, setTarget] = useState<RemarkTarget>(() => firstRuledFlag(draft));
  // A preset asked for while the draft holds the shop's own edits: replaced only once they say so.
  const [asking, setAsking] = useState<'A' | 'B' | null>(null);
  const limitsRef = useAnchor<HTMLInputElement>('limits');
  const en = getLocale() === 'en';
  const apply = (p: 'A' | 'B') => {
    setAsking(null);
    update(withPreset(draft, p));
  };
  const choose = (p: 'A' | 'B') => (isPresetLike(draft) ? apply(p) : setAsking(p));

  const check = useMemo(() => validateRuleSet(draft), [draft]);
  const rule = getRule(draft, target);

  return (
    <div class="kf-rm" data-kf="ruleset-editor">
      <h3>{t('remarks.editor.heading')}</h3>
      <div class="kf-rm-row">
        <span>{t('remarks.editor.preset')}</span>
      </div>
      {/* What each preset means, beside its button: an owner compares them before choosing. */}
      {(['A', 'B'] as const).map((p) => (
        <div class="kf-rm-row" key={p}>
          <button
            type="button"
            class="kf-rm-btn kf-rm-btn-quiet"
            data-kf={`preset-${p}`}
            aria-describedby={`kf-preset-${p}-meaning`}
            onClick={() => choose(p)}
          >
            {t(`remarks.editor.preset${p}`)}
          </button>
          <small class="kf-rm-meaning" id={`kf-preset-${p}-meaning`} data-kf={`preset-${p}-meaning`}>
            {presetMeaning(p)}
          </small>
        </div>
      ))}
      {asking && (
        <div class="kf-rm-notice" role="alertdialog" aria-label={t('remarks.editor.replaceAsk', { preset: t(`remarks.editor.preset${asking}`) })} data-kf="preset-ask">
          <p>{t('remarks.editor.replaceAsk', { preset: t(`remarks.editor.preset${asking}`) })}</p>
          <div class="kf-rm-row">
            <button type="button" class="kf-rm-btn" data-kf="preset-ask-replace" onClick={() => apply(asking)}>
              {t('remarks.editor.replace', { preset: t(`remarks.editor.preset${asking}`) })}
            </button>
            <button type="button" class="kf-rm-btn kf-rm-btn-quiet" data-kf="preset-ask-keep" onClick={() => setAsking(null)}>
              {t('remarks.editor.keepEdits')}
            </button>
          </div>
        </div>
      )}
      <p class="kf-rm-meaning" data-kf="ruleset-name">{t('remarks.editor.current', { name: ruleSetName(draft, getLocale()) })}</p>

      <label class="kf-rm-field">
        <span>{t('remarks.editor.target')}</span>
        <select
          data-kf="editor-target"
          value={target}
          onChange={(e) => {
            const next = e.currentTarget.value as RemarkTarget;
            setTarget(next);
            props.onTarget?.(next);
          }}
        >
          {FLAG_COLORS.map((c) => (
            <option key={c} value={c}>{en ? FLAG_NAMES[c].en : FLAG_NAMES[c].zh} · {draft.flags[c].title}</option>
          ))}
          <optgroup label={t('remarks.editor.records')}>
            {RECORD_KINDS.map((k) => (
              <option key={k} value={k}>{t(`remarks.record.${k}`)}</option>
            ))}
          </optgroup>
        </select>
      </label>

      <label class="kf-rm-field">
        <span>{t('remarks.editor.title')}</span>
        <input type="text" data-kf="editor-title" maxLength={20} value={rule.title} onInput={(e) => update(updateRule(draft, target, { title: e.currentTarget.value }))} />
      </label>
      <label class="kf-rm-field">
        <span>{t('remarks.editor.meaning')}</span>
        <textarea rows={2} data-kf="editor-meaning" value={rule.meaning} onInput={(e) => update(updateRule(draft, target, { meaning: e.currentTarget.value }))} />
      </label>

      <h4>{t('remarks.editor.fields')}</h4>
      <table class="kf-rm-table" data-kf="editor-fields">
        <thead>
          <tr>
            <th>{t('remarks.editor.label')}</th>
            <th>{t('remarks.editor.type')}</th>
            <th>{t('remarks.editor.required')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rule.fields.map((f, i) => (
            <tr key={`${target}.${f.key}`} data-field={f.key}>
              <td>
                <input type="text" data-kf="field-label" maxLength={12} value={f.label} onInput={(e) => update(updateField(draft, target, i, { label: e.currentTarget.value }))} />
              </td>
              <td>
                <select data-kf="field-type" value={f.type} onChange={(e) => update(updateField(draft, target, i, { type: e.currentTarget.value as FieldType }))}>
                  {FIELD_TYPES.map((ty) => (
                    <option key={ty} value={ty}>{t(`remarks.type.${ty}`)}</option>
                  ))}
                </select>
              </td>
              <td>
                <input type="checkbox" data-kf="field-required" checked={f.required} onChange={(e) => update(updateField(draft, target, i, { required: e.currentTarget.checked }))} />
              </td>
              <td>
                <button type="button" class="kf-rm-icon" title={t('remarks.editor.up')} disabled={i === 0} onClick={() => update(moveField(draft, target, i, -1))}>↑</button>
                <button type="button" class="kf-rm-icon" title={t('remarks.editor.down')} disabled={i === rule.fields.length - 1} onClick={() => update(moveField(draft, target, i, 1))}>↓</button>
                <button type="button" class="kf-rm-icon" data-kf="field-remove" title={t('remarks.editor.remove')} onClick={() => update(removeField(draft, target, i))}>✕</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="kf-rm-row">
        <button type="button" class="kf-rm-btn kf-rm-btn-quiet" data-kf="field-add" onClick={() => update(addField(draft, target))}>
          {t('remarks.editor.addField')}
        </button>
      </div>

      <h4>{t('remarks.editor.limits')}</h4>
      {(['agentDiscountYuan', 'postageYuan'] as (keyof RuleLimits)[]).map((key) => (
        <label class="kf-rm-field" key={key}>
          <span>{t(key === 'agentDiscountYuan' ? 'remarks.editor.agentDiscount' : 'remarks.editor.postage')}</span>
          <input
            type="number"
            min={0}
            step={1}
            data-kf={`limit-${key}`}
            ref={key === 'agentDiscountYuan' ? limitsRef : undefined}
            value={String(draft.limits[key])}
            onInput={(e) => {
              const n = e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value);
              update(setLimit(draft, key, n));
            }}
          />
        </label>
      ))}

      {check.ok && flagsRequireNothing(draft) && (
        <p class="kf-rm-notice" role="status" data-kf="editor-requires-nothing">
          {t('remarks.editor.requiresNothing')}
        </p>
      )}
      {!check.ok && (
        <div role="alert">
          <p class="kf-rm-notice">{t('remarks.editor.invalid')}</p>
          <ul class="kf-rm-problems" data-kf="editor-errors">
            {check.errors.map((e) => (
              <li key={e.path + e.message}>{en ? e.messageEn : e.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A preset's colours and their meanings, as its name says them in the interface's language. */
function presetMeaning(p: 'A' | 'B'): string {
  const name = ruleSetName(p === 'A' ? PRESET_A : PRESET_B, getLocale());
  return name.match(/[（(](.*)[）)]$/)?.[1] ?? name;
}

/**
 * The preset `p`, keeping the shop's money limits from the draft: they are the shop's (what an agent
 * may give alone, its postage), not part of a flag convention.
 */
export function withPreset(draft: RuleSet, p: 'A' | 'B'): RuleSet {
  return { ...cloneRuleSet(p === 'A' ? PRESET_A : PRESET_B), limits: { ...draft.limits } };
}

/**
 * The draft is a preset as it comes, its limits aside (a changed limit marks the set 'custom', so the
 * convention is left out too): applying another loses nothing the shop wrote.
 */
function isPresetLike(draft: RuleSet): boolean {
  const plain = (r: RuleSet) => ({ ...r, limits: null, convention: null });
  return [PRESET_A, PRESET_B].some((p) => sameJson(plain(draft), plain(p)));
}

/** Same content whatever the keys' order (a stored set comes back rebuilt by its validation). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as any)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as any)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as any)[k], (b as any)[k]));
}
