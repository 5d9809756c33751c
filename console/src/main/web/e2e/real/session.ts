import { expect, type Page } from '@playwright/test';

/** The demo staff's password (README: the local clients file's STAFF entries sign in to the console). */
export const STAFF_SECRET = 'local-staff-secret';

/**
 * Signs in through the real login: the console sends the browser to the identity service's form (through the
 * gateway), the user types name and password, and the authorization code with PKCE brings them back signed in.
 */
export async function signIn(page: Page, user: string, password = STAFF_SECRET, path = '/console/') {
  await page.goto(path);
  // nobody signed in: the console sends the browser to the login form by itself
  await page.waitForURL(/\/login/);
  await page.getByLabel(/用户名|User name/).fill(user);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await expect(page.getByTestId('user-name')).toHaveText(user, { timeout: 20_000 });
}

/** A machine's token by client credentials (a hospital's HIS, or a staff tool), as the platform's callers get it. */
export async function machineToken(baseURL: string, clientId: string, secret: string): Promise<string> {
  const response = await fetch(`${baseURL}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64') },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`no token for ${clientId}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token as string;
}

/** A call as a machine; throws with the problem's text unless the status is one of `ok`. */
export async function call(baseURL: string, token: string, method: string, path: string, body?: unknown, ok = [200, 201]) {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!ok.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A resident id (GB 11643) of the region, born in the year, with its check character: random, so unique to a run. */
export function residentId(region: string, birthYear: number): string {
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const body = `${region}${birthYear}${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}${serial}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Today in Beijing (yyyy-MM-dd), the platform's calendar, whatever zone the test machine is in. */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
