import { useState } from 'preact/hooks';
import { registerMessages, t } from '@/lib/i18n';
import { handover } from '@/lib/i18n/messages/handover';
import type { HandoverTargets, HandoverTo } from '@/lib/messaging/protocol-followups';
import type { HandoverTarget, Shift } from '@/lib/domain/followups/handover';

registerMessages(handover);

const other = (s: Shift): Shift => (s === 'day' ? 'night' : 'day');
/** A choice starts with a capital, as No one above it does ("night shift" stays lower case mid-sentence). */
const choice = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const shiftName = (s: Shift) => t(`handover.shift.${s}`);

/** "夜班" / "小王": whom an item is handed to, for tags and messages. Names are shown as text. */
export function targetName(to: HandoverTarget): string {
  return 'person' in to ? to.person : shiftName(to.shift);
}

/** The option value of a target ('' = keep it). */
export function encodeTarget(to: HandoverTo | undefined): string {
  if (!to) return '';
  return 'person' in to ? `person:${to.person}` : `shift:${to.shift}`;
}

export function decodeTarget(v: string): HandoverTo {
  if (v === 'shift:day' || v === 'shift:night') return { shift: v.slice(6) as Shift };
  if (v.startsWith('person:') && v.length > 7) return { person: v.slice(7) };
  return null;
}

/**
 * 交给… : the next shift first, then (team mode) the other shift and each team member. Without
 * team mode there is no one to name: the next shift is the only target.
 *
 * ↓ on the last choice (↑ on the first) changes nothing in a closed select, and at night an item is
 * often at the last one already (made for the day shift: 交给白班): the agent who pressed H then ↓
 * saw nothing happen and did not know why. It says so beside the choice, and which key changes it.
 * It does not wrap round: from 交给白班 that would be 不交接 / 收回, undoing the handover the agent meant.
 */
export function HandoverPicker(props: { targets: HandoverTargets | null | undefined; value: string; onChange(value: string): void; keepLabel?: string; kf?: string }) {
  const [edge, setEdge] = useState<'first' | 'last' | null>(null);
  const tg = props.targets;
  // Not known yet (undefined): the row is there, with only 不交接 and not usable, so that what is
  // below (the 中差评 form's 添加) does not move down under the pointer when the targets arrive.
  if (tg === undefined)
    return (
      <label class="kf-handover">
        <span>{t('handover.label')}</span>{' '}
        <select data-kf={`${props.kf ?? 'handover-to'}-pending`} disabled>
          <option value="">{props.keepLabel ?? t('handover.keep')}</option>
        </select>
      </label>
    );
  if (!tg) return null;
  // Round the clock (全天白班) the next shift is the day shift again: whoever is on next. No night shift is offered.
  const next = tg.allDay ? 'day' : other(tg.shift);
  const team = tg.me !== undefined;
  // The space after the label: the popup lays this row out inline, where "Hand to" touched the box
  // (the panel's flex row has its own gap, and drops it).
  return (
    <label class="kf-handover">
      <span>{t('handover.label')}</span>{' '}
      <select
        data-kf={props.kf ?? 'handover-to'}
        value={props.value}
        onChange={(e) => {
          setEdge(null);
          props.onChange(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          const el = e.currentTarget;
          const at = e.key === 'ArrowDown' && el.selectedIndex === el.options.length - 1 ? 'last' : e.key === 'ArrowUp' && el.selectedIndex === 0 ? 'first' : null;
          if (!e.altKey && !e.isComposing) setEdge(at);
        }}
        onBlur={() => setEdge(null)}
      >
        <option value="">{props.keepLabel ?? t('handover.keep')}</option>
        <option value={`shift:${next}`}>{choice(t(tg.allDay ? 'handover.nextAllDay' : 'handover.next', { shift: shiftName(next) }))}</option>
        {team && !tg.allDay && <option value={`shift:${tg.shift}`}>{choice(shiftName(tg.shift))}</option>}
        {tg.members.map((name) => (
          <option value={`person:${name}`}>{name}</option>
        ))}
      </select>
      {edge && (
        <span class="kf-handover-edge" role="status" data-kf={`${props.kf ?? 'handover-to'}-edge`}>
          {t(`handover.edge.${edge}`)}
        </span>
      )}
    </label>
  );
}
