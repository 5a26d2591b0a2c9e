import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../useStore';
import { CardFrameHost } from '@/lib/panel/card-frame';
import { t } from '@/lib/i18n';

/**
 * The buyer card in the panel: an <iframe> of the card page (entrypoints/card/), so the notes are
 * never part of the seller page's DOM. Sized to the card's content; hidden while no buyer is open.
 */
export function CardFrame(props: { host: CardFrameHost }) {
  const s = useStore(props.host.store);
  const ref = useRef<HTMLIFrameElement>(null);
  // Its address, once: the old panel drawn again after an update would get about:blank and navigate
  // the frame away, with the unsaved note the dead panel keeps it for (components/panel/StalePanel.tsx).
  const [src] = useState(CardFrameHost.url);
  useEffect(() => {
    props.host.attach(ref.current);
    return () => props.host.attach(null);
  }, [props.host]);
  return (
    <iframe
      ref={ref}
      class="kf-card-frame"
      data-kf="card-frame"
      src={src}
      title={t('panel.buyerCard')}
      style={{ height: `${s.buyer ? Math.max(s.height, 40) : 0}px`, display: s.buyer ? 'block' : 'none' }}
    />
  );
}
