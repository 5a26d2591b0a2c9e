/**
 * The permission and injection steps around teach mode, written against small interfaces so the
 * logic is unit-tested with fakes (the real browser calls are in tab-bridge.ts and scripts.ts).
 *
 * Teaching a page (from an extension page, inside the agent's click):
 *   1. ask for access to that site only: permissions.request({ origins: [origin + '/*'] }) — it must be
 *      the first await of the click handler, or Chrome no longer sees a user gesture;
 *   2. make sure our content script is in the tab (ping; else scripting.executeScript);
 *   3. tell it to start the picker. The picks are saved through messaging (saveTaughtSite), and the
 *      background registers the content script for that origin, so it runs there after a reload.
 * Forgetting a site: its record, its registered content script and its permission go (a permission
 * the manifest requires, e.g. the demo's 127.0.0.1, cannot be removed and is reported as kept).
 */
import { CONSOLE_MATCHES } from '../sites/matches';
import { originPattern, parseOrigin } from '../sites/taught/record';

/** What the content script in a tab reports about itself. */
export interface TabStatus {
  /** Name of the adapter in charge (built-in or taught), or null on a page nobody taught yet. */
  site: string | null;
  /** A chat input was found: text can be inserted there. */
  canInsert: boolean;
  buyer: string | null;
  teaching: boolean;
  /** The content script has looked this page up at least once (a null `site` is then final). */
  ready?: boolean;
}

export interface TargetTab {
  id?: number;
  url?: string;
}

export interface TeachDeps {
  requestPermission(pattern: string): Promise<boolean>;
  ping(tabId: number): Promise<TabStatus | null>;
  inject(tabId: number): Promise<void>;
  startTeach(tabId: number): Promise<boolean>;
}

export type TeachOutcome =
  | { ok: true; origin: string }
  | { ok: false; reason: 'no-tab' | 'not-web' | 'denied' | 'inject-failed' | 'no-answer'; origin?: string };

export async function teachTab(tab: TargetTab | null, deps: TeachDeps): Promise<TeachOutcome> {
  if (!tab || tab.id === undefined) return { ok: false, reason: 'no-tab' };
  const origin = parseOrigin(tab.url);
  if (!origin) return { ok: false, reason: 'not-web' };
  let granted = false;
  try {
    granted = await deps.requestPermission(originPattern(origin));
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, reason: 'denied', origin };
  let status = await deps.ping(tab.id).catch(() => null);
  if (!status) {
    try {
      await deps.inject(tab.id);
    } catch {
      return { ok: false, reason: 'inject-failed', origin };
    }
    status = await deps.ping(tab.id).catch(() => null);
    if (!status) return { ok: false, reason: 'no-answer', origin };
  }
  const started = await deps.startTeach(tab.id).catch(() => false);
  return started ? { ok: true, origin } : { ok: false, reason: 'no-answer', origin };
}

/**
 * True when the manifest's own host permissions cover the origin (the permission cannot be removed,
 * and our content script already runs there). A pattern without a port matches every port, as in Chrome.
 */
export function isRequiredOrigin(origin: string, required: readonly string[] = CONSOLE_MATCHES): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return required.some((pattern) => {
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
    if (!m) return false;
    const [, scheme, host] = m as unknown as [string, string, string];
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    const [hostname, port] = host.split(':') as [string, string | undefined];
    if (port && port !== '*' && port !== url.port) return false;
    if (hostname === '*') return true;
    if (hostname.startsWith('*.')) return url.hostname === hostname.slice(2) || url.hostname.endsWith(hostname.slice(1));
    return url.hostname === hostname;
  });
}

export interface ForgetDeps {
  forget(origin: string): Promise<boolean>;
  unregister(origin: string): Promise<void>;
  removePermission(pattern: string): Promise<boolean>;
  /** The running build's own host permissions (default: the consoles of the build users get). */
  required?: readonly string[];
}

export interface ForgetResult {
  removed: boolean;
  /** 'removed': access withdrawn; 'required': the manifest needs it (kept); 'failed': the browser refused. */
  permission: 'removed' | 'required' | 'failed';
}

export async function forgetSite(origin: string, deps: ForgetDeps): Promise<ForgetResult> {
  const removed = await deps.forget(origin);
  await deps.unregister(origin).catch(() => {});
  if (isRequiredOrigin(origin, deps.required)) return { removed, permission: 'required' };
  const ok = await deps.removePermission(originPattern(origin)).catch(() => false);
  return { removed, permission: ok ? 'removed' : 'failed' };
}
