/**
 * Signing in from the options page: asks for access to that one server (optional host
 * permission), then CouchDB's _session with the name and password. The browser keeps the session
 * cookie; the password is not stored anywhere. Returns the role this user has in the shop.
 */
import { browser } from '../browser';
import { checkServer } from './config';
import { isShopId, roleName, type TeamRole } from './names';
import { isRedirect, redirectTarget } from './remote-fetch';

export type SignInResult =
  | { ok: true; origin: string; role: TeamRole }
  | { ok: false; error: 'url' | 'https' | 'shop' | 'user' | 'permission' | 'login' | 'notMember' | 'unreachable' | 'notCouch' | 'http' | 'redirect'; reason?: string };

export async function signIn(server: string, shop: string, user: string, password: string): Promise<SignInResult> {
  const check = checkServer(server);
  if (!check.ok) return { ok: false, error: check.reason };
  if (!isShopId(shop)) return { ok: false, error: 'shop' };
  if (!user.trim() || !password) return { ok: false, error: 'user' };
  // Asked first, while the click still counts as the user's gesture.
  const granted = await browser.permissions.request({ origins: [`${check.origin}/*`] }).catch(() => false);
  if (!granted) return { ok: false, error: 'permission' };
  let res: Response;
  try {
    res = await fetch(`${check.origin}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user.trim(), password }),
      // Never followed: a 307/308 posts the password again to wherever it points — another host, or
      // plain http past the https check above, which saw only the typed address (qaM 2026-12-05).
      redirect: 'manual',
    });
  } catch {
    // The browser's own words ("Failed to fetch") say nothing to an agent, and in English: the
    // message names the likely causes instead (nothing listening, a wrong address, no network).
    return { ok: false, error: 'unreachable' };
  }
  // `reason`: where it pointed, when the browser lets that be read (it hides it: an opaque redirect).
  if (isRedirect(res)) return { ok: false, error: 'redirect', reason: redirectTarget(check.origin, res) };
  if (res.status === 401) return { ok: false, error: 'login' };
  // CouchDB answers POST /_session with JSON: {ok, name, roles} or {error, reason}. A web page, or a
  // JSON answer without those, means the address is some other server (a wrong port or path), not a
  // refused member or a broken connection.
  const body = (await res.json().catch(() => null)) as { ok?: unknown; roles?: unknown; error?: unknown; reason?: unknown } | null;
  const couch = body !== null && typeof body === 'object' && (res.ok ? body.ok === true && Array.isArray(body.roles) : typeof body.error === 'string');
  if (!couch) return { ok: false, error: 'notCouch' };
  if (!res.ok) return { ok: false, error: 'http', reason: `HTTP ${res.status}${typeof body!.reason === 'string' && body!.reason ? ` ${body!.reason}` : ''}` };
  const roles = body!.roles as string[];
  const role: TeamRole | null = roles.includes(roleName(shop, 'supervisor')) ? 'supervisor' : roles.includes(roleName(shop, 'agent')) ? 'agent' : null;
  if (!role) return { ok: false, error: 'notMember' };
  return { ok: true, origin: check.origin, role };
}
