import { readFileSync } from 'node:fs';
import { type Download, expect, test } from '@playwright/test';
import { generateUln, isValidUln, seededRandom } from '../../packages/shared/src/identifiers';
import { baseURL, expectNoSeriousAxeViolations, screenshots, waitForMail } from '../support';

const shot = screenshots('learners');

async function downloadedText(download: Download): Promise<string> {
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

/** A ULN with a wrong check digit: the valid one with its last digit changed. */
function withWrongCheckDigit(uln: string): string {
  const last = Number(uln[9]);
  const wrong = `${uln.slice(0, 9)}${(last + 1) % 10}`;
  if (isValidUln(wrong)) throw new Error(`${wrong} should not be a valid ULN`);
  return wrong;
}

test('a centre adds learners from a CSV, reads the report, and a new learner signs in', async ({ page }) => {
  test.setTimeout(240_000);
  // A fresh seed each run: the ULNs and emails never collide with an earlier run on the same database.
  const seed = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;
  const random = seededRandom(seed);
  const ulns = new Set<string>();
  while (ulns.size < 4) ulns.add(generateUln(random));
  const [graceUln, alanUln, maryUln, validForBad] = [...ulns] as [string, string, string, string];
  const badUln = withWrongCheckDigit(validForBad);
  const stamp = seed.toString(36);
  const graceEmail = `grace.${stamp}@learner.example`;
  const nextYear = new Date().getUTCFullYear() + 1;
  const fileName = `autumn-intake-${stamp}.csv`;
  const csv = [
    'ULN,GivenName,FamilyName,DateOfBirth,Email',
    `${graceUln},Grace,Hopper${stamp},2005-06-15,${graceEmail}`,
    `${alanUln},Alan,Turing${stamp},12/06/2004,`,
    `${maryUln},Mary,Somerville${stamp},2007-12-26,mary.${stamp}@learner.example`,
    `${badUln},Bad,Checkdigit${stamp},2005-01-01,bad.${stamp}@learner.example`,
    `${generateUln(random)},Future,Born${stamp},${nextYear}-01-01,future.${stamp}@learner.example`,
  ].join('\r\n');
  const learnerPassword = 'Analytical-Engine-1843';

  // 1. The centre signs in and goes to its learners, then to Add new learners.
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('User ID').fill('centre');
  await page.getByLabel('Password', { exact: true }).fill('lar-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as Chris Centre');
  const centreTasks = page.getByRole('region', { name: 'Northgate College' });
  await expect(centreTasks.getByRole('link', { name: 'Add new learners' })).toBeVisible();
  await shot(page, '00-home');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your learners' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Your centre’s learners/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '01-list');

  await page.getByRole('link', { name: 'Add new learners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add new learners' })).toBeVisible();
  await expect(page).toHaveTitle('Add new learners – LAR');

  // 2. The sample file downloads.
  const sampleDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the sample CSV file' }).click();
  const sample = await sampleDownload;
  expect(sample.suggestedFilename()).toMatch(/\.csv$/);
  expect((await downloadedText(sample)).split(/\r?\n/)[0]).toBe('ULN,GivenName,FamilyName,DateOfBirth,Email');

  // 3. Uploading without a file is an error, announced and focused.
  await page.getByRole('button', { name: 'Upload file' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Select a CSV file to upload' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '02-upload-error');

  // 4. The file is uploaded; its page shows the progress, then the report.
  await page.getByLabel('Upload a file').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page).toHaveURL(/\/learners\/imports\/[0-9a-f-]{36}$/);
  const importUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: fileName })).toBeVisible();
  const progress = page.getByRole('progressbar', { name: 'Rows processed' });
  const report = page.getByRole('heading', { level: 2, name: 'Report' });
  await expect(progress.or(report)).toBeVisible();
  if (await progress.isVisible()) {
    await expect(progress).toHaveAttribute('max', '5');
    await shot(page, '03-processing');
  }
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);

  // 5. The report: counts, who was emailed, the activation code, and why rows were rejected.
  const counts = page.locator('dl.summary-list').last();
  await expect(counts.locator('div', { hasText: 'New learners created' })).toContainText('3');
  await expect(counts.locator('div', { hasText: 'Rejected rows' })).toContainText('2');
  await expect(page.getByText(/2 new learners with an email address have been emailed/)).toBeVisible();
  await expect(page.getByText(/1 new learner has no email address/)).toBeVisible();
  const table = page.getByRole('table', { name: /All rows, in file order/ });
  await expect(table.getByRole('row')).toHaveCount(6);
  const graceRow = table.getByRole('row').filter({ hasText: graceUln });
  await expect(graceRow).toContainText('Created');
  const alanRow = table.getByRole('row').filter({ hasText: alanUln });
  await expect(alanRow).toContainText('Activation code');
  const activationCode = (await alanRow.locator('code').last().textContent())?.trim() ?? '';
  expect(activationCode.length).toBeGreaterThan(4);
  const badRow = table.getByRole('row').filter({ hasText: badUln });
  await expect(badRow).toContainText('Rejected');
  await expect(badRow).toContainText(/check digit/i);
  const futureRow = table.getByRole('row').filter({ hasText: `Born${stamp}` });
  await expect(futureRow).toContainText('Rejected');
  await expect(futureRow).toContainText(/future/i);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '04-report');

  // Only the rejected rows.
  await page
    .getByRole('navigation', { name: 'Filter rows by outcome' })
    .getByRole('link', { name: /^Rejected/ })
    .click();
  const rejected = page.getByRole('table', { name: /Rejected rows, in file order/ });
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await shot(page, '05-report-rejected');

  // 6. The report downloads as CSV, with every row and its outcome.
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the report (CSV)' }).click();
  const reportCsv = await downloadedText(await reportDownload);
  const lines = reportCsv.trim().split(/\r?\n/);
  expect(lines[0]?.replace(/^\uFEFF/, '')).toBe(
    'Row,ULN,GivenName,FamilyName,DateOfBirth,Email,Outcome,Message',
  );
  expect(lines).toHaveLength(6);
  expect(lines.find((line) => line.includes(graceUln))).toContain('created');
  expect(lines.find((line) => line.includes(alanUln))).toContain(activationCode);
  expect(lines.find((line) => line.includes(badUln))).toContain('rejected');

  // 7. The same file again changes nothing, and the page says so.
  await page.getByRole('link', { name: 'Add new learners' }).click();
  await page.getByLabel('Upload a file').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Upload file' }).click();
  const again = page.getByRole('alert').filter({ hasText: 'This file was uploaded before' });
  await expect(again).toBeFocused();
  await expect(again).toContainText('nothing was changed');
  await expect(again.getByRole('link', { name: 'View the report of that upload' })).toHaveAttribute(
    'href',
    new URL(importUrl).pathname,
  );
  await expect(page.getByRole('table', { name: /Uploads, newest first/ }).getByText(fileName)).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '06-already-uploaded');

  // 8. The new learners are in the centre's list; search by family name.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learners' }).click();
  await page.getByLabel('Search learners').fill(`Hopper${stamp}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`q=Hopper${stamp}`));
  const found = page.getByRole('table', { name: new RegExp(`Learners matching “Hopper${stamp}”`) });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found).toContainText(graceUln);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '07-search');
  // The first digits of a ULN find its learner too.
  const digits = alanUln.slice(0, 8);
  await page.getByLabel('Search learners').fill(digits);
  await page.getByRole('button', { name: 'Search' }).click();
  const byUln = page.getByRole('table', { name: new RegExp(`Learners matching “${digits}”`) });
  await expect(byUln.getByRole('row').filter({ hasText: alanUln })).toHaveCount(1);
  await shot(page, '07-search-uln');
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();

  // 9. Grace's welcome email has her ULN and a password.
  const welcome = await waitForMail(graceEmail, /Your Learner Achievement Record is ready/);
  expect(/ULN:\s+(\d{10})/.exec(welcome.text ?? '')?.[1], welcome.text).toBe(graceUln);
  const emailedPassword = /Password:\s+(\S+)/.exec(welcome.text ?? '')?.[1];
  expect(emailedPassword, welcome.text).toBeTruthy();

  // 10. She signs in with them, chooses her own password and memorable information, and is in.
  await page.goto(`${baseURL()}/learner/sign-in`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in as a learner' })).toBeVisible();
  await page.getByLabel('Unique learner number (ULN)').fill(graceUln);
  await page.getByLabel('Password', { exact: true }).fill(emailedPassword ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/first-sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(learnerPassword);
  await page.getByLabel('Confirm new password').fill(learnerPassword);
  await page.getByLabel('Memorable information').fill('harbour lights 1906');
  await shot(page, '08-learner-first-sign-in');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learner Achievement Record' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Signed in as Grace');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '09-learner-signed-in');
});
