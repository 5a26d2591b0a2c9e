import { useMemo, useState } from 'preact/hooks';
import {
  FLAG_COLORS, FLAG_NAMES, RECORD_KINDS, appendRemark, remarkLength, buildRemark, flagStatusWarning, formFields, formValues, formatLine, getFlagRule, getRule, isFlagColor, isoDate,
  type FieldSpec, type FlagColor, type Platform, type RecordKind, type RemarkTarget, type RuleSet,
} from '../../lib/domain/remarks';
import type { Zone } from '../../lib/domain/time';
import type { OrderStatus } from '../../lib/sites/types';
import { shipDateFrom, type NoShipDays } from '../../lib/domain/ship-days';
import { getLocale, registerMessages, t } from '../../lib/i18n';
import { remarks } from '../../lib/i18n/messages/remarks';
import { ruleText } from '../../lib/i18n/messages/remarks-presets';
import { LengthCounter } from './LengthCounter';
import { PageText } from '../PageText';
import { isAgentKey } from '../ime-key';

registerMessages(remarks);

export interface RemarkFormProps {
  ruleSet: RuleSet;
  /** The order's flag; null where the page's could not be read: the agent picks it, none is assumed. */
  flag: FlagColor | null;
  /** Start on an after-sale record instead of the flag's remark. */
  record?: RecordKind;
  /**
   * What the agent had typed into this order's form before an extension update replaced the panel
   * (lib/panel/left-remark.ts): the form starts with it, where its kind is still one this order offers.
   */
  initial?: { target: string; values: Record<string, string> };
  platform: Platform;
  /** The order's status where its row was read: a "ready to ship" flag on an order not to ship is warned of beside the flag. */
  status?: OrderStatus | 'unknown';
  /** Signs the remark. */
  agent: string;
  /** The moment the preview is drawn for (its date signs the line; "today" for date fields). */
  now: Date | number;
  /**
   * The clock read when 使用 writes the line into the box: the line carries the date of that moment,
   * not of when the box was opened or last drawn (a line filled in at 23:59 and used at 00:00 is the
   * new day's). Without it, `now`.
   */
  clock?: () => number;
  /** Shop time: the signed date and "today" for date fields are the shop's (shopZone). */
  zone: Zone;
  /** Days the shop does not ship (options → 店铺设置): a promised ship date on one is warned of, with the next shipping day to take. */
  noShip?: NoShipDays;
  /**
   * The remark box as it is now (re-read on its every input event): kept above the new line, since
   * the platforms overwrite on save. Lines the agent typed into the box are in it.
   */
  previousRemark: string;
  /** The box no longer holds what it opened with (or what the form last wrote): the form says so. */
  boxChanged?: boolean;
  /** The remark box's maxlength, where the page sets one (the limit on consoles without a known one). */
  boxMax?: number;
  /**
   * `text` is the whole remark to save (earlier lines + the new one); `line` is the new line;
   * `basedOn` is the box text it was built on (the caller writes nothing if the box holds other text now).
   */
  onUseText(text: string, line: string, basedOn: string): void;
  /** 使用 found the shop's day turned since the preview was drawn: draw it for now. */
  onStale?(): void;
}

/** The most a typed-in field takes (an address is longer); null: a list, a date, money or a phone. */
const fieldMax = (spec: FieldSpec): number | null =>
  spec.type === 'yesno' || spec.options?.length || ['date', 'money', 'phone'].includes(spec.type) ? null : spec.type === 'address' ? 200 : 100;

/** By how many characters `value` is over its field's most (0: within, or no such limit). */
const fieldOver = (spec: FieldSpec, value = ''): number => {
  const max = fieldMax(spec);
  return max === null ? 0 : Math.max(0, value.length - max);
};

/**
 * The kind and fields a form left at an update starts with: its kind if this order's form offers it (the
 * order's flag, any flag where the page's was not read, an after-sale record), and of its fields those
 * the kind's rule has. Nothing where the kind no longer applies (the flag changed meanwhile).
 */
function startFrom(left: RemarkFormProps['initial'], ruleSet: RuleSet, flag: FlagColor | null): { target: RemarkTarget; values: Record<string, string> } | null {
  const target = left?.target as RemarkTarget | undefined;
  if (!left || !target || !(target === flag || (RECORD_KINDS as readonly string[]).includes(target) || (!flag && (FLAG_COLORS as readonly string[]).includes(target)))) return null;
  const keys = new Set(getRule(ruleSet, target).fields.map((f) => f.key));
  return { target, values: Object.fromEntries(Object.entries(left.values).filter(([k, v]) => keys.has(k) && typeof v === 'string')) };
}

