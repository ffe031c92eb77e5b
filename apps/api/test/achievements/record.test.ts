import { seedLearner } from '../../../../prisma/seed/factories';
import { jobHandlers } from '../../src/jobs/handlers';
import { runOneJob } from '../../src/jobs/worker';
import { buildTestApp } from '../helpers/app';
import { signInAs } from '../helpers/auth';
import { fixtureCatalogue, nth } from '../helpers/catalogue';
import { badCheckDigit, freshUln, multipart, runJobs } from '../helpers/learners';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let awarding: Awaited<ReturnType<typeof signInAs>>;
let centre: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  t = await buildTestApp();
  awarding = await signInAs(t.app, 'awarding_organisation');
  centre = await signInAs(t.app, 'centre');
});
afterAll(() => t.close());

/** The fixture qualification, published by the test's awarding organisation under fresh URNs. */
async function publish() {
  const catalogue = fixtureCatalogue();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/catalogue/imports',
    headers: awarding.headers,
    payload: { units: catalogue.units, qualifications: catalogue.qualifications },
  });
  expect(res.statusCode).toBe(201);
  return catalogue;
}

/** A learner registered with the test's centre (and `otherCentres`). */
async function learner(otherCentres: string[] = []) {
  const uln = freshUln();
  const row = await seedLearner(t.database.prisma, {
    uln,
    givenName: 'Sam',
    familyName: 'Okafor',
    dateOfBirth: '2001-04-05',
  });
  for (const centreId of [centre.organisationId ?? '', ...otherCentres]) {
    await t.database.prisma.registration.create({ data: { learnerId: row.id, centreId } });
  }
  return { ...row, uln };
}

const record = (achievements: object[], headers: Record<string, string> = awarding.headers) =>
  t.app.inject({ method: 'POST', url: '/api/v1/achievements', headers, payload: { achievements } });

describe('recording achievements', () => {
  it('records each valid row and rejects the rest with the reason', async () => {
    const catalogue = await publish();
    const sam = await learner();
    const [u1, u2, u3] = catalogue.units;
    const foreign = await t.database.prisma.unit
      .findFirstOrThrow({
        where: { awardingOrganisationId: { not: awarding.organisationId } },
      })
      .catch(() => undefined);
    const rows = [
      { uln: sam.uln, urn: u1?.urn, achievedOn: '2025-05-20' },
      { uln: sam.uln, urn: u2?.urn, achievedOn: '2025-05-21', basis: 'Exemption' },
      { uln: badCheckDigit(sam.uln), urn: u3?.urn, achievedOn: '2025-05-20' },
      { uln: freshUln(), urn: u3?.urn, achievedOn: '2025-05-20' },
      { uln: sam.uln, urn: 'Q/999/9999', achievedOn: '2025-05-20' },
      { uln: sam.uln, urn: u3?.urn, achievedOn: '2999-01-01' },
      { uln: sam.uln, urn: u3?.urn, achievedOn: '1990-01-01' },
      { uln: sam.uln, urn: u1?.urn, achievedOn: '2025-06-01' },
      { uln: sam.uln, urn: u3?.urn, achievedOn: '2025-05-20', basis: 'honorary' },
    ];
    const res = await record(rows);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ recorded: 2, rejected: 7 });
    const messages = report.rows.map((r: { row: number; outcome: string; message: string }) => [
      r.row,
      r.outcome,
      r.message,
    ]);
    expect(messages).toEqual([
      [1, 'recorded', ''],
      [2, 'recorded', ''],
      [3, 'rejected', expect.stringMatching(/check digit/)],
      [4, 'rejected', expect.stringMatching(/^No learner on LAR has ULN/)],
      [5, 'rejected', 'URN Q/999/9999 is not in the catalogue'],
      [6, 'rejected', 'AchievedOn 2999-01-01 is in the future'],
      [7, 'rejected', "AchievedOn 1990-01-01 is before the learner's date of birth"],
      [8, 'rejected', 'The same learner and unit as row 1'],
      [9, 'rejected', 'Basis must be credit or exemption, got "honorary"'],
    ]);
    const stored = await t.database.prisma.achievement.findMany({
      where: { learnerId: sam.id },
      include: { unit: true },
    });
    expect(stored.map((a) => [a.unit.urn, a.basis]).sort()).toEqual(
      [
        [u1?.urn, 'CREDIT'],
        [u2?.urn, 'EXEMPTION'],
      ].sort(),
    );
    // Recording the same again: rejected, nothing added.
    const again = await record(rows.slice(0, 1));
    expect(again.json().rows[0].message).toBe(
      'Already recorded (achieved on 2025-05-20); withdraw it first to correct it',
    );
    // Another awarding organisation cannot record this one's units.
    const rival = await signInAs(t.app, 'awarding_organisation');
    const theirs = await record([{ uln: sam.uln, urn: u3?.urn, achievedOn: '2025-05-20' }], rival.headers);
    expect(theirs.json().rows[0].message).toBe(
      `Unit ${u3?.urn} is awarded by another organisation: only it can record it`,
    );
    expect(foreign === undefined || foreign.awardingOrganisationId !== awarding.organisationId).toBe(true);
  });

  it("accepts an awarding organisation system's API token, and a CSV with the same checks", async () => {
    const catalogue = await publish();
    const sam = await learner();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: awarding.headers,
      payload: { name: 'exam system' },
    });
    const token = created.json().token;
    const viaToken = await record(
      [{ uln: sam.uln, urn: nth(catalogue.units, 0).urn, achievedOn: '2025-05-20' }],
      { authorization: `Bearer ${token}` },
    );
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().recorded).toBe(1);

    const csv = [
      'uln,URN,Achieved On',
      `${sam.uln},${nth(catalogue.units, 1).urn},2025-05-20`,
      `${sam.uln},${nth(catalogue.units, 2).urn}`,
      `${sam.uln},not-a-urn,2025-05-20`,
    ].join('\r\n');
    const body = multipart(csv, 'achievements.csv');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/achievements/upload',
      headers: { ...awarding.headers, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'recorded'],
      [3, 'rejected'],
      [4, 'rejected'],
    ]);
    expect(res.json().rows[1].message).toBe('The row has 2 fields but the header has 3');
    const badHeader = multipart('ULN,Unit,AchievedOn\r\n1,2,3\r\n', 'a.csv');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/achievements/upload',
      headers: { ...awarding.headers, ...badHeader.headers },
      payload: badHeader.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'CSV_HEADER',
      details: { missing: ['URN'], unknown: ['Unit'] },
    });
  });
});

