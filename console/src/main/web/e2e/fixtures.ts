import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * Pages against recorded answers of the real platform (e2e/fixtures/*.json, taken with curl from the
 * local platform), with a signed-in user put where oidc-client-ts keeps it. For checking rendering
 * without the authorization server; the real flows run against the gateway.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

export async function signInAs(page: Page, roles: string[], name = '测试用户') {
  await page.addInitScript(([roles, name]) => {
    const user = {
      id_token: 'x', access_token: 'fixture-token', token_type: 'Bearer', scope: 'openid profile',
      profile: { sub: 'fixture', name, roles, iss: location.origin, aud: 'yibao-console', exp: 4102444800, iat: 0 },
      expires_at: 4102444800,
    };
    sessionStorage.setItem(`oidc.user:${location.origin}:yibao-console`, JSON.stringify(user));
  }, [roles, name] as const);
}

const ROUTES: [RegExp, string, number?][] = [
  [/\/api\/enrollment\/persons\/\d+\/enrollments$/, 'enrollments'],
  [/\/api\/enrollment\/persons\/\d+$/, 'person'],
  [/\/api\/settlement\/persons\/\d+\/settlements/, 'settlements'],
  [/\/api\/settlement\/persons\/\d+\/accumulators/, 'accumulators'],
  [/\/api\/assistance\/persons\/\d+\/identity/, 'identity', 404],
  [/\/api\/assistance\/persons\/\d+\/assistance/, 'assistance-year'],
  [/\/api\/settlement\/reports\/\d+$/, 'fund-report'],
  [/\/api\/supervision\/reports\/\d+$/, 'supervision-report'],
  [/\/api\/assistance\/reports/, 'assistance-report'],
];

export async function serveFixtures(page: Page) {
  await page.route('**/api/**', async (route) => {
    const url = new URL(route.request().url());
    for (const [pattern, name, status] of ROUTES) {
      if (pattern.test(url.pathname)) {
        return route.fulfill({ status: status ?? 200, contentType: status ? 'application/problem+json' : 'application/json', body: fixture(name) });
      }
    }
    // Everything else has no recorded answer: the preview answers it as a service would answer an unknown path.
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Not Found', status: 404, detail: url.pathname }) });
  });
}
