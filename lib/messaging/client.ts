import { browser } from '../browser';
import type { DataArea, Envelope, Reply, Req, Res, Verb } from './protocol';

/** A call the background refused or failed; `code` is e.g. 'quota', 'invalid', 'forbidden'. */
export class CallError extends Error {
  override name = 'CallError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls a verb in the background. Throws CallError with the background's reason. */
export async function call<V extends Verb>(verb: V, ...args: Req<V> extends void ? [] : [Req<V>]): Promise<Res<V>> {
  const envelope: Envelope<V> = { kf: verb, payload: args[0] as Req<V> };
  let reply: Reply<Res<V>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<Res<V>> | undefined;
  } catch (err) {
    // The service worker may be restarting; one retry covers the common case.
    reply = (await browser.runtime.sendMessage(envelope).catch(() => undefined)) as Reply<Res<V>> | undefined;
    if (!reply) throw new CallError('unavailable', (err as Error)?.message ?? 'background unavailable');
  }
  if (!reply) throw new CallError('unavailable', 'no reply from the background');
  if (!reply.ok) throw new CallError(reply.error.code, reply.error.message);
  return reply.value;
}

const revKey = (area: DataArea) => `kf:rev:${area}`;

/** Runs `listener` whenever another context changes `area`. Returns an unsubscribe function. */
export function onDataChanged(areas: DataArea[], listener: (area: DataArea) => void): () => void {
  const keys = new Map(areas.map((a) => [revKey(a), a] as const));
  const handler = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local') return;
    for (const k of Object.keys(changes)) {
      const area = keys.get(k);
      if (area) listener(area);
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Background side: announce a change (a counter, never user data). */
export async function announceChange(area: DataArea): Promise<void> {
  await browser.storage.local.set({ [revKey(area)]: Date.now() + Math.random() });
}
