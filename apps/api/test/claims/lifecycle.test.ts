import { seedLearner } from '../../../../prisma/seed/factories';
import { buildTestApp } from '../helpers/app';
import { type SignedIn, signInAs } from '../helpers/auth';
import { fixtureCatalogue, nth } from '../helpers/catalogue';
import { freshUln, runJobs } from '../helpers/learners';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let awarding: SignedIn;
let centre: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  awarding = await signInAs(t.app, 'awarding_organisation');
  centre = await signInAs(t.app, 'centre');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, who: SignedIn, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

/**
 * A learner registered with the centre (and `alsoWith`) who has achieved the fixture qualification,
 * published by the test's awarding organisation; claims detection has run. Returns the centre's claim.
 */
async function possibleClaim(alsoWith: SignedIn[] = []) {
  const catalogue = fixtureCatalogue();
  await call('POST', '/api/v1/catalogue/imports', awarding, {
    units: catalogue.units,
    qualifications: catalogue.qualifications,
  });
  const uln = freshUln();
  const learner = await seedLearner(t.database.prisma, {
    uln,
    givenName: 'Ife',
    familyName: 'Adeyemi',
    dateOfBirth: '2000-02-02',
  });
  for (const c of [centre, ...alsoWith]) {
    await t.database.prisma.registration.create({
      data: { learnerId: learner.id, centreId: c.organisationId ?? '' },
    });
  }
  const achievements = [
    ...catalogue.achievements.map(({ urn, achievedOn }) => ({ uln, urn, achievedOn })),
    { uln, urn: catalogue.urn('F/100/0106'), achievedOn: '2025-07-01' },
  ];
  const recorded = await call('POST', '/api/v1/achievements', awarding, { achievements });
  expect(recorded.json().rejected).toBe(0);
  await runJobs(t.app);
  const list = await call('GET', `/api/v1/claims?learner=${uln}`, centre);
  expect(list.json().total).toBe(1);
  return { claim: nth(list.json().items as { id: string }[], 0), learner, uln, catalogue };
}

