import { useEffect, useRef } from 'preact/hooks';

/**
 * A field a link can lead to: `#tab:name` (options.html#remark-rules:limits) shows the tab
 * (OptionsApp) and, here, scrolls to the field and focuses it — on mount (the tab's data may arrive
 * after the tab is shown) and when the address changes on an open page. After the tab's own render:
 * a field in a tab still hidden cannot take the focus.
 */
export function useAnchor<T extends HTMLElement>(name: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const go = () => {
      if (location.hash.slice(1).split(':')[1] !== name) return;
      setTimeout(() => {
        ref.current?.scrollIntoView?.({ block: 'center' });
        ref.current?.focus();
      }, 0);
    };
    go();
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, []);
  return ref;
}
