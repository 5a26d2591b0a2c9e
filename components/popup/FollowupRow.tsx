import { PageText } from '@/components/PageText';
import { BuyerTag } from '@/components/BuyerTag';
import { buyerTag } from '@/lib/domain/customers/buyer-tag';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Followup } from '@/lib/domain/followups/types';
import type { Platform } from '@/lib/sites/types';
import type { FollowupList, FollowupSection } from '@/lib/messaging/protocol-followups';
import { t } from '@/lib/i18n';
import { formatDue, formatSpan } from './format';
import { handoverTarget } from '@/lib/domain/followups/handover';
import { closedReasonText, followupReason, followupTitle, followupTitleTagged } from '@/lib/domain/followups/text';
import { foreignHost, openableUrl } from '@/lib/domain/followups/target';
import type { HandoverTargets } from '@/lib/messaging/protocol-followups';
import { HandoverPicker, encodeTarget, targetName } from '../HandoverPicker';
import type { FollowupSettings } from '@/lib/domain/followups/types';
import { SnoozeMenu } from './SnoozeMenu';
import { TooLong, invalidIf, overBy } from '../TooLong';
import { NOTE_MAX, NOTES_MAX, noteRoom } from '@/lib/domain/followups/notes';

/**
 * Why a note that does not fit its item was not saved (the item's notes together hold NOTES_MAX,
 * notes.ts): the room left, and what to do instead. Nothing is cut, neither the earlier notes nor this one.
 */
export const notesFullText = (room: number, length: number): string =>
  t(room ? 'followups.popup.notesRoom' : 'followups.popup.notesFull', { room, length, max: NOTES_MAX });

/** The console's short name for the row's tag and what is said of the row (淘宝, 京东, 拼多多…). */
export const platformName = (p: Platform): string => t(`followups.platform.${p}`);

/** The row's tag: a name as narrow as the tag's one width (PDD in English; the full name in its tooltip). */
const platformTag = (p: Platform): string => t(`followups.platform.tag.${p}`);

/**
 * Whether the rows say their console: when the shop's follow-ups (every section, loaded or folded:
 * FollowupList.consoles) come from more than one. An agent on one console learns nothing from a tag on
 * every row; one on several needs it on every row, not only where two names collide: which tab a row
 * belongs to is what they act on, and rows that change shape as others come and go (a section opened,
 * a group shown in full) read as different things. To-dos typed in the popup have no console.
 */
export function platformsShown(list: Pick<FollowupList, 'consoles' | 'groups'>): boolean {
  // A list made without the consoles (by hand, in tests) goes by the rows loaded.
  const consoles = new Set(list.consoles ?? list.groups.flatMap((g) => g.items.map((f) => f.platform)).filter(Boolean));
  return consoles.size > 1;
}

export type RowAction = 'open' | 'done' | 'snooze' | 'note' | 'reopen' | 'handover';

export interface RowProps {
  item: Followup;
  section: FollowupSection;
  now: number;
  zone: number | null;
  selected: boolean;
  editingNote: boolean;
  onSelect(id: string): void;
  onAction(item: Followup, action: RowAction): void;
  /** Resolves false when the note was not saved: the input stays open with its text. */
  onNote(item: Followup, text: string | null): Promise<boolean>;
  /** The 交给… menu is open on this row (targets loaded). */
  handoverTargets?: HandoverTargets | null;
  onHandover?(item: Followup, value: string | null): void;
  /** The shop's follow-up settings: whose shift a handover is for. */
  settings?: FollowupSettings;
  /** The 推迟 menu is open on this row: the shop's settings its times are made from. */
  snoozing?: { settings?: FollowupSettings } | null;
  onSnooze?(item: Followup, until: number | null): void;
  /** Why the agent's last action on this row did not work, said here, where they are. */
  error?: string | null;
  /** The shop's taught pages (origins): 打开 opens only those and the supported consoles. */
  taught?: readonly string[];
  /** Say the item's console (拼多多, 京东…): the list holds more than one (FollowupList, platformsShown). */
  showPlatform?: boolean;
  /**
   * Team mode: this agent marked the item done and a colleague reopened it after (`by`, when known):
   * said on the row until the agent acts on it or opens it, or it is closed again.
   */
  reopened?: { by?: string } | null;
}

/**
 * One follow-up: what, for whom, why, when, and its actions. Titles and reasons are made in the
 * interface's language (lib/domain/followups/text.ts); 打开 is offered only where there is a page to
 * open (target.ts). Titles, nicknames and notes come from pages and agents: rendered as text only.
 * Rows use a roving tabindex (one tab stop for the list; arrows move, see FollowupList).
 */
