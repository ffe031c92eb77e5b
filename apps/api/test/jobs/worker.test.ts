import { databaseFrom } from '../../src/db/database';
import { createPool } from '../../src/db/sql-client';
import { claimJob, enqueueJob } from '../../src/jobs/queue';
import { type JobHandler, runOneJob, startJobWorker } from '../../src/jobs/worker';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database';

describe('background jobs', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => db.close());

  const job = (id: string) => db.prisma.job.findUniqueOrThrow({ where: { id } });

  it('queues the same work once per idempotency key', async () => {
    const a = await enqueueJob(db.prisma, { queue: 'q', payload: { n: 1 }, idempotencyKey: 'import:1' });
    const b = await enqueueJob(db.prisma, { queue: 'q', payload: { n: 2 }, idempotencyKey: 'import:1' });
    expect(b.id).toBe(a.id);
    expect(await db.prisma.job.count()).toBe(1);
  });

  it('runs a job, recording its progress, and completes it', async () => {
    const queued = await enqueueJob(db.prisma, { queue: 'count', payload: { to: 3 } });
    const seen: number[] = [];
    const handlers: Record<string, JobHandler> = {
      count: async (claimed, context) => {
        for (let i = 1; i <= 3; i++) {
          await context.progress(i, { total: 3 });
          seen.push((await job(claimed.id)).progressDone);
        }
      },
    };
    expect(await runOneJob({ sql: db.sql, handlers }, 'w1')).toBe(1);
    expect(seen).toEqual([1, 2, 3]);
    expect(await job(queued.id)).toMatchObject({
      status: 'COMPLETED',
      progressDone: 3,
      progressTotal: 3,
      attempts: 1,
    });
    expect(await runOneJob({ sql: db.sql, handlers }, 'w1')).toBe(0);
  });

  it('retries a failing job with back-off, then fails it with the last error', async () => {
    const queued = await enqueueJob(db.prisma, { queue: 'flaky', payload: {}, maxAttempts: 2 });
    const handlers = { flaky: async () => Promise.reject(new Error('database briefly down')) };
    await runOneJob({ sql: db.sql, handlers, backoff: () => 60_000 }, 'w1');
    const retried = await job(queued.id);
    expect(retried).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'database briefly down' });
    expect(retried.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await runOneJob({ sql: db.sql, handlers }, 'w1')).toBe(0); // not due yet
    await db.prisma.job.update({ where: { id: queued.id }, data: { runAt: new Date() } });
    await runOneJob({ sql: db.sql, handlers }, 'w1');
    expect(await job(queued.id)).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      lastError: 'database briefly down',
    });
  });

  it('resumes, from its checkpoint, a job whose worker died', async () => {
    const queued = await enqueueJob(db.prisma, { queue: 'rows', payload: { rows: 10 } });
    // The first worker claims the job, reports half of it done, and dies.
    const claimed = await claimJob(db.sql, { queues: ['rows'], leaseMs: 300, workerId: 'dead' });
    expect(claimed?.id).toBe(queued.id);
    await db.sql.query(`UPDATE "Job" SET "progressDone" = 5, checkpoint = '{"nextRow": 6}' WHERE id = $1`, [
      queued.id,
    ]);
    const resumedFrom: unknown[] = [];
    const handlers: Record<string, JobHandler> = {
      rows: async (again, context) => {
        resumedFrom.push(again.checkpoint);
        await context.progress(10, { total: 10, checkpoint: { nextRow: 11 } });
      },
    };
    expect(await runOneJob({ sql: db.sql, handlers }, 'alive')).toBe(0); // lease still held
    await new Promise((r) => setTimeout(r, 400));
    expect(await runOneJob({ sql: db.sql, handlers }, 'alive')).toBe(1);
    expect(resumedFrom).toEqual([{ nextRow: 6 }]);
    expect(await job(queued.id)).toMatchObject({ status: 'COMPLETED', attempts: 2, progressDone: 10 });
  });

  it('runs each job once with two workers side by side', async () => {
    for (let i = 0; i < 30; i++) await enqueueJob(db.prisma, { queue: 'once', payload: { i } });
    const runs: number[] = [];
    const handlers: Record<string, JobHandler> = {
      once: async (claimed) => {
        runs.push((claimed.payload as { i: number }).i);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const other = onPostgres && db.url ? databaseFrom({ pool: createPool(db.url, 3) }) : db;
    const workers = [
      startJobWorker({ sql: db.sql, handlers, pollMs: 20 }),
      startJobWorker({ sql: other.sql, handlers, pollMs: 20 }),
    ];
    try {
      const deadline = Date.now() + 20_000;
      while ((await db.prisma.job.count({ where: { status: 'COMPLETED' } })) < 30 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      if (other !== db) await other.close();
    }
    expect(runs.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
