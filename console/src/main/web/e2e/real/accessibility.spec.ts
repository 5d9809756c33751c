import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { beijingToday, call, machineToken, residentId, signIn } from './session';

/**
 * Accessibility by a checker we did not write: axe-core (Deque's WCAG rules engine) on every page of the console as the
 * staff see it on the real platform, WCAG 2.1 A and AA; and the keyboard alone carrying a clerk through sign-in and a
 * form. A violation names the rule and the elements, so the failure says what to fix.
 */
test.skip(process.env.CONSOLE_PREVIEW === '1', 'needs the real platform');

const BASE = process.env.YIBAO_BASE_URL || 'http://127.0.0.1:8080';
const REGION = '441702';

async function axe(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  // colours are checked as they end, not halfway through a transition (a button enabled as its data arrives fades from
  // its disabled grey for 0.2 s, which axe would read as low contrast)
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-allowed-attr' && selectRootAriaRequired(n.html, n.failureSummary))) }))
    .filter((v) => v.nodes.length > 0);
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `${what}: axe-core violations`).toEqual([]);
  // the one tolerated finding's other half: every required select's combobox input says it is required
  const unmarked = await page.evaluate(() => [...document.querySelectorAll('.ant-select[aria-required="true"]')]
    .filter((s) => !s.querySelector('input[role="combobox"][aria-required="true"]')).length);
  expect(unmarked, `${what}: required selects whose combobox input lacks aria-required`).toBe(0);
}

/**
 * Ant Design 5's Select, in a required Form.Item, repeats aria-required on its root div as well as on its combobox input
 * (ant-design/ant-design#46030, fixed in antd 6): assistive technology reads the input's, and ignores the div's. Only that
 * exact finding is set aside — any other attribute, or another element, still fails.
 */
function selectRootAriaRequired(html: string, summary?: string): boolean {
  const attributes = [...(summary ?? '').matchAll(/aria-[a-z]+(?==)/g)].map((m) => m[0]);
  return /^<div class="ant-select[ "]/.test(html) && attributes.length > 0 && attributes.every((a) => a === 'aria-required');
}

test('the login form', async ({ page }) => {
  await page.goto('/console/');
  await page.waitForURL(/\/login/);
  await axe(page, 'login (zh)');
  await page.goto('/login?lang=en');
  await axe(page, 'login (en)');
});

test("a clerk's pages: person search, registration, the person's page, the certification queue", async ({ page }) => {
  const clerk = await machineToken(BASE, 'clerk-local', 'local-staff-secret');
  const person = residentId(REGION, 1990);
  await call(BASE, clerk, 'POST', '/api/enrollment/persons', { personId: person, name: '周雨桐', regionCode: REGION }, [201, 200]);
  await call(BASE, clerk, 'POST', '/api/enrollment/enrollments',
    { personId: person, year: Number(beijingToday().slice(0, 4)), scheme: 'RESIDENT', personType: 'RESIDENT' }, [201, 200]);
  await signIn(page, 'clerk-local', undefined, '/console/persons');
  await axe(page, 'persons');
  await page.goto(`/console/persons?q=${person}`);
  await axe(page, 'persons, searched');
  await page.goto('/console/persons/new');
  await axe(page, 'registration');
  await page.goto(`/console/persons/${person}`);
  await expect(page.getByTestId('person-page')).toBeVisible();
  await axe(page, 'person page');
  await page.goto('/console/queues?tab=certifications');
  await axe(page, 'certification queue');
  await page.goto('/console/files');
  await axe(page, 'files');
});

test("the supervision staff's pages: cases, claim reviews, institutions", async ({ page }) => {
  await signIn(page, 'case-officer-local', undefined, '/console/queues?tab=cases');
  await axe(page, 'cases');
  await page.goto('/console/institutions');
  await axe(page, 'institutions');
});

test("the manager's dashboard", async ({ page }) => {
  await signIn(page, 'manager-local', undefined, '/console/dashboard');
  await expect(page.getByTestId('spending')).toBeVisible();
  await axe(page, 'dashboard');
});

test('the keyboard alone signs a clerk in and registers a person', async ({ page }) => {
  await page.goto('/console/');
  await page.waitForURL(/\/login/);
  // the user name is reached by Tab alone, within the page's first few stops (the language link may come first); typing
  // and Tab move through the form, Enter submits
  const focused = async () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('name') ?? document.activeElement?.tagName);
  for (let stop = 0; stop < 4 && (await focused()) !== 'username'; stop++) {
    await page.keyboard.press('Tab');
  }
  expect(await focused(), 'the user name field within four Tab stops').toBe('username');
  await page.keyboard.type('clerk-local');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('password');
  await page.keyboard.type('local-staff-secret');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-name')).toHaveText('clerk-local', { timeout: 20_000 });

  // registration by keyboard: each field is reached by Tab in reading order and named by its label
  await page.goto('/console/persons/new');
  const id = page.getByLabel('身份证号', { exact: true });
  await id.focus();
  await page.keyboard.type(residentId(REGION, 1990));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('姓名', { exact: true })).toBeFocused();
  await page.keyboard.type('郑可欣');
  await page.keyboard.press('Tab');
  // the next stops until the region field, whatever optional fields lie between
  for (let i = 0; i < 5 && !(await page.getByLabel('统筹区', { exact: true }).evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(page.getByLabel('统筹区', { exact: true })).toBeFocused();
  await page.keyboard.type(REGION);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('enroll-submit')).toBeVisible();
});
