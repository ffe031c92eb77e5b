import type { OutboxMessageSummary, OutboxPage } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, stubFetch } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const failed: OutboxMessageSummary = {
  id: '0b9d3f0e-1c1a-4c55-9a55-3b8f4a3c2d11',
  template: 'account-activation',
  to: 'ada@example.org',
  subject: 'Activate your LAR account',
  status: 'FAILED',
  attempts: 5,
  lastError:
    'SMTP 550 5.1.1 <ada@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
  nextAttemptAt: '2026-11-28T10:00:00.000Z',
  sentAt: null,
  createdAt: '2026-11-28T09:05:00.000Z',
};
const pending: OutboxMessageSummary = {
  ...failed,
  id: '5f2c7a9e-8d1b-4e3f-a6c2-9b0d1e2f3a44',
  to: 'grace@example.org',
  subject: 'Your permission was used',
  template: 'permission-used',
  status: 'PENDING',
  attempts: 1,
  lastError: 'Connection timed out',
  nextAttemptAt: '2026-06-01T14:30:00.000Z',
  createdAt: '2026-06-01T14:00:00.000Z',
};

const page = (items: OutboxMessageSummary[], extra: Partial<OutboxPage> = {}): OutboxPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 50,
  counts: { PENDING: 2, SENT: 0, FAILED: 1 },
  batched: 0,
  ...extra,
});

const requestUrl = (call: unknown[] | undefined) => new URL(String(call?.[0]), 'http://localhost');

