import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { accessLog, record } from './fixtures';

const learner = aMe({ kind: 'learner', role: 'learner', name: 'Priya Shah', organisation: null });

describe('who has viewed your record (/my-record/access-log)', () => {
  it('lists each view (organisation, User ID, when, sections), paged, newest first', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(learner),
      'GET /api/v1/me/record': json(record),
      'GET /api/v1/me/access-log': (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return json({ items: page === 2 ? [] : accessLog, total: 22, page, pageSize: 20 });
      },
    });
    renderRoute('/my-record/access-log');
    expect(await screen.findByRole('heading', { level: 1, name: 'Who has viewed your record' })).toBeTruthy();
    expect(document.title).toBe('Who has viewed your record – LAR');
    const table = await screen.findByRole('table', { name: 'Views of your record, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'WhenOrganisationViewed by (User ID)Sections seen',
      '2 May 2026, 11:15Acme Employer LtdEmployer or other provider, code 10098765employerUnits, Qualifications',
      '20 Apr 2026, 09:05Northgate CollegeCentre, code 10012345centreProgress',
    ]);
    expect(screen.getByText('Showing 1–2 of 22 views')).toBeTruthy();
    const pages = screen.getByRole('navigation', { name: 'Pages of views' });
    expect(within(pages).getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe(
      '/my-record/access-log?page=2',
    );
    expect(api.calls.find((c) => c.path === '/api/v1/me/access-log')?.search).toBe('?page=1&pageSize=20');
  });

  it('says when nobody has looked', async () => {
    stubApi({
      'GET /api/v1/me': json(learner),
      'GET /api/v1/me/record': json(record),
      'GET /api/v1/me/access-log': json({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderRoute('/my-record/access-log');
    expect(await screen.findByText('No organisation has viewed your record.')).toBeTruthy();
  });

  it('saves the “email me each time” setting, which is on by default', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(learner),
      'GET /api/v1/me/record': json(record),
      'GET /api/v1/me/access-log': json({ items: accessLog, total: 2, page: 1, pageSize: 20 }),
      'PUT /api/v1/me/notifications': (_request, body) => json(body),
    });
    renderRoute('/my-record/access-log');
    const setting = (await screen.findByLabelText(
      'Email me each time an organisation views my record',
    )) as HTMLInputElement;
    expect(setting.checked).toBe(true);
    fireEvent.click(setting);
    fireEvent.click(screen.getByRole('button', { name: 'Save setting' }));
    const saved = await screen.findByRole('status', { name: 'Setting saved' });
    expect(saved.textContent).toContain('We will not email you when an organisation views your record.');
    await waitFor(() => expect(document.activeElement).toBe(saved));
    expect(api.bodies('PUT /api/v1/me/notifications')).toEqual([{ notifyOnView: false }]);

    fireEvent.click(setting);
    fireEvent.click(screen.getByRole('button', { name: 'Save setting' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Setting saved' }).textContent).toContain(
        'We will email you each time an organisation views your record.',
      ),
    );
    expect(api.bodies('PUT /api/v1/me/notifications')).toEqual([
      { notifyOnView: false },
      { notifyOnView: true },
    ]);
  });
});
