import { useEffect, useRef, useState } from 'preact/hooks';
import { usePanel } from './PanelContext';
import { loadFeature } from '@/lib/panel/features';
import { t } from '@/lib/i18n';

/** Where a feature loaded on demand renders its own part of the panel (see lib/panel/features.ts). */
export function FeatureSlot(props: { name: 'remarks' | 'check' | 'followups' }) {
  const panel = usePanel();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let unmount: (() => void) | null = null;
    let live = true;
    loadFeature(props.name).then(
      (feature) => {
        if (live && ref.current) unmount = feature.mount(ref.current, panel.featureHost());
      },
      (err: Error) => live && setFailed(err.message),
    );
    return () => {
      live = false;
      unmount?.();
    };
  }, [props.name, panel]);
  return (
    <div data-kf={`feature-${props.name}`} ref={ref}>
      {failed && <p class="kf-notice kf-error">{t('panel.featureFailed', { reason: failed })}</p>}
    </div>
  );
}
