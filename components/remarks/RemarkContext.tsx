import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from '../useStore';
import type { RemarkController, RemarkState } from '@/lib/panel/remarks';

/** The order-page remark controller; absent (null) where the panel has no order features. */
export const RemarkContext = createContext<RemarkController | null>(null);

export function useRemarks(): RemarkController | null {
  return useContext(RemarkContext);
}

/** The remark state, re-rendering on every change. */
export function useRemarkState(c: RemarkController): RemarkState {
  return useStore(c.store);
}
