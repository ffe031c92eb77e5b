import { expect, type Page, test } from '@playwright/test';
import { baseURL, expectNoSeriousAxeViolations, screenshots, signOut, waitForMail } from '../support';

const shot = screenshots('accounts');

async function signIn(page: Page, userId: string, password: string) {
  await page.goto(`${baseURL()}/sign-in`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User ID').fill(userId);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an organisation asks for access, is approved, signs in, sets a password and recovers it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const fullName = `Ada Lovelace ${stamp}`;
  const organisationName = `Analytical College ${stamp}`;
  const email = `ada.${stamp}@example.org`;
  const centreCode = String(10_000_000 + (Date.now() % 89_999_999));
  const firstPassword = 'Difference-Engine-1843';
  const memorable = 'babbage engine 1843';
  const newPassword = 'Notes-On-The-Engine-G';

  // 1. Request access, with the keyboard: Tab from field to field, Space for a radio, Enter to send.
  await page.goto(`${baseURL()}/request-access`);
  await expect(page).toHaveTitle('Request access – LAR');
  await page.getByRole('button', { name: 'Send request' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter your full name' })).toBeVisible();
  await shot(page, '01-request-access-errors');

  await page.getByLabel('Full name').focus();
  await page.keyboard.type(fullName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Centre or learning provider' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Centre code')).toBeFocused();
  await page.keyboard.type(centreCode);
  await page.keyboard.press('Tab');
  await page.keyboard.type(organisationName);
  await page.keyboard.press('Tab');
  await page.keyboard.type('1 Engine Row\nLondon\nEC1A 1AA');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0114 496 0000');
  await expect(page.getByLabel('Telephone number')).toBeFocused();
  await shot(page, '02-request-access-filled');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'We have your request' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '03-request-access-sent');

  // 2. The service desk approves it.
  await signIn(page, 'admin', 'lar-demo-2026');
  await expect(page.getByRole('banner')).toContainText('Signed in as');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Account requests' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account requests' })).toBeVisible();
  const approve = page.getByRole('button', {
    name: `Approve the request from ${fullName} (${organisationName})`,
  });
  await expect(approve).toBeVisible();
  await shot(page, '04-admin-account-requests');
  await approve.click();
  const approved = page.getByRole('alert').filter({ hasText: 'approved' });
  await expect(approved).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '05-admin-approved');

  // 3. The approval email carries the User ID and a first password.
  const approval = await waitForMail(email, /account is ready/i);
  const userId = /User ID:\s+(\S+)/.exec(approval.text ?? '')?.[1];
  const emailedPassword = /Password:\s+(\S+)/.exec(approval.text ?? '')?.[1];
  expect(userId, approval.text).toBeTruthy();
  expect(emailedPassword, approval.text).toBeTruthy();

  await signOut(page);

  // 4. First sign-in: straight to choosing a password and memorable information.
  await signIn(page, userId ?? '', emailedPassword ?? '');
  await expect(page).toHaveURL(/\/first-sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(firstPassword);
  await page.getByLabel('Confirm new password').fill('something-else-entirely');
  await page.getByLabel('Memorable information').fill(memorable);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The passwords do not match' })).toBeFocused();
  await shot(page, '06-first-sign-in-mismatch');
  await page.getByLabel('Confirm new password').fill(firstPassword);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learner Achievement Record' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${fullName}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.getByText(userId ?? '', { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '07-profile');
  await signOut(page);

  // 5. Forgotten password: ask for a link.
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgotten your password?' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'I work for an organisation' })).toBeChecked();
  await page.getByLabel('User ID or unique learner number (ULN)').fill(userId ?? '');
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Check your email' })).toBeVisible();
  await shot(page, '08-forgotten-password-sent');

  // 6. The link from the email; three characters of the memorable information and a new password.
  const reset = await waitForMail(email, /password/i);
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(reset.text ?? '')?.[0];
  expect(link, reset.text).toBeTruthy();
  const { pathname, search } = new URL(link ?? '');
  await page.goto(`${baseURL()}${pathname}${search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  const legend = page.getByRole('group', { name: /Enter the .* characters of your memorable information/ });
  await expect(legend).toBeVisible();
  const labels = await legend.locator('label').allTextContents();
  expect(labels).toHaveLength(3);
  for (const label of labels) {
    const position = Number.parseInt(label, 10);
    await page.getByLabel(label, { exact: true }).fill(memorable[position - 1] ?? '');
  }
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '09-reset-password');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your password has been reset' })).toBeVisible();
  await shot(page, '10-reset-password-done');

  // 7. The new password works.
  await page.getByRole('link', { name: /Sign in with your User ID/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User ID').fill(userId ?? '');
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${fullName}`);
  await shot(page, '11-signed-in-after-reset');
});
