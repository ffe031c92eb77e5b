import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { SqlClient } from '../db/sql-client';
import { backoffMs } from '../lib/backoff';
import { type BusyPollLoop, startPollLoop } from '../lib/poll-loop';
import { type ClaimedJob, claimJob, completeJob, failJob, reportProgress } from './queue';

export interface JobContext {
  /** Rows done (of `total`), with where to resume from; also proves the job is alive. */
  progress(done: number, options?: { total?: number; checkpoint?: unknown }): Promise<void>;
}

export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<void>;

export interface JobWorkerOptions {
  sql: SqlClient;
  handlers: Record<string, JobHandler>;
  leaseMs?: number;
  pollMs?: number;
  backoff?: (attempt: number) => number;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** Claims and runs one job. Returns 1 when it ran one, 0 when none was due. */
export async function runOneJob(options: JobWorkerOptions, workerId: string): Promise<number> {
  const {
    sql,
    handlers,
    leaseMs = 60_000,
    backoff = (n: number) => backoffMs(n, { baseMs: 5_000 }),
  } = options;
  const job = await claimJob(sql, { queues: Object.keys(handlers), leaseMs, workerId });
  if (!job) return 0;
  const handler = handlers[job.queue];
  // Renews the lease while a long step runs between progress reports.
  const heartbeat = setInterval(
    () => void reportProgress(sql, job.id, { done: job.progressDone, leaseMs }).catch(() => undefined),
    Math.max(1_000, leaseMs / 3),
  );
  try {
    if (!handler) throw new Error(`no handler for queue ${job.queue}`);
    await handler(job, {
      progress: async (done, { total, checkpoint } = {}) => {
        job.progressDone = done;
        await reportProgress(sql, job.id, { done, total, checkpoint, leaseMs });
      },
    });
    await completeJob(sql, job.id);
    options.log?.info({ jobId: job.id, queue: job.queue }, 'job completed');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await failJob(sql, job, { error: message, retryInMs: backoff(job.attempts) });
    options.log?.error(
      { jobId: job.id, queue: job.queue, attempt: job.attempts, outcome, err: error },
      'job failed',
    );
  } finally {
    clearInterval(heartbeat);
  }
  return 1;
}

/** Runs due jobs one at a time; `busy()` says whether one is running (or being claimed) now. */
export function startJobWorker(options: JobWorkerOptions): BusyPollLoop {
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return startPollLoop({
    pass: () => runOneJob(options, workerId),
    pollMs: options.pollMs ?? 1_000,
    onError: (error) => options.log?.error({ err: error }, 'job worker pass failed; retrying'),
  });
}
