import { render } from 'preact';
import { sidePanelApi as api } from '@/components/sidepanel/api';
import { SidePanelContext } from '@/components/sidepanel/SidePanelContext';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { holdUiPort } from '@/lib/messaging/ui-port';

// An open side panel: team mode replicates live while it is open.
holdUiPort();

render(
  <SidePanelContext.Provider value={api}>
    <SidePanelApp />
  </SidePanelContext.Provider>,
  document.getElementById('app')!,
);
