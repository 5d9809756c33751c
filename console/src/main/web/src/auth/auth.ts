import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

import { ROLES, type Role } from '../roles';

export { ROLES, type Role };

/**
 * The server only accepts loopback redirect URIs on 127.0.0.1, never `localhost`: move there first
 * (same path and port). Returns true when the browser is being sent away.
 */
export function ensureLoopbackHost(): boolean {
  if (window.location.hostname === 'localhost') {
    const url = new URL(window.location.href);
    url.hostname = '127.0.0.1';
    window.location.replace(url.toString());
    return true;
  }
  return false;
}

const origin = window.location.origin;

/** OAuth 2.1 authorization code with PKCE against the gateway's Spring Authorization Server. */
export const userManager = new UserManager({
  authority: origin,
  client_id: 'yibao-console',
  redirect_uri: `${origin}/console/callback`,
  post_logout_redirect_uri: `${origin}/console/`,
  response_type: 'code',
  scope: 'openid profile',
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  automaticSilentRenew: false,
  loadUserInfo: false,
});

export function rolesOf(user: User | null | undefined): Role[] {
  const claim = user?.profile?.['roles'];
  const list = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[ ,]+/) : [];
  return list.filter((r): r is Role => (ROLES as readonly string[]).includes(String(r)));
}

let signingIn = false;

/** Sends the browser to the login page, coming back to the page it is on now. */
export async function signIn(returnTo?: string): Promise<void> {
  if (ensureLoopbackHost() || signingIn) return;
  signingIn = true;
  const target = returnTo ?? window.location.pathname + window.location.search;
  await userManager.signinRedirect({ state: { returnTo: target } });
}

export async function signOut(): Promise<void> {
  const user = await userManager.getUser();
  await userManager.removeUser();
  await userManager.signoutRedirect({ id_token_hint: user?.id_token });
}

/** The access token for API calls, or undefined when nobody is signed in (or it expired). */
export async function accessToken(): Promise<string | undefined> {
  const user = await userManager.getUser();
  if (!user || user.expired) return undefined;
  return user.access_token;
}
