/**
 * OAuth 2.1 / OIDC conformance cases for the Yibao gateway, written from the public specifications
 * (RFC 6749, RFC 6750, RFC 7636, RFC 7515/7517/7519, RFC 8725, RFC 9068, RFC 9700, the OAuth 2.1 draft,
 * OpenID Connect Core 1.0, OWASP cheat sheets), not from the implementation. Each test names its source.
 *
 * Self-contained: only @playwright/test and Node built-ins. Runs against the platform at YIBAO_BASE_URL
 * (default http://127.0.0.1:8080). Notes:
 * - The throttle cases run last and use few wrong passwords (the README says twenty wrong secrets from one
 *   address within a minute are throttled): wait a minute between two runs of this file.
 * - The log case reads the platform's log directory (YIBAO_LOGS_DIR, else .yibao-local/logs of the
 *   running copy); skipped when no log directory is visible.
 */
import { test, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
  createHash, createHmac, createPublicKey, generateKeyPairSync, randomBytes, sign as rsaSign, verify as rsaVerify,
  type JsonWebKey, type KeyObject,
} from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.env.YIBAO_BASE_URL || 'http://127.0.0.1:8080';
const CLIENT = 'yibao-console';
const REDIRECT = `${BASE}/console/callback`;
const SECRET = 'local-staff-secret';
const PERSON = `${BASE}/api/enrollment/persons/110101199003070011`;

// ---------------------------------------------------------------- helpers

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const rand = () => b64url(randomBytes(12));

function pkce() {
  const verifier = b64url(randomBytes(32)); // 43 chars, RFC 7636 §4.1
  const challenge = b64url(createHash('sha256').update(verifier, 'ascii').digest()); // §4.2 S256
  return { verifier, challenge };
}

function authorizeUrl(over: Record<string, string | undefined> = {}) {
  const params: Record<string, string | undefined> = {
    client_id: CLIENT, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid profile',
    state: `st-${rand()}`, code_challenge: pkce().challenge, code_challenge_method: 'S256', ...over,
  };
  const u = new URL('/oauth2/authorize', BASE);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

function show(res: APIResponse, body?: string) {
  const h = res.headers();
  const keep = ['location', 'content-type', 'www-authenticate', 'retry-after', 'cache-control', 'set-cookie'];
  const hs = keep.filter((k) => h[k] !== undefined).map((k) => `${k}: ${h[k]}`).join(' | ');
  return `${res.url()} -> ${res.status()} [${hs}] ${body ?? ''}`.slice(0, 1500);
}

/** Signs a staff user in at the login form of the given request context (its cookie jar keeps the session). */
async function signIn(request: APIRequestContext, username: string, password = SECRET) {
  const page = await request.get(`${BASE}/login`);
  const html = await page.text();
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(html)?.[1];
  expect(csrf, 'the login form carries a CSRF token').toBeTruthy();
  return request.post(`${BASE}/login`, { form: { username, password, _csrf: csrf! }, maxRedirects: 0 });
}

async function signedIn(request: APIRequestContext, username = 'clerk-local') {
  const res = await signIn(request, username);
  expect(res.status(), show(res)).toBe(302);
  expect(res.headers()['location'] ?? '', show(res)).not.toMatch(/error|throttled/);
}

/** Runs the authorization request with a fresh PKCE pair (signed in first) and returns the code. */
async function getCode(request: APIRequestContext, over: Record<string, string | undefined> = {}) {
  const { verifier, challenge } = pkce();
  const state = `st-${rand()}`;
  const res = await request.get(authorizeUrl({ code_challenge: challenge, state, ...over }), { maxRedirects: 0 });
  expect(res.status(), show(res)).toBe(302);
  const loc = new URL(res.headers()['location'], BASE);
  const code = loc.searchParams.get('code');
  expect(code, show(res)).toBeTruthy();
  return { code: code!, verifier, challenge, state, location: loc };
}

function tokenRequest(request: APIRequestContext, form: Record<string, string>, headers: Record<string, string> = {}) {
  return request.post(`${BASE}/oauth2/token`, { form, headers, maxRedirects: 0 });
}

function redeem(request: APIRequestContext, code: string, verifier: string | undefined, redirect = REDIRECT) {
  const form: Record<string, string> = { grant_type: 'authorization_code', client_id: CLIENT, code, redirect_uri: redirect };
  if (verifier !== undefined) form.code_verifier = verifier;
  return tokenRequest(request, form);
}

/** RFC 6749 §5.2: an error from the token endpoint is 400 (401 for invalid_client), JSON, with a listed code. */
async function expectTokenError(res: APIResponse, codes: string[]) {
  const body = await res.text();
  const why = show(res, body);
  expect([400, 401], why).toContain(res.status());
  expect(res.headers()['content-type'] ?? '', why).toMatch(/application\/json/);
  let json: { error?: string } = {};
  try { json = JSON.parse(body); } catch { /* reported below */ }
  expect(codes, why).toContain(json.error);
}

async function clientToken(request: APIRequestContext, client: string) {
  const res = await tokenRequest(request, { grant_type: 'client_credentials' },
    { Authorization: `Basic ${Buffer.from(`${client}:${SECRET}`).toString('base64')}` });
  const body = await res.text();
  expect(res.status(), show(res, body)).toBe(200);
  return JSON.parse(body).access_token as string;
}

type Jwt = { header: Record<string, unknown>; payload: Record<string, unknown>; signingInput: string; signature: Buffer };
function decode(jwt: string): Jwt {
  const [h, p, s] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s ?? '', 'base64url'),
  };
}
const encodePart = (o: unknown) => b64url(JSON.stringify(o));

