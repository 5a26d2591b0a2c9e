import { registerMessages, t } from '@/lib/i18n';
import { tooLong } from '@/lib/i18n/messages/too-long';

registerMessages(tooLong);

/** By how many characters `text` is over `max` (0: it fits). */
export const overBy = (text: string, max: number): number => Math.max(0, text.length - max);

/** For a field's aria-invalid: set while its text is over `max`. */
export const invalidIf = (text: string, max: number): 'true' | undefined => (overBy(text, max) ? 'true' : undefined);

/** What TooLong says, for a line elsewhere (an action whose field is not on screen). */
export const tooLongText = (text: string, max: number): string => t('tooLong.field', { max, count: text.length, over: overBy(text, max) });

/**
 * Said under a text field in place of a maxlength, which cuts a pasted text without a word (and the
 * cut text was then saved): the whole text stays in the field, this says its limit and by how much
 * it is over, and the form holds its save while it is. `text` is what would be saved (trimmed where
 * the form trims). Nothing when it fits.
 */
export function TooLong(props: { text: string; max: number; class?: string; kf?: string }) {
  const over = overBy(props.text, props.max);
  if (!over) return null;
  return (
    <p class={props.class ?? 'kf-error'} role="alert" data-kf={props.kf ?? 'too-long'}>
      {tooLongText(props.text, props.max)}
    </p>
  );
}