describe('claims detection', () => {
  it('makes a newly achievable qualification a possible claim for each centre, with one digest each', async () => {
    const catalogue = await publish();
    const otherCentre = await signInAs(t.app, 'centre');
    const sam = await learner([otherCentre.organisationId ?? '']);
    // The fixture learner's achievements leave the qualification 2 credits short (the worked example).
    const res = await record(
      catalogue.achievements.map(({ urn, achievedOn }) => ({ uln: sam.uln, urn, achievedOn })),
    );
    expect(res.json().recorded).toBe(catalogue.achievements.length);
    await runJobs(t.app);
    const { prisma } = t.database;
    expect(await prisma.claim.count({ where: { learnerId: sam.id } })).toBe(0);

    // Its first route: F/100/0106 (2 credits).
    await record([{ uln: sam.uln, urn: catalogue.urn('F/100/0106'), achievedOn: '2025-07-01' }]);
    expect(await runJobs(t.app)).toBe(1);
    const claims = await prisma.claim.findMany({
      where: { learnerId: sam.id },
      orderBy: { centreId: 'asc' },
    });
    expect(claims.map((c) => [c.centreId, c.status]).sort()).toEqual(
      [
        [centre.organisationId, 'POSSIBLE'],
        [otherCentre.organisationId, 'POSSIBLE'],
      ].sort(),
    );
    const used = nth(claims, 0).unitsUsed as { group: string; units: string[] }[];
    expect(used.flatMap((g) => g.units)).toContain(catalogue.urn('F/100/0106'));
    for (const user of [centre, otherCentre]) {
      const digests = await prisma.outboxMessage.findMany({
        where: { template: 'possible-claims-digest', to: `${user.signInId}@example.org` },
      });
      expect(digests).toHaveLength(1);
      expect(nth(digests, 0).text).toContain(sam.uln);
    }

    // Withdrawing a unit the claim needs makes it no longer achievable.
    const achievement = await prisma.achievement.findFirstOrThrow({
      where: { learnerId: sam.id, unit: { urn: catalogue.urn('F/100/0106') } },
    });
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/achievements/${achievement.id}/withdraw`,
      headers: awarding.headers,
      payload: { reason: 'Recorded against the wrong learner' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ withdrawnReason: 'Recorded against the wrong learner' });
    await runJobs(t.app);
    expect((await prisma.claim.findMany({ where: { learnerId: sam.id } })).map((c) => c.status)).toEqual([
      'NO_LONGER_ACHIEVABLE',
      'NO_LONGER_ACHIEVABLE',
    ]);
    // Withdrawn twice: a conflict; by another organisation: not found.
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/achievements/${achievement.id}/withdraw`,
      headers: awarding.headers,
      payload: { reason: 'again' },
    });
    expect(twice.statusCode).toBe(409);
    const rival = await signInAs(t.app, 'awarding_organisation');
    const notTheirs = await t.app.inject({
      method: 'POST',
      url: `/api/v1/achievements/${achievement.id}/withdraw`,
      headers: rival.headers,
      payload: { reason: 'x' },
    });
    expect(notTheirs.statusCode).toBe(404);
  });

  it('yields one possible claim when two batches for the same learner are processed at the same time', async () => {
    const catalogue = await publish();
    const sam = await learner();
    const rows = [
      ...catalogue.achievements.map(({ urn, achievedOn }) => ({ uln: sam.uln, urn, achievedOn })),
      { uln: sam.uln, urn: catalogue.urn('F/100/0106'), achievedOn: '2025-07-01' },
    ];
    // Two requests, each queuing its own detection job; both jobs then find the qualification achieved.
    await record(rows.slice(0, -1));
    await record(rows.slice(-1));
    const handlers = jobHandlers({ db: t.app.db, config: t.app.config });
    const ran = await Promise.all([
      runOneJob({ sql: t.app.db.sql, handlers }, 'a'),
      runOneJob({ sql: t.app.db.sql, handlers }, 'b'),
    ]);
    expect(ran).toEqual([1, 1]);
    await runJobs(t.app);
    const { prisma } = t.database;
    expect(await prisma.claim.count({ where: { learnerId: sam.id } })).toBe(1);
    const digests = await prisma.outboxMessage.findMany({
      where: { template: 'possible-claims-digest', text: { contains: sam.uln } },
    });
    expect(digests).toHaveLength(1);
  });
});
