import type { SqlClient } from '../db/sql-client';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export interface JobRequest {
  queue: string;
  payload: Prisma.InputJsonValue;
  /** The same key again queues nothing (e.g. `learners-import:<importId>`). */
  idempotencyKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Queues durable background work. Call it in the transaction that records what the job works on,
 * so an accepted upload always has its job. Returns the job (the existing one for a repeated key).
 */
export async function enqueueJob(db: Db, request: JobRequest) {
  const data = {
    queue: request.queue,
    payload: request.payload,
    idempotencyKey: request.idempotencyKey ?? null,
    runAt: request.runAt ?? new Date(),
    maxAttempts: request.maxAttempts ?? 5,
  };
  if (!request.idempotencyKey) return db.job.create({ data });
  await db.job.createMany({ data: [data], skipDuplicates: true });
  return db.job.findUniqueOrThrow({ where: { idempotencyKey: request.idempotencyKey } });
}

export interface ClaimedJob {
  id: string;
  queue: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  progressDone: number;
  progressTotal: number | null;
  /** Where an earlier attempt got to, for jobs that resume rather than restart. */
  checkpoint: unknown;
}

/** Claims the next due job of `queues` with a lease; a job whose worker died is due again when its lease ends. */
export async function claimJob(
  sql: SqlClient,
  { queues, leaseMs, workerId }: { queues: string[]; leaseMs: number; workerId: string },
): Promise<ClaimedJob | undefined> {
  const [job] = await sql.query<ClaimedJob>(
    `UPDATE "Job" j
        SET status = 'RUNNING', attempts = j.attempts + 1, "lockedBy" = $3, "updatedAt" = now(),
            "lockedUntil" = now() + make_interval(secs => $2::double precision / 1000)
      WHERE j.id = (SELECT id FROM "Job"
                     WHERE queue = ANY($1::text[]) AND "runAt" <= now()
                       AND (status = 'QUEUED' OR (status = 'RUNNING' AND "lockedUntil" < now()))
                     ORDER BY "runAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING j.id, j.queue, j.payload, j.attempts, j."maxAttempts", j."progressDone", j."progressTotal", j.checkpoint`,
    [queues, leaseMs, workerId],
  );
  return job;
}

/** Records progress (and optionally a checkpoint) and renews the lease: a job that reports is alive. */
export async function reportProgress(
  sql: SqlClient,
  jobId: string,
  {
    done,
    total,
    checkpoint,
    leaseMs,
  }: { done: number; total?: number; checkpoint?: unknown; leaseMs: number },
): Promise<void> {
  await sql.query(
    `UPDATE "Job" SET "progressDone" = $2, "progressTotal" = COALESCE($3, "progressTotal"),
            checkpoint = CASE WHEN $4::jsonb IS NULL THEN checkpoint ELSE $4::jsonb END,
            "lockedUntil" = now() + make_interval(secs => $5::double precision / 1000), "updatedAt" = now()
      WHERE id = $1 AND status = 'RUNNING'`,
    [jobId, done, total ?? null, checkpoint === undefined ? null : JSON.stringify(checkpoint), leaseMs],
  );
}

export async function completeJob(sql: SqlClient, jobId: string): Promise<void> {
  await sql.query(
    `UPDATE "Job" SET status = 'COMPLETED', "finishedAt" = now(), "lockedUntil" = NULL, "lastError" = NULL,
            "updatedAt" = now() WHERE id = $1`,
    [jobId],
  );
}

/** Queues the job again after `retryInMs`, or marks it failed when it has no attempts left. */
export async function failJob(
  sql: SqlClient,
  job: ClaimedJob,
  { error, retryInMs }: { error: string; retryInMs: number },
): Promise<'retry' | 'failed'> {
  const giveUp = job.attempts >= job.maxAttempts;
  await sql.query(
    `UPDATE "Job" SET status = $2::"JobStatus", "lastError" = $3, "lockedUntil" = NULL, "lockedBy" = NULL,
            "runAt" = now() + make_interval(secs => $4::double precision / 1000),
            "finishedAt" = CASE WHEN $2 = 'FAILED' THEN now() ELSE NULL END, "updatedAt" = now()
      WHERE id = $1`,
    [job.id, giveUp ? 'FAILED' : 'QUEUED', error.slice(0, 2_000), giveUp ? 0 : retryInMs],
  );
  return giveUp ? 'failed' : 'retry';
}
