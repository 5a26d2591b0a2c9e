import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DataArea, Req, Res, Verb } from '@/lib/messaging/protocol';
import type { TargetInfo } from '@/lib/teach/page-api';
import type { TeachOutcome } from '@/lib/teach/flow';
import type { RemindedHere, SideInsert } from '@/lib/teach/tab-messages';

/**
 * What the side panel (and the popup that embeds LibraryPane) needs from the extension. The entry
 * point builds it from lib/messaging and lib/teach/page-api; tests can hand in a fake.
 */
export interface SidePanelApi {
  call<V extends Verb>(verb: V, payload?: Req<V>): Promise<Res<V>>;
  onChanged(areas: DataArea[], listener: () => void): () => void;
  /** The tab being served and what its content script can do. */
  target(): Promise<TargetInfo>;
  onTargetChanged(listener: () => void): () => void;
  /**
   * Has the tab insert a reply of the library the chat page's own way (its checks, its buyer, its
   * fill-in form); rejects when no content script of ours answers there.
   */
  insert(tabId: number, reply: { templateId: string; fills: Record<string, string> }): Promise<SideInsert>;
  copy(text: string): Promise<void>;
  /**
   * Tells the tab a reply was just copied for it: a 催付 reply marks the buyer its chat
   * shows now (the tab decides whom). Rejects when no content script of ours answers there.
   */
  remindedHere(tabId: number, reply: { templateId: string; copied: boolean }): Promise<RemindedHere | null>;
  teach(target: TargetInfo, typedSite?: string): Promise<TeachOutcome>;
}

export const SidePanelContext = createContext<SidePanelApi | null>(null);

export function useSidePanelApi(): SidePanelApi {
  const api = useContext(SidePanelContext);
  if (!api) throw new Error('useSidePanelApi outside <SidePanelContext.Provider>');
  return api;
}
