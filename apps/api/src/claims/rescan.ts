import type { Database } from '../db/database';
import { type CompiledQualifications, detectClaims, type LearnerChange } from './detect';

/** The queue of rescan jobs: rows that keep a rescan's progress and checkpoint (run by `pnpm lar claims rescan`). */
export const RESCAN_QUEUE = 'claims-rescan';

export interface RescanCheckpoint {
  /** Learners are taken in id order: everything up to this id is done. */
  afterLearnerId: string | null;
  learners: number;
  evaluations: number;
  newClaims: number;
}

export interface RescanProgress extends RescanCheckpoint {
  /** Learners with at least one achievement, counted at the start of this run. */
  total: number;
}

const START: RescanCheckpoint = { afterLearnerId: null, learners: 0, evaluations: 0, newClaims: 0 };

/** The next learners after `after` (in id order) who hold achievements, each with the URNs they hold. */
async function nextLearners(db: Database, after: string | null, limit: number): Promise<LearnerChange[]> {
  const rows = await db.sql.query<{ learnerId: string; urns: string[] }>(
    `SELECT a."learnerId", array_agg(DISTINCT u.urn) AS urns
       FROM "Achievement" a JOIN "Unit" u ON u.id = a."unitId"
      WHERE a."withdrawnAt" IS NULL AND ($1::uuid IS NULL OR a."learnerId" > $1::uuid)
      GROUP BY a."learnerId" ORDER BY a."learnerId" LIMIT $2`,
    [after, limit],
  );
  return rows;
}

/** The rescan to resume (unfinished, newest) or a new one; `restart` abandons an unfinished one. */
export async function openRescan(db: Database, { restart = false } = {}) {
  const unfinished = await db.prisma.job.findFirst({
    where: { queue: RESCAN_QUEUE, status: { in: ['QUEUED', 'RUNNING', 'CANCELLED'] } },
    orderBy: { createdAt: 'desc' },
  });
  if (unfinished && !restart) {
    await db.prisma.job.update({
      where: { id: unfinished.id },
      data: { status: 'RUNNING', lockedBy: 'cli' },
    });
    return {
      jobId: unfinished.id,
      checkpoint: { ...START, ...(unfinished.checkpoint as Partial<RescanCheckpoint>) },
      resumed: true,
    };
  }
  if (unfinished) {
    await db.prisma.job.update({
      where: { id: unfinished.id },
      data: { status: 'FAILED', lastError: 'abandoned by --restart', finishedAt: new Date() },
    });
  }
  const job = await db.prisma.job.create({
    data: { queue: RESCAN_QUEUE, payload: {}, status: 'RUNNING', lockedBy: 'cli', checkpoint: { ...START } },
  });
  return { jobId: job.id, checkpoint: { ...START }, resumed: false };
}

/**
 * Re-evaluates every learner's claims, batch by batch in learner order: each batch's detection (claims and
 * digest emails) and its checkpoint commit in one transaction, so a stop — asked for, or a killed process —
 * loses nothing and repeats nothing; the next run resumes after the last committed batch.
 */
export async function runRescan(
  db: Database,
  input: {
    jobId: string;
    checkpoint: RescanCheckpoint;
    publicUrl: string;
    batchSize?: number;
    onProgress?: (progress: RescanProgress) => void;
    shouldStop?: () => boolean;
  },
): Promise<{ finished: boolean; progress: RescanProgress }> {
  const batchSize = input.batchSize ?? 200;
  const [{ total } = { total: 0 }] = await db.sql.query<{ total: number }>(
    `SELECT count(DISTINCT "learnerId")::int AS total FROM "Achievement" WHERE "withdrawnAt" IS NULL`,
  );
  let checkpoint = input.checkpoint;
  const compiled: CompiledQualifications = new Map();
  for (;;) {
    if (input.shouldStop?.()) {
      await db.prisma.job.update({
        where: { id: input.jobId },
        data: { status: 'CANCELLED', lockedBy: null },
      });
      return { finished: false, progress: { ...checkpoint, total } };
    }
    const changes = await nextLearners(db, checkpoint.afterLearnerId, batchSize);
    if (changes.length === 0) break;
    const last = changes[changes.length - 1]?.learnerId ?? null;
    checkpoint = await db.prisma.$transaction(
      async (tx) => {
        const found = await detectClaims(tx, changes, {
          publicUrl: input.publicUrl,
          digestKey: `${input.jobId}:${last}`,
          compiled,
        });
        const next = {
          afterLearnerId: last,
          learners: checkpoint.learners + changes.length,
          evaluations: checkpoint.evaluations + found.evaluations,
          newClaims: checkpoint.newClaims + found.newClaims,
        };
        await tx.job.update({
          where: { id: input.jobId },
          data: {
            checkpoint: next,
            progressDone: next.learners,
            progressTotal: total,
            updatedAt: new Date(),
          },
        });
        return next;
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
    input.onProgress?.({ ...checkpoint, total });
  }
  await db.prisma.job.update({
    where: { id: input.jobId },
    data: { status: 'COMPLETED', finishedAt: new Date(), lockedBy: null },
  });
  return { finished: true, progress: { ...checkpoint, total } };
}