async function discovery(request: APIRequestContext) {
  const res = await request.get(`${BASE}/.well-known/openid-configuration`);
  expect(res.status()).toBe(200);
  return res.json() as Promise<{ issuer: string; jwks_uri: string }>;
}

async function jwks(request: APIRequestContext): Promise<Array<JsonWebKey & { kid?: string }>> {
  const { jwks_uri } = await discovery(request);
  return (await (await request.get(jwks_uri)).json()).keys;
}

function keyFor(keys: Array<JsonWebKey & { kid?: string }>, kid: unknown): KeyObject {
  const jwk = keys.find((k) => k.kid === kid);
  expect(jwk, `JWKS has a key with kid ${String(kid)}`).toBeTruthy();
  return createPublicKey({ key: jwk!, format: 'jwk' });
}

/** A full console login over HTTP: returns the token response. */
async function consoleTokens(request: APIRequestContext, user = 'clerk-local') {
  await signedIn(request, user);
  const { code, verifier } = await getCode(request);
  const res = await redeem(request, code, verifier);
  const body = await res.text();
  expect(res.status(), show(res, body)).toBe(200);
  return { res, json: JSON.parse(body) as { access_token: string; id_token: string; token_type: string; expires_in: number } };
}

function logsDir(): string | undefined {
  const candidates = [process.env.YIBAO_LOGS_DIR, '/tmp/yibao-copy/.yibao-local/logs',
    join(process.cwd(), '../../../../.yibao-local/logs')].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(d) && statSync(d).isDirectory());
}

// ---------------------------------------------------------------- RFC 7636 (PKCE)

test('RFC 7636 §4.4.1 / OAuth 2.1 §4.1.1: authorization request without code_challenge is refused for the public client', async ({ request }) => {
  await signedIn(request);
  const state = `st-${rand()}`;
  const res = await request.get(authorizeUrl({ code_challenge: undefined, code_challenge_method: undefined, state }), { maxRedirects: 0 });
  const loc = res.headers()['location'];
  if (res.status() === 302) {
    const u = new URL(loc, BASE);
    expect(u.searchParams.get('code'), show(res)).toBeNull();
    expect(u.searchParams.get('error'), show(res)).toBe('invalid_request');
    expect(u.searchParams.get('state'), show(res)).toBe(state);
  } else {
    expect(res.status(), show(res)).toBe(400);
  }
});

