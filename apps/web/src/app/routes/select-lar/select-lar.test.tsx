import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { record, sharedRecord } from '@/app/routes/my-record/fixtures';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const employerUser = aMe({
  role: 'third_party',
  name: 'Erin Employer',
  organisation: { id: 'org-e', name: 'Acme Employer Ltd', code: '10098765', type: 'THIRD_PARTY' },
});

function submit(uln: string, password: string) {
  fireEvent.change(screen.getByLabelText('Learner’s unique learner number (ULN)'), {
    target: { value: uln },
  });
  fireEvent.change(screen.getByLabelText('Your password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'View record' }));
}

describe('Select LAR (/select-lar)', () => {
  it('shows the learner’s name and exactly the sections returned, and no other', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(employerUser),
      'POST /api/v1/select-lar': json(sharedRecord),
    });
    renderRoute('/select-lar');
    expect(await screen.findByRole('heading', { level: 1, name: 'Select LAR' })).toBeTruthy();
    expect(document.title).toBe('Select LAR – LAR');
    const password = screen.getByLabelText('Your password') as HTMLInputElement;
    expect(password.type).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('current-password');

    submit('9276308686', 'lar-demo-2026');
    const name = await screen.findByRole('heading', { level: 2, name: 'Priya Shah' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    const shared = screen.getByRole('region', { name: 'Priya Shah' });
    expect(shared.textContent).toContain(
      'Priya Shah shares their units and qualifications with your organisation.',
    );
    expect(within(shared).getByRole('region', { name: 'Units' })).toBeTruthy();
    expect(within(shared).getAllByRole('row').length).toBeGreaterThan(13);
    expect(within(shared).getByRole('table', { name: 'Credit by level' })).toBeTruthy();
    expect(within(shared).getByRole('region', { name: 'Qualifications achieved' })).toBeTruthy();
    expect(within(shared).queryByRole('heading', { name: 'Progress towards qualifications' })).toBeNull();
    expect(within(shared).queryByRole('heading', { name: 'Progression opportunities' })).toBeNull();
    expect(api.bodies('POST /api/v1/select-lar')).toEqual([{ uln: '9276308686', password: 'lar-demo-2026' }]);
    expect(password.value).toBe('');
  });

  it('shows progress read-only, without what-if, when the learner shares it', async () => {
    stubApi({
      'GET /api/v1/me': json(aMe({ role: 'centre' })),
      'POST /api/v1/select-lar': json({
        learner: sharedRecord.learner,
        sections: ['progress'],
        viewedAt: sharedRecord.viewedAt,
        progress: record.progress,
      }),
    });
    renderRoute('/select-lar');
    await screen.findByRole('heading', { level: 1, name: 'Select LAR' });
    submit('9276308686', 'a-password');
    const shared = await screen.findByRole('region', { name: 'Priya Shah' });
    expect(shared.textContent).toContain('Priya Shah shares their progress with your organisation.');
    const diploma = within(shared).getByRole('region', {
      name: 'Level 2 Diploma in Business Administration',
    });
    expect(within(diploma).getByText('2 more credits needed')).toBeTruthy();
    expect(diploma.textContent).toContain('add F/100/0106 (2 credits)');
    expect(within(diploma).queryByRole('checkbox')).toBeNull();
    expect(within(shared).queryByRole('region', { name: 'Units' })).toBeNull();
    expect(within(shared).queryByRole('region', { name: 'Qualifications achieved' })).toBeNull();
  });

  it('checks the fields before asking', async () => {
    const api = stubApi({ 'GET /api/v1/me': json(employerUser) });
    renderRoute('/select-lar');
    fireEvent.click(await screen.findByRole('button', { name: 'View record' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Enter the learner’s ULN', 'Enter your password']);
    submit('12345', 'x');
    expect(
      await screen.findByRole('link', { name: 'Enter a ULN of 10 digits, like 9276308686' }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/select-lar')).toEqual([]);
  });

  it('a 404 says there is no record you may view, without saying whether the ULN exists', async () => {
    stubApi({
      'GET /api/v1/me': json(employerUser),
      'POST /api/v1/select-lar': apiError(404, 'NOT_FOUND', 'There is no record you may view for that ULN.'),
    });
    renderRoute('/select-lar');
    await screen.findByRole('heading', { level: 1, name: 'Select LAR' });
    submit('1000000043', 'lar-demo-2026');
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is no learner record you may view for ULN 1000000043.');
    expect(summary.textContent).not.toMatch(/does not exist|not registered|unknown/i);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.queryByRole('region', { name: 'Priya Shah' })).toBeNull();
  });

  it('a wrong password (401) is shown on the password field, sent once, and the session is kept', async () => {
    const api = stubApi({
      'GET /api/v1/me': json(employerUser),
      'POST /api/v1/select-lar': apiError(401, 'INVALID_CREDENTIALS', 'Your password is wrong.'),
    });
    renderRoute('/select-lar');
    await screen.findByRole('heading', { level: 1, name: 'Select LAR' });
    submit('9276308686', 'wrong-password');
    expect(
      await screen.findByRole('link', {
        name: 'Your password is not right. Enter the password you sign in to LAR with (after several wrong tries your account is locked)',
      }),
    ).toBeTruthy();
    expect(api.bodies('POST /api/v1/select-lar')).toHaveLength(1);
    expect(api.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toEqual([]);
    expect(screen.getByRole('banner').textContent).toContain('Signed in as Erin Employer');
  });

  it('a locked account (401) shows the API’s message', async () => {
    stubApi({
      'GET /api/v1/me': json(employerUser),
      'POST /api/v1/select-lar': apiError(401, 'SIGN_IN_LOCKED', 'Your account is locked for 15 minutes.'),
    });
    renderRoute('/select-lar');
    await screen.findByRole('heading', { level: 1, name: 'Select LAR' });
    submit('9276308686', 'wrong-password');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Your account is locked for 15 minutes.',
    );
  });

  it('is for centres and third parties only', async () => {
    stubApi({ 'GET /api/v1/me': json(aMe({ kind: 'learner', role: 'learner', organisation: null })) });
    renderRoute('/select-lar');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
