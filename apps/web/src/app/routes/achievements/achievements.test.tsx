import type { RecordedAchievementsPage } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { stubXhr } from '@/testing/xhr-stub';
import { ACHIEVEMENT_ID, anAchievement, aReport } from './fixtures';

const awarding = aMe({
  role: 'awarding_organisation',
  organisation: { id: 'o2', name: 'Example Awarding Body', code: 'EAB', type: 'AWARDING_ORGANISATION' },
});

const withdrawn = anAchievement({
  id: 'w1',
  uln: '4812305178',
  learnerName: 'Ffion Jones',
  urn: 'H/601/7514',
  unitTitle: 'Plan a delivery route',
  basis: 'exemption',
  withdrawnAt: '2026-11-29T10:00:00.000Z',
  withdrawnReason: 'Recorded for the wrong learner',
});

function page(items = [anAchievement(), withdrawn], total = 2): RecordedAchievementsPage {
  return { items, total, page: 1, pageSize: 50 };
}

function stubAchievements(answers: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/v1/me': json(awarding),
    'GET /api/v1/achievements': json(page()),
    ...answers,
  });
}

const listSearches = (api: ReturnType<typeof stubApi>) =>
  api.calls.filter((c) => c.path === '/api/v1/achievements' && c.method === 'GET').map((c) => c.search);

const chooseFile = (content = 'ULN,URN,AchievedOn\n9276308686,F/601/7513,2026-06-30\n') => {
  const file = new File([content], 'june.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Upload an Achievements CSV file'), { target: { files: [file] } });
  return file;
};

let xhr: ReturnType<typeof stubXhr> | undefined;
afterEach(() => {
  xhr?.restore();
  xhr = undefined;
});

