import { showDirectionControls } from '@/lib/domain/text';

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
