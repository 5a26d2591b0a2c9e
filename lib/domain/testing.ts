/**
 * Test-only helpers for domain tests. Not imported by product code.
 */
import { afterEach, beforeEach } from 'vitest';
import { isoDay, type Zone } from './time';

/** How many of `times` fall on each day in `zone` (Beijing by default), in the order the days first come. */
export function perDay(times: readonly number[], zone: Zone = 8 * 60): number[] {
  const count = new Map<string, number>();
  for (const at of times) count.set(isoDay(at, zone), (count.get(isoDay(at, zone)) ?? 0) + 1);
  return [...count.values()];
}

/**
 * Runs each test of the enclosing describe with the process on another time zone (Node applies a
 * TZ change at once), as an agent whose computer is not on the shop's clock; restored after each.
 */
export function onComputerZone(tz: string): void {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
    process.env.TZ = tz;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
