/**
 * Signing in from the options page: asks for access to that one server (optional host
 * permission), then CouchDB's _session with the name and password. The browser keeps the session
 * cookie; the password is not stored anywhere. Returns the role this user has in the shop, once the
 * server has recognised the cookie (sessionKept).
 */
import { browser } from '../browser';
import { checkServer } from './config';
import { isShopId, roleName, type TeamRole } from './names';
import { isRedirect, redirectTarget } from './remote-fetch';

export type SignInResult =
  | { ok: true; origin: string; role: TeamRole }
  | { ok: false; error: 'url' | 'https' | 'shop' | 'user' | 'permission' | 'login' | 'notMember' | 'unreachable' | 'timeout' | 'notCouch' | 'http' | 'redirect' | 'cookie'; reason?: string };

/** What the sign-in waits for: the browser's permission prompt (the agent's answer), then the server. */
export type SignInStep = 'permission' | 'connect';

/**
 * How long the server has to answer. `fetch` has no limit of its own: an address that swallows
 * packets (a firewall, a wrong IP) left the form at a greyed-out button for minutes (until 2026-12-05). Not the
 * permission prompt's time: that waits for the agent.
 */
export const SIGN_IN_TIMEOUT_MS = 20_000;

/** Anything before `://`: the address names its scheme. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The address as typed, with https:// in front when it names no scheme (`couch.myshop.com`, as a
 * lead copies it from a chat: refused as "not a full address" until 2026-12-07) — never http://,
 * which only a loopback address may use. Here, not in checkServer: the worker checks stored origins
 * with that one, and its size has a budget.
 */
export function withScheme(server: string): string {
  const text = server.trim();
  return SCHEME.test(text) ? text : `https://${text}`;
}

export async function signIn(server: string, shop: string, user: string, password: string, onStep?: (step: SignInStep) => void): Promise<SignInResult> {
  const check = checkServer(withScheme(server));
  if (!check.ok) return { ok: false, error: check.reason };
  if (!isShopId(shop)) return { ok: false, error: 'shop' };
  if (!user.trim() || !password) return { ok: false, error: 'user' };
  // Asked first, while the click still counts as the user's gesture.
  onStep?.('permission');
  const granted = await browser.permissions.request({ origins: [`${check.origin}/*`] }).catch(() => false);
  if (!granted) return { ok: false, error: 'permission' };
  onStep?.('connect');
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SIGN_IN_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(`${check.origin}/_session`, {
      signal: abort.signal,
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user.trim(), password }),
      // Never followed: a 307/308 posts the password again to wherever it points — another host, or
      // plain http past the https check above, which saw only the typed address (found 2026-12-05).
      redirect: 'manual',
    });
  } catch {
    clearTimeout(timer);
    if (abort.signal.aborted) return { ok: false, error: 'timeout' };
    // The browser's own words ("Failed to fetch") say nothing to an agent, and in English: the
    // message names the likely causes instead (nothing listening, a wrong address, no network).
    return { ok: false, error: 'unreachable' };
  }
  // The limit covers the answer's body too (a server can send headers and then stall).
  const read = await res.json().catch(() => null);
  clearTimeout(timer);
  if (abort.signal.aborted) return { ok: false, error: 'timeout' };
  // `reason`: where it pointed, when the browser lets that be read (it hides it: an opaque redirect).
  if (isRedirect(res)) return { ok: false, error: 'redirect', reason: redirectTarget(check.origin, res) };
  if (res.status === 401) return { ok: false, error: 'login' };
  // CouchDB answers POST /_session with JSON: {ok, name, roles} or {error, reason}. A web page, or a
  // JSON answer without those, means the address is some other server (a wrong port or path), not a
  // refused member or a broken connection.
  const body = read as { ok?: unknown; roles?: unknown; error?: unknown; reason?: unknown } | null;
  const couch = body !== null && typeof body === 'object' && (res.ok ? body.ok === true && Array.isArray(body.roles) : typeof body.error === 'string');
  if (!couch) return { ok: false, error: 'notCouch' };
  if (!res.ok) return { ok: false, error: 'http', reason: `HTTP ${res.status}${typeof body!.reason === 'string' && body!.reason ? ` ${body!.reason}` : ''}` };
  const roles = body!.roles as string[];
  const role: TeamRole | null = roles.includes(roleName(shop, 'supervisor')) ? 'supervisor' : roles.includes(roleName(shop, 'agent')) ? 'agent' : null;
  if (!role) return { ok: false, error: 'notMember' };
  const kept = await sessionKept(check.origin, user.trim());
  if (kept !== 'kept') return { ok: false, error: kept };
  return { ok: true, origin: check.origin, role };
}

/**
 * Whether the server now knows this browser as `user`: the password is not kept, so everything after
 * the sign-in rests on the AuthSession cookie its answer set. Without it — a proxy in front of the
 * server dropping Set-Cookie, a browser refusing every site's cookies — the
 * sign-in used to succeed and the first round end at once in 登录已过期, which sent the IT person to
 * the session timeout (found 2026-12-07, test/e2e/team-https.e2e.test.ts). Third-party cookie
 * blocking does not count here: the extension's requests to a host it may reach keep their cookies.
 */
async function sessionKept(origin: string, user: string): Promise<'kept' | 'cookie' | 'timeout' | 'unreachable' | 'redirect'> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SIGN_IN_TIMEOUT_MS);
  try {
    const res = await fetch(`${origin}/_session`, { signal: abort.signal, credentials: 'include', headers: { accept: 'application/json' }, redirect: 'manual' });
    // Not followed, as for the sign-in (a redirect here too says the address is not the final one).
    if (isRedirect(res)) return 'redirect';
    const body = (await res.json().catch(() => null)) as { userCtx?: { name?: unknown } } | null;
    return body?.userCtx?.name === user ? 'kept' : 'cookie';
  } catch {
    return abort.signal.aborted ? 'timeout' : 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
