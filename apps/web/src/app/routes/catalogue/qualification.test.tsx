import { screen, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { QUALIFICATION_ID, qualificationDetail, unitDetail } from './fixtures';

const QUALIFICATION_PATH = `/api/v1/catalogue/qualifications/${QUALIFICATION_ID}`;

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('a qualification (/catalogue/qualifications/:id)', () => {
  it('shows the rules of combination in words, with each group’s units, and the versions', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(aMe({ role: 'learner', kind: 'learner', organisation: null })),
      [`GET ${QUALIFICATION_PATH}`]: json(qualificationDetail),
    });
    renderRoute(`/catalogue/qualifications/${QUALIFICATION_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Level 2 Diploma in Business Administration' }),
    ).toBeTruthy();
    expect(api.calls.filter((c) => c.path === QUALIFICATION_PATH)).toHaveLength(1);
    expect(
      screen.getAllByRole('term').map((dt) => `${dt.textContent}: ${text(dt.nextElementSibling)}`),
    ).toEqual([
      'Qualification accreditation number (QAN): 500/9466/X',
      'Level: Level 2',
      'Minimum credit: 45 credits',
      'Awarding organisation: Example Awarding Body Code 10054321',
      'Rules in force: Version 2',
    ]);

    // What the whole qualification needs.
    const needs = screen.getByRole('list', { name: 'Rules of combination' });
    expect(within(needs).getAllByRole('listitem').map(text)).toEqual([
      'At least 45 credits in total',
      'At least 36 credits at level 2 or above',
      'At least 40 credits at Entry 3 or above',
      'What each group of units below asks for (5 groups)',
      'No more than one unit of each barred combination',
    ]);
    expect(screen.getByText(/^Achievements count for 60 months \(5 years\)/)).toBeTruthy();

    // Each group: its title (or id), what it asks for, and its units.
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h3) => ({
      name: h3.textContent,
      requirement: h3.nextElementSibling?.textContent,
    }));
    expect(groups).toEqual([
      { name: 'Mandatory units', requirement: 'All of these units' },
      { name: 'Optional group A', requirement: 'At least 14 credits' },
      { name: 'Optional group B', requirement: 'At most 10 credits' },
      { name: 'Group C', requirement: 'At least 2 units, at least 4 credits and at most 12 credits' },
      { name: 'Extras', requirement: 'Exactly 1 unit' },
      { name: 'Barred combinations', requirement: expect.stringContaining('At most one unit') },
      { name: 'Equivalent units', requirement: expect.stringContaining('equivalent unit') },
    ]);

    const mandatory = screen.getByRole('table', { name: 'Units of Mandatory units' });
    expect(
      within(mandatory)
        .getAllByRole('row')
        .map((row) =>
          within(row)
            .queryAllByRole('cell')
            .map((td) => td.textContent),
        )
        .filter((cells) => cells.length > 0),
    ).toEqual([
      ['A/100/0001', 'Manage own performance', 'Level 2', '3'],
      ['A/100/0002', 'Communicate in a business environment', 'Level 3', '4'],
      ['7'],
    ]);
    expect(within(mandatory).getByRole('link', { name: 'Manage own performance' }).getAttribute('href')).toBe(
      '/catalogue/units/u-A-100-0001',
    );
    expect(within(mandatory).getByRole('rowheader').textContent).toBe('Total of the 2 units listed');

    // A URN without a catalogue entry says so.
    const extras = screen.getByRole('table', { name: 'Units of Extras' });
    const [, missing] = within(extras).getAllByRole('row');
    expect(
      within(missing as HTMLElement)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['A/100/0401', 'Not in the catalogue', '–Not known', '–Not known']);
    expect(within(extras).queryAllByRole('link')).toEqual([]);

    const barred = screen.getByRole('region', { name: 'Barred combinations' });
    expect(within(barred).getAllByRole('listitem').map(text)).toEqual([
      'Only one of: A/100/0102 Store information, A/100/0201 Use office equipment',
    ]);
    expect(within(barred).getByRole('link', { name: 'A/100/0201' }).getAttribute('href')).toBe(
      '/catalogue/units/u-A-100-0201',
    );
    const equivalents = screen.getByRole('region', { name: 'Equivalent units' });
    expect(within(equivalents).getAllByRole('listitem').map(text)).toEqual([
      'B/200/0002 Business communication may replace A/100/0002 Communicate in a business environment',
    ]);

    const versions = screen.getByRole('region', { name: 'Versions' });
    expect(within(versions).getAllByRole('listitem').map(text)).toEqual([
      'Version 2, imported 28 Nov 2026, 09:05 Current',
      'Version 1, imported 2 Mar 2026, 10:00',
    ]);
  });

  it('says when there is no such qualification', async () => {
    stubApi({
      'GET /api/v1/me': json(aMe()),
      [`GET ${QUALIFICATION_PATH}`]: apiError(404, 'NOT_FOUND', 'No such qualification'),
    });
    renderRoute(`/catalogue/qualifications/${QUALIFICATION_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Qualification not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Search the catalogue' }).getAttribute('href')).toBe(
      '/catalogue',
    );
  });
});

describe('a unit (/catalogue/units/:id)', () => {
  it('shows the unit and links the qualifications that use it', async () => {
    stubApi({
      'GET /api/v1/me': json(aMe()),
      [`GET /api/v1/catalogue/units/${unitDetail.id}`]: json(unitDetail),
    });
    renderRoute(`/catalogue/units/${unitDetail.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Communicate in a business environment' }),
    ).toBeTruthy();
    expect(
      screen.getAllByRole('term').map((dt) => `${dt.textContent}: ${text(dt.nextElementSibling)}`),
    ).toEqual([
      'Unit reference number (URN): A/100/0002',
      'Level: Level 3',
      'Credit value: 4 credits About 40 hours of learning',
      'Awarding organisation: Example Awarding Body Code 10054321',
    ]);
    const table = screen.getByRole('table', { name: 'Qualifications that use this unit' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      ),
    ).toEqual([
      ['500/9466/X', 'Level 2 Diploma in Business Administration', 'Listed in the rules'],
      ['600/3538/9', 'Level 3 Certificate in Office Practice', 'As an equivalent of a listed unit'],
    ]);
    expect(
      within(table)
        .getByRole('link', { name: 'Level 2 Diploma in Business Administration' })
        .getAttribute('href'),
    ).toBe(`/catalogue/qualifications/${QUALIFICATION_ID}`);
  });

  it('says when there is no such unit', async () => {
    stubApi({
      'GET /api/v1/me': json(aMe()),
      'GET /api/v1/catalogue/units/nope': apiError(404, 'NOT_FOUND', 'No such unit'),
    });
    renderRoute('/catalogue/units/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unit not found' })).toBeTruthy();
  });
});
