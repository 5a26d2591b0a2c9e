import type { Template, TemplateLibrary } from './types';

export interface StarterConditionsResult {
  /** The library with the conditions added (a new object; the input is not changed). */
  library: TemplateLibrary;
  /** How many replies took a condition. */
  count: number;
  /** Their ids, in library order. */
  ids: string[];
}

/**
 * Stored copies of starter replies that can take the starter's order condition (`orders`): same id,
 * no condition of their own (no `orders` key at all), and the starter's text unchanged. A copy
 * whose text the agent edited is the agent's own reply; the condition may no longer be true of it.
 * A library saved before starter replies had conditions keeps them without; this finds them.
 */
export function starterConditionCandidates(lib: TemplateLibrary, starter: TemplateLibrary): Template[] {
  const byId = new Map(starter.templates.map((t) => [t.id, t]));
  return lib.templates.filter((t) => {
    const s = byId.get(t.id);
    return !!s?.orders?.length && !('orders' in t) && t.body === s.body;
  });
}

/** Gives every candidate (above) the starter's condition. Idempotent: a second run finds none. */
export function applyStarterConditions(lib: TemplateLibrary, starter: TemplateLibrary): StarterConditionsResult {
  const ids = starterConditionCandidates(lib, starter).map((t) => t.id);
  const orders = new Map(starter.templates.map((t) => [t.id, t.orders]));
  const templates = lib.templates.map((t) => (ids.includes(t.id) ? { ...t, orders: [...orders.get(t.id)!] } : t));
  return { library: { ...lib, templates }, count: ids.length, ids };
}
