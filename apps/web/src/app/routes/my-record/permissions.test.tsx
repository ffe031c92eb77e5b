import type { GrantPermissionBody, PermissionView } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expiryLimits } from '@/features/permissions/components/dates';
import { aMe, apiError, noContent, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { employer, permissions } from './fixtures';

const learner = aMe({ kind: 'learner', role: 'learner', name: 'Priya Shah', organisation: null });

function stubPermissions() {
  let list: PermissionView[] = [...permissions];
  return stubApi({
    'GET /api/v1/me': json(learner),
    'GET /api/v1/me/permissions': () => json(list),
    'GET /api/v1/organisations/by-code/10098765': json(employer),
    'POST /api/v1/me/permissions': (_request, body) => {
      const { sections, expiresOn } = body as GrantPermissionBody;
      const created = (sections ?? []).map(
        (section, i): PermissionView => ({
          id: `p-new-${i}`,
          organisation: employer,
          section,
          grantedAt: '2026-05-03T09:00:00.000Z',
          expiresAt: `${expiresOn}T23:00:00.000Z`,
          revokedAt: null,
          active: true,
        }),
      );
      list = [...list.filter((p) => !(p.active && sections.includes(p.section))), ...created];
      return json(created, 201);
    },
    'PATCH /api/v1/me/permissions/p-units': (_request, body) => {
      const { expiresOn } = body as { expiresOn: string };
      list = list.map((p) => (p.id === 'p-units' ? { ...p, expiresAt: `${expiresOn}T23:00:00.000Z` } : p));
      return json(list.find((p) => p.id === 'p-units'));
    },
    'DELETE /api/v1/me/permissions/p-units': () => {
      list = list.map((p) =>
        p.id === 'p-units' ? { ...p, active: false, revokedAt: '2026-05-04T09:00:00.000Z' } : p,
      );
      return noContent();
    },
  });
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Permissions you have given, active first' }))
    .getAllByRole('row')
    .slice(1);

describe('who can see your record (/my-record/permissions)', () => {
  it('lists permissions, active first, with organisation, section, dates and status', async () => {
    stubPermissions();
    renderRoute('/my-record/permissions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Who can see your record' })).toBeTruthy();
    expect(document.title).toBe('Who can see your record – LAR');
    await screen.findByRole('table', { name: 'Permissions you have given, active first' });
    const [first, second] = rows();
    expect(first?.textContent).toContain('Acme Employer Ltd');
    expect(first?.textContent).toContain('Employer or other provider, code 10098765');
    expect(first?.textContent).toContain('Units');
    expect(first?.textContent).toContain('1 May 2026');
    expect(first?.textContent).toContain('30 Jul 2026');
    expect(first?.textContent).toContain('Active');
    expect(second?.textContent).toContain('Northgate College');
    expect(second?.textContent).toContain('Revoked');
    expect(within(second as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('finds an organisation by code, confirms it, and grants the ticked sections until the chosen date', async () => {
    const api = stubPermissions();
    renderRoute('/my-record/permissions');
    const find = await screen.findByRole('form', { name: 'Find an organisation' });
    fireEvent.click(within(find).getByRole('button', { name: 'Find organisation' }));
    expect(await screen.findByRole('link', { name: 'Enter the organisation’s code' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Organisation code'), { target: { value: '99999999' } });
    fireEvent.click(within(find).getByRole('button', { name: 'Find organisation' }));
    expect(
      await screen.findByRole('link', {
        name: 'No centre or employer has the code 99999999. Check the code with the organisation',
      }),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Organisation code'), { target: { value: ' 10098765 ' } });
    fireEvent.click(within(find).getByRole('button', { name: 'Find organisation' }));
    const name = await screen.findByRole('heading', { level: 3, name: 'Acme Employer Ltd' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByText('Employer or other provider')).toBeTruthy();

    const grant = screen.getByRole('form', { name: 'Give Acme Employer Ltd permission' });
    const expiry = within(grant).getByLabelText('Last day they can see it') as HTMLInputElement;
    const limits = expiryLimits();
    expect(expiry.value).toBe(limits.byDefault);
    expect(expiry.max).toBe(limits.latest);

    fireEvent.click(within(grant).getByRole('button', { name: 'Give permission' }));
    expect(await screen.findByRole('link', { name: 'Select what they can see' })).toBeTruthy();

    fireEvent.click(within(grant).getByRole('checkbox', { name: 'Units' }));
    fireEvent.click(within(grant).getByRole('checkbox', { name: 'Qualifications' }));
    fireEvent.change(expiry, { target: { value: '2099-01-01' } });
    fireEvent.click(within(grant).getByRole('button', { name: 'Give permission' }));
    expect(
      await screen.findByRole('link', { name: 'The last day must be no more than 2 years from today' }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/me/permissions')).toEqual([]);

    fireEvent.change(expiry, { target: { value: limits.byDefault } });
    fireEvent.click(within(grant).getByRole('button', { name: 'Give permission' }));
    const banner = await screen.findByRole('alert', { name: 'Success' });
    expect(banner.textContent).toContain(
      'Acme Employer Ltd can now see your units and qualifications until the end of',
    );
    expect(api.bodies('POST /api/v1/me/permissions')).toEqual([
      { organisationCode: '10098765', sections: ['units', 'qualifications'], expiresOn: limits.byDefault },
    ]);
    expect(
      api.calls.filter((c) => c.path.startsWith('/api/v1/organisations/by-code/')).map((c) => c.path),
    ).toEqual(['/api/v1/organisations/by-code/99999999', '/api/v1/organisations/by-code/10098765']);
    await waitFor(() => expect(rows().filter((row) => row.textContent?.includes('Active'))).toHaveLength(2));
    // Back to finding an organisation for the next permission.
    expect(screen.getByLabelText('Organisation code')).toBeTruthy();
  });

  it('shows the API’s field errors on the grant form', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(learner),
      'GET /api/v1/me/permissions': json([]),
      'GET /api/v1/organisations/by-code/10098765': json(employer),
      'POST /api/v1/me/permissions': apiError(400, 'VALIDATION_FAILED', 'Check the form', [
        { field: 'expiresOn', message: 'The last day must be no more than 2 years from today' },
      ]),
    });
    renderRoute('/my-record/permissions');
    expect(
      await screen.findByText('You have not given any organisation permission to see your record.'),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Organisation code'), { target: { value: '10098765' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find organisation' }));
    const grant = await screen.findByRole('form', { name: 'Give Acme Employer Ltd permission' });
    fireEvent.click(within(grant).getByRole('checkbox', { name: 'Progress' }));
    fireEvent.click(within(grant).getByRole('button', { name: 'Give permission' }));
    expect(
      await screen.findByRole('link', { name: 'The last day must be no more than 2 years from today' }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/me/permissions')).toHaveLength(1);
  });

  it('changes the expiry of a permission', async () => {
    const api = stubPermissions();
    renderRoute('/my-record/permissions');
    fireEvent.click(await screen.findByRole('button', { name: 'Change expiry of Acme Employer Ltd: units' }));
    const form = screen.getByRole('form', { name: 'Change expiry of Acme Employer Ltd: units' });
    const input = within(form).getByLabelText('New last day') as HTMLInputElement;
    expect(input.value).toBe('2026-07-30');
    const { byDefault } = expiryLimits();
    fireEvent.change(input, { target: { value: byDefault } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save expiry' }));
    const banner = await screen.findByRole('alert', { name: 'Success' });
    expect(banner.textContent).toContain('Acme Employer Ltd can now see your units until the end of');
    expect(api.bodies('PATCH /api/v1/me/permissions/p-units')).toEqual([{ expiresOn: byDefault }]);
  });

  it('revokes a permission after confirmation; it stays in the list as revoked', async () => {
    const api = stubPermissions();
    renderRoute('/my-record/permissions');
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Acme Employer Ltd: units' }));
    const confirm = screen.getByRole('group', { name: /^Revoke Acme Employer Ltd: units\?/ });
    const yes = within(confirm).getByRole('button', { name: 'Yes, revoke it' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    expect(api.calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    fireEvent.click(yes);
    const banner = await screen.findByRole('alert', { name: 'Success' });
    expect(banner.textContent).toContain(
      'Permission revoked. Acme Employer Ltd can no longer see your units.',
    );
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/v1/me/permissions/p-units',
    ]);
    await waitFor(() => expect(rows().every((row) => row.textContent?.includes('Revoked'))).toBe(true));
    expect(screen.queryByRole('button', { name: /^Revoke / })).toBeNull();
  });
});
