import type { AccountRequest } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const administrator = aMe({ role: 'administrator', name: 'Service Desk', organisation: null });

function aRequest(overrides: Partial<AccountRequest> = {}): AccountRequest {
  return {
    id: 'r1',
    fullName: 'Ada Lovelace',
    email: 'ada@example.org',
    organisationType: 'CENTRE',
    centreCode: '10012345',
    codeType: 'UKPRN',
    organisationName: 'Analytical College',
    address: '1 Engine Row',
    phone: '0114 496 0000',
    status: 'PENDING',
    declineReason: null,
    createdAt: '2026-11-28T09:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

/** A tiny in-memory API: requests by status, approve and decline change them. */
function stubRequests(initial: AccountRequest[]) {
  let requests = initial;
  const decide = (id: string, change: Partial<AccountRequest>) => {
    const found = requests.find((r) => r.id === id);
    if (found?.status !== 'PENDING')
      return apiError(409, 'CONFLICT', 'This request has already been decided.');
    const decided = { ...found, ...change, decidedAt: '2026-11-28T10:00:00.000Z' };
    requests = requests.map((r) => (r.id === id ? decided : r));
    return json(decided);
  };
  return stubApi({
    'GET /api/v1/me': json(administrator),
    'GET /api/v1/admin/account-requests': (request) => {
      const status = new URL(request.url).searchParams.get('status');
      return json({ items: requests.filter((r) => r.status === status) });
    },
    'POST /api/v1/admin/account-requests/r1/approve': () => decide('r1', { status: 'APPROVED' }),
    'POST /api/v1/admin/account-requests/r2/approve': () => decide('r2', { status: 'APPROVED' }),
    'POST /api/v1/admin/account-requests/r2/decline': (_request, body) =>
      decide('r2', { status: 'DECLINED', declineReason: (body as { reason: string }).reason }),
  });
}

describe('account requests (service desk)', () => {
  const requests = [
    aRequest(),
    aRequest({
      id: 'r2',
      fullName: 'Charles Babbage',
      email: 'cb@example.org',
      organisationName: 'Engine Works',
    }),
  ];

  it('approves a pending request, with a focused success message, and the list refreshes', async () => {
    const api = stubRequests(requests);
    renderRoute('/admin/account-requests');

    expect(await screen.findByRole('heading', { level: 1, name: 'Account requests' })).toBeTruthy();
    expect(document.title).toBe('Account requests – LAR');
    const tabs = screen.getByRole('navigation', { name: 'Requests by status' });
    expect(within(tabs).getByRole('link', { name: 'Pending' }).getAttribute('aria-current')).toBe('page');
    const approve = await screen.findByRole('button', {
      name: 'Approve the request from Ada Lovelace (Analytical College)',
    });
    fireEvent.click(approve);

    const banner = await screen.findByRole('alert', { name: 'Success' });
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(banner.textContent).toContain('Request from Ada Lovelace (Analytical College) approved');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Approve the request from Ada Lovelace/ })).toBeNull(),
    );
    expect(api.calls.filter((c) => c.path.endsWith('/approve')).map((c) => c.path)).toEqual([
      '/api/v1/admin/account-requests/r1/approve',
    ]);

    fireEvent.click(within(tabs).getByRole('link', { name: 'Approved' }));
    expect(await screen.findByRole('cell', { name: /Ada Lovelace/ })).toBeTruthy();
    expect(api.calls.some((c) => c.search === '?status=APPROVED')).toBe(true);
  });

  it('declines with a reason asked for in an inline form', async () => {
    const api = stubRequests(requests);
    renderRoute('/admin/account-requests');
    const decline = await screen.findByRole('button', {
      name: 'Decline the request from Charles Babbage (Engine Works)',
    });
    expect(decline.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(decline);
    expect(decline.getAttribute('aria-expanded')).toBe('true');

    const form = screen.getByRole('form', {
      name: 'Decline the request from Charles Babbage (Engine Works)',
    });
    const reason = within(form).getByLabelText(
      'Why are you declining the request from Charles Babbage (Engine Works)?',
    );
    expect(document.activeElement).toBe(reason);
    fireEvent.click(within(form).getByRole('button', { name: 'Decline request' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(
      within(summary).getByRole('link', { name: 'Enter why you are declining the request' }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/admin/account-requests/r2/decline')).toEqual([]);

    fireEvent.change(reason, { target: { value: 'We could not find this centre.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Decline request' }));
    const banner = await screen.findByRole('alert', { name: 'Success' });
    expect(banner.textContent).toContain('Request from Charles Babbage (Engine Works) declined');
    expect(api.bodies('POST /api/v1/admin/account-requests/r2/decline')).toEqual([
      { reason: 'We could not find this centre.' },
    ]);
  });

  it('says so when a request was already decided (409)', async () => {
    stubApi({
      'GET /api/v1/me': json(administrator),
      'GET /api/v1/admin/account-requests': json({ items: [aRequest()] }),
      'POST /api/v1/admin/account-requests/r1/approve': apiError(
        409,
        'CONFLICT',
        'This request has already been decided.',
      ),
    });
    renderRoute('/admin/account-requests');
    fireEvent.click(await screen.findByRole('button', { name: /Approve the request from Ada Lovelace/ }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('This request has already been decided.');
  });

  it('sends someone signed out to sign in, and turns away other roles', async () => {
    stubApi({});
    renderRoute('/admin/account-requests?status=DECLINED');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();

    stubApi({ 'GET /api/v1/me': json(aMe()) });
    renderRoute('/admin/account-requests');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
