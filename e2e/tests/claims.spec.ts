import { expect, type Page, test } from '@playwright/test';
import { generateUln, seededRandom } from '../../packages/shared/src/identifiers';
import {
  baseURL,
  DEMO_PASSWORD,
  randomDigits as digits,
  expectNoSeriousAxeViolations,
  qanWithCheckDigit,
  screenshots,
  signOut,
  waitForMail,
} from '../support';

const shot = screenshots('claims');

async function signIn(page: Page, userId: string, name: string) {
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('User ID').fill(userId);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${name}`);
}

test('achievements become a possible claim, which the centre submits, the awarding organisation awards and the learner sees', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // New URNs, QAN and learner each run, so a run never meets the entries of an earlier one.
  const series = `8${digits(2)}`;
  const block = digits(2);
  const urns = [1, 2, 3].map((n) => `Z/${series}/${block}0${n}`) as [string, string, string];
  const qan = qanWithCheckDigit(`7${digits(6)}`);
  const stamp = `${series}${block}`;
  const title = `Level 2 Award in Quayside Operations ${stamp}`;
  const unitTitles = [
    `Moor a vessel safely ${stamp}`,
    `Check a cargo manifest ${stamp}`,
    `Keep a harbour log ${stamp}`,
  ] as const;
  const catalogue = {
    units: [
      { urn: urns[0], title: unitTitles[0], level: '2', credits: 4 },
      { urn: urns[1], title: unitTitles[1], level: '2', credits: 3 },
      { urn: urns[2], title: unitTitles[2], level: '1', credits: 3 },
    ],
    qualifications: [
      {
        qan,
        title,
        level: '2',
        minCredits: 7,
        minCreditsAtOrAboveLevel: [{ level: '2', credits: 4 }],
        groups: [
          { id: 'M', title: 'Mandatory units', all: true, units: [urns[0]] },
          { id: 'O', title: 'Optional units', minCredits: 3, units: [urns[1], urns[2]] },
        ],
        creditValidityMonths: 60,
      },
    ],
  };
  const seed = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;
  const uln = generateUln(seededRandom(seed));
  const familyName = `Lovelace${stamp}`;
  const learnerName = `Ada ${familyName}`;
  const learnerEmail = `ada.${seed.toString(36)}@learner.example`;
  const achievedOn = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
  const learnerPassword = 'Difference-Engine-1822';

  // 1. The awarding organisation imports a catalogue with a fresh qualification.
  await signIn(page, 'awarding', 'Alex Awarding');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Achievements' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Claims' })).toBeVisible();
  await shot(page, '00-awarding-home');
  await page.goto(`${baseURL()}/catalogue/import`);
  await page.getByLabel('Catalogue file').setInputFiles({
    name: `quayside-${stamp}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(catalogue), 'utf8'),
  });
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Catalogue imported' })).toBeFocused();
  await signOut(page);

  // 2. The centre registers a new learner with an email address; the learner is emailed a password.
  await signIn(page, 'centre', 'Chris Centre');
  await page.goto(`${baseURL()}/learners/imports`);
  await page.getByLabel('Upload a file').setInputFiles({
    name: `claims-${stamp}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'ULN,GivenName,FamilyName,DateOfBirth,Email',
        `${uln},Ada,${familyName},2004-12-10,${learnerEmail}`,
      ].join('\r\n'),
      'utf8',
    ),
  });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Report' })).toBeVisible({ timeout: 60_000 });
  await expect(
    page
      .getByRole('table', { name: /All rows/ })
      .getByRole('row')
      .filter({ hasText: uln }),
  ).toContainText('Created');
  const welcome = await waitForMail(learnerEmail, /Your Learner Achievement Record is ready/);
  const emailedPassword = /Password:\s+(\S+)/.exec(welcome.text ?? '')?.[1];
  expect(emailedPassword, welcome.text).toBeTruthy();
  await signOut(page);

  // 3. The awarding organisation uploads an Achievements CSV for two of the units, and one bad row.
  await signIn(page, 'awarding', 'Alex Awarding');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Achievements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Achievements' })).toBeVisible();
  await expect(page).toHaveTitle('Achievements – LAR');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '01-achievements');

  await page.getByRole('button', { name: 'Upload file' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expect(problem.getByRole('link', { name: 'Select a CSV file to upload' })).toBeVisible();

  const achievementsFile = `achievements-${stamp}.csv`;
  await page.getByLabel('Upload an Achievements CSV file').setInputFiles({
    name: achievementsFile,
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'ULN,URN,AchievedOn,Basis',
        `${uln},${urns[0]},${achievedOn},credit`,
        `${uln},${urns[1]},${achievedOn},`,
        `${uln},Z/${series}/${block}99,${achievedOn},credit`,
      ].join('\r\n'),
      'utf8',
    ),
  });
  await page.getByRole('button', { name: 'Upload file' }).click();
  const processed = page.getByRole('alert').filter({ hasText: 'File processed' });
  await expect(processed).toBeFocused();
  await expect(processed).toContainText('2 achievements recorded and 1 row rejected.');
  const report = page.getByRole('table', { name: /All rows, rejected first/ });
  await expect(report.getByRole('row')).toHaveCount(4);
  await expect(report.getByRole('row').nth(1)).toContainText('Rejected');
  await expect(report.getByRole('row').nth(1)).toContainText(`Z/${series}/${block}99`);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '02-achievements-report');

  // They are in the list of recorded achievements; search by the learner's ULN.
  await page.getByLabel('ULN', { exact: true }).fill(uln);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`uln=${uln}`));
  const recorded = page.getByRole('table', { name: new RegExp(`Achievements with ULN starting ${uln}`) });
  await expect(recorded.getByRole('row')).toHaveCount(3);
  await expect(recorded).toContainText(unitTitles[0]);
  await expect(recorded).toContainText(unitTitles[1]);
  await expect(recorded).toContainText(learnerName);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '03-achievements-recorded');
  await signOut(page);

  // 4. The centre sees the possible claim (detection runs in the background) and gets the digest email.
  await signIn(page, 'centre', 'Chris Centre');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Possible Claims List' })).toBeVisible();
  await page.getByLabel('Learner').fill(uln);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`learner=${uln}`));
  const claimLink = page.getByRole('link', { name: `${title} for ${learnerName}` });
  await expect(async () => {
    await page.reload();
    await expect(claimLink).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 40_000, intervals: [1_000, 2_000, 3_000] });
  const claims = page.getByRole('table', { name: /Possible claims for learners matching/ });
  await expect(claims.getByRole('row')).toHaveCount(2);
  await expect(claims).toContainText('Possible');
  await expect(page.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute(
    'href',
    `/api/v1/claims/export.csv?status=POSSIBLE&learner=${uln}&sort=-evaluatedAt`,
  );
  await expectNoSeriousAxeViolations(page);
  await shot(page, '04-possible-claims');

  const digest = await waitForMail('centre@northgate.localhost', /^Possible claims: /, { containing: uln });
  expect(digest.text).toContain(title);
  expect(digest.text).toContain('/claims');

  // 5. The centre opens the claim and submits it.
  await claimLink.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Units used from Mandatory units' })).toContainText(urns[0]);
  await expect(page.getByRole('table', { name: 'Units used from Optional units' })).toContainText(urns[1]);
  await expect(page.getByText('Credit counted in all: 7 credits')).toBeVisible();
  const claimUrl = page.url();
  expect(new URL(claimUrl).pathname).toMatch(/^\/claims\/[0-9a-f-]{36}$/);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '05-claim-possible');
  await page.getByRole('button', { name: 'Submit claim' }).click();
  const submitted = page.getByRole('status').filter({ hasText: 'Claim submitted to' });
  await expect(submitted).toBeFocused();
  await expect(page.locator('.summary-list .tag').first()).toHaveText('Submitted');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '06-claim-submitted');
  await signOut(page);

  // 6. The awarding organisation finds it among the claims to decide, and awards it.
  await signIn(page, 'awarding', 'Alex Awarding');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims to decide' })).toBeVisible();
  await page.getByLabel('Qualification').fill(qan);
  await page.getByRole('button', { name: 'Search' }).click();
  const toDecide = page.getByRole('table', { name: /Submitted claims for qualifications matching/ });
  await expect(toDecide.getByRole('row')).toHaveCount(2);
  await expect(toDecide).toContainText('Northgate College');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '07-claims-to-decide');
  await toDecide.getByRole('link', { name: `${title} for ${learnerName}` }).click();
  await expect(page).toHaveURL(claimUrl);
  await expect(page.getByRole('region', { name: 'Your decision' })).toBeVisible();
  await page.getByRole('button', { name: 'Award qualification' }).click();
  const awarded = page.getByRole('status').filter({ hasText: 'Qualification awarded' });
  await expect(awarded).toBeFocused();
  await expect(page.locator('.summary-list .tag').first()).toHaveText('Awarded');
  await expect(
    page.getByText('The qualification has been awarded. There is nothing more to do.'),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '08-claim-awarded');
  await signOut(page);

  // 7. The learner signs in with the emailed password, sets their own, and sees the qualification.
  await page.goto(`${baseURL()}/learner/sign-in`);
  await page.getByLabel('Unique learner number (ULN)').fill(uln);
  await page.getByLabel('Password', { exact: true }).fill(emailedPassword ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(learnerPassword);
  await page.getByLabel('Confirm new password').fill(learnerPassword);
  await page.getByLabel('Memorable information').fill('analytical engine 1843');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learner Achievement Record' })).toBeVisible();
  const yourRecord = page.getByRole('region', { name: 'Your record' });
  await expect(yourRecord.getByRole('link', { name: 'My qualifications' })).toBeVisible();
  await shot(page, '09-learner-home');
  await yourRecord.getByRole('link', { name: 'My qualifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My qualifications' })).toBeVisible();
  const qualification = page.getByRole('region', { name: title });
  await expect(qualification).toContainText('Example Awarding Body');
  await expect(qualification).toContainText(qan);
  await expect(qualification.getByRole('table', { name: 'Units used from Mandatory units' })).toContainText(
    unitTitles[0],
  );
  await expect(qualification.getByRole('table', { name: 'Units used from Optional units' })).toContainText(
    unitTitles[1],
  );
  await expectNoSeriousAxeViolations(page);
  await shot(page, '10-my-qualifications');
});
