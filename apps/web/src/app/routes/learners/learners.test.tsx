import type { CentreLearnersPage } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { aLearner } from './fixtures';

const centre = aMe({ role: 'centre' });

function stubLearners(total = 1234) {
  return stubApi({
    'GET /api/v1/me': json(centre),
    'GET /api/v1/learners': (request) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
      const body: CentreLearnersPage = {
        items: Array.from({ length: Math.min(50, total - (page - 1) * 50) }, (_, i) =>
          aLearner(
            i,
            i === 0 ? { email: null, activated: true, familyName: 'Jones', givenName: 'Ffion' } : {},
          ),
        ),
        total,
        page,
        pageSize: 50,
      };
      return json(body);
    },
  });
}

const learnerSearches = (api: ReturnType<typeof stubApi>) =>
  api.calls.filter((c) => c.path === '/api/v1/learners').map((c) => c.search);

describe('your learners (/learners)', () => {
  it('passes the search, sort and page of the address to the API, and shows where it is', async () => {
    const api = stubLearners();
    renderRoute('/learners?q=shah&sort=-registeredAt&page=2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your learners' })).toBeTruthy();
    expect(document.title).toBe('Your learners – LAR');
    const table = await screen.findByRole('table', { name: /Learners matching “shah”, by date registered/ });
    expect(learnerSearches(api)).toEqual(['?q=shah&sort=-registeredAt&page=2&pageSize=50']);
    expect(within(table).getByText('Showing 51–100 of 1,234 learners')).toBeTruthy();
    expect((screen.getByLabelText('Search learners') as HTMLInputElement).value).toBe('shah');

    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((th) => th.getAttribute('aria-sort'))).toEqual([
      null,
      null,
      null,
      null,
      null,
      'descending',
      null,
    ]);
    const registered = within(table).getByRole('link', { name: /^Registered\s*, sort ascending$/ });
    expect(registered.getAttribute('href')).toBe('/learners?q=shah&sort=registeredAt');

    const pages = screen.getByRole('navigation', { name: 'Pages of learners' });
    expect(within(pages).getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe(
      '/learners?q=shah&sort=-registeredAt',
    );
    expect(within(pages).getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe(
      '/learners?q=shah&sort=-registeredAt&page=3',
    );
    expect(within(pages).getByText('Page 2 of 25')).toBeTruthy();

    const [, first] = within(table).getAllByRole('row');
    expect(
      within(first as HTMLElement)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual([
      'Jones',
      'Ffion',
      '9276308686',
      '14 Mar 2004',
      '–No email address',
      '28 Nov 2026, 09:06',
      'Yes',
    ]);
  });

  it('sorts by a column heading and searches from page 1, keeping both in the address', async () => {
    const api = stubLearners();
    renderRoute('/learners');
    const table = await screen.findByRole('table', { name: /Your centre’s learners, by family name/ });
    expect(learnerSearches(api)).toEqual(['?sort=familyName&page=1&pageSize=50']);
    expect(
      within(table)
        .getByRole('columnheader', { name: /Family name/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');

    fireEvent.click(within(table).getByRole('link', { name: /^ULN\s*, sort ascending$/ }));
    await waitFor(() => expect(learnerSearches(api).at(-1)).toBe('?sort=uln&page=1&pageSize=50'));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /ULN/ }).getAttribute('aria-sort')).toBe('ascending'),
    );
    fireEvent.click(screen.getByRole('link', { name: /^ULN\s*, sort descending$/ }));
    await waitFor(() => expect(learnerSearches(api).at(-1)).toBe('?sort=-uln&page=1&pageSize=50'));
    // The paging links carry the sort once the page shows it (under load the request comes first).
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /ULN/ }).getAttribute('aria-sort')).toBe('descending'),
    );

    fireEvent.click(screen.getByRole('link', { name: 'Next page' }));
    await waitFor(() => expect(learnerSearches(api).at(-1)).toBe('?sort=-uln&page=2&pageSize=50'));

    fireEvent.change(screen.getByLabelText('Search learners'), { target: { value: ' 92763 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(learnerSearches(api).at(-1)).toBe('?q=92763&sort=-uln&page=1&pageSize=50'));
    expect(await screen.findByRole('table', { name: /Learners matching “92763”/ })).toBeTruthy();
  });

  it('links a centre without learners to adding them', async () => {
    stubLearners(0);
    renderRoute('/learners');
    expect(await screen.findByText(/Your centre has no learners yet/)).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Add new learners' });
    expect(links.every((link) => link.getAttribute('href') === '/learners/imports')).toBe(true);
  });

  it('is linked from a centre’s home page', async () => {
    stubLearners();
    renderRoute('/');
    const tasks = await screen.findByRole('region', { name: 'Harbour College' });
    expect(within(tasks).getByRole('link', { name: 'Add new learners' }).getAttribute('href')).toBe(
      '/learners/imports',
    );
    expect(within(tasks).getByRole('link', { name: 'Your learners' }).getAttribute('href')).toBe('/learners');
  });

  it('is only for centres', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'administrator', organisation: null })) });
    renderRoute('/learners');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
