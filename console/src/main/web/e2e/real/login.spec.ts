import { expect, test } from '@playwright/test';
import { signIn } from './session';

test.skip(process.env.CONSOLE_PREVIEW === '1', 'needs the real platform');

test('a clerk signs in with the browser and sees only what the role allows', async ({ page }) => {
  await signIn(page, 'clerk-local');
  await expect(page.getByTestId('nav-persons')).toBeVisible();
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);
});

test('a wrong password is refused on the form, naming nothing but the refusal', async ({ page }) => {
  await page.goto('/console/');
  await page.waitForURL(/\/login/);
  await page.getByLabel(/用户名|User name/).fill('clerk-local');
  await page.getByLabel(/密码|Password/).fill('wrong');
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
});
