import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { aClaim, CLAIM_ID } from './fixtures';

const centre = aMe({ role: 'centre' });
const awarding = aMe({
  role: 'awarding_organisation',
  name: 'Alex Awarding',
  organisation: { id: 'o2', name: 'Example Awarding Body', code: 'EAB', type: 'AWARDING_ORGANISATION' },
});
const claimPath = `/api/v1/claims/${CLAIM_ID}`;

function stubClaim(me: ReturnType<typeof aMe>, claim: () => ReturnType<typeof aClaim>, answers = {}) {
  return stubApi({
    'GET /api/v1/me': json(me),
    [`GET ${claimPath}`]: () => json(claim()),
    ...answers,
  });
}

describe('a claim (/claims/:claimId)', () => {
  it('shows the claim and the units that achieve it by group', async () => {
    stubClaim(centre, () => aClaim());
    renderRoute(`/claims/${CLAIM_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Level 2 Award in Harbour Logistics' }),
    ).toBeTruthy();
    expect(screen.getByText('Claim for Priya Shah')).toBeTruthy();
    const details = screen
      .getAllByRole('term')
      .map((dt) => `${dt.textContent}: ${dt.nextSibling?.textContent}`);
    expect(details).toEqual([
      'Status: Possible',
      'Learner: Priya ShahULN 9276308686',
      'Qualification: Level 2 Award in Harbour LogisticsQAN 600/1234/5, Level 2, rules version 2',
      'Awarding organisation: Example Awarding Body',
      'Centre: Harbour CollegeCentre code 10012345',
      'Last checked: 28 Nov 2026, 09:05',
      'Submitted: Not yet',
    ]);
    expect(screen.getByRole('heading', { level: 3, name: 'Mandatory units' })).toBeTruthy();
    const optional = screen.getByRole('table', { name: 'Units used from Optional units' });
    expect(
      within(optional)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'URNTitleCredits',
      'H/601/7514Plan a delivery route3',
      'J/601/7515Record stock movements3',
      'Total from 2 units6',
    ]);
    expect(screen.getByText('Credit counted in all: 10 credits')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Possible Claims List' }).getAttribute('href')).toBe('/claims');
  });

  it('lets a centre submit a possible claim, confirming politely and showing the new status', async () => {
    let status: 'POSSIBLE' | 'SUBMITTED' = 'POSSIBLE';
    const api = stubClaim(centre, () => aClaim({ status }), {
      [`POST ${claimPath}/submit`]: () => {
        status = 'SUBMITTED';
        return json(aClaim({ status, submittedAt: '2026-11-29T10:00:00.000Z' }));
      },
    });
    renderRoute(`/claims/${CLAIM_ID}`);
    const actions = await screen.findByRole('region', { name: 'What you can do' });
    expect(within(actions).getByRole('button', { name: 'Withdraw claim' })).toBeTruthy();
    fireEvent.click(within(actions).getByRole('button', { name: 'Submit claim' }));
    const done = await screen.findByRole('status', { name: 'Done' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(done.textContent).toContain('Claim submitted to Example Awarding Body.');
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`${claimPath}/submit`]);
    expect(
      screen.getAllByRole('term').find((dt) => dt.textContent === 'Status')?.nextSibling?.textContent,
    ).toBe('Submitted');
    expect(within(actions).queryByRole('button', { name: 'Submit claim' })).toBeNull();
    expect(within(actions).getByRole('button', { name: 'Withdraw claim' })).toBeTruthy();
  });

  it('asks a centre to confirm a withdrawal', async () => {
    const api = stubClaim(centre, () => aClaim({ status: 'SUBMITTED' }), {
      [`POST ${claimPath}/withdraw`]: json(
        aClaim({ status: 'WITHDRAWN', decidedAt: '2026-11-29T10:00:00.000Z' }),
      ),
    });
    renderRoute(`/claims/${CLAIM_ID}`);
    const open = await screen.findByRole('button', { name: 'Withdraw claim' });
    fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, withdraw claim' }));
    expect((await screen.findByRole('status', { name: 'Done' })).textContent).toContain('Claim withdrawn.');
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      `${claimPath}/withdraw`,
    ]);
    expect(screen.getByText('The claim was withdrawn. There is nothing more to do.')).toBeTruthy();
  });

  it('shows the message of a 409 and the claim as it now is', async () => {
    let status: 'POSSIBLE' | 'NO_LONGER_ACHIEVABLE' = 'POSSIBLE';
    const api = stubClaim(
      centre,
      () =>
        aClaim({
          status,
          reason: status === 'POSSIBLE' ? null : 'The achievement of F/601/7513 was withdrawn.',
        }),
      {
        [`POST ${claimPath}/submit`]: () => {
          status = 'NO_LONGER_ACHIEVABLE';
          return apiError(409, 'CONFLICT', 'This claim is no longer achievable, so it cannot be submitted.');
        },
      },
    );
    renderRoute(`/claims/${CLAIM_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Submit claim' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('This claim is no longer achievable, so it cannot be submitted.');
    // Asked again: the page shows the status that stopped it.
    await waitFor(() => expect(api.calls.filter((c) => c.path === claimPath)).toHaveLength(2));
    expect(await screen.findByText('No longer achievable')).toBeTruthy();
    expect(screen.getByText('The achievement of F/601/7513 was withdrawn.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit claim' })).toBeNull();
    expect(screen.getByRole('alert', { name: 'There is a problem' })).toBe(summary);
  });

  it('lets an awarding organisation award a submitted claim', async () => {
    const api = stubClaim(
      awarding,
      () => aClaim({ status: 'SUBMITTED', submittedAt: '2026-11-29T10:00:00.000Z' }),
      {
        [`POST ${claimPath}/award`]: json(
          aClaim({
            status: 'AWARDED',
            submittedAt: '2026-11-29T10:00:00.000Z',
            decidedAt: '2026-11-30T10:00:00.000Z',
          }),
        ),
      },
    );
    renderRoute(`/claims/${CLAIM_ID}`);
    const actions = await screen.findByRole('region', { name: 'Your decision' });
    expect(screen.getByRole('link', { name: 'Claims to decide' }).getAttribute('href')).toBe('/claims');
    fireEvent.click(within(actions).getByRole('button', { name: 'Award qualification' }));
    const done = await screen.findByRole('status', { name: 'Done' });
    expect(done.textContent).toContain(
      'Qualification awarded. Level 2 Award in Harbour Logistics is now on Priya Shah’s record',
    );
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`${claimPath}/award`]);
    expect(screen.getByText('Awarded', { selector: '.tag' })).toBeTruthy();
    expect(
      screen.getAllByRole('term').find((dt) => dt.textContent === 'Decided')?.nextSibling?.textContent,
    ).toBe('30 Nov 2026, 10:00');
  });

  it('asks an awarding organisation for a reason to reject a claim', async () => {
    const api = stubClaim(awarding, () => aClaim({ status: 'SUBMITTED' }), {
      [`POST ${claimPath}/reject`]: json(
        aClaim({ status: 'REJECTED', reason: 'Unit F/601/7513 was not assessed.' }),
      ),
    });
    renderRoute(`/claims/${CLAIM_ID}`);
    const open = await screen.findByRole('button', { name: 'Reject claim' });
    fireEvent.click(open);
    const form = screen.getByRole('form', { name: 'Reject the claim' });
    fireEvent.click(within(form).getByRole('button', { name: 'Reject claim' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: 'Enter why you are rejecting the claim' })).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Why are you rejecting the claim?'), {
      target: { value: 'Unit F/601/7513 was not assessed.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Reject claim' }));
    expect((await screen.findByRole('status', { name: 'Done' })).textContent).toContain('Claim rejected.');
    expect(api.bodies(`POST ${claimPath}/reject`)).toEqual([{ reason: 'Unit F/601/7513 was not assessed.' }]);
    expect(screen.getAllByRole('term').map((dt) => dt.textContent)).toContain('Reason for rejecting');
    expect(screen.getByText('Unit F/601/7513 was not assessed.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Reject the claim' })).toBeNull();
  });

  it('offers no action where the role and status allow none', async () => {
    stubClaim(awarding, () => aClaim({ status: 'AWARDED' }));
    renderRoute(`/claims/${CLAIM_ID}`);
    const actions = await screen.findByRole('region', { name: 'Your decision' });
    expect(within(actions).queryByRole('button')).toBeNull();
    expect(actions.textContent).toContain('The qualification has been awarded.');
  });

  it('says when the claim cannot be found', async () => {
    stubApi({ 'GET /api/v1/me': json(centre) });
    renderRoute(`/claims/${CLAIM_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Claim not found' })).toBeTruthy();
  });
});
