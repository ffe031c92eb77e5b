import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ulnFromNineDigits } from '@lar/shared/identifiers';
import { acceptLearnersFile } from '../../src/learners/imports/create-import';
import { buildTestApp } from '../helpers/app';
import { signInAs } from '../helpers/auth';
import { startLar } from '../helpers/cli';
import { onPostgres } from '../helpers/database';
import { reportRowsStored, runJobs } from '../helpers/learners';

const ROWS = 30_000;

function bigCsv(): Buffer {
  const lines = ['ULN,GivenName,FamilyName,DateOfBirth,Email'];
  for (let n = 300_000_000; lines.length <= ROWS; n++) {
    const uln = ulnFromNineDigits(String(n));
    if (uln) lines.push(`${uln},Kim,Lee,2000-01-02,${lines.length % 3 === 0 ? '' : `k${uln}@example.org`}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

// Two processes cannot share the embedded database, so this runs on PostgreSQL only (as in CI).
(onPostgres ? describe : describe.skip)('a learners import whose worker process is killed', () => {
  it('loses and repeats nothing: it resumes, and every created learner has its welcome email queued', async () => {
    const t = await buildTestApp();
    let child: ReturnType<typeof startLar> | undefined;
    try {
      const centre = await signInAs(t.app, 'centre');
      const bytes = bigCsv();
      const { importId } = await acceptLearnersFile(t.app.db, {
        file: { fileName: 'big.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex') },
        centreId: centre.organisationId ?? '',
        uploaderId: centre.id,
        maxRows: 100_000,
      });
      const { prisma } = t.database;
      const processed = async () =>
        (await prisma.import.findUniqueOrThrow({ where: { id: importId } })).processedRows;

      child = startLar(['worker', '--poll', '100', '--lease', '1500'], {
        DATABASE_URL: t.database.url ?? '',
        JWT_SECRET: t.app.config.jwtSecret,
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lar-worker-')),
        SMTP_URL: 'smtp://127.0.0.1:9',
        LOG_LEVEL: 'silent',
      });
      const worker = child;
      const deadline = Date.now() + 60_000;
      while ((await processed()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const exited = new Promise((r) => worker.once('exit', r));
      worker.kill('SIGKILL');
      await exited;

      // Killed between batches or in the middle of one: what committed is whole.
      const atKill = await processed();
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(ROWS);
      expect(await reportRowsStored(prisma, importId)).toBe(atKill);
      const learnersWithoutWelcome = async () =>
        (
          await t.database.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "Learner" l
              WHERE l.email IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" m WHERE m."idempotencyKey" = 'learner-welcome:' || l.id)
                AND NOT EXISTS (SELECT 1 FROM "OutboxBatch" b, jsonb_to_recordset(b.emails::jsonb) AS e(k text)
                                 WHERE e.k = 'learner-welcome:' || l.id)`,
          )
        )[0]?.n;
      expect(await learnersWithoutWelcome()).toBe(0);

      // Restarted (here in-process), after the dead worker's lease runs out, the import completes.
      await new Promise((r) => setTimeout(r, 1_600));
      expect(await runJobs(t.app)).toBe(1);
      const done = await prisma.import.findUniqueOrThrow({ where: { id: importId } });
      expect(done).toMatchObject({ status: 'COMPLETED', processedRows: ROWS });
      expect(done.summary).toMatchObject({ created: ROWS, rejected: 0, createdWithoutEmail: ROWS / 3 });
      expect(await reportRowsStored(prisma, importId)).toBe(ROWS);
      expect(await prisma.learner.count()).toBe(ROWS);
      expect(await prisma.registration.count({ where: { centreId: centre.organisationId } })).toBe(ROWS);
      // One welcome email each for the learners with an address: queued in batches, or as messages
      // once the killed process's mail worker had taken a batch.
      const welcome = await t.database.sql.query<{ n: number; keys: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT k)::int AS keys FROM (
           SELECT e.k FROM "OutboxBatch" b, jsonb_to_recordset(b.emails::jsonb) AS e(k text)
           UNION ALL SELECT "idempotencyKey" FROM "OutboxMessage" WHERE template = 'learner-welcome') w`,
      );
      expect(welcome[0]).toEqual({ n: (ROWS * 2) / 3, keys: (ROWS * 2) / 3 });
      expect(await learnersWithoutWelcome()).toBe(0);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await t.close();
    }
  });
});
