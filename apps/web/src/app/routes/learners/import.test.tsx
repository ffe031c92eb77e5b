import type { ImportReportPage } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { anImport, IMPORT_ID, reportRows } from './fixtures';

const centre = aMe({ role: 'centre' });
const IMPORT_PATH = `/api/v1/learners/imports/${IMPORT_ID}`;

const report = (outcome: string | null): ImportReportPage => {
  const items = reportRows.filter((row) => !outcome || row.outcome === outcome);
  return { items, total: items.length, page: 1, pageSize: 50 };
};

function stubReport() {
  return stubApi({
    'GET /api/v1/me': json(centre),
    [`GET ${IMPORT_PATH}`]: json(anImport()),
    [`GET ${IMPORT_PATH}/report`]: (request) =>
      json(report(new URL(request.url).searchParams.get('outcome'))),
  });
}

describe('a learners upload (/learners/imports/:importId)', () => {
  it('shows a progress bar while processing, polls, then shows the report', async () => {
    let polls = 0;
    const api = stubApi({
      'GET /api/v1/me': json(centre),
      [`GET ${IMPORT_PATH}`]: () => {
        polls += 1;
        return json(
          polls === 1
            ? anImport({
                status: 'PROCESSING',
                totalRows: 100_000,
                processedRows: 12_000,
                completedAt: null,
                counts: {
                  created: 0,
                  registered: 0,
                  alreadyRegistered: 0,
                  rejected: 0,
                  createdWithoutEmail: 0,
                },
              })
            : anImport(),
        );
      },
      [`GET ${IMPORT_PATH}/report`]: json(report(null)),
    });
    renderRoute(`/learners/imports/${IMPORT_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'autumn-intake.csv' })).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Rows processed' });
    expect(bar.getAttribute('value')).toBe('12000');
    expect(bar.getAttribute('max')).toBe('100000');
    expect(screen.getByText('12,000 of 100,000 rows (12%)')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Processing the file' })).toBeTruthy();
    expect(screen.getByText('Processing the file.').getAttribute('aria-live')).toBe('polite');
    expect(api.calls.some((c) => c.path.endsWith('/report'))).toBe(false);

    // About a second later it asks again, and the upload has finished.
    expect(await screen.findByRole('heading', { level: 2, name: 'Report' }, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/^Processing finished\. 2 learners created/).getAttribute('aria-live')).toBe(
      'polite',
    );
    expect(polls).toBe(2);
    await screen.findByRole('table', { name: /All rows, in file order/ });
  });

  it('shows the counts, the rows with their outcome and the activation code, and the CSV download', async () => {
    const api = stubReport();
    renderRoute(`/learners/imports/${IMPORT_ID}`);
    const table = await screen.findByRole('table', { name: /All rows, in file order/ });
    expect(document.title).toBe('Learners upload – LAR');

    const counts = screen
      .getAllByRole('term')
      .map((dt) => `${dt.textContent}: ${dt.nextSibling?.textContent}`);
    expect(counts).toEqual(
      expect.arrayContaining([
        'New learners created: 21 of them without an email address',
        'Existing learners registered with your centre: 1',
        'Already registered with your centre (no change): 0',
        'Rejected rows: 1',
      ]),
    );
    expect(
      screen.getByText(/1 new learner with an email address has been emailed their ULN and a password/),
    ).toBeTruthy();
    expect(
      screen.getByText(/1 new learner has no email address\. Give them their activation code/),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'learner sign-in page' }).getAttribute('href')).toBe(
      '/learner/sign-in',
    );
    const download = screen.getByRole('link', { name: 'Download the report (CSV)' });
    expect(download.getAttribute('href')).toBe(`${IMPORT_PATH}/report.csv`);

    expect(within(table).getByText('Showing 1–4 of 4 rows')).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['2', '3', '4', '5']);
    const ffion = rows[1] as HTMLElement;
    expect(within(ffion).getByText('K7QP-2MXD').tagName).toBe('CODE');
    expect(ffion.textContent).toContain('Activation code');
    expect(within(ffion).getByText('Created')).toBeTruthy();
    const rejected = rows[3] as HTMLElement;
    expect(within(rejected).getByText('Rejected')).toBeTruthy();
    expect(rejected.textContent).toContain(
      'ULN: check digit should be 3, not 0; DateOfBirth: must not be in the future',
    );

    // Filter by outcome: the address and the API call change.
    const filter = screen.getByRole('navigation', { name: 'Filter rows by outcome' });
    expect(
      within(filter)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['All 4', 'Created 2', 'Registered 1', 'Already registered 0', 'Rejected 1']);
    fireEvent.click(within(filter).getByRole('link', { name: 'Rejected 1' }));
    const only = await screen.findByRole('table', { name: /Rejected rows, in file order/ });
    await waitFor(() => expect(within(only).getAllByRole('row')).toHaveLength(2));
    expect(within(filter).getByRole('link', { name: 'Rejected 1' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await waitFor(() =>
      expect(api.calls.filter((c) => c.path.endsWith('/report')).map((c) => c.search)).toEqual([
        '?page=1&pageSize=50',
        '?page=1&pageSize=50&outcome=rejected',
      ]),
    );
  });

  it('says so when the upload is not this centre’s', async () => {
    stubApi({
      'GET /api/v1/me': json(centre),
      [`GET ${IMPORT_PATH}`]: apiError(404, 'NOT_FOUND', 'No such import'),
    });
    renderRoute(`/learners/imports/${IMPORT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Upload not found' })).toBeTruthy();
  });

  it('explains a failed upload', async () => {
    stubApi({
      'GET /api/v1/me': json(centre),
      [`GET ${IMPORT_PATH}`]: json(
        anImport({ status: 'FAILED', processedRows: 2, error: 'The database could not be reached.' }),
      ),
    });
    renderRoute(`/learners/imports/${IMPORT_ID}`);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'LAR could not finish processing this file' }),
    ).toBeTruthy();
    expect(screen.getByText('The database could not be reached.')).toBeTruthy();
  });
});
