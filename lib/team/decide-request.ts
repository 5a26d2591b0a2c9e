/**
 * The check of a teamDecideProposal payload (handlers/team.ts): the field that is wrong, or ''.
 * In worker-extras.js: an owner's decision is rare, and background.js has a size budget.
 */
export function decideRequestFault(p: Record<string, unknown>): string {
  if (typeof p.id !== 'string' || !p.id || p.id.length > 300) return 'id';
  if (typeof p.accepted !== 'boolean') return 'accepted';
  if (p.reason !== undefined && (typeof p.reason !== 'string' || p.reason.length > 200)) return 'reason';
  return '';
}
