import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { RemarkController, RemarkState } from '@/lib/panel/remarks';

/** The order-page remark controller; absent (null) where the panel has no order features. */
export const RemarkContext = createContext<RemarkController | null>(null);

export function useRemarks(): RemarkController | null {
  return useContext(RemarkContext);
}

/** The remark state, re-rendering on every change. */
export function useRemarkState(c: RemarkController): RemarkState {
  const [state, setState] = useState(c.store.get());
  useEffect(() => {
    setState(c.store.get());
    return c.store.subscribe(setState);
  }, [c]);
  return state;
}
