/**
 * Test-only helpers for domain tests. Not imported by product code.
 */
import { afterEach, beforeEach } from 'vitest';

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
