import { render } from 'preact';
import { sidePanelApi as api } from '@/components/sidepanel/api';
import { SidePanelContext } from '@/components/sidepanel/SidePanelContext';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';


render(
  <SidePanelContext.Provider value={api}>
    <SidePanelApp />
  </SidePanelContext.Provider>,
  document.getElementById('app')!,
);
