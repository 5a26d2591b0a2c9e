import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { announce } from '../announce';

/**
 * The result of the agent's own action on an options tab (saved, imported, deleted), shown where it
 * happened and said through the page's polite live region (components/announce.ts): a role=status
 * line that appears with its text already in it is often not read at all. Said again for each new
 * result (`of`: the result object), even with the same words (saved twice).
 */
export function Said(props: { of: unknown; tag?: 'p' | 'span' | 'div'; class?: string; kf?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    // innerText keeps the break between a heading and its list; happy-dom and hidden tabs have only textContent.
    const text = (el?.innerText || el?.textContent || '').trim();
    if (el && text) announce(text, el.ownerDocument);
  }, [props.of]);
  const Tag = props.tag ?? 'p';
  return (
    <Tag ref={ref as never} class={props.class} data-kf={props.kf}>
      {props.children}
    </Tag>
  );
}