describe('achievements (/achievements)', () => {
  it('explains the file and the API, and lists recorded achievements with withdrawn ones and their reason', async () => {
    const api = stubAchievements();
    renderRoute('/achievements?uln=9276&urn=f/601&page=1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Achievements' })).toBeTruthy();
    expect(document.title).toBe('Achievements – LAR');
    expect(screen.getByRole('link', { name: 'API token' }).getAttribute('href')).toBe('/api-tokens');
    expect(screen.getByRole('link', { name: 'API documentation' }).getAttribute('href')).toBe('/api/docs');

    const table = await screen.findByRole('table', {
      name: /Achievements with ULN starting 9276 and URN starting F\/601, newest first/,
    });
    expect(listSearches(api)).toEqual(['?uln=9276&urn=F%2F601&page=1&pageSize=50']);
    expect((screen.getByLabelText('ULN') as HTMLInputElement).value).toBe('9276');
    const [, first, second] = within(table).getAllByRole('row');
    expect(
      within(first as HTMLElement)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual([
      'Priya ShahULN 9276308686',
      'F/601/7513Load a cargo vessel safely',
      '30 Jun 2026',
      'Credit',
      '28 Nov 2026, 09:05',
      'Counts',
      'Withdraw',
    ]);
    expect(second?.textContent).toContain('Withdrawn');
    expect(second?.textContent).toContain('Reason: Recorded for the wrong learner');
    expect(second?.textContent).toContain('Exemption');
    expect(within(second as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('searches by ULN and URN from page 1, keeping both in the address', async () => {
    const api = stubAchievements({
      'GET /api/v1/achievements': json({ ...page(), total: 120 }),
    });
    renderRoute('/achievements');
    await screen.findByRole('table', { name: /Achievements your organisation recorded, newest first/ });
    fireEvent.click(screen.getByRole('link', { name: 'Next page' }));
    await waitFor(() => expect(listSearches(api).at(-1)).toBe('?page=2&pageSize=50'));
    fireEvent.change(screen.getByLabelText('ULN'), { target: { value: '9276308686' } });
    fireEvent.change(screen.getByLabelText('URN'), { target: { value: 'F/601' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(listSearches(api).at(-1)).toBe('?uln=9276308686&urn=F%2F601&page=1&pageSize=50'),
    );
    expect(await screen.findByRole('link', { name: 'Clear the search' })).toBeTruthy();
  });

  it('uploads a file with a progress bar, then shows the report with the rejected rows first', async () => {
    xhr = stubXhr({ progress: [0.5, 1] });
    const api = stubAchievements({ 'POST /api/v1/achievements/upload': json(aReport) });
    renderRoute('/achievements');
    await screen.findByRole('heading', { level: 1, name: 'Achievements' });
    const file = chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    expect(await screen.findByRole('progressbar', { name: 'Uploading june.csv' })).toBeTruthy();

    const banner = await screen.findByRole('alert', { name: 'File processed' });
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(banner.textContent).toContain('june.csv: 2 achievements recorded and 1 row rejected.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    const request = xhr.sent[0];
    if (!request) throw new Error('expected an upload');
    expect(request.url).toBe('/api/v1/achievements/upload');
    expect(((request.body as FormData).get('file') as File).name).toBe(file.name);

    const table = screen.getByRole('table', { name: /All rows, rejected first/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      '31234567890F/601/7513RejectedULN: check digit should be 3, not 0',
      '29276308686F/601/7513Recorded–No problems',
      '44812305178H/601/7514Recorded–No problems',
    ]);

    const show = screen.getByRole('group', { name: 'Show rows' });
    fireEvent.click(within(show).getByRole('button', { name: /^Rejected/ }));
    expect(
      within(show)
        .getByRole('button', { name: /^Rejected/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    const rejected = screen.getByRole('table', { name: /Rejected rows/ });
    expect(within(rejected).getAllByRole('row')).toHaveLength(2);
    // Something was recorded, so the list is asked again.
    await waitFor(() => expect(listSearches(api)).toHaveLength(2));
  });

  it('lists the columns of a wrong header row, as the API names them', async () => {
    xhr = stubXhr();
    stubAchievements({
      'POST /api/v1/achievements/upload': apiError(400, 'CSV_HEADER', 'The header’s columns are wrong', {
        missing: ['AchievedOn'],
        unknown: ['Date'],
        duplicated: ['URN'],
      }),
    });
    renderRoute('/achievements');
    await screen.findByRole('heading', { level: 1, name: 'Achievements' });
    chooseFile('ULN,URN,URN,Date\n');
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'The header’s columns are wrong',
      'Missing columns: AchievedOn',
      'Columns LAR does not recognise: Date',
      'Columns given more than once: URN',
    ]);
    expect(summary.textContent).toContain('ULN, URN and AchievedOn, and may add Basis');
  });

  it('asks for a file before sending anything, and says when a file has too many rows', async () => {
    xhr = stubXhr();
    stubAchievements({
      'POST /api/v1/achievements/upload': apiError(
        413,
        'CSV_TOO_MANY_ROWS',
        'The file has more than 10000 achievements; split it into files of at most 10000 rows',
      ),
    });
    renderRoute('/achievements');
    fireEvent.click(await screen.findByRole('button', { name: 'Upload file' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: 'Select a CSV file to upload' })).toBeTruthy();
    expect(xhr.sent).toEqual([]);
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    expect(
      await screen.findByText(/split it into files of at most 10000 rows/, { selector: 'a' }),
    ).toBeTruthy();
  });

  it('withdraws an achievement with a reason, and shows it withdrawn', async () => {
    let done = false;
    const api = stubAchievements({
      'GET /api/v1/achievements': () =>
        json(
          page(
            done
              ? [
                  anAchievement({
                    withdrawnAt: '2026-11-30T10:00:00.000Z',
                    withdrawnReason: 'Entered twice',
                  }),
                ]
              : [anAchievement()],
            1,
          ),
        ),
      [`POST /api/v1/achievements/${ACHIEVEMENT_ID}/withdraw`]: () => {
        done = true;
        return json(
          anAchievement({ withdrawnAt: '2026-11-30T10:00:00.000Z', withdrawnReason: 'Entered twice' }),
        );
      },
    });
    renderRoute('/achievements');
    const open = await screen.findByRole('button', {
      name: 'Withdraw the achievement of unit F/601/7513 for Priya Shah (ULN 9276308686)',
    });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', {
      name: 'Withdraw the achievement of unit F/601/7513 for Priya Shah (ULN 9276308686)',
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Withdraw achievement' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('Enter why you are withdrawing the achievement');

    fireEvent.change(within(form).getByLabelText(/Why are you withdrawing/), {
      target: { value: '  Entered twice ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Withdraw achievement' }));
    const banner = await screen.findByRole('alert', { name: 'Success' });
    expect(banner.textContent).toContain('is withdrawn');
    expect(api.bodies(`POST /api/v1/achievements/${ACHIEVEMENT_ID}/withdraw`)).toEqual([
      { reason: 'Entered twice' },
    ]);
    const table = screen.getByRole('table', { name: /Achievements your organisation recorded/ });
    await waitFor(() => expect(table.textContent).toContain('Reason: Entered twice'));
    expect(screen.queryByRole('form', { name: /^Withdraw/ })).toBeNull();
  });

  it('says so when the achievement was already withdrawn (409)', async () => {
    stubAchievements({
      [`POST /api/v1/achievements/${ACHIEVEMENT_ID}/withdraw`]: apiError(
        409,
        'CONFLICT',
        'This achievement was already withdrawn.',
      ),
    });
    renderRoute('/achievements');
    fireEvent.click(
      await screen.findByRole('button', { name: /^Withdraw the achievement of unit F\/601\/7513/ }),
    );
    fireEvent.change(screen.getByLabelText(/Why are you withdrawing/), { target: { value: 'Wrong unit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw achievement' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('This achievement was already withdrawn.');
  });

  it('is only for awarding organisations', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'centre' })) });
    renderRoute('/achievements');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
