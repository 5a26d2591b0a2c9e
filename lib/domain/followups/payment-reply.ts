import type { ScenarioId } from '../scenarios';

/**
 * A reply that reminds a buyer to pay (催付): its first (main) situation is 付款 — not a thank-you for
 * a payment that names 付款 among others (the starter's 已付款确认). Inserted into a buyer's chat, it
 * marks their 拍下未付 items reminded (reminded.ts). Apart from it so the panel's script carries no rules.
 */
export function isPaymentReminder(template: { scenarios: readonly ScenarioId[] } | null | undefined): boolean {
  return template?.scenarios[0] === 'payment';
}
