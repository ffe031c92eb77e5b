import type { FastifyInstance } from 'fastify';
import { seedLearner } from '../../../../prisma/seed/factories';
import { buildApp } from '../../src/build-app';
import { type Database, databaseFrom } from '../../src/db/database';
import { createPool } from '../../src/db/sql-client';
import { hashPassword } from '../../src/lib/password';
import { testConfig } from '../helpers/app';
import { cookiesFrom, TEST_PASSWORD } from '../helpers/auth';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { freshUln } from '../helpers/learners';

/**
 * Two API processes on one database: `here` where the learner acts, `there` serving the same
 * session from its cache. On PostgreSQL `there` has a pool (and listening connection) of its own.
 */
let db: TestDatabase;
let otherDb: Database;
let here: FastifyInstance;
let there: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase();
  otherDb = onPostgres && db.url ? databaseFrom({ pool: createPool(db.url, 3) }) : db;
  here = await buildApp({ config: testConfig(), database: db });
  there = await buildApp({ config: testConfig(), database: otherDb });
});
afterAll(async () => {
  await there.close();
  await here.close();
  if (otherDb !== db) await otherDb.close();
  await db.close();
});

async function signedInLearner() {
  const uln = freshUln();
  const row = await seedLearner(db.prisma, {
    uln,
    givenName: 'Sam',
    familyName: 'Okafor',
    dateOfBirth: '1999-01-02',
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  await db.prisma.learner.update({ where: { id: row.id }, data: { mustChangePassword: false } });
  const res = await here.inject({
    method: 'POST',
    url: '/api/v1/auth/learner-sign-in',
    payload: { uln, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { id: row.id, headers: { cookie: cookiesFrom(res.headers['set-cookie']) } };
}

const me = (app: FastifyInstance, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers });

describe('the session cache', () => {
  it('serves a session from memory, and a sign-out elsewhere ends it here too', async () => {
    const sam = await signedInLearner();
    expect((await me(there, sam.headers)).statusCode).toBe(200);
    const hits = there.sessionCache.hits;
    expect((await me(there, sam.headers)).statusCode).toBe(200);
    expect(there.sessionCache.hits).toBe(hits + 1);

    const out = await here.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: sam.headers });
    expect(out.statusCode).toBe(204);
    // In the process that signed out, at once.
    expect((await me(here, sam.headers)).statusCode).toBe(401);
    // In the other, as soon as the database's notification arrives.
    await eventually(async () => (await me(there, sam.headers)).statusCode === 401);
  });

  it('sees a change written straight to the database (an account made to change its password)', async () => {
    const sam = await signedInLearner();
    const record = () => there.inject({ method: 'GET', url: '/api/v1/me/record', headers: sam.headers });
    expect((await record()).statusCode).toBe(200);
    await db.sql.query(`UPDATE "Learner" SET "mustChangePassword" = true WHERE id = $1`, [sam.id]);
    await eventually(async () => (await record()).json().error?.code === 'PASSWORD_CHANGE_REQUIRED');
  });

  it('is left alone by a change only Select LAR depends on (a permission granted)', async () => {
    const sam = await signedInLearner();
    expect((await me(there, sam.headers)).statusCode).toBe(200);
    // Created, not upserted: an upsert counts as an update of organisation names, which bumps the
    // catalogue version (and so, rightly, empties session caches).
    const employer = await db.prisma.organisation.create({
      data: {
        type: 'THIRD_PARTY',
        name: 'Harbour Ltd',
        code: '10000777',
        codeType: 'UKPRN',
        address: '1 Quay',
        phone: '0',
      },
    });
    expect((await me(there, sam.headers)).statusCode).toBe(200);
    const told = there.selectLarCache.generation;
    await db.prisma.permission.create({
      data: {
        learnerId: sam.id,
        organisationId: employer.id,
        section: 'UNITS',
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    // Once the notification has reached `there` (its Select LAR cache was emptied)…
    await eventually(async () => there.selectLarCache.generation > told);
    // …the session is still served from memory.
    const hits = there.sessionCache.hits;
    expect((await me(there, sam.headers)).statusCode).toBe(200);
    expect(there.sessionCache.hits).toBe(hits + 1);
  });

  (onPostgres ? it : it.skip)(
    'is emptied and bypassed while its listening connection is lost, and used again once back',
    async () => {
      const sam = await signedInLearner();
      expect((await me(there, sam.headers)).statusCode).toBe(200);
      // Cut every listening connection (both processes'); they reconnect after a second.
      await db.sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
      await new Promise((r) => setTimeout(r, 100));
      // A revocation no process hears of: `there` must not answer from memory.
      await db.sql.query(`UPDATE "Session" SET "revokedAt" = now() WHERE "learnerId" = $1`, [sam.id]);
      expect((await me(there, sam.headers)).statusCode).toBe(401);

      const again = await signedInLearner();
      await eventually(async () => {
        const hits = there.sessionCache.hits;
        await me(there, again.headers);
        await me(there, again.headers);
        return there.sessionCache.hits > hits;
      });
    },
  );
});
