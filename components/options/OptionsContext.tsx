import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { Req, Res, Verb, DataArea } from '@/lib/messaging/protocol';
import { reasonText } from '@/lib/messaging/reason';

/** What the options page needs from the extension: the message protocol and change events. */
export interface OptionsApi {
  call<V extends Verb>(verb: V, payload?: Req<V>): Promise<Res<V>>;
  onChanged(areas: DataArea[], listener: () => void): () => void;
}

export const OptionsContext = createContext<OptionsApi | null>(null);

export function useApi(): OptionsApi {
  const api = useContext(OptionsContext);
  if (!api) throw new Error('useApi outside <OptionsContext.Provider>');
  return api;
}

/** Loads a value through the protocol and reloads it whenever one of `areas` changes anywhere. */
export function useLoaded<V extends Verb>(verb: V, areas: DataArea[]): { value: Res<V> | null; error: string | null; reload: () => void } {
  const api = useApi();
  const [value, setValue] = useState<Res<V> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.call(verb).then(
      (v) => {
        setValue(v);
        setError(null);
      },
      (e: unknown) => setError(reasonText(e)),
    );
  }, [api, verb]);
  useEffect(() => {
    reload();
    return api.onChanged(areas, reload);
  }, [reload]);
  return { value, error, reload };
}

/**
 * Whether this machine is in team mode as an agent, who may only propose changes to the shop's
 * library. Null until known, so nothing an agent cannot do is offered meanwhile.
 */
export function useTeamAgent(): boolean | null {
  const api = useApi();
  const [agent, setAgent] = useState<boolean | null>(null);
  useEffect(() => {
    const load = () => api.call('teamStatus').then((r) => setAgent(r?.config?.role === 'agent'), () => setAgent(false));
    void load();
    return api.onChanged(['team'], () => void load());
  }, []);
  return agent;
}
