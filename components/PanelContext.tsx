import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from './useStore';
import type { PanelController, PanelState } from '@/lib/panel/controller';

export const PanelContext = createContext<PanelController | null>(null);

export function usePanel(): PanelController {
  const c = useContext(PanelContext);
  if (!c) throw new Error('usePanel outside <PanelContext.Provider>');
  return c;
}

/** The panel state, re-rendering on every change of the store. */
export function usePanelState(): PanelState {
  return useStore(usePanel().store);
}
