import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import { NOTE_MAX } from '@/lib/domain/followups/notes';
import { TooLong, invalidIf, overBy } from '../TooLong';

/**
 * The 跟进 section's forms about an order (FollowupActions): 中差评 (`name` 'review') and 售后
 * ('after'). Both take an optional order number and a note and add with one button, which waits
 * while the note is over NOTE_MAX (said under it, the text kept whole). 售后 has its kind before
 * the order number (`lead`) and its time after it (`due`). Their fields are named by the form:
 * fu-<name>-form, fu-<name>-note, fu-<name>-add, fu-<name>-note-too-long, the order's `orderKf`.
 * What an add checks and sends is the caller's (`onAdd`).
 */
export function OrderNoteForm(props: {
  name: 'review' | 'after';
  orderKf: string;
  order: string;
  note: string;
  onOrder(value: string): void;
  onNote(value: string): void;
  onAdd(): void;
  lead?: ComponentChildren;
  due?: ComponentChildren;
}) {
  const note = props.note.trim();
  const orderLabel = t('followups.panel.orderPlaceholder');
  const noteLabel = t('followups.panel.notePlaceholder');
  const kf = (part: string) => `fu-${props.name}-${part}`;
  return (
    <form
      class="kf-fu-promise"
      data-kf={kf('form')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onAdd();
      }}
    >
      {props.lead}
      <input class="kf-fu-order" data-kf={props.orderKf} size={20} placeholder={orderLabel} aria-label={orderLabel} value={props.order} onInput={(e) => props.onOrder(e.currentTarget.value)} />
      {props.due}
      <input data-kf={kf('note')} aria-invalid={invalidIf(note, NOTE_MAX)} placeholder={noteLabel} aria-label={noteLabel} value={props.note} onInput={(e) => props.onNote(e.currentTarget.value)} />
      <button type="submit" class="kf-link" data-kf={kf('add')} disabled={overBy(note, NOTE_MAX) > 0}>{t('followups.panel.add')}</button>
      <TooLong text={note} max={NOTE_MAX} kf={kf('note-too-long')} />
    </form>
  );
}
