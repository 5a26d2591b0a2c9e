import type { SiteAdapter } from '@/lib/sites/types';

/**
 * Whether the page's adapter can find an order's remark box at all, so the remark panel can promise
 * to write remarks there. A built-in console says so by naming its box's selectors in its page check
 * (probe.remarkEditor: Taobao's memo page, the demo); JD's order list names none, since nothing shows
 * how JD's remark dialog is built (lib/sites/jd-orders). A taught page finds what it was taught, and
 * a built-in console the agent taught (`…+taught`, withTaughtFallback) may find the taught box.
 * Chat consoles have no findRemarkEditor.
 */
export function findsRemarkBox(adapter: SiteAdapter | null | undefined): boolean {
  if (!adapter?.findRemarkEditor) return false;
  if (typeof adapter.probe === 'function' || adapter.id.endsWith('+taught')) return true;
  return !!adapter.probe?.remarkEditor;
}
