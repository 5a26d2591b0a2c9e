import { render } from 'preact';
import { call, onDataChanged } from '@/lib/messaging/client';
import { copyText, currentTarget, insertIntoTab, onTargetChanged, teachTarget } from '@/lib/teach/page-api';
import { SidePanelContext, type SidePanelApi } from '@/components/sidepanel/SidePanelContext';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';

const api: SidePanelApi = {
  call: (verb, payload) => (call as (v: typeof verb, p?: unknown) => Promise<never>)(verb, payload),
  onChanged: onDataChanged,
  target: currentTarget,
  onTargetChanged,
  insert: insertIntoTab,
  copy: copyText,
  teach: teachTarget,
};

render(
  <SidePanelContext.Provider value={api}>
    <SidePanelApp />
  </SidePanelContext.Provider>,
  document.getElementById('app')!,
);
