import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, noContent, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('layout: session and navigation by role', () => {
  it.each([
    ['signed out', null, ['Home', 'Service status']],
    [
      'a centre',
      aMe({ role: 'centre' }),
      ['Home', 'Service status', 'Learners', 'Claims', 'Select LAR', 'Catalogue', 'Profile'],
    ],
    [
      'a third party',
      aMe({ role: 'third_party' }),
      ['Home', 'Service status', 'Select LAR', 'Catalogue', 'Profile'],
    ],
    [
      'a learner',
      aMe({ kind: 'learner', role: 'learner', organisation: null }),
      ['Home', 'Service status', 'My record', 'Catalogue', 'Profile'],
    ],
    [
      'an awarding organisation',
      aMe({ role: 'awarding_organisation' }),
      ['Home', 'Service status', 'Achievements', 'Claims', 'API tokens', 'Catalogue', 'Profile'],
    ],
    [
      'an administrator',
      aMe({ role: 'administrator', organisation: null }),
      ['Home', 'Service status', 'Account requests', 'Accounts', 'Mail outbox', 'Catalogue', 'Profile'],
    ],
  ])('shows %s the links for their role', async (_who, me, expected) => {
    stubApi(me ? { 'GET /api/v1/me': json(me) } : {});
    renderRoute('/status');
    await screen.findByRole('heading', { level: 1, name: 'Service status' });
    const banner = screen.getByRole('banner');
    if (me) {
      await waitFor(() => expect(banner.textContent).toContain(`Signed in as ${me.name}`));
      expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    } else {
      expect(await within(banner).findByRole('link', { name: 'Sign in' })).toBeTruthy();
      expect(within(banner).getByRole('link', { name: 'Learner sign in' }).getAttribute('href')).toBe(
        '/learner/sign-in',
      );
    }
    await waitFor(() => expect(navLinks()).toEqual(expected));
  });

  it('signs out: the API is told, the header changes and the sign-in page shows', async () => {
    let signedIn = true;
    const api = stubApi({
      'GET /api/v1/me': () => (signedIn ? json(aMe()) : apiError(401, 'UNAUTHENTICATED', 'Sign in')),
      'POST /api/v1/auth/sign-out': () => {
        signedIn = false;
        return noContent();
      },
    });
    renderRoute('/status');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(api.calls.filter((c) => c.path === '/api/v1/auth/sign-out')).toHaveLength(1);
  });

  it('sends someone signed out from a guarded page to sign in, and back to it afterwards', async () => {
    let signedIn = false;
    stubApi({
      'GET /api/v1/me': () => (signedIn ? json(aMe()) : apiError(401, 'UNAUTHENTICATED', 'Sign in')),
      'POST /api/v1/auth/sign-in': () => {
        signedIn = true;
        return json(aMe());
      },
    });
    renderRoute('/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('User ID'), { target: { value: 'ghopper' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-password-here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeTruthy();
  });

  it('ends the session on screen when a call answers 401 and the refresh fails too', async () => {
    let expired = false;
    stubApi({
      'GET /api/v1/me': () =>
        expired ? apiError(401, 'UNAUTHENTICATED', 'Sign in') : json(aMe({ role: 'awarding_organisation' })),
      'GET /api/v1/me/api-tokens': () => apiError(401, 'UNAUTHENTICATED', 'Expired'),
    });
    renderRoute('/status');
    await screen.findByText(/Signed in as/);
    expired = true;
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'API tokens' }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });
});