export function FollowupRow(props: RowProps) {
  const { item, section, now, zone, selected } = props;
  const ref = useRef<HTMLLIElement>(null);
  const overdue = section === 'overdue' || (section === 'handover' && item.dueAt < now);
  // With the shop's hours: round the clock, an item stored for the night shift is the day shift's.
  const to = handoverTarget(item, props.settings);
  const named = followupTitle(item, t);
  const bare = followupTitle(item, t, false);
  // A page on no console or taught site (a colleague's item may name any): not opened, its host said as text.
  const foreign = section === 'done' ? null : foreignHost(item, props.taught);
  // A rule's title names the buyer: with the tag of a masked name (S*******n · 3f2a), so two buyers
  // of that name are two rows an agent tells apart (BuyerTag).
  const title = followupTitleTagged(item, t);
  const when =
    section === 'done'
      ? t('followups.popup.closedWith', { reason: item.closedReason ? closedReasonText(item.closedReason, t) : t('followups.status.done') })
      : section === 'snoozed' && item.snoozedUntil !== undefined
        ? t('followups.popup.snoozedUntil', { time: formatDue(item.snoozedUntil, now, zone) })
        : overdue
          ? // With the moment it counts from: a delay is due the morning after its ship day, and
            // 已逾期 25 小时 beside 应在 12-06 发出 alone did not add up (the customer card names it too).
            t('followups.popup.overdueBy', { ago: formatSpan(now - item.dueAt), due: formatDue(item.dueAt, now, zone) })
          : t('followups.popup.due', { due: formatDue(item.dueAt, now, zone) });

  useEffect(() => {
    if (selected && ref.current && !ref.current.contains(document.activeElement)) ref.current.focus({ preventScroll: false });
  }, [selected]);

  const act = (action: RowAction) => (e: Event) => {
    e.stopPropagation();
    props.onAction(item, action);
  };

  return (
    <li
      ref={ref}
      class={`kf-fu${overdue ? ' kf-overdue' : ''}${selected ? ' kf-sel' : ''}`}
      role="option"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      data-kf="followup"
      data-id={item.id}
      data-kind={item.kind}
      data-section={section}
      onFocus={() => !selected && props.onSelect(item.id)}
      onClick={() => props.onSelect(item.id)}
    >
      <div class="kf-fu-head">
        {/* First on the line, where the eye starts: the same nickname on two consoles is two buyers. */}
        {props.showPlatform && item.platform && (
          <span class="kf-fu-platform" data-kf="followup-platform" data-platform={item.platform} title={t('followups.platform.title', { platform: platformName(item.platform) })}>
            {platformTag(item.platform)}
          </span>
        )}
        <span class="kf-fu-title" data-kf="followup-title"><PageText text={title} /></span>
        {to && <span class="kf-tag" data-kf="handover-tag"><PageText text={t('handover.to', { to: targetName(to) })} /></span>}
        <span class="kf-fu-when" data-kf="followup-when">{when}</span>
      </div>
      {/* A rule's title names the buyer already; an agent's to-do may, but not with the tag. */}
      {item.buyer && named === bare && (!named.includes(item.buyer) || buyerTag(item.buyer, item.buyerId)) && (
        <div class="kf-fu-buyer" data-kf="followup-buyer">
          {t('followups.popup.buyer')}
          <PageText text={item.buyer} />
          <BuyerTag nickname={item.buyer} buyerId={item.buyerId} />
        </div>
      )}
      {props.reopened && (
        <p class="kf-fu-reopened" role="note" data-kf="followup-reopened">
          <PageText
            text={t(props.reopened.by ? 'team.reopened.by' : 'team.reopened.colleague', {
              by: props.reopened.by ?? '',
              time: formatDue(item.status === 'snoozed' && item.snoozedUntil !== undefined ? item.snoozedUntil : item.dueAt, now, zone),
            })}
          />
        </p>
      )}
      <div class="kf-fu-reason" data-kf="followup-reason">{followupReason(item, t)}</div>
      {/* On the reason's line: two unpaid orders of one buyer read 拍下未付：<buyer> alike; the number tells them apart. */}
      {item.orderId && <span class="kf-fu-order" data-kf="followup-order">{t('followups.popup.order', { id: item.orderId })}</span>}
      {item.note && <div class="kf-fu-note" data-kf="followup-note"><PageText text={item.note} /></div>}
      {foreign && (
        <div class="kf-fu-foreign" data-kf="followup-foreign">
          {t('followups.popup.foreignPage')} <PageText text={foreign} />
        </div>
      )}
      <div class="kf-fu-actions">
        {section === 'done' ? (
          <button tabIndex={-1} data-action="reopen" onClick={act('reopen')}>{t('followups.action.reopen')}</button>
        ) : (
          <>
            {openableUrl(item, props.taught ?? []) && (
              <button tabIndex={-1} data-action="open" class="kf-primary" onClick={act('open')} title="Enter">{t('followups.popup.open')}</button>
            )}
            <button tabIndex={-1} data-action="done" onClick={act('done')} title="D">{t('followups.action.done')}</button>
            <button tabIndex={-1} data-action="snooze" aria-haspopup="menu" aria-expanded={!!props.snoozing} onClick={act('snooze')} title="S">{t('followups.action.snooze')}</button>
            <button tabIndex={-1} data-action="note" onClick={act('note')} title="N">{t('followups.action.note')}</button>
            <button tabIndex={-1} data-action="handover" onClick={act('handover')} title="H">{t('followups.action.handover')}</button>
          </>
        )}
      </div>
      {props.error && (
        <p class="kf-error" role="alert" data-kf="followup-error">
          {props.error}
        </p>
      )}
      {props.editingNote && <NoteInput room={noteRoom(item.note)} onDone={async (text) => {
        // Saved or closed, the keys (D, S, N, H, arrows) are the row's again, not the page's;
        // not saved (a full disk), the caret stays in the input with the text, to try again.
        if (await props.onNote(item, text)) ref.current?.focus();
      }} />}
      {props.snoozing && <SnoozeMenu item={item} settings={props.snoozing.settings} zone={zone} onPick={(until) => {
        // Closed without a time: the keys are the row's again.
        if (until === null) ref.current?.focus();
        props.onSnooze?.(item, until);
      }} />}
      {props.handoverTargets && (
        <RowHandover
          targets={props.handoverTargets}
          value={encodeTarget(to)}
          keepLabel={to ? t('handover.take') : undefined}
          onPick={(v) => {
            props.onHandover?.(item, v);
            // Handed over or closed, the keys (D, S, N, H, arrows) are the row's again, not the page's.
            ref.current?.focus();
          }}
        />
      )}
    </li>
  );
}

