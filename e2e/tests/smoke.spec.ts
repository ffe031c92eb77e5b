import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { baseURL } from '../support';

test('the built server serves the app, reports health, and the home page is accessible', async ({
  page,
  request,
}) => {
  const health = await request.get(`${baseURL()}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: { reachable: true } });

  await page.goto(baseURL());
  await expect(page).toHaveTitle(/LAR/);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The skip link is the first thing the keyboard reaches and moves focus to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /skip to main content/i });
  await expect(skip).toBeFocused();

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.screenshot({ path: 'test-results/screenshots/home.png', fullPage: true });
});

test('a client-side route reloads into the app, and an unknown one shows the not-found page', async ({
  page,
}) => {
  await page.goto(`${baseURL()}/no-such-page`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  await expect(page.getByRole('link', { name: /home/i }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/not-found.png', fullPage: true });
});

test('the API documentation is served', async ({ request }) => {
  const doc = await request.get(`${baseURL()}/api/docs/json`);
  expect(doc.status()).toBe(200);
  expect((await doc.json()).paths).toHaveProperty(['/api/health']);
});