test('RFC 9700 §2.1.1 / OAuth 2.1 §4.1.1: code_challenge_method=plain is refused (S256 only)', async ({ request }) => {
  await signedIn(request);
  const { verifier } = pkce();
  const res = await request.get(authorizeUrl({ code_challenge: verifier, code_challenge_method: 'plain' }), { maxRedirects: 0 });
  const u = new URL(res.headers()['location'] ?? '/', BASE);
  expect(u.searchParams.get('code'), show(res)).toBeNull();
  if (res.status() === 302) expect(u.searchParams.get('error'), show(res)).toBe('invalid_request');
  else expect(res.status(), show(res)).toBe(400);
});

test('RFC 7636 §4.3 / RFC 9700 §4.8: an omitted code_challenge_method (defaults to plain) is refused', async ({ request }) => {
  await signedIn(request);
  const { verifier } = pkce();
  const res = await request.get(authorizeUrl({ code_challenge: verifier, code_challenge_method: undefined }), { maxRedirects: 0 });
  const u = new URL(res.headers()['location'] ?? '/', BASE);
  expect(u.searchParams.get('code'), show(res)).toBeNull();
});

test('RFC 7636 §4.6: token request with a wrong code_verifier is refused with invalid_grant', async ({ request }) => {
  await signedIn(request);
  const a = await getCode(request);
  await expectTokenError(await redeem(request, a.code, pkce().verifier), ['invalid_grant']);
  // RFC 9700 §4.8 downgrade: sending the challenge itself as a "plain" verifier
  const b = await getCode(request);
  await expectTokenError(await redeem(request, b.code, b.challenge), ['invalid_grant']);
});

test('RFC 7636 §4.6 / OAuth 2.1 §4.1.3: token request without code_verifier is refused (400 JSON invalid_grant)', async ({ request, playwright }) => {
  // RFC 7636 names invalid_grant for a failed check; invalid_request (RFC 6749 §5.2, missing parameter) is also
  // accepted, and so is 401 invalid_client: Spring Authorization Server authenticates a public client by its PKCE
  // verifier, so without one the client is unauthenticated — RFC 6749 §5.2's 401 invalid_client (the project's
  // decision, after this case first found a redirect to the login form). Never a redirect, always the RFC's JSON.
  // Tried as a plain back-channel request (no cookies) and from the browser session that just signed in.
  await signedIn(request);
  const bare = await playwright.request.newContext();
  const problems: string[] = [];
  for (const [who, ctx] of [['without cookies', bare], ['with the signed-in session cookie', request]] as const) {
    const { code } = await getCode(request);
    const res = await redeem(ctx, code, undefined);
    const body = await res.text();
    let error: string | undefined;
    try { error = JSON.parse(body).error; } catch { /* not JSON */ }
    const json = /application\/json/.test(res.headers()['content-type'] ?? '');
    const ok = json && ((res.status() === 400 && ['invalid_grant', 'invalid_request'].includes(error ?? ''))
      || (res.status() === 401 && error === 'invalid_client'));
    if (!ok) problems.push(`${who}: ${show(res, body)}`);
  }
  await bare.dispose();
  expect(problems, problems.join('\n')).toEqual([]);
});

// ---------------------------------------------------------------- RFC 6749 / OAuth 2.1

test('RFC 6749 §4.1.2 / §5.1 / OIDC Core §3.1.3.3: a code redeems once (200, no-store, Bearer); the second redemption is invalid_grant', async ({ request }) => {
  await signedIn(request);
  const { code, verifier } = await getCode(request);
  const first = await redeem(request, code, verifier);
  const body = await first.text();
  expect(first.status(), show(first, body)).toBe(200);
  expect(first.headers()['cache-control'] ?? '', show(first)).toMatch(/no-store/);
  const json = JSON.parse(body);
  expect(json.token_type).toMatch(/^bearer$/i);
  expect(json.access_token).toBeTruthy();
  expect(json.id_token).toBeTruthy();
  await expectTokenError(await redeem(request, code, verifier), ['invalid_grant']);
});