/** A small form for one flag (or after-sale record) that writes the canonical remark line live. */
export function RemarkForm(props: RemarkFormProps) {
  const { ruleSet, flag, platform, agent, now, zone, previousRemark, boxChanged, boxMax, onUseText } = props;
  const [start] = useState(() => startFrom(props.initial, ruleSet, flag));
  const [picked, setTarget] = useState<RemarkTarget | null>(start?.target ?? props.record ?? flag);
  // Until the agent picks a flag the page did not show, the hooks below run on a placeholder whose
  // rule is never shown nor written (the form returns before it).
  const target = picked ?? 'gray';
  const [values, setValues] = useState<Record<string, string>>(start?.values ?? {});
  // How many of the oldest earlier lines the agent agreed to drop to make room (never any unasked),
  // given for the box as it was then: once the box changes, the lines named change, and so must the consent.
  const [consent, setConsent] = useState({ count: 0, box: '' });
  const dropOldest = consent.box === previousRemark ? consent.count : 0;
  const setDropOldest = (count: number) => setConsent({ count, box: previousRemark });
  const en = getLocale() === 'en';

  const rule = getRule(ruleSet, target);
  const flagRule = getFlagRule(ruleSet, target);
  const statusWarning = flagStatusWarning(ruleSet, isFlagColor(target) ? target : null, props.status);
  // The fields the picked case needs (a return has no 换款 nor price difference), in the order she fills them;
  // the line is written from those alone, in the rule's order (cases.ts).
  const shown = formFields(rule, values);
  const written = formValues(rule, values);
  const compose = (at: Date | number) => {
    const line = buildRemark(ruleSet, target, written, { agent, now: at, zone });
    // The rule's title and signature alone: no line of this rule is shorter.
    const shortest = formatLine(rule, {}, agent, isoDate(at, zone));
    return { built: line, appended: appendRemark(previousRemark, line.ok ? line.text : '', platform, { dropOldest, shortest, ...(boxMax ? { boxMax } : {}) }) };
  };
  const { built, appended } = useMemo(() => compose(now), [ruleSet, target, values, agent, now, zone, previousRemark, platform, dropOldest, boxMax, rule]);
  /**
   * 使用: the line as of this moment. Past a midnight the preview has not caught up with, it is built
   * again for the new day; what no longer holds then (a ship date that is now in the past) is not
   * written, and `onStale` brings the preview to the new day, which says why.
   */
  const use = () => {
    if (inBox) return;
    const at = props.clock?.() ?? +now;
    const fresh = isoDate(at, zone) === isoDate(now, zone) ? { built, appended } : compose(at);
    const over = shown.some((f) => fieldOver(f, values[f.key]) > 0);
    if (fresh.built.ok && fresh.appended.fits && !over) onUseText(fresh.appended.text, fresh.built.text, previousRemark);
    if (fresh.built !== built) props.onStale?.();
  };
  /** Enter in a typed field is 使用, as in any form (a line not ready writes nothing; the problems stay in view). */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !isAgentKey(e)) return;
    if (!(e.target as Element | null)?.matches?.('input[data-field]')) return;
    e.preventDefault();
    use();
  };
  const { kept, dropped, mustDrop } = appended;
  // After 使用 the box ends with this very line: the form says so, and 使用 rests until the line changes
  // (a second click would write the same remark again, i.e. nothing new).
  const inBox = built.ok && !!appended.repeat;
  const anyFieldOver = shown.some((f) => fieldOver(f, values[f.key]) > 0);
  const flagRemark = (f: FlagColor) => t('remarks.form.flagRemark', { flag: en ? FLAG_NAMES[f].en : FLAG_NAMES[f].zh, title: ruleText(ruleSet.flags[f].title) });

  const pick = (next: RemarkTarget) => {
    setTarget(next);
    setValues({});
    setDropOldest(0);
  };
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const head = (
    <div class="kf-rm-row">
      <h3>
        <span class={`kf-rm-flag kf-rm-flag-${flag ?? 'unread'}`} aria-hidden="true" />
        {t('remarks.form.heading')}
        {' '}
        <kbd class="kf-kbd" data-kf="remark-key" title={t('remarks.form.keyHint')}>Alt+R</kbd>
      </h3>
      <select
        aria-label={t('remarks.form.kind')}
        data-kf="remark-target"
        value={picked ?? ''}
        onChange={(e) => pick(e.currentTarget.value as RemarkTarget)}
      >
        {/* The order's flag; where it was not read, every flag, and no choice made for the agent. */}
        {!flag && <option value="" disabled>{t('remarks.form.pickFlag')}</option>}
        {(flag ? [flag] : FLAG_COLORS).map((f) => (
          <option key={f} value={f}>{flagRemark(f)}</option>
        ))}
        {RECORD_KINDS.map((k) => (
          <option key={k} value={k}>{t(`remarks.record.${k}`)}</option>
        ))}
      </select>
    </div>
  );
  if (!picked) {
    return (
      <div class="kf-rm" data-kf="remark-form" data-target="">
        {head}
        <p class="kf-rm-notice" data-kf="remark-flag-unread">{t('remarks.form.flagUnread')}</p>
        {/* The box's one counter (the check below shows none). */}
        <div class="kf-rm-meta">
          <span />
          <LengthCounter length={remarkLength(previousRemark, platform, boxMax)} />
        </div>
      </div>
    );
  }

  return (
    <div class="kf-rm" data-kf="remark-form" data-target={target} onKeyDown={onKeyDown}>
      {head}
      {/* A warning, not a hold: the shop may have its reasons (a buyer paying by transfer). */}
      {statusWarning && <p class="kf-rm-notice" role="status" data-kf="remark-status-warning">{en ? statusWarning.messageEn : statusWarning.message}</p>}
      {/* The bracketed title is what the remark line starts with (Chinese, as written); the meaning is UI. */}
      <p class="kf-rm-meaning" data-kf="remark-meaning">
        【{rule.title}】{en && ' '}{ruleText(rule.meaning)}
      </p>
      {flagRule && !flagRule.inUse && <p class="kf-rm-notice">{t('remarks.form.notInUse')}</p>}
      {flagRule?.mustSay && <p class="kf-rm-meaning">{t('remarks.form.mustSay', { phrase: flagRule.mustSay })}</p>}

      {shown.map((f) => (
        <FieldInput key={`${target}.${f.key}`} spec={f} value={values[f.key] ?? ''} today={isoDate(now, zone)} noShip={props.noShip} onValue={(v) => set(f.key, v)} />
      ))}

      <div>
        <h4>{t('remarks.form.preview')}</h4>
        <div class={`kf-rm-preview${built.ok ? '' : ' kf-rm-preview-empty'}`} data-kf="remark-preview">
          {built.ok ? built.text : t('remarks.form.previewEmpty')}
        </div>
      </div>
      {!built.ok && (
        <ul class="kf-rm-problems" data-kf="remark-problems">
          {built.errors.map((e) => (
            <li key={`${e.field}:${e.message}`} data-field={e.field}>{en ? e.messageEn : e.message}</li>
          ))}
        </ul>
      )}
      {appended.message && <p class="kf-rm-notice" data-kf="remark-limit-notice">{en ? appended.message.en : appended.message.zh}</p>}
      {built.ok && mustDrop.length > 0 && (
        <div class="kf-rm-drop" data-kf="remark-drop">
          <label class="kf-rm-row">
            <input
              type="checkbox"
              data-kf="remark-drop-oldest"
              checked={dropped.length > 0}
              onChange={(e) => setDropOldest(e.currentTarget.checked ? mustDrop.length : 0)}
            />
            <span>{t('remarks.form.dropOldest', { count: mustDrop.length })}</span>
          </label>
          {/* Colleagues' lines, as the page had them: text only. */}
          <ol class="kf-rm-drop-lines" data-kf="remark-drop-lines">
            {mustDrop.map((l, i) => (
              <li key={`${i}:${l}`} title={l}>
                <PageText text={l.length > 60 ? `${l.slice(0, 60)}…` : l} />
              </li>
            ))}
          </ol>
        </div>
      )}
      {inBox && <p class="kf-rm-ok" role="status" data-kf="remark-in-box">{t('remarks.form.inBox')}</p>}
      {boxChanged && !inBox && <p class="kf-rm-notice" data-kf="remark-box-changed">{t('remarks.form.boxChanged')}</p>}
      <div class="kf-rm-meta">
        <span data-kf="remark-keeps">
          {inBox ? '' : dropped.length > 0
            ? t('remarks.form.keepsDrops', { kept, dropped: dropped.length })
            : kept > 0 ? t('remarks.form.keepsPrevious', { count: kept }) : ''}
        </span>
        <LengthCounter length={appended.length} />
      </div>
      <div class="kf-rm-row">
        <button
          type="button"
          class="kf-rm-btn"
          data-kf="remark-use"
          disabled={!built.ok || !appended.fits || anyFieldOver || inBox}
          onClick={use}
        >
          {t(inBox ? 'remarks.form.used' : 'remarks.form.use')}
        </button>
      </div>
    </div>
  );
}

