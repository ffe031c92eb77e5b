import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('first sign-in', () => {
  it('sends someone with an emailed password here from any page, with `next` back', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ mustChangePassword: true })) });
    renderRoute('/status');
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' })).toBeTruthy();
    expect(document.title).toBe('Set your password – LAR');
  });

  it('says when the two passwords do not match, without calling the API', async () => {
    const api = stubApi({ 'GET /api/v1/me': json(aMe({ mustChangePassword: true })) });
    renderRoute('/first-sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    expect(screen.getByLabelText('New password').getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByText(/at least 10 characters long/)).toBeTruthy();

    type('New password', 'a-long-enough-password');
    type('Confirm new password', 'a-different-password');
    type('Memorable information', 'blue whale 42');
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));

    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(
      within(summary()).getByRole('link', { name: 'The passwords do not match' }).getAttribute('href'),
    ).toBe('#first-sign-in-confirmPassword');
    expect(api.bodies('POST /api/v1/me/first-sign-in')).toEqual([]);
  });

  it('checks the memorable information, shows PASSWORD_REJECTED on the password, then goes on', async () => {
    let changed = false;
    const api = stubApi({
      'GET /api/v1/me': () => json(aMe({ mustChangePassword: !changed })),
      'POST /api/v1/me/first-sign-in': (_request, body) => {
        if ((body as { newPassword: string }).newPassword === 'password123') {
          return apiError(400, 'PASSWORD_REJECTED', 'Choose another password', [
            { field: 'newPassword', message: 'This password is too common' },
          ]);
        }
        changed = true;
        return json(aMe());
      },
    });
    renderRoute('/first-sign-in?next=%2Fprofile');
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });

    type('New password', 'password123');
    type('Confirm new password', 'password123');
    type('Memorable information', 'abc');
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(summary().textContent).toContain('Memorable information must be between 6 and 50 characters');

    type('Memorable information', 'blue whale 42');
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('link', { name: 'This password is too common' })).toBeTruthy();

    type('New password', 'correct-horse-battery');
    type('Confirm new password', 'correct-horse-battery');
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeTruthy();
    expect(api.bodies('POST /api/v1/me/first-sign-in').at(-1)).toEqual({
      newPassword: 'correct-horse-battery',
      memorableInformation: 'blue whale 42',
    });
  });
});
