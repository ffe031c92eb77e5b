import { seedLearner } from '../../../../prisma/seed/factories';
import { openRescan, runRescan } from '../../src/claims/rescan';
import { buildTestApp } from '../helpers/app';
import { type SignedIn, signInAs } from '../helpers/auth';
import { fixtureCatalogue } from '../helpers/catalogue';
import { lar } from '../helpers/cli';
import { onPostgres } from '../helpers/database';
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

/** Three learners who achieve the fixture qualification; their claims are then deleted, as if never detected. */
async function learnersWithoutClaims() {
  const catalogue = fixtureCatalogue();
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/catalogue/imports',
    headers: awarding.headers,
    payload: { units: catalogue.units, qualifications: catalogue.qualifications },
  });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const uln = freshUln();
    const learner = await seedLearner(t.database.prisma, {
      uln,
      givenName: 'Re',
      familyName: `Scan${i}`,
      dateOfBirth: '2000-01-01',
    });
    await t.database.prisma.registration.create({
      data: { learnerId: learner.id, centreId: centre.organisationId ?? '' },
    });
    const achievements = [
      ...catalogue.achievements.map(({ urn, achievedOn }) => ({ uln, urn, achievedOn })),
      { uln, urn: catalogue.urn('F/100/0106'), achievedOn: '2025-07-01' },
    ];
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/achievements',
      headers: awarding.headers,
      payload: { achievements },
    });
    ids.push(learner.id);
  }
  await runJobs(t.app);
  await t.database.prisma.claim.deleteMany({ where: { learnerId: { in: ids } } });
  return ids;
}

describe('rescanning claims', () => {
  it('finds the claims detection missed, stops when asked, and resumes from its checkpoint', async () => {
    const ids = await learnersWithoutClaims();
    const { prisma } = t.database;
    const first = await openRescan(t.app.db, { restart: true });
    let batches = 0;
    const stopped = await runRescan(t.app.db, {
      ...first,
      publicUrl: t.app.config.publicUrl,
      batchSize: 1,
      onProgress: () => batches++,
      shouldStop: () => batches >= 1,
    });
    expect(stopped.finished).toBe(false);
    expect(stopped.progress.learners).toBe(1);
    const job = await prisma.job.findUniqueOrThrow({ where: { id: first.jobId } });
    expect(job.status).toBe('CANCELLED');

    const resumed = await openRescan(t.app.db);
    expect(resumed).toMatchObject({ jobId: first.jobId, resumed: true, checkpoint: { learners: 1 } });
    const done = await runRescan(t.app.db, { ...resumed, publicUrl: t.app.config.publicUrl, batchSize: 2 });
    expect(done.finished).toBe(true);
    expect(done.progress.learners).toBe(done.progress.total);
    expect(await prisma.claim.count({ where: { learnerId: { in: ids }, status: 'POSSIBLE' } })).toBe(3);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: first.jobId } })).status).toBe('COMPLETED');

    // Nothing new a second time.
    const again = await runRescan(t.app.db, {
      ...(await openRescan(t.app.db)),
      publicUrl: t.app.config.publicUrl,
    });
    expect(again.progress.newClaims).toBe(0);
  });

  (onPostgres ? it : it.skip)('runs as `pnpm lar claims rescan`, printing its progress', async () => {
    await learnersWithoutClaims();
    const run = await lar(['claims', 'rescan', '--batch', '2'], {
      DATABASE_URL: t.database.url ?? '',
      LOG_LEVEL: 'silent',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rescanning every learner\n/);
    expect(run.stdout).toMatch(
      /\ndone: (\d[\d,]*) of \1 learners \(100%\), [\d,]+ evaluations \([\d,]+\/s\), 3 new claims\n$/,
    );
  });
});
