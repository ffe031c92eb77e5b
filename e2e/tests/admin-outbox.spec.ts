import { type BrowserContext, expect, test } from '@playwright/test';
import { baseURL, expectNoSeriousAxeViolations } from '../support';

/**
 * Signs in as the demo administrator through the API, as the app's sign-in page does: the response's
 * httpOnly session cookies land in the browser context.
 */
async function signInAsAdministrator(context: BrowserContext) {
  const res = await context.request.post(`${baseURL()}/api/v1/auth/sign-in`, {
    data: { userId: 'admin', password: 'lar-demo-2026' },
  });
  expect(res.status()).toBe(200);
}

test('without a session the outbox explains that only the service desk can see it', async ({ page }) => {
  await page.goto(`${baseURL()}/admin/outbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toBeVisible();
  await expect(page.getByText('You are not signed in.')).toBeVisible();
  await expect(
    page.getByText('Only the service desk can see the mail outbox. Sign in with a service desk account.'),
  ).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/admin-outbox-signed-out.png', fullPage: true });
});

test('an administrator sees the outbox, with its filter, and an empty state on a fresh database', async ({
  page,
  context,
}) => {
  await signInAsAdministrator(context);
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/admin/outbox'));
  await page.goto(`${baseURL()}/admin/outbox`);
  expect((await answer).status()).toBe(200);

  await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toBeVisible();
  const filter = page.getByRole('navigation', { name: 'Filter by status' });
  await expect(filter.getByRole('link', { name: /^All \d+$/ })).toHaveAttribute('aria-current', 'page');
  const hasMessages = (await page.getByRole('table').count()) > 0;
  if (!hasMessages) await expect(page.getByText(/No messages/)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/admin-outbox.png', fullPage: true });

  // The filter is a link that keeps its choice in the address, so reloading keeps it too.
  await filter.getByRole('link', { name: /^Failed \d+$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/outbox\?status=FAILED$/);
  await page.reload();
  await expect(filter.getByRole('link', { name: /^Failed \d+$/ })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: 'test-results/screenshots/admin-outbox-failed.png', fullPage: true });
});

/**
 * No public route sends mail yet, so a fresh database has an empty outbox. To see the table, the
 * message page (its sandboxed HTML under the server's real CSP) and "Send again" in a real browser,
 * this test answers the outbox API itself; everything else is the built app as served.
 */
test('with messages (API answers stubbed): table, message page, and sending again by keyboard', async ({
  page,
}) => {
  const id = '0b9d3f0e-1c1a-4c55-9a55-3b8f4a3c2d11';
  const failed = {
    id,
    template: 'account-activation',
    to: 'ada.lovelace@example.org',
    subject: 'Activate your LAR account',
    status: 'FAILED',
    attempts: 5,
    lastError:
      'SMTP 550 5.1.1 <ada.lovelace@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
    nextAttemptAt: '2026-11-28T10:00:00.000Z',
    sentAt: null,
    createdAt: '2026-11-28T09:05:00.000Z',
  };
  const sent = {
    ...failed,
    id: '5f2c7a9e-8d1b-4e3f-a6c2-9b0d1e2f3a44',
    to: 'grace@example.org',
    subject: 'Someone used the permission you gave',
    template: 'permission-used',
    status: 'SENT',
    attempts: 1,
    lastError: null,
    sentAt: '2026-11-27T16:42:00.000Z',
    createdAt: '2026-11-27T16:41:00.000Z',
  };
  let detail: Record<string, unknown> = {
    ...failed,
    idempotencyKey: 'activation:ada',
    text: 'Hello Ada,\n\nUse this link to activate your LAR account within 7 days:\nhttps://lar.example/activate/0123456789abcdef0123456789abcdef\n\nThe LAR service desk',
    html: '<h1 style="font-family:sans-serif">Hello Ada</h1><p style="font-family:sans-serif">Use <a href="https://lar.example/activate/x">this link</a> to activate your LAR account.</p><script>document.body.innerHTML = "SCRIPT RAN"</script>',
  };
  await page.route('**/api/v1/admin/outbox**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/resend')) {
      detail = { ...detail, status: 'PENDING', attempts: 0, lastError: null };
      return route.fulfill({ json: detail });
    }
    if (url.pathname === `/api/v1/admin/outbox/${id}`) return route.fulfill({ json: detail });
    return route.fulfill({
      json: {
        items: [failed, sent],
        total: 2,
        page: 1,
        pageSize: 50,
        counts: { PENDING: 0, SENT: 1, FAILED: 1 },
      },
    });
  });

  await page.goto(`${baseURL()}/admin/outbox`);
  const table = page.getByRole('table', { name: 'All messages, newest first' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'All 2' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/admin-outbox-with-messages.png', fullPage: true });

  await table.getByRole('link', { name: 'Activate your LAR account' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Activate your LAR account' })).toBeVisible();
  const frame = page.frameLocator('iframe[title^="HTML part"]');
  await expect(frame.getByRole('heading', { name: 'Hello Ada' })).toBeVisible();
  await expect(frame.getByText('SCRIPT RAN')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/admin-outbox-message.png', fullPage: true });
  await page
    .locator('iframe.mail-html')
    .screenshot({ path: 'test-results/screenshots/admin-outbox-message-html.png' });

  await page.getByRole('button', { name: 'Send again' }).focus();
  await page.keyboard.press('Enter');
  const banner = page.getByRole('alert').filter({ hasText: 'The message is queued to be sent again.' });
  await expect(banner).toBeFocused();
  await expect(page.getByText('Waiting', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/admin-outbox-message-resent.png', fullPage: true });
});
