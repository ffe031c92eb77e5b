import { buildTestApp } from '../helpers/app';
import { type SignedIn, signInAs, TEST_PASSWORD } from '../helpers/auth';
import { fixtureCatalogue, fixtureLearner, nth } from '../helpers/catalogue';

let t: Awaited<ReturnType<typeof buildTestApp>>;
/** The same app without a record cache: every answer computed afresh, to compare with. */
let uncached: Awaited<ReturnType<typeof buildTestApp>>['app'];
let awarding: SignedIn;
let employer: SignedIn;
let catalogue: ReturnType<typeof fixtureCatalogue>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp();
  const { buildApp } = await import('../../src/build-app');
  const { testConfig } = await import('../helpers/app');
  uncached = await buildApp({ config: testConfig({ recordCacheBytes: 0 }), database: t.database });
  awarding = await signInAs(t.app, 'awarding_organisation');
  employer = await signInAs(t.app, 'third_party');
  catalogue = fixtureCatalogue();
  await importCatalogue(catalogue.units);
});
afterAll(async () => {
  await uncached.close();
  await t.close();
});

function importCatalogue(units: typeof catalogue.units) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/catalogue/imports',
    headers: awarding.headers,
    payload: { units, qualifications: catalogue.qualifications },
  });
}

/** A learner holding the fixture's achievements (two credits short of its qualification), signed in. */
const learner = () => fixtureLearner(t.app, t.database.prisma, awarding, catalogue);

async function record(
  uln: string,
  achievements: { urn: string; achievedOn: string }[],
): Promise<{ rows: { achievementId: string | null }[] }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/achievements',
    headers: awarding.headers,
    payload: { achievements: achievements.map(({ urn, achievedOn }) => ({ uln, urn, achievedOn })) },
  });
  expect(res.json().rejected).toBe(0);
  return res.json();
}

/** The learner's record from the cached app, checked equal to the uncached app's answer. */
async function myRecord(headers: Record<string, string>) {
  const cached = await t.app.inject({ method: 'GET', url: '/api/v1/me/record', headers });
  const fresh = await uncached.inject({ method: 'GET', url: '/api/v1/me/record', headers });
  expect(cached.statusCode).toBe(200);
  expect(cached.headers['content-type']).toBe('application/json; charset=utf-8');
  // The sections; the learner's own details are read with the session, which the other app (like
  // another process) hears has changed only when the database's notification arrives.
  const { learner: _mine, ...sections } = cached.json();
  const { learner: _theirs, ...computed } = fresh.json();
  expect(sections).toEqual(computed);
  return cached.json();
}

const fixtureItem = (record: { progress: { items: { qualification: { qan: string } }[] } }) =>
  record.progress.items.find(
    (i) => i.qualification.qan === nth(catalogue.qualifications, 0).qan,
  ) as unknown as {
    evaluation: { achieved: boolean; additionalCreditsNeeded: number | null };
  };