/** A date's weekday as the interface names it: 周日, Sunday. */
const weekday = (iso: string): string => {
  const i = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return getLocale() === 'en' ? ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][i]! : `周${'日一二三四五六'[i]}`;
};

function FieldInput(props: { spec: FieldSpec; value: string; today: string; noShip?: NoShipDays; onValue(v: string): void }) {
  const { spec, value, today, onValue } = props;
  // A ship date the shop never ships on (a closed weekday, 春节): said, with the next shipping day one click away.
  // Not refused: the shop may open that day once (调休), which the settings cannot know.
  const shipsFrom = spec.type === 'date' && spec.future && value ? shipDateFrom(value, props.noShip) : value;
  const onInput = (e: Event) => onValue((e.currentTarget as HTMLInputElement).value);
  const common = { name: spec.key, 'data-field': spec.key, value, required: spec.required };
  let control;
  if (spec.type === 'yesno' || (spec.options && spec.options.length > 0)) {
    const opts = spec.type === 'yesno' ? ['是', '否'] : (spec.options as string[]);
    control = (
      <select {...common} onChange={onInput}>
        <option value="">{t('remarks.form.choose')}</option>
        {opts.map((o) => (
          <option key={o} value={o}>{spec.type === 'yesno' ? t(o === '是' ? 'remarks.form.yes' : 'remarks.form.no') : ruleText(o)}</option>
        ))}
      </select>
    );
  } else if (spec.type === 'date') {
    control = <input {...common} type="date" min={spec.future ? today : undefined} onInput={onInput} />;
    if (shipsFrom !== value) {
      const params = { date: value, weekday: weekday(value), next: shipsFrom, nextWeekday: weekday(shipsFrom) };
      control = (
        <>
          {control}
          <span class="kf-rm-notice" role="status" data-kf="remark-no-ship-date">
            {t('remarks.form.noShipDate', params)}{' '}
            <button type="button" class="kf-link" data-kf="remark-no-ship-next" onClick={() => onValue(shipsFrom)}>
              {t('remarks.form.noShipDateUse', params)}
            </button>
          </span>
        </>
      );
    }
  } else if (spec.type === 'money') {
    control = (
      <span class="kf-rm-money">
        <input {...common} type="text" inputMode="decimal" onInput={onInput} />
        {t('remarks.form.yuan')}
      </span>
    );
  } else if (spec.type === 'phone') {
    // A landline with its extension (0755-12345678转1234) is longer than a mobile.
    control = <input {...common} type="tel" inputMode="tel" maxLength={24} onInput={onInput} />;
  } else {
    // No maxlength: it would cut a pasted text without a word. The whole text stays and the field
    // says by how much it is over (the whole remark's platform limit is appendRemark's, below the preview).
    control = <input {...common} type="text" aria-invalid={fieldOver(spec, value) > 0 ? 'true' : undefined} onInput={onInput} />;
  }
  const over = fieldOver(spec, value);
  return (
    <label class="kf-rm-field">
      {/* The label as the interface shows it; the remark writes the rule's own label (the preview shows it). */}
      <span>
        {ruleText(spec.label)}
        {spec.required && <abbr class="kf-rm-req" title={t('remarks.form.required')}>*</abbr>}
      </span>
      {control}
      {over > 0 && (
        <span class="kf-rm-help kf-rm-over" role="alert" data-kf="remark-field-too-long">
          {t('remarks.form.fieldTooLong', { field: ruleText(spec.label), count: value.length, max: fieldMax(spec)!, over })}
        </span>
      )}
      {spec.help && <span class="kf-rm-help">{ruleText(spec.help)}</span>}
    </label>
  );
}

