import type { ClaimsPage } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { aClaim, CLAIM_ID } from './fixtures';

const centre = aMe({ role: 'centre' });
const awarding = aMe({
  role: 'awarding_organisation',
  name: 'Alex Awarding',
  organisation: { id: 'o2', name: 'Example Awarding Body', code: 'EAB', type: 'AWARDING_ORGANISATION' },
});

const counts = {
  POSSIBLE: 3,
  SUBMITTED: 120,
  AWARDED: 4,
  REJECTED: 1,
  NO_LONGER_ACHIEVABLE: 0,
  WITHDRAWN: 2,
};

function stubClaims(me = centre, total = 120) {
  return stubApi({
    'GET /api/v1/me': json(me),
    'GET /api/v1/claims': (request) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
      const body: ClaimsPage = {
        items: Array.from({ length: Math.min(50, Math.max(0, total - (page - 1) * 50)) }, (_, i) =>
          aClaim(i === 0 ? {} : { id: `c${i}` }),
        ),
        total,
        page,
        pageSize: 50,
        counts,
      };
      return json(body);
    },
  });
}

const claimSearches = (api: ReturnType<typeof stubApi>) =>
  api.calls.filter((c) => c.path === '/api/v1/claims').map((c) => c.search);

describe('claims list (/claims)', () => {
  it('shows a centre its Possible Claims List by default, with counts by status and a link to each claim', async () => {
    const api = stubClaims(centre, 3);
    renderRoute('/claims');
    expect(await screen.findByRole('heading', { level: 1, name: 'Possible Claims List' })).toBeTruthy();
    expect(document.title).toBe('Possible Claims List – LAR');
    const table = await screen.findByRole('table', {
      name: /Possible claims, by date checked, newest first/,
    });
    expect(claimSearches(api)).toEqual(['?status=POSSIBLE&sort=-evaluatedAt&page=1&pageSize=50']);

    const filter = screen.getByRole('navigation', { name: 'Claims by status' });
    const links = within(filter).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Possible 3',
      'Submitted 120',
      'Awarded 4',
      'Rejected 1',
      'No longer achievable 0',
      'Withdrawn 2',
      'All 130',
    ]);
    expect(links[0]?.getAttribute('aria-current')).toBe('page');
    expect(links[0]?.getAttribute('href')).toBe('/claims');
    expect(links[1]?.getAttribute('href')).toBe('/claims?status=SUBMITTED');
    expect(links[6]?.getAttribute('href')).toBe('/claims?status=all');

    const [, first] = within(table).getAllByRole('row');
    const link = within(first as HTMLElement).getByRole('link', {
      name: 'Level 2 Award in Harbour Logistics for Priya Shah',
    });
    expect(link.getAttribute('href')).toBe(`/claims/${CLAIM_ID}`);
    expect(
      within(first as HTMLElement)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual([
      'Priya ShahULN 9276308686',
      'Level 2 Award in Harbour Logistics for Priya ShahQAN 600/1234/5, Level 2',
      'Example Awarding Body',
      'F/601/7513 Load a cargo vessel safely, 4 creditsH/601/7514 Plan a delivery route, 3 creditsJ/601/7515 Record stock movements, 3 credits',
      '10',
      'Possible',
      '28 Nov 2026, 09:05',
    ]);
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(
      '/api/v1/claims/export.csv?status=POSSIBLE&sort=-evaluatedAt',
    );
  });

  it('passes the status, searches, sort and page of the address to the API and the CSV link', async () => {
    const api = stubClaims();
    renderRoute('/claims?status=SUBMITTED&qualification=harbour&learner=shah&sort=learner&page=2');
    const table = await screen.findByRole('table', {
      name: /Submitted claims for learners matching “shah” for qualifications matching “harbour”, by learner/,
    });
    expect(claimSearches(api)).toEqual([
      '?status=SUBMITTED&qualification=harbour&learner=shah&sort=learner&page=2&pageSize=50',
    ]);
    expect(within(table).getByText('Showing 51–100 of 120 claims')).toBeTruthy();
    expect((screen.getByLabelText('Qualification') as HTMLInputElement).value).toBe('harbour');
    expect((screen.getByLabelText('Learner') as HTMLInputElement).value).toBe('shah');
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(
      '/api/v1/claims/export.csv?status=SUBMITTED&qualification=harbour&learner=shah&sort=learner',
    );

    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((th) => th.getAttribute('aria-sort'))).toEqual([
      'ascending',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(
      within(table)
        .getByRole('link', { name: /^Learner\s*, sort descending$/ })
        .getAttribute('href'),
    ).toBe('/claims?status=SUBMITTED&qualification=harbour&learner=shah&sort=-learner');
    expect(
      within(table)
        .getByRole('link', { name: /^Checked\s*, sort descending$/ })
        .getAttribute('href'),
    ).toBe('/claims?status=SUBMITTED&qualification=harbour&learner=shah');
    const pages = screen.getByRole('navigation', { name: 'Pages of claims' });
    expect(within(pages).getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe(
      '/claims?status=SUBMITTED&qualification=harbour&learner=shah&sort=learner',
    );
    expect(within(pages).getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe(
      '/claims?status=SUBMITTED&qualification=harbour&learner=shah&sort=learner&page=3',
    );
  });

  it('sorts, filters and searches, keeping everything in the address', async () => {
    const api = stubClaims();
    renderRoute('/claims');
    await screen.findByRole('table', { name: /Possible claims/ });
    fireEvent.click(screen.getByRole('link', { name: /^Qualification\s*, sort ascending$/ }));
    await waitFor(() =>
      expect(claimSearches(api).at(-1)).toBe('?status=POSSIBLE&sort=qualification&page=1&pageSize=50'),
    );
    // The route's loader asks before the page shows the new order.
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Qualification/ }).getAttribute('aria-sort')).toBe(
        'ascending',
      ),
    );
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Claims by status' })).getByRole('link', {
        name: /^All/,
      }),
    );
    await waitFor(() => expect(claimSearches(api).at(-1)).toBe('?sort=qualification&page=1&pageSize=50'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('navigation', { name: 'Claims by status' }))
          .getByRole('link', { name: /^All/ })
          .getAttribute('aria-current'),
      ).toBe('page'),
    );
    fireEvent.change(screen.getByLabelText('Learner'), { target: { value: ' 9276 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(claimSearches(api).at(-1)).toBe('?learner=9276&sort=qualification&page=1&pageSize=50'),
    );
    expect(
      await screen.findByRole('table', { name: /All claims for learners matching “9276”/ }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(
      '/api/v1/claims/export.csv?learner=9276&sort=qualification',
    );
    // Back to the list already loaded (from the cache).
    fireEvent.click(screen.getByRole('link', { name: 'Clear the search' }));
    expect(await screen.findByRole('table', { name: /^All claims, by qualification/ })).toBeTruthy();
  });

  it('shows an awarding organisation the claims to decide, submitted ones first', async () => {
    const api = stubClaims(awarding, 1);
    renderRoute('/claims');
    expect(await screen.findByRole('heading', { level: 1, name: 'Claims to decide' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Submitted claims/ });
    expect(claimSearches(api)).toEqual(['?status=SUBMITTED&sort=-evaluatedAt&page=1&pageSize=50']);
    const filter = screen.getByRole('navigation', { name: 'Claims by status' });
    expect(
      within(filter)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Submitted 120', 'Awarded 4', 'Rejected 1', 'Withdrawn 2', 'All 127']);
    expect(within(table).getByRole('columnheader', { name: 'Centre' })).toBeTruthy();
    expect(table.textContent).toContain('Harbour College');
  });

  it('says when there are no possible claims', async () => {
    stubClaims(centre, 0);
    renderRoute('/claims');
    expect(await screen.findByText(/There are no possible claims at the moment/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download as CSV' })).toBeNull();
  });

  it('is linked from the home page of centres and awarding organisations', async () => {
    stubClaims(centre);
    const { unmount } = renderRoute('/');
    const tasks = await screen.findByRole('region', { name: 'Harbour College' });
    expect(within(tasks).getByRole('link', { name: 'Possible Claims List' }).getAttribute('href')).toBe(
      '/claims',
    );
    unmount();
    stubClaims(awarding);
    renderRoute('/');
    const aoTasks = await screen.findByRole('region', { name: 'Example Awarding Body' });
    expect(within(aoTasks).getByRole('link', { name: 'Claims to decide' }).getAttribute('href')).toBe(
      '/claims',
    );
    expect(within(aoTasks).getByRole('link', { name: 'Record achievements' }).getAttribute('href')).toBe(
      '/achievements',
    );
  });

  it('is not for learners', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ kind: 'learner', role: 'learner', organisation: null })) });
    renderRoute('/claims');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
