import type { AwardedQualificationView } from '@lar/shared/api';
import { screen, within } from '@testing-library/react';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const learner = aMe({ kind: 'learner', role: 'learner', name: 'Priya Shah', organisation: null });

const awarded: AwardedQualificationView[] = [
  {
    id: 'aq1',
    qan: '600/1234/5',
    title: 'Level 2 Award in Harbour Logistics',
    level: '2',
    awardingOrganisation: 'Example Awarding Body',
    awardedOn: '2026-11-30',
    rulesVersion: 2,
    unitsUsed: [
      {
        group: 'M',
        title: 'Mandatory units',
        units: [{ urn: 'F/601/7513', title: 'Load a cargo vessel safely', credits: 4 }],
      },
      { group: 'O', title: 'O', units: [{ urn: 'H/601/7514', title: 'Plan a delivery route', credits: 3 }] },
    ],
  },
  {
    id: 'aq2',
    qan: '500/9466/1',
    title: 'Entry 3 Award in Employability',
    level: 'E3',
    awardingOrganisation: 'Northern Awards',
    awardedOn: '2025-07-01',
    rulesVersion: 1,
    unitsUsed: [
      { group: 'A', title: 'A', units: [{ urn: 'A/500/0001', title: 'Prepare for work', credits: 2 }] },
    ],
  },
];

describe('my qualifications (/my-record/qualifications)', () => {
  it('shows each awarded qualification, newest first, with the units used by group', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(learner),
      'GET /api/v1/me/qualifications': json([...awarded].reverse()),
    });
    renderRoute('/my-record/qualifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'My qualifications' })).toBeTruthy();
    expect(document.title).toBe('My qualifications – LAR');
    const first = await screen.findByRole('region', { name: 'Level 2 Award in Harbour Logistics' });
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Level 2 Award in Harbour Logistics', 'Entry 3 Award in Employability']);
    expect(screen.getByText('You have been awarded 2 qualifications.')).toBeTruthy();
    expect(
      within(first)
        .getAllByRole('term')
        .map((dt) => `${dt.textContent}: ${dt.nextSibling?.textContent}`),
    ).toEqual([
      'Awarded: 30 Nov 2026',
      'Awarding organisation: Example Awarding Body',
      'Qualification number (QAN): 600/1234/5',
      'Level: Level 2',
    ]);
    expect(within(first).getByRole('heading', { level: 4, name: 'Group O' })).toBeTruthy();
    const mandatory = within(first).getByRole('table', { name: 'Units used from Mandatory units' });
    expect(mandatory.textContent).toContain('F/601/7513Load a cargo vessel safely4');
    expect(first.textContent).toContain('Credit counted in all: 7 credits');
    expect(api.calls.filter((c) => c.path === '/api/v1/me/qualifications')).toHaveLength(1);
  });

  it('says when nothing has been awarded yet, and is linked from the learner’s home page', async () => {
    stubApi({ 'GET /api/v1/me': json(learner), 'GET /api/v1/me/qualifications': json([]) });
    const { unmount } = renderRoute('/my-record/qualifications');
    expect(await screen.findByText(/You have not been awarded a qualification on LAR yet/)).toBeTruthy();
    unmount();
    renderRoute('/');
    const tasks = await screen.findByRole('region', { name: 'Your record' });
    expect(within(tasks).getByRole('link', { name: 'My qualifications' }).getAttribute('href')).toBe(
      '/my-record/qualifications',
    );
    expect(within(tasks).getByRole('link', { name: 'My record' }).getAttribute('href')).toBe('/my-record');
    // The main navigation's "My record" stays current on the record's sub-pages.
    const myRecord = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
      name: 'My record',
    });
    expect(myRecord.getAttribute('href')).toBe('/my-record');
  });

  it('sends someone signed out to the learner sign-in page', async () => {
    stubApi({});
    renderRoute('/my-record/qualifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in as a learner' })).toBeTruthy();
  });

  it('is only for learners', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'centre' })) });
    renderRoute('/my-record/qualifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
