import { showDirectionControls } from '@/lib/domain/text';
import { t } from '@/lib/i18n';

/**
 * Text that came from a seller page or a buyer (nicknames, notes, titles): rendered as text, in a
 * <bdi dir="auto"> so its direction cannot spill into the interface around it, with direction
 * controls shown as visible marks (lib/domain/text.ts).
 */
export function PageText(props: { text: string; class?: string; 'data-kf'?: string }) {
  return (
    <bdi dir="auto" class={props.class} data-kf={props['data-kf']}>
      {showDirectionControls(props.text)}
    </bdi>
  );
}

/**
 * The message `key` with its `page` parameters (a nickname, a note: page or buyer text) each drawn
 * as PageText inside the sentence, `params` filled in as usual: filled in as plain text, an
 * override in a nickname (U+202E) would reverse the rest of the sentence on screen.
 */
export function pageSentence(key: string, page: Record<string, string>, params?: Record<string, string | number>) {
  // NUL never occurs in a message: it marks where each page text goes, by its parameter's name.
  const marks: Record<string, string | number> = { ...params };
  for (const k in page) marks[k] = `\0${k}\0`;
  return t(key, marks)
    .split('\0')
    .map((s, i) => (i % 2 ? <PageText text={page[s]!} /> : s));
}
