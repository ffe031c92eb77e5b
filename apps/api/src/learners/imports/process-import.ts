import type { ImportCounts } from '@lar/shared/api';
import { inPieces } from '../../csv/decode-utf8';
import type { Database } from '../../db/database';
import type { JobHandler } from '../../jobs/worker';
import { sealer } from '../../lib/secrets';
import { enqueueEmail } from '../../mail/outbox';
import { rejectedRowsShown } from '../../mail/templates/import-report';
import type { LearnerRow } from '../csv/read-learners';
import { duplicateErrors, type RepeatedUlns, readLearnersCsv, withDuplicates } from '../csv/read-learners';
import { emptyCounts } from './outcomes';
import { reportRows } from './report-parts';
import { BATCH_LOCK_TIMEOUT_MS, storeBatch } from './store-batch';

export const LEARNERS_IMPORT_QUEUE = 'learners-import';

export interface ImportProcessingOptions {
  db: Database;
  publicUrl: string;
  jwtSecret: string;
  /** Rows per transaction: bigger batches are faster, smaller ones lose less work to a crash. */
  batchSize?: number;
  /**
   * Batches written at once, each on its own connection (1 unless given). Each still commits after the
   * one before it has committed and been reported, holding its connection meanwhile.
   */
  batchesInFlight?: number;
  /** How long a batch waits for a row another transaction holds before it fails (see `storeBatch`). */
  lockTimeoutMs?: number;
}

const readerFor = (content: Buffer, today: Date, findRepeats: boolean) =>
  readLearnersCsv(inPieces(content), { maxRows: Number.MAX_SAFE_INTEGER, today, findRepeats });

/**
 * The background job of a learners upload. It reads the stored file in batches from where an earlier
 * attempt stopped (`processedRows`, committed with each batch), so a killed process resumes without
 * losing or repeating a row; the ULNs that repeat in the file were found when the upload was checked. Rows are judged as of
 * the upload's day, so a resumed import decides exactly as the first attempt would have.
 */
export function learnersImportHandler(options: ImportProcessingOptions): JobHandler {
  const { db, batchSize = 1_000 } = options;
  const most = Math.max(1, options.batchesInFlight ?? 1);
  const { seal } = sealer(options.jwtSecret);
  return async (job, context) => {
    const { importId } = job.payload as { importId: string };
    const found = await db.prisma.import.findUnique({
      where: { id: importId },
      omit: { content: true },
      include: { organisation: { select: { name: true } } },
    });
    if (!found || found.status === 'COMPLETED' || found.status === 'FAILED') return;
    try {
      // Raw SQL, not the model: Prisma's query engine would copy the bytes into its own memory.
      const [stored] = await db.sql.query<{ content: Buffer | null }>(
        'SELECT content FROM "Import" WHERE id = $1',
        [importId],
      );
      const content = stored?.content;
      if (!content) throw new Error('the uploaded file is missing');
      const today = found.createdAt;
      const duplicates =
        found.repeatedUlns === null
          ? await findDuplicates(content, today)
          : duplicateErrors(found.repeatedUlns as RepeatedUlns);

      let processed = found.processedRows;
      const resumeAfter = found.processedRows;
      let seen = 0;
      let batch: LearnerRow[] = [];
      // Batches are read and checked while earlier ones are written; on PostgreSQL two are written at
      // once, each in its own transaction. Each commits only once the one before it has committed and
      // been reported (its counts are this one's starting point), so the rows processed (the resume
      // point) advance in file order, and a failed batch stops every later one.
      let counts: Promise<ImportCounts> = Promise.resolve({
        ...emptyCounts(),
        ...(found.summary as Partial<ImportCounts> | null),
      });
      const inFlight: Promise<unknown>[] = [];
      const expectNew = { value: true };
      const flush = async () => {
        const rows = batch;
        batch = [];
        while (inFlight.length >= most) await inFlight.shift();
        const processedBefore = processed;
        processed += rows.length;
        const previous = counts;
        counts = db.sql
          .transaction((conn) =>
            storeBatch(conn, rows, {
              importId,
              centreId: found.organisationId,
              centreName: found.organisation.name,
              processedBefore,
              counts: previous,
              lockTimeoutMs: options.lockTimeoutMs ?? BATCH_LOCK_TIMEOUT_MS,
              expectNew,
              mail: { publicUrl: options.publicUrl },
              seal,
            }),
          )
          .then(async (after) => {
            await context.progress(processedBefore + rows.length, {
              total: found.totalRows,
              checkpoint: { processedRows: processedBefore + rows.length },
            });
            return after;
          });
        // Awaited before a later batch or at the end; handled now so a failure is never "unhandled".
        counts.catch(() => {});
        inFlight.push(counts);
      };
      try {
        for await (const rows of readerFor(content, today, false).chunks()) {
          for (const row of rows) {
            seen++;
            if (seen <= resumeAfter) continue;
            batch.push(withDuplicates(row, duplicates));
            if (batch.length >= batchSize) await flush();
          }
        }
        if (batch.length > 0) await flush();
        await counts;
      } finally {
        // A failure leaves no batch of this attempt still writing (later ones roll back on it).
        await Promise.allSettled(inFlight);
      }
      await completeImport(options, importId, await counts);
    } catch (error) {
      if (job.attempts >= job.maxAttempts) {
        const reason = error instanceof Error ? error.message : String(error);
        await db.prisma.import.update({
          where: { id: importId },
          data: { status: 'FAILED', error: `Processing stopped: ${reason}`.slice(0, 1_000) },
        });
      }
      throw error;
    }
  };
}

/** The errors of rows whose ULN repeats, by reading the file: for imports accepted before uploads recorded them. */
async function findDuplicates(content: Buffer, today: Date) {
  const reader = readerFor(content, today, true);
  for await (const _ of reader);
  return reader.duplicates();
}

/** Marks the import done, drops the stored file and emails the report to the uploader, in one transaction. */
async function completeImport(options: ImportProcessingOptions, importId: string, counts: ImportCounts) {
  const { prisma } = options.db;
  // The first rejected rows, for the email: read before the transaction (on PGlite a query outside a
  // transaction waits for it to end); the batches committed them.
  const { rows: rejected } = await reportRows(options.db, {
    importId,
    outcome: 'rejected',
    offset: 0,
    limit: rejectedRowsShown,
    open: sealer(options.jwtSecret).open,
  });
  await prisma.$transaction(async (tx) => {
    const done = await tx.import.update({
      where: { id: importId },
      data: { status: 'COMPLETED', completedAt: new Date(), content: null, summary: { ...counts } },
      omit: { content: true },
    });
    // One query per relation: a transaction's connection would only queue them.
    const uploadedBy = done.uploadedById
      ? await tx.user.findUnique({ where: { id: done.uploadedById } })
      : null;
    const centre = await tx.organisation.findUniqueOrThrow({
      where: { id: done.organisationId },
      select: { name: true },
    });
    if (!uploadedBy) return;
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `import-report:${importId}`,
        to: uploadedBy.email,
        template: 'import-report',
        data: {
          recipientName: uploadedBy.fullName,
          centreName: centre.name,
          importId,
          fileName: done.fileName,
          uploadedAt: done.createdAt,
          counts,
          createdWithoutEmail: counts.createdWithoutEmail,
          rejectedRows: rejected.map((r) => ({ row: r.row, reason: r.message })),
        },
      },
      { publicUrl: options.publicUrl },
    );
  });
}
