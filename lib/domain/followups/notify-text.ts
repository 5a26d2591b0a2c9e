/**
 * The text of the unpaid-orders notification (lib/background/notify.ts): up to five buyer names.
 * A notification is plain text the system draws, with no isolate around a name: a direction override
 * in one (U+202E, from a page or a colleague's item) would reverse the rest of the line, so the
 * controls are removed (stripDirectionControls), and each name is cut to NICKNAME_MAX, the longest
 * name this machine keeps — a colleague's item may carry a longer one (qaO 2026-12-05).
 * In worker-extras.js: the worker needs it only when it shows a notification.
 */
import { stripDirectionControls } from '../text';
import { limitText } from '../limit-text';
import { NICKNAME_MAX } from '../customers/identity';

/** How many names the notification lists before it says there are more. */
export const NOTIFY_NAMES = 5;

export function notifyBuyersText(buyers: readonly string[]): string {
  const names = buyers.slice(0, NOTIFY_NAMES).map((b) => limitText(stripDirectionControls(b), NICKNAME_MAX));
  return names.join('、') + (buyers.length > NOTIFY_NAMES ? ' …' : '');
}