test('RFC 6749 §4.1.3: a redirect_uri at the token endpoint different from the authorization request is invalid_grant', async ({ request }) => {
  await signedIn(request);
  const { code, verifier } = await getCode(request);
  await expectTokenError(await redeem(request, code, verifier, `${BASE}/console/other`), ['invalid_grant']);
});

test('RFC 9700 §2.1 / §4.1.3, OAuth 2.1 §2.3.1: a redirect_uri with a different port is refused without redirecting to it', async ({ request }) => {
  // Exact string matching; the only exception (RFC 8252 §7.3) is the loopback port of *native* apps,
  // and yibao-console is a browser app registered at exactly http://127.0.0.1:8080/console/callback.
  await signedIn(request);
  for (const redirect of ['http://127.0.0.1:8081/console/callback', 'http://127.0.0.1/console/callback']) {
    const res = await request.get(authorizeUrl({ redirect_uri: redirect }), { maxRedirects: 0 });
    const loc = res.headers()['location'] ?? '';
    expect(loc.startsWith(redirect.replace('/console/callback', '')), `${redirect}: ${show(res)}`).toBe(false);
    expect(res.status(), `${redirect}: ${show(res)}`).toBe(400);
  }
});

test('RFC 9700 §4.1.3 / RFC 6749 §3.1.2.3: a redirect_uri differing in path, query, scheme or host is refused without redirect', async ({ request }) => {
  await signedIn(request);
  for (const redirect of [`${BASE}/console/callback2`, `${BASE}/console/callback?x=1`, `${BASE}/console/Callback`,
    REDIRECT.replace('http:', 'https:'), REDIRECT.replace('127.0.0.1', 'localhost'), 'https://evil.example/console/callback']) {
    const res = await request.get(authorizeUrl({ redirect_uri: redirect }), { maxRedirects: 0 });
    expect(res.status(), `${redirect}: ${show(res)}`).toBe(400);
    expect(res.headers()['location'], `${redirect}: ${show(res)}`).toBeUndefined();
  }
});

test('RFC 6749 §4.1.2.1: an unknown client_id is refused without redirecting', async ({ request }) => {
  await signedIn(request);
  for (const redirect of [REDIRECT, 'https://evil.example/cb']) {
    const res = await request.get(authorizeUrl({ client_id: `no-such-client-${rand()}`, redirect_uri: redirect }), { maxRedirects: 0 });
    expect(res.status(), show(res)).toBe(400);
    expect(res.headers()['location'], show(res)).toBeUndefined();
  }
});

test('RFC 6749 §4.1.2 / §10.12: state is returned unchanged with the code', async ({ request }) => {
  await signedIn(request);
  const state = `x y/z?a=b&c+d~%25-${rand()}`;
  const { location } = await getCode(request, { state });
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe(state);
});

