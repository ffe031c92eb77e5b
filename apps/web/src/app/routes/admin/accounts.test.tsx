import type { Account } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const account: Account = {
  id: 'a1',
  userId: 'ghopper',
  fullName: 'Grace Hopper',
  email: 'grace@example.org',
  organisation: { id: 'o1', name: 'Harbour College', code: '10012345', type: 'CENTRE' },
  disabled: false,
  locked: true,
  mustChangePassword: true,
  lastSignInAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
};

describe('accounts (service desk)', () => {
  it('searches through the address, shows status tags and disables an account with a notification', async () => {
    let current = account;
    const api = stubApi({
      'GET /api/v1/me': json(aMe({ role: 'administrator', organisation: null })),
      'GET /api/v1/admin/accounts': () => json({ items: [current] }),
      'POST /api/v1/admin/accounts/a1/disable': () => {
        current = { ...current, disabled: true };
        return json(current);
      },
      'POST /api/v1/admin/accounts/a1/reset-password': () => json(current),
    });
    renderRoute('/admin/accounts?query=hopper');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accounts' })).toBeTruthy();
    const search = screen.getByLabelText('Search accounts') as HTMLInputElement;
    expect(search.value).toBe('hopper');
    const row = (await screen.findByRole('cell', { name: 'ghopper' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Locked')).toBeTruthy();
    expect(within(row).getByText('Must change password')).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/v1/admin/accounts')?.search).toBe('?query=hopper');

    fireEvent.click(within(row).getByRole('button', { name: 'Disable ghopper (Grace Hopper)' }));
    const banner = await screen.findByRole('alert', { name: 'Success' });
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(banner.textContent).toContain('is disabled');
    expect(await screen.findByText('Disabled')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Enable ghopper (Grace Hopper)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Reset password of ghopper (Grace Hopper)' }));
    expect(await screen.findByText(/We have emailed a new password to grace@example.org/)).toBeTruthy();

    fireEvent.change(search, { target: { value: 'babbage' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.path === '/api/v1/admin/accounts').at(-1)?.search).toBe(
        '?query=babbage',
      ),
    );
  });
});
