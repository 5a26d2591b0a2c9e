import { useLoaded } from './OptionsContext';
import { DEFAULT_APP_SETTINGS, shopZone } from '@/lib/storage/settings';
import type { Zone } from '@/lib/domain/time';

/**
 * The shop's time zone (Beijing) for the times an options tab shows: the popup, the panel and the
 * remarks show shop time, so a list here shows the same moment the same way, whatever the
 * computer's clock says.
 */
export function useShopZone(): Zone {
  return shopZone(useLoaded('getSettings', ['settings']).value ?? DEFAULT_APP_SETTINGS);
}