/**
 * 交给… on a row, opened with H or 交接: the keys go to the choice (left on the row, ↓ moved to the next
 * item and Enter opened that one). ↓/↑ hand the item over at once, as a closed select changes; Escape closes it.
 */
function RowHandover(props: { targets: HandoverTargets; value: string; keepLabel?: string; onPick(value: string | null): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.querySelector<HTMLSelectElement>('select:not([disabled])')?.focus(), []);
  return (
    <div
      ref={ref}
      class="kf-fu-noteedit"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' && !e.isComposing) props.onPick(null);
      }}
    >
      <HandoverPicker targets={props.targets} value={props.value} keepLabel={props.keepLabel} onChange={(v) => props.onPick(v)} />
    </div>
  );
}

function NoteInput(props: { room: number; onDone(text: string | null): Promise<void> }) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  // In the render's own task: after a paint, the keys typed straight after N reached the row (D, S…).
  useLayoutEffect(() => ref.current?.focus(), []);
  const line = text.trim();
  // Past what the item's notes still take (said at once, even before typing when they are full):
  // refused whole, as the worker would, and the earlier notes are never cut to make room.
  const full = !overBy(line, NOTE_MAX) && (props.room === 0 || line.length > props.room);
  return (
    <div class="kf-fu-noteedit" onClick={(e) => e.stopPropagation()}>
      <input
        ref={ref}
        data-kf="note-input"
        value={text}
        aria-invalid={full ? 'true' : invalidIf(line, NOTE_MAX)}
        placeholder={t('followups.popup.notePlaceholder')}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.isComposing || e.keyCode === 229) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            // Too long: nothing saved, the input stays open with the whole text and says by how much.
            if (!overBy(line, NOTE_MAX) && !(line && full)) void props.onDone(line || null);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            void props.onDone(null);
          }
        }}
      />
      <TooLong text={line} max={NOTE_MAX} kf="note-too-long" />
      {full && (
        <p class="kf-error" role="alert" data-kf="notes-full">
          {notesFullText(props.room, line.length)}
        </p>
      )}
    </div>
  );
}
