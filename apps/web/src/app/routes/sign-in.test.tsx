import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });

describe('sign in', () => {
  it('signs an organisation user in and goes to `next`, with the header showing who they are', async () => {
    const me = aMe({ role: 'administrator', name: 'Ada Admin', organisation: null });
    let signedIn = false;
    const api = stubApi({
      'POST /api/v1/auth/sign-in': () => {
        signedIn = true;
        return json(me);
      },
      'GET /api/v1/me': () => (signedIn ? json(me) : apiError(401, 'UNAUTHENTICATED', 'Sign in')),
      'GET /api/v1/admin/accounts': json({ items: [] }),
    });
    renderRoute('/sign-in?next=%2Fadmin%2Faccounts');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(document.title).toBe('Sign in – LAR');
    const userId = screen.getByLabelText('User ID');
    const password = screen.getByLabelText('Password');
    expect(userId.getAttribute('autocomplete')).toBe('username');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(screen.getByRole('link', { name: 'Forgotten your password?' }).getAttribute('href')).toBe(
      '/forgotten-password?kind=user',
    );
    expect(screen.getByRole('link', { name: 'Request access for your organisation' })).toBeTruthy();

    fireEvent.change(userId, { target: { value: ' admin ' } });
    fireEvent.change(password, { target: { value: 'lar-demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Accounts' })).toBeTruthy();
    expect(api.bodies('POST /api/v1/auth/sign-in')).toEqual([{ userId: 'admin', password: 'lar-demo-2026' }]);
    const banner = screen.getByRole('banner');
    expect(banner.textContent).toContain('Signed in as Ada Admin');
    expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('shows INVALID_CREDENTIALS in a focused error summary and stays on the page', async () => {
    stubApi({
      'POST /api/v1/auth/sign-in': apiError(
        401,
        'INVALID_CREDENTIALS',
        'The User ID or password is not right.',
      ),
    });
    renderRoute('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.change(screen.getByLabelText('User ID'), { target: { value: 'someone' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(summary().textContent).toContain('The User ID or password is not right.');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
  });

  it('asks for both fields before calling the API, each linked from the summary', async () => {
    const api = stubApi({});
    renderRoute('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(document.activeElement).toBe(summary()));
    const link = within(summary()).getByRole('link', { name: 'Enter your User ID' });
    expect(link.getAttribute('href')).toBe('#sign-in-userId');
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('User ID'));
    expect(screen.getByLabelText('User ID').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('User ID').getAttribute('aria-describedby')).toContain(
      'sign-in-userId-error',
    );
    expect(within(summary()).getByRole('link', { name: 'Enter your password' })).toBeTruthy();
    expect(api.bodies('POST /api/v1/auth/sign-in')).toEqual([]);
  });

  it('signs a learner in with the ULN, and sends someone with an emailed password to first sign-in', async () => {
    const me = aMe({
      kind: 'learner',
      role: 'learner',
      signInId: '1234567890',
      organisation: null,
      mustChangePassword: true,
    });
    let signedIn = false;
    const api = stubApi({
      'POST /api/v1/auth/learner-sign-in': () => {
        signedIn = true;
        return json(me);
      },
      'GET /api/v1/me': () => (signedIn ? json(me) : apiError(401, 'UNAUTHENTICATED', 'Sign in')),
    });
    renderRoute('/learner/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in as a learner' });
    fireEvent.change(screen.getByLabelText('Unique learner number (ULN)'), {
      target: { value: '1234567890' },
    });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'emailed-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' })).toBeTruthy();
    expect(api.bodies('POST /api/v1/auth/learner-sign-in')).toEqual([
      { uln: '1234567890', password: 'emailed-password' },
    ]);
  });

  it('shows SIGN_IN_LOCKED with the API’s message', async () => {
    stubApi({
      'POST /api/v1/auth/sign-in': apiError(
        401,
        'SIGN_IN_LOCKED',
        'Too many attempts. Try again after 14:05.',
      ),
    });
    renderRoute('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.change(screen.getByLabelText('User ID'), { target: { value: 'someone' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Too many attempts. Try again after 14:05.')).toBeTruthy();
  });
});
