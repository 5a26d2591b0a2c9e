import { useEffect, useState } from 'preact/hooks';
import { call, onDataChanged } from '@/lib/messaging/client';
import { copyText, currentTarget, insertIntoTab, onTargetChanged, teachTarget, type TargetInfo } from '@/lib/teach/page-api';
import { SidePanelContext, type SidePanelApi } from '@/components/sidepanel/SidePanelContext';
import { LibraryPane } from '@/components/sidepanel/LibraryPane';

const api: SidePanelApi = {
  call: (verb, payload) => (call as (v: typeof verb, p?: unknown) => Promise<never>)(verb, payload),
  onChanged: onDataChanged,
  target: currentTarget,
  onTargetChanged,
  insert: insertIntoTab,
  copy: copyText,
  teach: teachTarget,
};

/** The side panel's reply library inside the popup (browsers without a side panel); loaded lazily. */
export function LibraryTab() {
  const [target, setTarget] = useState<TargetInfo | null>(null);
  useEffect(() => {
    void currentTarget().then(setTarget, () => setTarget(null));
  }, []);
  return (
    <SidePanelContext.Provider value={api}>
      <LibraryPane target={target} />
    </SidePanelContext.Provider>
  );
}
