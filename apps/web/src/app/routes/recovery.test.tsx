import { fireEvent, screen, within } from '@testing-library/react';
import { apiError, noContent, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

describe('forgotten password and email confirmation', () => {
  it('asks who you are and your sign-in ID, then always gives the same answer', async () => {
    const api = stubApi({
      'POST /api/v1/auth/password-reset': json(
        { message: 'If the account exists, we have emailed a link.' },
        202,
      ),
    });
    renderRoute('/forgotten-password');
    await screen.findByRole('heading', { level: 1, name: 'Forgotten your password?' });
    fireEvent.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    expect(await screen.findByRole('link', { name: 'Select who you are' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter your User ID or ULN' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'I am a learner' }));
    fireEvent.change(screen.getByLabelText('User ID or unique learner number (ULN)'), {
      target: { value: '1234567890' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    expect(await screen.findByText('If the account exists, we have emailed a link.')).toBeTruthy();
    expect(api.bodies('POST /api/v1/auth/password-reset')).toEqual([
      { kind: 'learner', signInId: '1234567890' },
    ]);
  });

  it('links the reset page to the sign-in page for the kind of account asked for in this browser', async () => {
    localStorage.clear();
    stubApi({
      'POST /api/v1/auth/password-reset': json({ message: 'Sent.' }, 202),
      'POST /api/v1/auth/password-reset/challenge': json({ positions: [1, 2, 3] }),
      'POST /api/v1/auth/password-reset/complete': noContent(),
    });
    const { unmount } = renderRoute('/forgotten-password?kind=learner');
    fireEvent.change(await screen.findByLabelText('User ID or unique learner number (ULN)'), {
      target: { value: '1234567890' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    await screen.findByText('Sent.');
    unmount();

    renderRoute('/reset-password?token=abc');
    for (const label of ['1st character', '2nd character', '3rd character']) {
      fireEvent.change(await screen.findByLabelText(label), { target: { value: 'x' } });
    }
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'correct-horse-battery' } });
    fireEvent.change(screen.getByLabelText('Confirm new password'), {
      target: { value: 'correct-horse-battery' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    const link = await screen.findByRole('link', { name: 'Sign in with your ULN' });
    expect(link.getAttribute('href')).toBe('/learner/sign-in');
    expect(screen.queryByRole('link', { name: 'Sign in with your User ID' })).toBeNull();
    localStorage.clear();
  });

  it('preselects the kind of account from the sign-in page’s link', async () => {
    stubApi({});
    renderRoute('/forgotten-password?kind=user');
    const radio = await screen.findByRole('radio', { name: 'I work for an organisation' });
    expect((radio as HTMLInputElement).checked).toBe(true);
  });

  it('confirms a new email address from the link, once', async () => {
    const api = stubApi({ 'POST /api/v1/me/email/confirm': noContent() });
    renderRoute('/profile/email/confirm?token=t0k');
    expect(await screen.findByRole('heading', { level: 1, name: 'Email address confirmed' })).toBeTruthy();
    expect(api.bodies('POST /api/v1/me/email/confirm')).toEqual([{ token: 't0k' }]);
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('explains an expired email confirmation link', async () => {
    stubApi({ 'POST /api/v1/me/email/confirm': apiError(400, 'TOKEN_INVALID', 'Expired') });
    renderRoute('/profile/email/confirm?token=old');
    expect(await screen.findByRole('heading', { level: 1, name: 'This link has expired' })).toBeTruthy();
  });
});
