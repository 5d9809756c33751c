import { expect, test } from '@playwright/test';
import { SCREENSHOTS } from './playwright.config';

// The console loads, is in Simplified Chinese, and, with nobody signed in, offers to sign in
// (the authorization-code redirect itself needs the gateway's authorization server).
test('console loads and offers sign-in', async ({ page }) => {
  await page.route('**/.well-known/openid-configuration', (route) => route.abort());
  await page.goto('/console/');
  await expect(page).toHaveTitle(/Yibao console/);
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(page.getByTestId('sign-in')).toHaveText('登录');
  await page.screenshot({ path: `${SCREENSHOTS}smoke-sign-in.png` });
});
