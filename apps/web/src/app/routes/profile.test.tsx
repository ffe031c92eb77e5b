import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, noContent, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const form = (name: string) => screen.getByRole('region', { name });

describe('profile', () => {
  it('shows an organisation user’s details, and a learner’s without organisation', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe()) });
    const { unmount } = renderRoute('/profile');
    expect(await screen.findByText('Harbour College')).toBeTruthy();
    expect(document.title).toBe('Your profile – LAR');
    expect(screen.getByText('ghopper')).toBeTruthy();
    expect(screen.getByText('User ID')).toBeTruthy();
    unmount();

    stubApi({
      'GET /api/v1/me': json(
        aMe({ kind: 'learner', role: 'learner', signInId: '1234567890', organisation: null }),
      ),
    });
    renderRoute('/profile');
    expect(await screen.findByText('1234567890')).toBeTruthy();
    expect(screen.getByText('Unique learner number (ULN)')).toBeTruthy();
    expect(screen.queryByText('Organisation')).toBeNull();
    expect(screen.queryByText('Account type')).toBeNull();
  });

  it('changes the password, putting CURRENT_PASSWORD_WRONG on the current password', async () => {
    let attempts = 0;
    const api = stubApi({
      'GET /api/v1/me': json(aMe()),
      'POST /api/v1/me/password': () => {
        attempts += 1;
        return attempts === 1
          ? apiError(400, 'CURRENT_PASSWORD_WRONG', 'Wrong password', [
              { field: 'currentPassword', message: 'Your current password is not right' },
            ])
          : noContent();
      },
    });
    renderRoute('/profile');
    const section = await screen.findByRole('region', { name: 'Change your password' });
    const current = within(section).getByLabelText('Current password');
    expect(current.getAttribute('autocomplete')).toBe('current-password');
    fireEvent.change(current, { target: { value: 'old-password' } });
    fireEvent.change(within(section).getByLabelText('New password'), {
      target: { value: 'a-brand-new-password' },
    });
    fireEvent.change(within(section).getByLabelText('Confirm new password'), {
      target: { value: 'a-brand-new-password' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));

    const link = await within(section).findByRole('link', { name: 'Your current password is not right' });
    expect(link.getAttribute('href')).toBe('#change-password-currentPassword');
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByRole('alert')));

    fireEvent.click(within(form('Change your password')).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText('Your password has been changed.')).toBeTruthy();
    expect(api.bodies('POST /api/v1/me/password')[1]).toEqual({
      currentPassword: 'old-password',
      newPassword: 'a-brand-new-password',
    });
  });

  it('changes the email address: asks to check the new inbox', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(aMe()),
      'POST /api/v1/me/email': json({ message: 'We have sent a link to new@example.org.' }, 202),
    });
    renderRoute('/profile');
    const section = await screen.findByRole('region', { name: 'Change your email address' });
    const email = within(section).getByLabelText('New email address');
    expect(email.getAttribute('autocomplete')).toBe('email');
    fireEvent.change(email, { target: { value: 'not-an-email' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Change email address' }));
    expect(await within(section).findByRole('link', { name: 'Enter your current password' })).toBeTruthy();
    expect(within(section).getByRole('link', { name: /correct format/ })).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('Current password'), {
      target: { value: 'my-password' },
    });
    fireEvent.change(email, { target: { value: 'new@example.org' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Change email address' }));
    const banner = await within(section).findByRole('alert', { name: 'Check your new inbox' });
    expect(banner.textContent).toContain('We have sent a link to new@example.org.');
    expect(api.bodies('POST /api/v1/me/email')).toEqual([
      { currentPassword: 'my-password', newEmail: 'new@example.org' },
    ]);
  });

  it('saves memorable information', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(aMe()),
      'PUT /api/v1/me/memorable-information': noContent(),
    });
    renderRoute('/profile');
    const section = await screen.findByRole('region', { name: 'Change your memorable information' });
    fireEvent.change(within(section).getByLabelText('Current password'), {
      target: { value: 'my-password' },
    });
    fireEvent.change(within(section).getByLabelText('New memorable information'), {
      target: { value: 'green tea 7' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Save memorable information' }));
    expect(await within(section).findByText('Your memorable information has been saved.')).toBeTruthy();
    expect(api.bodies('PUT /api/v1/me/memorable-information')).toEqual([
      { currentPassword: 'my-password', memorableInformation: 'green tea 7' },
    ]);
  });
});
