import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DataArea, Req, Res, Verb } from '@/lib/messaging/protocol';

/** What the popup needs from the extension: the protocol, change events and a file download. */
export interface PopupApi {
  call<V extends Verb>(verb: V, payload?: Req<V>): Promise<Res<V>>;
  onChanged(areas: DataArea[], listener: () => void): () => void;
  download(filename: string, text: string, type: string): void;
  /** The library tab (side-panel LibraryPane), loaded on first use so the list opens fast. */
  loadLibraryTab?: () => Promise<import('preact').ComponentType>;
}

export const PopupContext = createContext<PopupApi | null>(null);

export function usePopupApi(): PopupApi {
  const api = useContext(PopupContext);
  if (!api) throw new Error('usePopupApi outside <PopupContext.Provider>');
  return api;
}
