import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { anImportSummary } from './fixtures';

const awarding = aMe({
  role: 'awarding_organisation',
  organisation: { id: 'o2', name: 'Example Awarding Body', code: '10054321', type: 'AWARDING_ORGANISATION' },
});
const administrator = aMe({ role: 'administrator', organisation: null });

const catalogue = {
  units: [{ urn: 'Z/901/0001', title: 'Plan a journey', level: '1', credits: 3 }],
  qualifications: [],
};

function stubImport(me: ReturnType<typeof aMe>, answer: Parameters<typeof stubApi>[0][string]) {
  return stubApi({ 'GET /api/v1/me': json(me), 'POST /api/v1/catalogue/imports': answer });
}

/** jsdom's File has no `text()`; the browser's has, and the form reads the file with it. */
function chooseFile(content: string, name = 'catalogue.json') {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(content) });
  fireEvent.change(screen.getByLabelText('Catalogue file'), { target: { files: [file] } });
  return file;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
const posts = (api: ReturnType<typeof stubApi>) => api.bodies('POST /api/v1/catalogue/imports');

async function problemSummary() {
  const summary = await screen.findByRole('alert', { name: 'There is a problem' });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  return summary;
}

describe('import a catalogue file (/catalogue/import)', () => {
  it('says a file that is not JSON is not, naming it, without calling the API', async () => {
    const api = stubImport(awarding, json(anImportSummary(), 201));
    renderRoute('/catalogue/import');
    expect(await screen.findByRole('heading', { level: 1, name: 'Import a catalogue file' })).toBeTruthy();
    expect(document.title).toBe('Import a catalogue file – LAR');
    expect(screen.queryByLabelText('Awarding organisation code')).toBeNull();

    submit();
    let summary = await problemSummary();
    expect(within(summary).getByRole('link', { name: 'Select a JSON file to import' })).toBeTruthy();

    chooseFile('{ "units": [ ', 'autumn-catalogue.json');
    expect(screen.getByText(/Chosen file:/).textContent).toBe('Chosen file: autumn-catalogue.json (1 KB)');
    submit();
    await waitFor(() =>
      expect(
        within(screen.getByRole('alert', { name: 'There is a problem' })).getByRole('link').textContent,
      ).toMatch(
        /^autumn-catalogue\.json is not a valid JSON file \(.+\)\. Check the file, then choose it again\.$/,
      ),
    );
    summary = await problemSummary();
    expect(screen.getByLabelText('Catalogue file').getAttribute('aria-invalid')).toBe('true');

    chooseFile('[1, 2]', 'list.json');
    submit();
    await waitFor(() =>
      expect(screen.getByRole('alert', { name: 'There is a problem' }).textContent).toContain(
        'list.json must hold one JSON object',
      ),
    );
    expect(posts(api)).toEqual([]);
  });

  it('lists every problem of a file the API refuses, with its path', async () => {
    const errors = [
      'units[0].credits: must be a whole number of at least 1',
      'qualifications[2].groups[0].minCredits: must be at most the credit of the group’s units (12)',
      'qualifications[2].qan: 500/9466/X is already another awarding organisation’s',
    ];
    stubImport(
      awarding,
      apiError(400, 'CATALOGUE_INVALID', 'The catalogue has 3 problems; nothing was imported', { errors }),
    );
    renderRoute('/catalogue/import');
    await screen.findByLabelText('Catalogue file');
    chooseFile(JSON.stringify(catalogue), 'broken.json');
    submit();
    const summary = await problemSummary();
    expect(
      within(summary).getByRole('link', { name: 'The catalogue has 3 problems; nothing was imported' }),
    ).toBeTruthy();
    expect(
      within(summary).getByRole('link', { name: 'See the 3 problems in broken.json' }).getAttribute('href'),
    ).toBe('#catalogue-problems');
    const list = screen.getByRole('region', { name: '3 problems in broken.json' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(errors);
    expect(
      within(list)
        .getAllByText(/^(units|qualifications)\[\d\]/)
        .map((code) => code.tagName),
    ).toEqual(['CODE', 'CODE', 'CODE']);
    expect(
      within(list).getByText('Nothing was imported. Correct the file, then import it again.'),
    ).toBeTruthy();
  });

  it('sends the file’s content and shows what changed, with links to the catalogue', async () => {
    const api = stubImport(awarding, json(anImportSummary(), 201));
    renderRoute('/catalogue/import');
    await screen.findByLabelText('Catalogue file');
    // An awarding organisation imports its own entries: a code in the file is not sent.
    chooseFile(JSON.stringify({ ...catalogue, awardingOrganisation: '10099999' }), 'spring.json');
    submit();
    const banner = await screen.findByRole('alert', { name: 'Catalogue imported' });
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(banner.textContent).toContain('spring.json was imported for Example Awarding Body (10054321).');
    expect(posts(api)).toEqual([catalogue]);

    const changes = screen.getByRole('region', { name: 'What changed' });
    expect(
      within(changes)
        .getAllByRole('term')
        .map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`),
    ).toEqual([
      'Units: 3 created, 1 updated, 2 unchanged',
      'Qualifications: 1 created, 1 new version, 0 unchanged',
    ]);
    expect(within(changes).getByRole('heading', { name: '1 warning' })).toBeTruthy();
    expect(within(changes).getByText('the check digit should be 6, not 7', { exact: false })).toBeTruthy();
    expect(
      within(changes)
        .getByRole('link', { name: 'Browse the catalogue’s qualifications' })
        .getAttribute('href'),
    ).toBe('/catalogue');
    expect(
      within(changes).getByRole('link', { name: 'Browse the catalogue’s units' }).getAttribute('href'),
    ).toBe('/catalogue?tab=units');
    expect(screen.queryByText(/Chosen file:/)).toBeNull();
  });

  it('says so when the same content was imported before', async () => {
    stubImport(awarding, json(anImportSummary({ alreadyImported: true }), 200));
    renderRoute('/catalogue/import');
    await screen.findByLabelText('Catalogue file');
    chooseFile(JSON.stringify(catalogue));
    submit();
    const banner = await screen.findByRole('alert', { name: 'This catalogue was imported before' });
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(banner.textContent).toContain('so nothing was changed');
    expect(screen.queryByRole('region', { name: 'What changed' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Browse the catalogue’s qualifications' })).toBeTruthy();
  });

  it('asks an administrator for the awarding organisation’s code, and sends it', async () => {
    let answer = apiError(400, 'CATALOGUE_INVALID', 'The catalogue has a problem; nothing was imported', {
      errors: ['awardingOrganisation: no awarding organisation has the code "10099999"'],
    });
    const api = stubImport(administrator, () => answer);
    renderRoute('/catalogue/import');
    const code = await screen.findByLabelText('Awarding organisation code');
    chooseFile(JSON.stringify(catalogue));

    submit();
    let summary = await problemSummary();
    expect(
      within(summary).getByRole('link', {
        name: 'Enter the code of the awarding organisation that owns the entries',
      }),
    ).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(code, { target: { value: '1234' } });
    submit();
    await waitFor(() =>
      expect(screen.getByRole('alert', { name: 'There is a problem' }).textContent).toContain(
        'must be 8 digits',
      ),
    );
    expect(posts(api)).toEqual([]);

    // The API's word on the code goes next to the field.
    fireEvent.change(code, { target: { value: '10099999' } });
    submit();
    await waitFor(() =>
      expect(screen.getByRole('alert', { name: 'There is a problem' }).textContent).toContain(
        'No awarding organisation has the code "10099999"',
      ),
    );
    summary = await problemSummary();
    expect(within(summary).getAllByRole('link')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: /problems? in/ })).toBeNull();
    expect(posts(api)).toEqual([{ ...catalogue, awardingOrganisation: '10099999' }]);

    answer = json(anImportSummary(), 201);
    fireEvent.change(code, { target: { value: '10054321' } });
    chooseFile(JSON.stringify(catalogue));
    submit();
    expect(await screen.findByRole('alert', { name: 'Catalogue imported' })).toBeTruthy();
    expect(posts(api).at(-1)).toEqual({ ...catalogue, awardingOrganisation: '10054321' });
  });

  it('is only for administrators and awarding organisations', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'centre' })) });
    renderRoute('/catalogue/import');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
    expect(screen.queryByLabelText('Catalogue file')).toBeNull();
  });
});
