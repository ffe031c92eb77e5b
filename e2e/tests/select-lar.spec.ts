import { expect, type Page, test } from '@playwright/test';
import {
  baseURL,
  DEMO_PASSWORD,
  expectNoSeriousAxeViolations,
  screenshots,
  signOut,
  waitForMail,
} from '../support';

const shot = screenshots('record');

/** The demo learner with achievements, their email, and the demo third party's code and user. */
const LEARNER = { uln: '9276308686', name: 'Priya Shah', email: 'priya.shah@learner.localhost' };
const EMPLOYER = { code: '10098765', name: 'Acme Employer Ltd', userId: 'employer', user: 'Erin Employer' };

async function signInAsLearner(page: Page) {
  await page.goto(`${baseURL()}/learner/sign-in`);
  await page.getByLabel('Unique learner number (ULN)').fill(LEARNER.uln);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${LEARNER.name}`);
}

async function signInAsEmployer(page: Page) {
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('User ID').fill(EMPLOYER.userId);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${EMPLOYER.user}`);
}

async function openSelectLar(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Select LAR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Select LAR' })).toBeVisible();
  await page.getByLabel('Learner’s unique learner number (ULN)').fill(LEARNER.uln);
  await page.getByLabel('Your password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'View record' }).click();
}

test('a learner shares two sections with an employer, who sees exactly those, until the learner revokes them', async ({
  page,
}) => {
  test.setTimeout(300_000);

  // 1. The learner reads their record, prints it, and gives the employer units and qualifications.
  await signInAsLearner(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My record' })).toBeVisible();
  await expect(page).toHaveTitle('My record – LAR');
  await expect(page.getByRole('table', { name: 'Units achieved, newest first' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Credit by level' })).toBeVisible();
  const diploma = page.getByRole('region', { name: 'Level 2 Diploma in Business Administration' });
  await expect(diploma).toBeVisible();
  await expect(page.getByRole('region', { name: 'Progression opportunities' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '01-my-record');

  // What if: ticking a unit the learner lacks works the progress out again in the browser.
  const statusBefore = await diploma.locator('.progress-item__status').textContent();
  await diploma.getByText('What if you achieved more units?').click();
  // The first route's unit ("add F/100/0106 (2 credits)") completes the qualification when ticked.
  const firstRoute = (await diploma.locator('.route-list > li').first().textContent()) ?? '';
  const urn = /add (\S+)/.exec(firstRoute)?.[1] ?? '';
  expect(urn).not.toBe('');
  await diploma.getByRole('checkbox', { name: new RegExp(urn.replace(/\//g, '\\/')) }).check();
  await expect(diploma.getByText(/^What if:/)).toBeVisible();
  await expect(diploma.locator('.progress-item__status')).toHaveText(
    'Achieved: the units on the record meet the rules',
  );
  await expect(diploma.getByRole('status')).toContainText('With 1 ticked unit added');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '02-what-if');
  await diploma.getByRole('button', { name: 'Clear ticks' }).click();
  await expect(diploma.locator('.progress-item__status')).toHaveText(statusBefore ?? '');
  await page.emulateMedia({ media: 'print' });
  await shot(page, '03-my-record-print');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Who can see your record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who can see your record' })).toBeVisible();
  await page.getByLabel('Organisation code').fill(EMPLOYER.code);
  await page.getByRole('button', { name: 'Find organisation' }).click();
  await expect(page.getByRole('heading', { level: 3, name: EMPLOYER.name })).toBeFocused();
  await expect(page.getByText('Employer or other provider')).toBeVisible();
  const grant = page.getByRole('form', { name: `Give ${EMPLOYER.name} permission` });
  await grant.getByRole('checkbox', { name: 'Units' }).check();
  await grant.getByRole('checkbox', { name: 'Qualifications' }).check();
  await grant.getByRole('button', { name: 'Give permission' }).click();
  const granted = page.getByRole('alert').filter({ hasText: 'can now see your units and qualifications' });
  await expect(granted).toBeFocused();
  const permissions = page.getByRole('table', { name: 'Permissions you have given, active first' });
  const activeRows = permissions
    .getByRole('row')
    .filter({ hasText: EMPLOYER.name })
    .filter({ hasText: 'Active' });
  await expect(activeRows).toHaveCount(2);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '04-permissions-granted');
  await signOut(page);

  // 2. The employer opens Select LAR and sees units and qualifications, and not progress.
  await signInAsEmployer(page);
  await openSelectLar(page);
  const shared = page.getByRole('region', { name: LEARNER.name });
  await expect(shared.getByRole('heading', { level: 2, name: LEARNER.name })).toBeFocused();
  await expect(shared).toContainText(
    `${LEARNER.name} shares their units and qualifications with your organisation.`,
  );
  await expect(shared.getByRole('table', { name: 'Units achieved, newest first' })).toBeVisible();
  await expect(shared.getByRole('heading', { level: 2, name: 'Qualifications achieved' })).toBeVisible();
  await expect(shared.getByRole('heading', { name: 'Progress towards qualifications' })).toHaveCount(0);
  await expect(shared.getByRole('heading', { name: 'Progression opportunities' })).toHaveCount(0);
  await expect(shared.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByLabel('Your password')).toHaveValue('');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '05-select-lar');
  await signOut(page);

  // 3. The learner sees the view in the access log, and was emailed about it.
  const mail = await waitForMail(LEARNER.email, /viewed your learner record/);
  expect(mail.subject).toContain(EMPLOYER.name);
  expect(mail.text).toContain('/my-record/access-log');
  await signInAsLearner(page);
  await page.goto(`${baseURL()}/my-record/access-log`);
  await expect(page.getByRole('heading', { level: 1, name: 'Who has viewed your record' })).toBeVisible();
  const views = page.getByRole('table', { name: 'Views of your record, newest first' });
  const view = views.getByRole('row').nth(1);
  await expect(view).toContainText(EMPLOYER.name);
  await expect(view).toContainText(EMPLOYER.userId);
  await expect(view).toContainText('Units, Qualifications');
  await expect(page.getByLabel('Email me each time an organisation views my record')).toBeChecked();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '06-access-log');

  // 4. The learner revokes both permissions.
  await page.getByRole('link', { name: 'permission', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who can see your record' })).toBeVisible();
  for (const section of ['units', 'qualifications']) {
    await page.getByRole('button', { name: `Revoke ${EMPLOYER.name}: ${section}` }).click();
    await page
      .getByRole('group', { name: new RegExp(`^Revoke ${EMPLOYER.name}: ${section}\\?`) })
      .getByRole('button', { name: 'Yes, revoke it' })
      .click();
    await expect(
      page.getByRole('alert').filter({ hasText: `can no longer see your ${section}` }),
    ).toBeFocused();
  }
  await expect(activeRows).toHaveCount(0);
  await expect(
    permissions.getByRole('row').filter({ hasText: EMPLOYER.name }).filter({ hasText: 'Revoked' }),
  ).toHaveCount(2);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '07-permissions-revoked');
  await signOut(page);

  // 5. The employer's Select LAR is refused, without saying whether the ULN exists.
  await signInAsEmployer(page);
  await openSelectLar(page);
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expect(problem).toContainText(`There is no learner record you may view for ULN ${LEARNER.uln}.`);
  await expect(page.getByRole('region', { name: LEARNER.name })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '08-select-lar-refused');
});
