/**
 * Records keyed by outside text (template ids, field names read from a remark, placeholder names):
 * `dict()` makes one with no prototype, so a key such as `__proto__`, `constructor` or `toString`
 * is an ordinary entry and can never reach Object.prototype; `own()` reads only an own entry, so a
 * lookup of `constructor` in a plain record is undefined, not the Object function.
 */
export function dict<T>(from?: Readonly<Record<string, T>> | null): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  // Own enumerable entries only; on a prototype-less target, `__proto__` is just a key.
  if (from) for (const k of Object.keys(from)) out[k] = from[k]!;
  return out;
}

export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
