import { expect, test } from '@playwright/test';
import {
  baseURL,
  randomDigits as digits,
  expectNoSeriousAxeViolations,
  qanWithCheckDigit,
  screenshots,
} from '../support';

const shot = screenshots('catalogue');

test('an awarding organisation imports a catalogue file, then finds its qualification and reads its rules', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // New URNs and a new QAN each run, so a run never meets the entries of an earlier one.
  const series = `9${digits(2)}`;
  const block = digits(2);
  const urns = [1, 2, 3].map((n) => `Z/${series}/${block}0${n}`) as [string, string, string];
  const qan = qanWithCheckDigit(`7${digits(6)}`);
  const stamp = `${series}${block}`;
  const title = `Level 2 Award in Harbour Logistics ${stamp}`;
  const catalogue = {
    units: [
      { urn: urns[0], title: `Load a cargo vessel safely ${stamp}`, level: '2', credits: 4 },
      { urn: urns[1], title: `Plan a delivery route ${stamp}`, level: '2', credits: 3 },
      { urn: urns[2], title: `Record stock movements ${stamp}`, level: '1', credits: 3 },
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
  const fileName = `harbour-${stamp}.json`;
  const fileOf = (name: string, content: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content, 'utf8'),
  });

  // 1. The awarding organisation signs in; the home page links to the catalogue and its import.
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('User ID').fill('awarding');
  await page.getByLabel('Password', { exact: true }).fill('lar-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as Alex Awarding');
  const tasks = page.getByRole('region', { name: 'Catalogue' });
  await expect(tasks.getByRole('link', { name: 'Import a catalogue file' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }),
  ).toBeVisible();
  await shot(page, '00-home');
  await tasks.getByRole('link', { name: 'Import a catalogue file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a catalogue file' })).toBeVisible();
  await expect(page).toHaveTitle('Import a catalogue file – LAR');
  await expect(page.getByLabel('Awarding organisation code')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '01-import-form');

  // 2. A file that is not JSON is refused in the browser, naming the file.
  await page.getByLabel('Catalogue file').setInputFiles(fileOf('notes.json', '{ "units": [ '));
  await page.getByRole('button', { name: 'Import file' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expect(problem).toContainText('notes.json is not a valid JSON file');

  // 3. The file is imported: the summary says what changed.
  await page.getByLabel('Catalogue file').setInputFiles(fileOf(fileName, JSON.stringify(catalogue, null, 2)));
  await expect(page.getByText(`Chosen file: ${fileName}`)).toBeVisible();
  await page.getByRole('button', { name: 'Import file' }).click();
  const imported = page.getByRole('alert').filter({ hasText: 'Catalogue imported' });
  await expect(imported).toBeFocused();
  await expect(imported).toContainText(`${fileName} was imported for Example Awarding Body`);
  const changes = page.getByRole('region', { name: 'What changed' });
  await expect(changes.locator('.summary-list__row', { hasText: 'Units' })).toContainText(
    '3 created, 0 updated, 0 unchanged',
  );
  await expect(changes.locator('.summary-list__row', { hasText: 'Qualifications' })).toContainText(
    '1 created, 0 new versions, 0 unchanged',
  );
  await expectNoSeriousAxeViolations(page);
  await shot(page, '02-imported');

  // 4. The same content again changes nothing, and the page says so.
  await page
    .getByLabel('Catalogue file')
    .setInputFiles(fileOf(`copy-of-${fileName}`, JSON.stringify(catalogue)));
  await page.getByRole('button', { name: 'Import file' }).click();
  const again = page.getByRole('alert').filter({ hasText: 'This catalogue was imported before' });
  await expect(again).toBeFocused();
  await expect(again).toContainText('nothing was changed');
  await shot(page, '03-already-imported');

  // 5. A broken file: every problem is listed with its path, and nothing is imported.
  const broken = {
    units: [
      { urn: 'not-a-urn', title: 'Broken unit', level: '2', credits: 0 },
      { urn: `Z/${series}/${block}09`, title: '', level: '12', credits: 2 },
    ],
    qualifications: [
      {
        qan: `${qan}0`,
        title: `Broken ${stamp}`,
        level: '2',
        minCredits: 7,
        groups: [{ id: 'M', minCredits: -1, units: ['Q/999/9999'] }],
      },
    ],
  };
  await page
    .getByLabel('Catalogue file')
    .setInputFiles(fileOf(`broken-${stamp}.json`, JSON.stringify(broken)));
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(problem).toBeFocused();
  await expect(problem).toContainText('nothing was imported');
  const problems = page.getByRole('region', { name: new RegExp(`problems? in broken-${stamp}\\.json`) });
  await expect(problems).toBeVisible();
  const items = problems.getByRole('listitem');
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  await expect(items.filter({ hasText: /^units\[0\]\./ }).first()).toBeVisible();
  await expect(items.filter({ hasText: /^units\[1\]\./ }).first()).toBeVisible();
  await expect(items.filter({ hasText: /^qualifications\[0\]\./ }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '04-invalid');

  // 6. The new qualification is in the catalogue: search by its QAN.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
  await expect(page.getByRole('table', { name: /All qualifications/ })).toBeVisible();
  await page.getByLabel('Search qualifications').fill(qan);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(qan)}`));
  const found = page.getByRole('table', { name: new RegExp(`Qualifications matching “${qan}”`) });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found).toContainText(title);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '05-search');

  // 7. Its page: the rules in words, each group with its units.
  await found.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const rules = page.getByRole('list', { name: 'Rules of combination' });
  await expect(rules).toContainText('At least 7 credits in total');
  await expect(rules).toContainText('At least 4 credits at level 2 or above');
  await expect(page.getByText(/Achievements count for 60 months/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Mandatory units' })).toBeVisible();
  await expect(page.getByText('All of these units', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Optional units' })).toBeVisible();
  await expect(page.getByText('At least 3 credits', { exact: true })).toBeVisible();
  const mandatory = page.getByRole('table', { name: 'Units of Mandatory units' });
  await expect(mandatory).toContainText(urns[0]);
  const optional = page.getByRole('table', { name: 'Units of Optional units' });
  await expect(optional).toContainText(urns[1]);
  await expect(optional).toContainText(urns[2]);
  await expect(page.getByRole('region', { name: 'Versions' })).toContainText('Version 1');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '06-qualification');

  // 8. A unit's page names the qualifications that use it.
  await optional.getByRole('link', { name: `Plan a delivery route ${stamp}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Plan a delivery route ${stamp}` })).toBeVisible();
  const usedIn = page.getByRole('table', { name: 'Qualifications that use this unit' });
  await expect(usedIn.getByRole('link', { name: title })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, '07-unit');

  // 9. The units: search by the start of the new URNs.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
  await page
    .getByRole('navigation', { name: 'Catalogue sections' })
    .getByRole('link', { name: 'Units' })
    .click();
  await page.getByLabel('Search units').fill(`Z/${series}/${block}`);
  await page.getByRole('button', { name: 'Search' }).click();
  const units = page.getByRole('table', { name: new RegExp(`Units matching “Z/${series}/${block}”`) });
  await expect(units.getByRole('row')).toHaveCount(4);
  await expectNoSeriousAxeViolations(page);
  await shot(page, '08-units');

  // 10. The demo qualification shows barred combinations and equivalents in words.
  await page
    .getByRole('navigation', { name: 'Catalogue sections' })
    .getByRole('link', { name: 'Qualifications' })
    .click();
  await page.getByLabel('Search qualifications').fill('500/9466/X');
  await page.getByRole('button', { name: 'Search' }).click();
  await page
    .getByRole('table', { name: /Qualifications matching “500\/9466\/X”/ })
    .getByRole('link', { name: 'Level 2 Diploma in Business Administration' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Level 2 Diploma in Business Administration' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Barred combinations' })).toContainText(
    'Only one of: F/100/0105',
  );
  await expect(page.getByRole('region', { name: 'Equivalent units' })).toContainText(
    'may replace F/100/0002',
  );
  await expectNoSeriousAxeViolations(page);
  await shot(page, '09-demo-qualification');
});

test('an administrator names the awarding organisation; a centre may browse but not import', async ({
  page,
}) => {
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('User ID').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('lar-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as Sam Service-Desk');
  await page.goto(`${baseURL()}/catalogue/import`);
  const code = page.getByLabel('Awarding organisation code');
  await expect(code).toBeVisible();
  await page.getByLabel('Catalogue file').setInputFiles({
    name: 'one-unit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ units: [{ urn: 'Z/999/0001', title: 'x', level: '1', credits: 1 }] }),
    ),
  });
  await page.getByRole('button', { name: 'Import file' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expect(problem).toContainText('Enter the code of the awarding organisation');
  await code.fill('10099999');
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(problem).toContainText('10099999');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousAxeViolations(page);
  await shot(page, '10-admin-code');
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();

  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('User ID').fill('centre');
  await page.getByLabel('Password', { exact: true }).fill('lar-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as Chris Centre');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByRole('table', { name: /All qualifications/ })).toContainText(
    'Level 2 Diploma in Business Administration',
  );
  await expect(page.getByRole('link', { name: 'Import a catalogue file' })).toHaveCount(0);
  await page.goto(`${baseURL()}/catalogue/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeVisible();
});