describe('the Possible Claims List', () => {
  it('shows the centre its claims with the units that achieve them, filtered, sorted, paged and exported', async () => {
    const { claim, uln, catalogue } = await possibleClaim();
    const view = (await call('GET', `/api/v1/claims/${claim.id}`, centre)).json();
    expect(view).toMatchObject({
      status: 'POSSIBLE',
      learner: { uln, name: 'Ife Adeyemi' },
      qualification: { qan: nth(catalogue.qualifications, 0).qan, version: 1 },
    });
    const titles = new Map(nth(catalogue.qualifications, 0).groups.map((g) => [g.id, g.title]));
    expect(view.unitsUsed.map((g: { group: string; title: string }) => g.title)).toEqual(
      view.unitsUsed.map((g: { group: string }) => titles.get(g.group)),
    );
    const units = view.unitsUsed.flatMap((g: { units: { urn: string; credits: number }[] }) => g.units);
    expect(units.map((u: { urn: string }) => u.urn)).toContain(catalogue.urn('F/100/0106'));
    expect(units.reduce((sum: number, u: { credits: number }) => sum + u.credits, 0)).toBe(
      view.countedCredits,
    );

    const qan = nth(catalogue.qualifications, 0).qan;
    const filtered = (
      await call('GET', `/api/v1/claims?status=POSSIBLE&qualification=${encodeURIComponent(qan)}`, centre)
    ).json();
    expect(filtered.items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
    expect(filtered.counts.POSSIBLE).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/api/v1/claims?status=AWARDED&learner=${uln}`, centre)).json().total).toBe(0);
    expect(
      (await call('GET', '/api/v1/claims?learner=adeyemi%20IFE&sort=-learner', centre)).json().total,
    ).toBeGreaterThan(0);

    const csv = await call('GET', `/api/v1/claims/export.csv?learner=${uln}`, centre);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Status,ULN,Learner,QAN,Qualification,RulesVersion,Centre,CountedCredits,UnitsUsed,Evaluated,Submitted,Decided,Reason',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`POSSIBLE,${uln},Ife Adeyemi,${qan}`);

    // Another centre and the awarding organisation (before submission) do not see it.
    const other = await signInAs(t.app, 'centre');
    expect((await call('GET', `/api/v1/claims/${claim.id}`, other)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/claims/${claim.id}`, awarding)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/claims?learner=${uln}`, other)).json().total).toBe(0);
  });
});

describe('the claim lifecycle', () => {
  it('possible → submitted → awarded: audited, emailed, and on the learner record; the other centre’s claim ends', async () => {
    const second = await signInAs(t.app, 'centre');
    const { claim, learner } = await possibleClaim([second]);
    const { prisma } = t.database;

    expect((await call('POST', `/api/v1/claims/${claim.id}/award`, centre)).statusCode).toBe(403);
    const submitted = await call('POST', `/api/v1/claims/${claim.id}/submit`, centre);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'SUBMITTED', submittedAt: expect.any(String) });
    const told = await prisma.outboxMessage.findMany({
      where: { template: 'claim-update', to: `${awarding.signInId}@example.org` },
    });
    expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/^Claim submitted: Ife Adeyemi/)]);
    expect((await call('POST', `/api/v1/claims/${claim.id}/submit`, centre)).statusCode).toBe(409);

    // The awarding organisation now sees it, and awards it.
    expect((await call('GET', `/api/v1/claims/${claim.id}`, awarding)).json().status).toBe('SUBMITTED');
    const rival = await signInAs(t.app, 'awarding_organisation');
    expect((await call('POST', `/api/v1/claims/${claim.id}/award`, rival)).statusCode).toBe(404);
    const awarded = await call('POST', `/api/v1/claims/${claim.id}/award`, awarding);
    expect(awarded.json()).toMatchObject({ status: 'AWARDED', decidedAt: expect.any(String) });
    const decision = await prisma.outboxMessage.findMany({
      where: { template: 'claim-decision', to: `${centre.signInId}@example.org` },
    });
    expect(decision.map((m) => m.subject)).toEqual([expect.stringMatching(/^Claim awarded: /)]);

    const otherClaim = await prisma.claim.findFirstOrThrow({
      where: { learnerId: learner.id, centreId: second.organisationId },
    });
    expect(otherClaim).toMatchObject({
      status: 'WITHDRAWN',
      reason: 'The qualification was awarded through another centre',
    });
    const audits = await prisma.auditEvent.findMany({
      where: { subjectId: claim.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['claim.possible', 'claim.submitted', 'claim.awarded']);

    // The learner sees it on the record, with the units used.
    const { cookiesFrom, TEST_PASSWORD } = await import('../helpers/auth');
    const { hashPassword } = await import('../../src/lib/password');
    await prisma.learner.update({
      where: { id: learner.id },
      data: { passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false },
    });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/learner-sign-in',
      payload: { uln: learner.uln, password: TEST_PASSWORD },
    });
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/qualifications',
      headers: { cookie: cookiesFrom(signIn.headers['set-cookie']) },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual([
      expect.objectContaining({
        qan: awarded.json().qualification.qan,
        rulesVersion: 1,
        unitsUsed: awarded.json().unitsUsed,
      }),
    ]);
    // Further evaluation leaves an awarded qualification alone.
    expect(await prisma.claim.count({ where: { learnerId: learner.id, status: 'POSSIBLE' } })).toBe(0);
  });

  it('a rejection needs a reason, which the centre reads in the email', async () => {
    const { claim } = await possibleClaim();
    await call('POST', `/api/v1/claims/${claim.id}/submit`, centre);
    const noReason = await call('POST', `/api/v1/claims/${claim.id}/reject`, awarding, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await call('POST', `/api/v1/claims/${claim.id}/reject`, awarding, {
      reason: 'Evidence for unit 3 missing',
    });
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', reason: 'Evidence for unit 3 missing' });
    const mail = await t.database.prisma.outboxMessage.findFirstOrThrow({
      where: {
        template: 'claim-decision',
        subject: { startsWith: 'Claim rejected' },
        text: { contains: 'Evidence for unit 3 missing' },
      },
    });
    expect(mail.to).toBe(`${centre.signInId}@example.org`);
  });

  it('a withdrawal after submission makes the claim no longer achievable, and it cannot be awarded', async () => {
    const { claim, learner, catalogue } = await possibleClaim();
    await call('POST', `/api/v1/claims/${claim.id}/submit`, centre);
    const achievement = await t.database.prisma.achievement.findFirstOrThrow({
      where: { learnerId: learner.id, unit: { urn: catalogue.urn('F/100/0106') } },
    });
    await call('POST', `/api/v1/achievements/${achievement.id}/withdraw`, awarding, {
      reason: 'Marked in error',
    });
    await runJobs(t.app);
    const after = (await call('GET', `/api/v1/claims/${claim.id}`, centre)).json();
    expect(after).toMatchObject({
      status: 'NO_LONGER_ACHIEVABLE',
      reason: expect.stringMatching(/no longer meets/),
    });
    const audit = await t.database.prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: claim.id, action: 'claim.no_longer_achievable' },
    });
    expect(audit).toMatchObject({
      actor: 'system',
      details: { from: 'SUBMITTED', to: 'NO_LONGER_ACHIEVABLE' },
    });
    // The centre and the awarding organisation it was submitted to are told.
    for (const who of [centre, awarding]) {
      const told = await t.database.prisma.outboxMessage.findMany({
        where: {
          template: 'claim-update',
          to: `${who.signInId}@example.org`,
          subject: { startsWith: 'Claim no longer achievable' },
        },
      });
      expect(told).toHaveLength(1);
    }
    const award = await call('POST', `/api/v1/claims/${claim.id}/award`, awarding);
    expect(award.statusCode).toBe(404);
    // The centre can withdraw it, which the awarding organisation then sees.
    const withdrawn = await call('POST', `/api/v1/claims/${claim.id}/withdraw`, centre);
    expect(withdrawn.json().status).toBe('WITHDRAWN');
    expect((await call('GET', `/api/v1/claims/${claim.id}`, awarding)).json().status).toBe('WITHDRAWN');
  });
});