test('OAuth 2.1 §10.1 / RFC 9700 §2.1.2: the implicit grant (response_type=token) is refused', async ({ request }) => {
  await signedIn(request);
  for (const rt of ['token', 'id_token token']) {
    const res = await request.get(authorizeUrl({ response_type: rt }), { maxRedirects: 0 });
    const loc = res.headers()['location'] ?? '';
    expect(loc, show(res)).not.toMatch(/access_token=|[#&?]code=/);
    if (res.status() === 302) expect(new URL(loc, BASE).searchParams.get('error') ?? new URLSearchParams(new URL(loc, BASE).hash.slice(1)).get('error'), show(res)).toBe('unsupported_response_type');
    else expect(res.status(), show(res)).toBe(400);
  }
});

test('OAuth 2.1 §10.4 / RFC 9700 §2.4: the resource-owner password grant is refused (confidential client, RFC 6749 §5.2 JSON)', async ({ request }) => {
  const res = await tokenRequest(request, { grant_type: 'password', username: 'clerk-local', password: SECRET },
    { Authorization: `Basic ${Buffer.from(`clerk-local:${SECRET}`).toString('base64')}` });
  await expectTokenError(res, ['unsupported_grant_type', 'unauthorized_client']);
});

test('RFC 6749 §5.2 / OAuth 2.1 §3.2.4: the public client asking for the password or client_credentials grant gets a JSON error, not a login page', async ({ request }) => {
  for (const form of [
    { grant_type: 'password', client_id: CLIENT, username: 'clerk-local', password: SECRET },
    { grant_type: 'client_credentials', client_id: CLIENT },
  ] as Array<Record<string, string>>) {
    await expectTokenError(await tokenRequest(request, form), ['unsupported_grant_type', 'unauthorized_client', 'invalid_client', 'invalid_request']);
  }
});

test('RFC 6749 §5.2: invalid_client after HTTP Basic authentication is 401 with WWW-Authenticate', async ({ request }) => {
  const res = await tokenRequest(request, { grant_type: 'client_credentials' },
    { Authorization: `Basic ${Buffer.from(`oauth-tester-ghost-${rand()}:wrong`).toString('base64')}` });
  const body = await res.text();
  expect(res.status(), show(res, body)).toBe(401);
  expect(JSON.parse(body).error, show(res, body)).toBe('invalid_client');
  expect(res.headers()['www-authenticate'] ?? '', show(res, body)).toMatch(/^Basic/i);
});

// ---------------------------------------------------------------- RFC 9700 / OWASP: the login form

test('OWASP CSRF Prevention (login CSRF): a login POST without, or with a forged, CSRF token is refused', async ({ request }) => {
  await request.get(`${BASE}/login`); // a session exists, so only the token is missing
  for (const form of [{ username: 'clerk-local', password: SECRET }, { username: 'clerk-local', password: SECRET, _csrf: rand() + rand() }] as Array<Record<string, string>>) {
    const res = await request.post(`${BASE}/login`, { form, maxRedirects: 0 });
    expect(res.status(), show(res)).toBe(403);
  }
  const probe = await request.get(authorizeUrl(), { maxRedirects: 0 });
  expect(probe.headers()['location'] ?? '', 'still not signed in').toMatch(/\/login/);
});

test('OWASP Session Management (session fixation) / RFC 6265bis: the session cookie changes at login and is HttpOnly + SameSite', async ({ page, context }) => {
  await page.goto(`${BASE}/console/`);
  await page.waitForURL(/\/login/);
  const sessionCookies = (await context.cookies()).filter((c) => /sess|login|jsession/i.test(c.name));
  expect(sessionCookies.length, JSON.stringify(await context.cookies())).toBeGreaterThan(0);
  for (const c of sessionCookies) {
    expect(c.httpOnly, `${c.name} HttpOnly`).toBe(true);
    expect(['Lax', 'Strict'], `${c.name} SameSite`).toContain(c.sameSite);
  }
  await page.fill('#username', 'auditor-local');
  await page.fill('#password', SECRET);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname.startsWith('/console/') && !u.pathname.startsWith('/console/callback'));
  const after = await context.cookies();
  for (const c of sessionCookies) {
    const now = after.find((a) => a.name === c.name && a.path === c.path);
    expect(now?.value, `${c.name} must change after login`).not.toBe(c.value);
    if (now) {
      expect(now.httpOnly).toBe(true);
      expect(['Lax', 'Strict']).toContain(now.sameSite);
    }
  }
});

test('RFC 6749 §10.13 / RFC 9700 §4.16 (clickjacking): the login page may not be framed', async ({ request }) => {
  const res = await request.get(`${BASE}/login`);
  const xfo = res.headers()['x-frame-options'] ?? '';
  const csp = res.headers()['content-security-policy'] ?? '';
  const ok = /^(deny|sameorigin)$/i.test(xfo.trim()) || /frame-ancestors\s+('none'|'self')/i.test(csp);
  expect(ok, show(res)).toBe(true);
});

test('RFC 9700 §4.2 / §4.3: the callback carries no Referer and the console removes the code from the address bar', async ({ page }) => {
  let callbackPolicy: string | undefined;
  page.on('response', (r) => { if (r.url().includes('/console/callback')) callbackPolicy = r.headers()['referrer-policy']; });
  await page.goto(`${BASE}/console/`);
  await page.waitForURL(/\/login/);
  await page.fill('#username', 'auditor-local');
  await page.fill('#password', SECRET);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname.startsWith('/console/') && !u.pathname.startsWith('/console/callback'));
  expect(callbackPolicy, 'Referrer-Policy on the callback response').toMatch(/no-referrer|same-origin|strict-origin/);
  expect(page.url()).not.toMatch(/[?&#]code=/);
});

test('OWASP Logging Cheat Sheet / RFC 6749 §10.5: passwords, authorization codes and tokens are not written to the visible logs', async ({ page, request }) => {
  const dir = logsDir();
  test.skip(!dir, 'no platform log directory visible from here (set YIBAO_LOGS_DIR)');
  // the login form posts (credentials never in a URL)
  const html = await (await request.get(`${BASE}/login`)).text();
  expect(html).toMatch(/<form[^>]*method="post"/i);
  let code: string | undefined;
  page.on('request', (r) => { const m = /[?&]code=([^&#]+)/.exec(r.url()); if (m && r.url().includes('/console/callback')) code = m[1]; });
  let accessToken: string | undefined;
  let idToken: string | undefined;
  page.on('response', async (r) => {
    if (r.url().endsWith('/oauth2/token') && r.status() === 200) ({ access_token: accessToken, id_token: idToken } = await r.json());
  });
  await page.goto(`${BASE}/console/`);
  await page.waitForURL(/\/login/);
  await page.fill('#username', 'auditor-local');
  await page.fill('#password', SECRET);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname.startsWith('/console/') && !u.pathname.startsWith('/console/callback'));
  expect(code, 'saw the authorization code').toBeTruthy();
  // signing out sends the id token back as id_token_hint, through the gateway
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/login/);
  // the audit trail is written asynchronously: wait until it shows both calls (redacted), so the search below has
  // something to search
  const audit = join(dir!, 'gateway-audit.log');
  await expect.poll(() => (existsSync(audit) ? readFileSync(audit, 'utf8') : ''), { timeout: 20_000, message: 'gateway-audit.log has the callback and the sign-out' })
    .toMatch(/\/console\/callback\?code=\[redacted\][\s\S]*id_token_hint=\[redacted\]/);
  const secrets: Record<string, string> = { password: SECRET, 'authorization code': code! };
  if (accessToken) secrets['access token signature'] = accessToken.split('.')[2];
  if (idToken) secrets['id token signature'] = idToken.split('.')[2];
  expect(idToken, 'saw the id token').toBeTruthy();
  const leaks: string[] = [];
  for (const f of readdirSync(dir!).filter((n) => n.endsWith('.log'))) {
    const text = readFileSync(join(dir!, f), 'utf8');
    for (const [what, value] of Object.entries(secrets)) {
      const i = text.indexOf(value);
      if (i >= 0) leaks.push(`${what} in ${f}: ...${text.slice(Math.max(0, text.lastIndexOf('\n', i) + 1), i + 40)}...`);
    }
  }
  expect(leaks, leaks.join('\n')).toEqual([]);
});

test('OWASP Authentication Cheat Sheet (user enumeration): unknown user and wrong password get the same answer', async ({ request }) => {
  const unknown = await signIn(request, `nobody-${rand()}`, 'wrong-password-1');
  const known = await signIn(request, 'reviewer-local', 'wrong-password-1');
  expect(unknown.status()).toBe(known.status());
  expect(unknown.headers()['location']).toBe(known.headers()['location']);
  const msg = async (r: APIResponse) => {
    const html = await (await request.get(new URL(r.headers()['location'] ?? '/login', BASE).toString())).text();
    return /<p role="alert">([^<]*)</.exec(html)?.[1];
  };
  const [m1, m2] = [await msg(unknown), await msg(known)];
  expect(m1).toBeTruthy();
  expect(m1).toBe(m2);
});

// ---------------------------------------------------------------- tokens (RFC 9068, OIDC Core, RFC 7515/7519, RFC 8725)

test('OIDC Core §2 / RFC 9068 §2.2: id token and access token carry iss, aud, exp, iat, sub; the id token is for the console from the discovery issuer', async ({ request }) => {
  const { issuer } = await discovery(request);
  const { json } = await consoleTokens(request, 'clerk-local');
  for (const [name, jwt] of [['id token', json.id_token], ['access token', json.access_token]] as const) {
    const { payload } = decode(jwt);
    for (const claim of ['iss', 'aud', 'exp', 'iat', 'sub']) expect(payload[claim], `${name} ${claim}: ${JSON.stringify(payload)}`).toBeDefined();
    expect(payload.sub).toBe('clerk-local');
    expect(Number(payload.exp)).toBeGreaterThan(Date.now() / 1000);
    expect(Number(payload.iat)).toBeLessThanOrEqual(Date.now() / 1000 + 60);
  }
  const id = decode(json.id_token).payload;
  expect(id.iss).toBe(issuer);
  expect([id.aud].flat()).toContain(CLIENT);
});

test('RFC 7515 §5.2 / RFC 7517: id token and access token signatures verify with the JWKS from discovery', async ({ request }) => {
  const keys = await jwks(request);
  const { json } = await consoleTokens(request, 'clerk-local');
  for (const jwt of [json.id_token, json.access_token]) {
    const t = decode(jwt);
    expect(t.header.alg).toBe('RS256');
    expect(rsaVerify('RSA-SHA256', Buffer.from(t.signingInput), keyFor(keys, t.header.kid), t.signature)).toBe(true);
  }
});

// Not checked: RFC 9068's profile of access tokens (iss = the discovery issuer, typ at+jwt, client_id). The platform's
// access tokens keep its own profile (docs/adr/0010 and 0030): one issuer name, yibao-gateway, for machines' and staff's
// tokens alike, checked by every service; this tester found all three differences, and the project left them so.

test('RFC 6750 §3.1 / RFC 7515: a token with a changed payload is refused (401) while the original is accepted', async ({ request }) => {
  const token = await clientToken(request, 'clerk-local');
  const ok = await request.get(PERSON, { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status(), `baseline with the genuine token: ${show(ok)}`).not.toBe(401);
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  for (const changed of [{ ...payload, roles: ['MANAGER'] }, { ...payload, sub: 'manager-local' }, { ...payload, exp: payload.exp + 86400 }]) {
    const res = await request.get(PERSON, { headers: { Authorization: `Bearer ${h}.${encodePart(changed)}.${s}` } });
    expect(res.status(), show(res)).toBe(401);
    expect(res.headers()['www-authenticate'] ?? '', 'RFC 6750 §3').toMatch(/^Bearer/i);
  }
});

test('RFC 8725 §3.1 / RFC 7519 §6: an unsecured token (alg none) is refused (401)', async ({ request }) => {
  const token = await clientToken(request, 'clerk-local');
  const t = decode(token);
  for (const alg of ['none', 'None', 'NONE']) {
    for (const sig of ['', t.signature.toString('base64url')]) {
      const forged = `${encodePart({ ...t.header, alg })}.${encodePart({ ...t.payload, roles: ['MANAGER'] })}.${sig}`;
      const res = await request.get(PERSON, { headers: { Authorization: `Bearer ${forged}` } });
      expect(res.status(), `alg ${alg}: ${show(res)}`).toBe(401);
    }
  }
});

test('RFC 8725 §2.1 / §3.1 (algorithm confusion): HS256 keyed with the published RSA public key is refused (401)', async ({ request }) => {
  const keys = await jwks(request);
  const token = await clientToken(request, 'clerk-local');
  const t = decode(token);
  const pub = keyFor(keys, t.header.kid);
  for (const secret of [pub.export({ type: 'spki', format: 'pem' }) as string, JSON.stringify(keys.find((k) => k.kid === t.header.kid))]) {
    const input = `${encodePart({ ...t.header, alg: 'HS256' })}.${encodePart(t.payload)}`;
    const forged = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    const res = await request.get(PERSON, { headers: { Authorization: `Bearer ${forged}` } });
    expect(res.status(), show(res)).toBe(401);
  }
});

test('RFC 7515 §5.2 / RFC 9068 §4: a token signed by another key (same kid, RS256) is refused (401)', async ({ request }) => {
  const token = await clientToken(request, 'clerk-local');
  const t = decode(token);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  for (const header of [t.header, { ...t.header, jwk: publicKey.export({ format: 'jwk' }) }]) {
    const input = `${encodePart(header)}.${encodePart({ ...t.payload, roles: ['MANAGER'] })}`;
    const forged = `${input}.${rsaSign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
    const res = await request.get(PERSON, { headers: { Authorization: `Bearer ${forged}` } });
    expect(res.status(), show(res)).toBe(401);
  }
});

// Not checked here: an expired token (a validly signed expired token cannot be made from outside within one run; the
// gateway's own tests refuse one).

// ---------------------------------------------------------------- role enforcement

test('RFC 6750 §3.1 (insufficient_scope → 403): a clerk is refused on supervision cases and clearing budgets', async ({ request }) => {
  const cc = await clientToken(request, 'clerk-local');
  const { json } = await consoleTokens(request, 'clerk-local');
  for (const token of [cc, json.access_token]) {
    for (const path of ['/api/supervision/cases', '/api/clearing/budgets/2026/use?regionCode=441702']) {
      const res = await request.get(`${BASE}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status(), show(res)).toBe(403);
    }
  }
});

test('RFC 6750 §2.1 (access granted to a sufficient token): a manager is allowed on supervision cases and clearing budgets', async ({ request }) => {
  const token = await clientToken(request, 'manager-local');
  for (const path of ['/api/supervision/cases', '/api/clearing/budgets/2026/use?regionCode=441702']) {
    const res = await request.get(`${BASE}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status(), show(res)).toBe(200);
  }
});

// ---------------------------------------------------------------- throttling (last: they spend the address's failure budget)

test('OWASP Authentication Cheat Sheet / ASVS V2.2.1: repeated wrong passwords at the login form are throttled, even the right one then', async ({ request }) => {
  // Observed behaviour: after five failures the form redirects to /login?throttled=<seconds>.
  const user = 'procurement-local';
  const seen: string[] = [];
  for (let i = 1; i <= 6; i++) seen.push((await signIn(request, user, `wrong-${i}-${rand()}`)).headers()['location'] ?? '');
  const right = await signIn(request, user, SECRET);
  seen.push(right.headers()['location'] ?? '');
  expect(seen.some((l) => /throttled/.test(l)), seen.join(' ; ')).toBe(true);
  expect(right.headers()['location'] ?? '', `the right password during the throttle: ${show(right)}`).toMatch(/throttled|error/);
  const page = await (await request.get(new URL(right.headers()['location'] ?? '/login', BASE).toString())).text();
  expect(page).toMatch(/<p role="alert">/);
});

test('RFC 6749 §5.2 + README (token endpoint throttle): five wrong client secrets in a minute give 429 with Retry-After', async ({ request }) => {
  const client = `oauth-tester-ghost-${rand()}`;
  const statuses: number[] = [];
  let last: APIResponse | undefined;
  for (let i = 0; i < 6; i++) {
    last = await tokenRequest(request, { grant_type: 'client_credentials' },
      { Authorization: `Basic ${Buffer.from(`${client}:wrong-${i}`).toString('base64')}` });
    statuses.push(last.status());
  }
  expect(statuses.slice(0, 5), statuses.join(',')).toEqual([401, 401, 401, 401, 401]);
  expect(last!.status(), show(last!)).toBe(429);
  expect(Number(last!.headers()['retry-after']), show(last!)).toBeGreaterThan(0);
});
