import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { whatIfEvaluation } from '@/features/my-record/utils/what-if';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { achievements, diplomaEvaluation, record } from './fixtures';

const learner = aMe({ kind: 'learner', role: 'learner', name: 'Priya Shah', organisation: null });
const diploma = record.progress.items[0] as (typeof record.progress.items)[number];

function stubRecord() {
  return stubApi({ 'GET /api/v1/me': json(learner), 'GET /api/v1/me/record': json(record) });
}

const progressRegion = () =>
  screen.getByRole('region', { name: 'Level 2 Diploma in Business Administration' });

describe('my record (/my-record)', () => {
  it('shows the units, credit by level, qualifications achieved, progress and progression', async () => {
    const api = stubRecord();
    renderRoute('/my-record');
    expect(await screen.findByRole('heading', { level: 1, name: 'My record' })).toBeTruthy();
    expect(document.title).toBe('My record – LAR');
    const units = await screen.findByRole('table', { name: 'Units achieved, newest first' });
    const headers = within(units)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'URN',
      'Title',
      'Level',
      'Credits',
      'Achieved',
      'Awarding organisation',
      'Basis',
    ]);
    expect(within(units).getAllByRole('row')).toHaveLength(14);
    expect(units.textContent).toContain(
      'F/100/0107Deliver, monitor and evaluate customer serviceLevel 3620 May 2025Example Awarding BodyCredit',
    );
    expect(screen.getByText('13 units achieved, 49 credits in all.')).toBeTruthy();

    const chart = screen.getByRole('table', { name: 'Credit by level' });
    expect(
      within(chart)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['LevelCreditsBar', 'Level 12', 'Level 237', 'Level 310', 'Total49']);
    expect(chart.querySelectorAll('svg[aria-hidden="true"] rect')).toHaveLength(3);

    const achieved = screen.getByRole('region', { name: 'Qualifications achieved' });
    expect(
      within(achieved).getByRole('heading', { level: 3, name: 'Level 1 Award in Office Skills' }),
    ).toBeTruthy();
    expect(
      within(achieved).getByRole('table', { name: 'Units used from Mandatory units' }).textContent,
    ).toContain('F/100/0301Employee rights and responsibilities2');

    const progress = progressRegion();
    expect(within(progress).getByText('2 more credits needed')).toBeTruthy();
    expect(
      within(progress).getByRole('progressbar', { name: 'Credit counted' }).getAttribute('aria-valuetext'),
    ).toBe('45 of the 45 credits needed count, but not every rule below is met yet');
    expect(progress.textContent).toContain('At least 36 credits at level 2 or above: 43 counted (met)');
    const routes = within(progress).getByRole('heading', { level: 4, name: 'Routes to achievement' })
      .nextElementSibling?.nextElementSibling as HTMLElement;
    expect(
      within(routes)
        .getAllByRole('listitem')
        .filter((li) => li.parentElement === routes)
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['add F/100/0106 (2 credits)', 'add F/100/0104 (3 credits)', 'add F/100/0108 (3 credits)']);
    const groupA = within(progress).getByRole('heading', { level: 5, name: 'Optional group A Not yet' })
      .parentElement as HTMLElement;
    expect(groupA.textContent).toContain('Needs: at least 14 credits. Counted: 13 credits from 3 units.');
    expect(groupA.textContent).toContain('Units that could count here:');
    expect(groupA.textContent).toContain('F/100/0106 Use a telephone and voicemail system (2 credits)');
    expect(within(progress).getByRole('heading', { level: 5, name: 'Mandatory units Done' })).toBeTruthy();
    expect(progress.textContent).toContain('Units on the record that do not count here: F/100/0105');
    // A held equivalent the rules do not list takes its title from the record's units.
    expect(progress.textContent).toContain(
      'T/500/0002 Manage own performance in a business environment (superseded)',
    );

    const progression = screen.getByRole('region', { name: 'Progression opportunities' });
    expect(progression.textContent).toContain('Level 3 Diploma in Business Administration');
    expect(progression.textContent).toContain('Uses 2 units already achieved: F/100/0105, F/100/0107');

    const links = within(screen.getByRole('navigation', { name: 'Your record' }));
    expect(links.getByRole('link', { name: 'Who can see your record' }).getAttribute('href')).toBe(
      '/my-record/permissions',
    );
    expect(links.getByRole('link', { name: 'Who has viewed your record' }).getAttribute('href')).toBe(
      '/my-record/access-log',
    );
    expect(api.calls.filter((c) => c.path === '/api/v1/me/record')).toHaveLength(1);
  });

  it('what-if: the browser’s engine gives the server’s numbers with nothing ticked', () => {
    expect(whatIfEvaluation(diploma, achievements, [])).toEqual(diplomaEvaluation);
    expect(whatIfEvaluation(diploma, record.progress.achievements, [])).toEqual(diploma.evaluation);
  });

  it('what-if: ticking a missing unit changes the progress at once, and clearing brings the server’s back', async () => {
    stubRecord();
    renderRoute('/my-record');
    await screen.findByRole('region', { name: 'Level 2 Diploma in Business Administration' });
    const progress = progressRegion();
    const whatIf = within(progress).getByRole('group', {
      name: 'Tick units to see how your progress towards Level 2 Diploma in Business Administration would change',
    });
    const offered = within(whatIf)
      .getAllByRole('checkbox')
      .map((box) => box.parentElement?.querySelector('code')?.textContent);
    const held = new Set(achievements.map((a) => a.urn));
    expect(offered.some((urn) => urn && held.has(urn))).toBe(false);
    expect(offered).toContain('F/100/0106');
    expect(offered).toContain('F/100/0002');
    expect(whatIf.textContent).toContain('You hold T/500/0002, which can take its place.');

    fireEvent.click(within(whatIf).getByRole('checkbox', { name: /F\/100\/0106/ }));
    expect(within(progress).getByText('Achieved: the units on the record meet the rules')).toBeTruthy();
    expect(within(progress).queryByText('2 more credits needed')).toBeNull();
    expect(
      within(progress).getByRole('progressbar', { name: 'Credit counted' }).getAttribute('aria-valuetext'),
    ).toBe('47 of the 45 credits needed count');
    expect(progress.textContent).toContain(
      'What if: showing this progress as if you had also achieved the 1 unit ticked below.',
    );
    expect(within(progress).getByRole('status').textContent).toBe(
      'With 1 ticked unit added: Achieved: the units on the record meet the rules, 47 credits counted.',
    );
    const groupA = within(progress).getByRole('heading', { level: 5, name: 'Optional group A Done' })
      .parentElement as HTMLElement;
    expect(groupA.textContent).toContain(
      'F/100/0106 Use a telephone and voicemail system (2 credits) What if',
    );
    expect(within(progress).queryByRole('heading', { name: /Routes? to achievement/ })).toBeNull();

    fireEvent.click(within(progress).getByRole('button', { name: 'Clear ticks' }));
    await waitFor(() => expect(within(progress).getByText('2 more credits needed')).toBeTruthy());
    expect(
      within(progress).getByRole('progressbar', { name: 'Credit counted' }).getAttribute('aria-valuetext'),
    ).toBe('45 of the 45 credits needed count, but not every rule below is met yet');
    expect(
      within(whatIf)
        .getAllByRole('checkbox')
        .every((box) => !(box as HTMLInputElement).checked),
    ).toBe(true);
  });

  it('prints the record with a button', async () => {
    stubRecord();
    const print = jest.fn();
    window.print = print;
    renderRoute('/my-record');
    fireEvent.click(await screen.findByRole('button', { name: 'Print my record' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('is only for learners, and sends someone signed out to the learner sign-in page', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'third_party' })) });
    const { unmount } = renderRoute('/my-record');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
    unmount();
    stubApi({});
    renderRoute('/my-record');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in as a learner' })).toBeTruthy();
  });
});
