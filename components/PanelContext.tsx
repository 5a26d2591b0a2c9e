import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { PanelController, PanelState } from '@/lib/panel/controller';

export const PanelContext = createContext<PanelController | null>(null);

export function usePanel(): PanelController {
  const c = useContext(PanelContext);
  if (!c) throw new Error('usePanel outside <PanelContext.Provider>');
  return c;
}

/** The panel state, re-rendering on every change of the store. */
export function usePanelState(): PanelState {
  const c = usePanel();
  const [state, setState] = useState(c.store.get());
  useEffect(() => {
    setState(c.store.get());
    return c.store.subscribe(setState);
  }, [c]);
  return state;
}
