import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, noContent, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const awardingOrganisation = aMe({
  role: 'awarding_organisation',
  organisation: { id: 'o2', name: 'Numbers Board', code: 'NB', type: 'AWARDING_ORGANISATION' },
});

function stubTokens() {
  let tokens = [{ id: 't1', name: 'Old system', createdAt: '2026-01-02T09:00:00.000Z', lastUsedAt: null }];
  return stubApi({
    'GET /api/v1/me': json(awardingOrganisation),
    'GET /api/v1/me/api-tokens': () => json(tokens),
    'POST /api/v1/me/api-tokens': (_request, body) => {
      const token = {
        id: 't2',
        name: (body as { name: string }).name,
        createdAt: '2026-11-28T09:00:00.000Z',
        lastUsedAt: null,
      };
      tokens = [...tokens, token];
      return json({ ...token, token: 'lar_secret_abc123' }, 201);
    },
    'DELETE /api/v1/me/api-tokens/t1': () => {
      tokens = tokens.filter((t) => t.id !== 't1');
      return noContent();
    },
  });
}

describe('API tokens', () => {
  it('shows a new token once, with a copy button and a warning, and never again', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const api = stubTokens();
    renderRoute('/api-tokens');
    expect(await screen.findByRole('heading', { level: 1, name: 'API tokens' })).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'Old system' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByRole('link', { name: 'Enter a name for the token' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Token name'), { target: { value: 'Results system' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const heading = await screen.findByRole('heading', { name: 'Your new token “Results system”' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect((screen.getByLabelText('Token') as HTMLInputElement).value).toBe('lar_secret_abc123');
    expect(screen.getByText(/You will not be able to see it again/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith('lar_secret_abc123');
    expect(await screen.findByText('Token copied.')).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'Results system' })).toBeTruthy();
    expect(api.bodies('POST /api/v1/me/api-tokens')).toEqual([{ name: 'Results system' }]);

    fireEvent.click(screen.getByRole('button', { name: 'I have copied the token' }));
    expect(screen.queryByText('lar_secret_abc123')).toBeNull();
    expect(screen.queryByDisplayValue('lar_secret_abc123')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create token' })).toBeTruthy();
  });

  it('revokes a token after confirmation', async () => {
    const api = stubTokens();
    renderRoute('/api-tokens');
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke “Old system”' }));
    const confirm = screen.getByRole('group', { name: /^Revoke “Old system”\?/ });
    const yes = within(confirm).getByRole('button', { name: 'Yes, revoke it' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    expect(api.calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    fireEvent.click(yes);
    const banner = await screen.findByRole('alert', { name: 'Success' });
    expect(banner.textContent).toContain('The token “Old system” is revoked.');
    expect(await screen.findByText('You have no API tokens.')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/v1/me/api-tokens/t1',
    ]);
  });

  it('is only for awarding organisations', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'centre' })) });
    renderRoute('/api-tokens');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
