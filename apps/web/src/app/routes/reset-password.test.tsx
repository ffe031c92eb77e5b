import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, noContent, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('reset password', () => {
  it('asks for the characters at the positions the API chose, one labelled input each', async () => {
    const api = stubApi({
      'POST /api/v1/auth/password-reset/challenge': json({ positions: [2, 5, 11] }),
      'POST /api/v1/auth/password-reset/complete': noContent(),
    });
    renderRoute('/reset-password?token=abc');

    const group = await screen.findByRole('group', {
      name: 'Enter the 2nd, 5th and 11th characters of your memorable information',
    });
    expect(document.title).toBe('Reset your password – LAR');
    const inputs = ['2nd character', '5th character', '11th character'].map((label) =>
      within(group).getByLabelText(label),
    );
    expect(inputs).toHaveLength(3);
    for (const input of inputs) expect(input.getAttribute('maxlength')).toBe('1');
    expect(api.bodies('POST /api/v1/auth/password-reset/challenge')).toEqual([{ token: 'abc' }]);

    type('2nd character', 'l');
    type('5th character', 'e');
    type('11th character', '4');
    type('New password', 'correct-horse-battery');
    type('Confirm new password', 'correct-horse-battery');
    fireEvent.click(screen.getByRole('button', { name: 'Reset password' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your password has been reset' }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/auth/password-reset/complete')).toEqual([
      { token: 'abc', characters: ['l', 'e', '4'], newPassword: 'correct-horse-battery' },
    ]);
    expect(screen.getByRole('link', { name: 'Sign in with your User ID' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in with your ULN' })).toBeTruthy();
  });

  it('explains an expired or used link (TOKEN_INVALID) and offers a new one', async () => {
    stubApi({
      'POST /api/v1/auth/password-reset/challenge': apiError(400, 'TOKEN_INVALID', 'The link has expired'),
    });
    renderRoute('/reset-password?token=old');
    expect(await screen.findByRole('heading', { level: 1, name: 'This link has expired' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgotten-password',
    );
  });

  it('shows a memorable information mismatch against the characters, and client checks first', async () => {
    const api = stubApi({
      'POST /api/v1/auth/password-reset/challenge': json({ positions: [1, 3, 4] }),
      'POST /api/v1/auth/password-reset/complete': apiError(
        400,
        'MEMORABLE_INFORMATION_MISMATCH',
        'The characters do not match',
      ),
    });
    renderRoute('/reset-password?token=abc');
    await screen.findByLabelText('1st character');

    fireEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(
      within(summary()).getByRole('link', { name: 'Enter the 3rd character of your memorable information' }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/auth/password-reset/complete')).toEqual([]);

    type('1st character', 'a');
    type('3rd character', 'b');
    type('4th character', 'c');
    type('New password', 'correct-horse-battery');
    type('Confirm new password', 'correct-horse-battery');
    fireEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    const link = await screen.findByRole('link', {
      name: 'The characters you entered do not match your memorable information',
    });
    expect(link.getAttribute('href')).toBe('#reset-password-character1');
  });
});
