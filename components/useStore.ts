import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/lib/panel/store';

/** The current state of a panel store, re-rendering on every change (null store → null). */
export function useStore<S extends object>(store: Store<S>): S;
export function useStore<S extends object>(store: Store<S> | null | undefined): S | null;
export function useStore<S extends object>(store: Store<S> | null | undefined): S | null {
  const [state, setState] = useState<S | null>(store?.get() ?? null);
  useEffect(() => {
    if (!store) return;
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
