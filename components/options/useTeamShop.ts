import { useLoaded } from './OptionsContext';

/**
 * The shop this machine syncs with, or null outside team mode (or before the answer): what the
 * privacy statements and the delete confirmations say depends on it — in team mode buyer records
 * leave this machine, and a deletion reaches every colleague's (qaJ D5, D6).
 */
export function useTeamShop(): string | null {
  return useLoaded('teamStatus', ['team']).value?.config?.shop ?? null;
}
