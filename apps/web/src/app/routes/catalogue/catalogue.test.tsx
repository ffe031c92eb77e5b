import type { CatalogueQualificationsPage, CatalogueUnitsPage } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { aQualificationSummary, aUnit } from './fixtures';

function stubCatalogue(me = aMe({ role: 'centre' }), total = 120) {
  return stubApi({
    'GET /api/v1/me': json(me),
    'GET /api/v1/catalogue/qualifications': (request) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
      const body: CatalogueQualificationsPage = {
        items: Array.from({ length: Math.max(0, Math.min(50, total - (page - 1) * 50)) }, (_, i) =>
          aQualificationSummary(i, i === 0 ? { id: 'q-first', qan: '600/3538/9', minCredits: 1_240 } : {}),
        ),
        total,
        page,
        pageSize: 50,
      };
      return json(body);
    },
    'GET /api/v1/catalogue/units': (request) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
      const body: CatalogueUnitsPage = {
        items: [aUnit('F/601/7513', { title: 'Manage own performance', level: 'E3', credits: 2 })],
        total: 1,
        page,
        pageSize: 50,
      };
      return json(body);
    },
  });
}

const searches = (api: ReturnType<typeof stubApi>, what: 'qualifications' | 'units') =>
  api.calls.filter((c) => c.path === `/api/v1/catalogue/${what}`).map((c) => c.search);

describe('the catalogue (/catalogue)', () => {
  it('passes the search, level and page of the address to the API, and shows the qualifications', async () => {
    const api = stubCatalogue();
    renderRoute('/catalogue?q=business&level=2&page=2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Catalogue' })).toBeTruthy();
    expect(document.title).toBe('Catalogue – LAR');
    const table = await screen.findByRole('table', { name: /Qualifications matching “business” at Level 2/ });
    expect(searches(api, 'qualifications')).toEqual(['?q=business&level=2&page=2&pageSize=50']);
    expect(searches(api, 'units')).toEqual([]);
    expect(within(table).getByText('Showing 51–100 of 120 qualifications')).toBeTruthy();
    expect((screen.getByLabelText('Search qualifications') as HTMLInputElement).value).toBe('business');
    expect((screen.getByLabelText('Level') as HTMLSelectElement).value).toBe('2');

    const sections = screen.getByRole('navigation', { name: 'Catalogue sections' });
    expect(within(sections).getByRole('link', { name: 'Qualifications' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(sections).getByRole('link', { name: 'Units' }).getAttribute('href')).toBe(
      '/catalogue?tab=units&q=business&level=2',
    );

    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['QAN', 'Title', 'Level', 'Minimum credit', 'Awarding organisation']);
    const [, first] = within(table).getAllByRole('row');
    expect(
      within(first as HTMLElement)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual([
      '600/3538/9',
      'Level 2 Diploma in Business Administration',
      'Level 2',
      '1,240',
      'Example Awarding Body',
    ]);
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: 'Level 2 Diploma in Business Administration' })
        .getAttribute('href'),
    ).toBe('/catalogue/qualifications/q-first');

    const pages = screen.getByRole('navigation', { name: 'Pages of qualifications' });
    expect(within(pages).getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe(
      '/catalogue?q=business&level=2',
    );
    expect(within(pages).getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe(
      '/catalogue?q=business&level=2&page=3',
    );
    expect(within(pages).getByText('Page 2 of 3')).toBeTruthy();
  });

  it('searches from page 1 with the words and level chosen, and switches to units', async () => {
    const api = stubCatalogue();
    renderRoute('/catalogue?page=2');
    await screen.findByRole('table', { name: /All qualifications/ });
    expect(searches(api, 'qualifications')).toEqual(['?page=2&pageSize=50']);

    fireEvent.change(screen.getByLabelText('Search qualifications'), { target: { value: ' 500/9466 ' } });
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'E3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(searches(api, 'qualifications').at(-1)).toBe('?q=500%2F9466&level=E3&page=1&pageSize=50'),
    );
    expect(
      await screen.findByRole('table', { name: /Qualifications matching “500\/9466” at Entry 3/ }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Clear the search' }).getAttribute('href')).toBe('/catalogue');

    fireEvent.click(screen.getByRole('link', { name: 'Units' }));
    const units = await screen.findByRole('table', { name: /Units matching “500\/9466” at Entry 3/ });
    expect(searches(api, 'units')).toEqual(['?q=500%2F9466&level=E3&page=1&pageSize=50']);
    expect(screen.getByLabelText('Search units')).toBeTruthy();
    expect(
      within(units)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['URN', 'Title', 'Level', 'Credits', 'Awarding organisation']);
    const [, row] = within(units).getAllByRole('row');
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['F/601/7513', 'Manage own performance', 'Entry 3', '2', 'Example Awarding Body']);
    expect(within(units).getByRole('link', { name: 'Manage own performance' }).getAttribute('href')).toBe(
      '/catalogue/units/u-F-601-7513',
    );
  });

  it('says when nothing matches', async () => {
    stubCatalogue(aMe({ role: 'learner', kind: 'learner', organisation: null }), 0);
    renderRoute('/catalogue?q=astronomy');
    expect(await screen.findByText('No qualifications match your search.')).toBeTruthy();
  });

  it('links administrators and awarding organisations to the import, and no one else', async () => {
    stubCatalogue(aMe({ role: 'awarding_organisation' }));
    const { unmount } = renderRoute('/catalogue');
    expect((await screen.findByRole('link', { name: 'Import a catalogue file' })).getAttribute('href')).toBe(
      '/catalogue/import',
    );
    unmount();

    stubCatalogue(aMe({ role: 'centre' }));
    renderRoute('/catalogue');
    await screen.findByRole('table', { name: /All qualifications/ });
    expect(screen.queryByRole('link', { name: 'Import a catalogue file' })).toBeNull();
  });

  it('asks someone signed out to sign in', async () => {
    stubApi({});
    renderRoute('/catalogue');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
  });
});