describe('the record cache', () => {
  it('answers a second look from the cache, and follows every change the record depends on', async () => {
    const noor = await learner();
    const cache = t.app.recordCache;
    const first = await myRecord(noor.headers);
    const misses = cache.misses;
    const hits = cache.hits;
    expect(await myRecord(noor.headers)).toEqual(first);
    expect(cache.hits).toBe(hits + 1);
    expect(cache.misses).toBe(misses);
    expect(fixtureItem(first).evaluation).toMatchObject({ achieved: false, additionalCreditsNeeded: 2 });

    // A new achievement: the record changes at once.
    const missing = catalogue.urn('F/100/0106');
    const recorded = await record(noor.uln, [{ urn: missing, achievedOn: '2025-06-02' }]);
    const withUnit = await myRecord(noor.headers);
    expect(cache.misses).toBe(misses + 1);
    expect(withUnit.units.items).toHaveLength(first.units.items.length + 1);
    expect(fixtureItem(withUnit).evaluation).toMatchObject({ achieved: true });

    // Its withdrawal too.
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/achievements/${nth(recorded.rows, 0).achievementId}/withdraw`,
      headers: awarding.headers,
      payload: { reason: 'Recorded against the wrong learner' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(await myRecord(noor.headers)).toEqual(first);

    // A catalogue change (a unit's title) shows in records computed before it.
    const renamed = catalogue.units.map((u, i) => (i === 0 ? { ...u, title: `${u.title} (revised)` } : u));
    expect((await importCatalogue(renamed)).statusCode).toBeLessThan(300);
    const afterCatalogue = await myRecord(noor.headers);
    expect(JSON.stringify(afterCatalogue)).toContain('(revised)');

    // The learner's own details are read on every request.
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notifications',
      headers: noor.headers,
      payload: { notifyOnView: false },
    });
    expect((await myRecord(noor.headers)).learner.notifyOnView).toBe(false);
  });

  it('keeps learners apart, and Select LAR shares the sections the learner computed', async () => {
    const [a, b] = [await learner(), await learner()];
    await record(b.uln, [{ urn: catalogue.urn('F/100/0106'), achievedOn: '2025-06-02' }]);
    const recordA = await myRecord(a.headers);
    const recordB = await myRecord(b.headers);
    expect(recordB.units.items.length).toBe(recordA.units.items.length + 1);
    await t.database.prisma.permission.createMany({
      data: (['UNITS', 'PROGRESS'] as const).map((section) => ({
        learnerId: b.id,
        organisationId: employer.organisationId ?? '',
        section,
        expiresAt: new Date(Date.now() + DAY),
      })),
    });
    const hits = t.app.recordCache.hits;
    const seen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/select-lar',
      headers: employer.headers,
      payload: { uln: b.uln, password: TEST_PASSWORD },
    });
    expect(seen.statusCode).toBe(200);
    expect(t.app.recordCache.hits).toBe(hits + 1);
    expect(seen.json().units).toEqual(recordB.units);
    expect(seen.json().progress).toEqual(recordB.progress);
    expect(Object.keys(seen.json()).sort()).toEqual(['learner', 'progress', 'sections', 'units', 'viewedAt']);
  });
});

describe('record versions kept by the database', () => {
  const versions = async (learnerId: string) => {
    const [row] = await t.database.sql.query<{ learner: number; catalogue: number }>(
      `SELECT "recordVersion" AS learner, (SELECT version FROM "CatalogueState" WHERE id = 1) AS catalogue
         FROM "Learner" WHERE id = $1`,
      [learnerId],
    );
    return row as { learner: number; catalogue: number };
  };

  it("bumps a learner's version with each change to their achievements or awards, and no one else's", async () => {
    const [a, b] = [await learner(), await learner()];
    const before = { a: await versions(a.id), b: await versions(b.id) };
    const { sql } = t.database;
    await sql.query(`UPDATE "Achievement" SET basis = basis WHERE "learnerId" = $1`, [a.id]);
    expect((await versions(a.id)).learner).toBe(before.a.learner + 1);
    await sql.query(`DELETE FROM "Achievement" WHERE "learnerId" = $1`, [a.id]);
    expect((await versions(a.id)).learner).toBe(before.a.learner + 2);
    expect((await versions(b.id)).learner).toBe(before.b.learner);

    const [q] = await sql.query<{ id: string; versionId: string; org: string }>(
      `SELECT q.id, v.id AS "versionId", q."awardingOrganisationId" AS org
         FROM "Qualification" q JOIN "QualificationVersion" v ON v."qualificationId" = q.id LIMIT 1`,
    );
    await sql.query(
      `INSERT INTO "AwardedQualification" (id, "learnerId", "qualificationId", "qualificationVersionId",
              "awardingOrganisationId", "awardedOn", "unitsUsed", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, current_date, '[]', now())`,
      [b.id, q?.id, q?.versionId, q?.org],
    );
    expect((await versions(b.id)).learner).toBe(before.b.learner + 1);
    await sql.query(`DELETE FROM "AwardedQualification" WHERE "learnerId" = $1`, [b.id]);
    expect((await versions(b.id)).learner).toBe(before.b.learner + 2);
  });

  it('bumps the catalogue version when units, qualifications or an organisation name change', async () => {
    const a = await learner();
    const { sql } = t.database;
    let last = (await versions(a.id)).catalogue;
    for (const change of [
      `UPDATE "Unit" SET title = title`,
      `UPDATE "Qualification" SET title = title`,
      `UPDATE "QualificationVersion" SET rules = rules`,
      `UPDATE "QualificationUnit" SET urn = urn`,
      `UPDATE "Organisation" SET name = name`,
    ]) {
      await sql.query(change);
      const now = (await versions(a.id)).catalogue;
      expect([change, now]).toEqual([change, last + 1]);
      last = now;
    }
    await sql.query(`UPDATE "Organisation" SET phone = phone`);
    expect((await versions(a.id)).catalogue).toBe(last);
  });
});