describe('mail outbox (/admin/outbox)', () => {
  it("says how many emails wait in batches (an import's welcome emails), when any do", async () => {
    stubFetch((request) =>
      request.url.includes('/admin/outbox')
        ? json(page([pending], { batched: 1_500 }))
        : json({ status: 'ok' }),
    );
    renderRoute('/admin/outbox');
    expect(
      await screen.findByText(
        "1,500 emails are waiting in batches (a learners upload's welcome emails): they become messages here as the queue drains.",
      ),
    ).toBeTruthy();
  });

  it('lists the messages, with counts by status, from the API', async () => {
    const fetchStub = stubFetch((request) =>
      request.url.includes('/admin/outbox') ? json(page([failed, pending])) : json({ status: 'ok' }),
    );
    renderRoute('/admin/outbox');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mail outbox' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'All messages, newest first' });
    expect(document.title).toBe('Mail outbox – LAR');
    expect(screen.queryByText(/waiting in batches/)).toBeNull();

    const filter = screen.getByRole('navigation', { name: 'Filter by status' });
    const links = within(filter).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['All 3', 'Waiting 2', 'Sent 0', 'Failed 1']);
    expect(within(filter).getByRole('link', { name: 'All 3' }).getAttribute('aria-current')).toBe('page');
    expect(within(filter).getByRole('link', { name: 'Failed 1' }).getAttribute('href')).toBe(
      '/admin/outbox?status=FAILED',
    );

    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Created',
      'Recipient',
      'Subject',
      'Status',
      'Attempts',
      'Next attempt or sent',
      'Last error',
    ]);
    const [, first, second] = within(table).getAllByRole('row');
    if (!first || !second) throw new Error('expected two rows');
    const cells = within(first).getAllByRole('cell');
    expect(cells[0]?.textContent).toBe('28 Nov 2026, 09:05');
    expect(cells[1]?.textContent).toBe('ada@example.org');
    expect(within(first).getByRole('link', { name: 'Activate your LAR account' }).getAttribute('href')).toBe(
      `/admin/outbox/${failed.id}`,
    );
    expect(within(first).getByText('account-activation')).toBeTruthy();
    expect(within(first).getByText('Failed')).toBeTruthy();
    expect(cells[4]?.textContent).toBe('5');
    expect(cells[5]?.textContent).toBe('No more attempts');
    // A long error is cut short, with the whole text in a disclosure.
    expect(
      within(first)
        .getByText(failed.lastError ?? '')
        .closest('details'),
    ).toBeTruthy();
    // UK time: 14:30 UTC in June is 15:30 in London.
    expect(within(second).getAllByRole('cell')[5]?.textContent).toBe('Next 1 Jun 2026, 15:30');
    expect(within(second).getByText('Waiting')).toBeTruthy();
    expect(within(second).getByText('Connection timed out').closest('details')).toBeNull();

    const url = requestUrl(fetchStub.mock.calls.find((call) => String(call[0]).includes('/admin/outbox')));
    expect(url.pathname).toBe('/api/v1/admin/outbox');
    expect(url.searchParams.get('page')).toBe('1');
    expect(url.searchParams.has('status')).toBe(false);
  });

  it('asks the API for the status chosen in the filter, and keeps it in the address', async () => {
    const fetchStub = stubFetch((request) => {
      const status = new URL(request.url).searchParams.get('status');
      if (!request.url.includes('/admin/outbox')) return json({ status: 'ok' });
      return json(status === 'FAILED' ? page([failed], { total: 1 }) : page([failed, pending]));
    });
    renderRoute('/admin/outbox');
    await screen.findByRole('table', { name: 'All messages, newest first' });

    fireEvent.click(screen.getByRole('link', { name: 'Failed 1' }));

    expect(await screen.findByRole('table', { name: 'Failed messages, newest first' })).toBeTruthy();
    const outboxCalls = fetchStub.mock.calls.filter((call) => String(call[0]).includes('/admin/outbox'));
    const last = requestUrl(outboxCalls.at(-1));
    expect(last.searchParams.get('status')).toBe('FAILED');
    expect(last.searchParams.get('page')).toBe('1');
    expect(screen.getByRole('link', { name: 'Failed 1' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'All 3' }).getAttribute('aria-current')).toBeNull();
  });

  it('reads the filter and page from the address, and pages through with Previous and Next', async () => {
    const fetchStub = stubFetch((request) => {
      if (!request.url.includes('/admin/outbox')) return json({ status: 'ok' });
      const n = Number(new URL(request.url).searchParams.get('page'));
      return json(page([failed], { page: n, total: 230, counts: { PENDING: 0, SENT: 0, FAILED: 230 } }));
    });
    renderRoute('/admin/outbox?status=FAILED&page=2');

    const pagination = await screen.findByRole('navigation', { name: 'Pagination' });
    expect(pagination.textContent).toContain('Page 2 of 5');
    expect(within(pagination).getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe(
      '/admin/outbox?status=FAILED',
    );
    const next = within(pagination).getByRole('link', { name: 'Next page' });
    expect(next.getAttribute('href')).toBe('/admin/outbox?status=FAILED&page=3');
    const first = requestUrl(fetchStub.mock.calls.find((call) => String(call[0]).includes('/admin/outbox')));
    expect(first.searchParams.get('status')).toBe('FAILED');
    expect(first.searchParams.get('page')).toBe('2');

    fireEvent.click(next);
    await waitFor(() =>
      expect(screen.getByRole('navigation', { name: 'Pagination' }).textContent).toContain('Page 3 of 5'),
    );
  });

  it('says so when there are no messages', async () => {
    stubFetch((request) =>
      request.url.includes('/admin/outbox')
        ? json(page([], { counts: { PENDING: 0, SENT: 0, FAILED: 0 } }))
        : json({ status: 'ok' }),
    );
    renderRoute('/admin/outbox');
    expect(await screen.findByText('No messages in the outbox.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it.each([
    [401, 'UNAUTHENTICATED', 'You are not signed in.'],
    [403, 'FORBIDDEN', 'Your account does not have access to the mail outbox.'],
  ])('explains who can see the outbox when the API answers %i', async (status, code, first) => {
    stubFetch((request) =>
      request.url.includes('/admin/outbox')
        ? json({ error: { code, message: 'No' } }, status)
        : json({ status: 'ok' }),
    );
    renderRoute('/admin/outbox');

    expect(await screen.findByText(first)).toBeTruthy();
    expect(
      screen.getByText('Only the service desk can see the mail outbox. Sign in with a service desk account.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    // The explanation itself links nowhere (the header has the sign-in links).
    expect(within(screen.getByRole('main')).queryByRole('link', { name: /sign in/i })).toBeNull();
  });

  it('says the outbox cannot be shown when the API fails, and tries again on request', async () => {
    let fail = true;
    stubFetch((request) => {
      if (!request.url.includes('/admin/outbox')) return json({ status: 'ok' });
      return fail ? json({ error: { code: 'INTERNAL', message: 'Boom' } }, 500) : json(page([failed]));
    });
    renderRoute('/admin/outbox');

    expect(await screen.findByText(/the mail outbox cannot be shown at the moment/)).toBeTruthy();
    expect(screen.queryByText(/Boom/)).toBeNull();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeTruthy();
  });
});
