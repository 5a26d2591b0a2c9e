import { useEffect, useState } from 'preact/hooks';
import type { TargetInfo } from '@/lib/teach/page-api';
import { sidePanelApi as api } from '@/components/sidepanel/api';
import { SidePanelContext } from '@/components/sidepanel/SidePanelContext';
import { LibraryPane } from '@/components/sidepanel/LibraryPane';

/** The side panel's reply library inside the popup (browsers without a side panel); loaded lazily. */
export function LibraryTab() {
  const [target, setTarget] = useState<TargetInfo | null>(null);
  useEffect(() => {
    void api.target().then(setTarget, () => setTarget(null));
  }, []);
  return (
    <SidePanelContext.Provider value={api}>
      <LibraryPane target={target} />
    </SidePanelContext.Provider>
  );
}
