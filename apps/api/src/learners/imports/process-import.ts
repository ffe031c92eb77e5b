import { Readable } from 'node:stream';
import type { ImportCounts } from '@lar/shared/api';
import type { Database } from '../../db/database';
import type { JobHandler } from '../../jobs/worker';
import { sealer } from '../../lib/secrets';
import { enqueueEmail } from '../../mail/outbox';
import { rejectedRowsShown } from '../../mail/templates/import-report';
import type { LearnerRow } from '../csv/read-learners';
import { duplicateErrors, type RepeatedUlns, readLearnersCsv, withDuplicates } from '../csv/read-learners';
import { storeBatch } from './store-batch';

export const LEARNERS_IMPORT_QUEUE = 'learners-import';

export const emptyCounts = (): ImportCounts => ({
  created: 0,
  registered: 0,
  alreadyRegistered: 0,
  rejected: 0,
  createdWithoutEmail: 0,
});

export interface ImportProcessingOptions {
  db: Database;
  publicUrl: string;
  jwtSecret: string;
  /** Rows per transaction: bigger batches are faster, smaller ones lose less work to a crash. */
  batchSize?: number;
}

const readerFor = (content: Buffer, today: Date) =>
  readLearnersCsv(Readable.from([content]), { maxRows: Number.MAX_SAFE_INTEGER, today });

/**
 * The background job of a learners upload. It reads the stored file in batches from where an earlier
 * attempt stopped (`processedRows`, committed with each batch), so a killed process resumes without
 * losing or repeating a row; the ULNs that repeat in the file were found when the upload was checked. Rows are judged as of
 * the upload's day, so a resumed import decides exactly as the first attempt would have.
 */
export function learnersImportHandler(options: ImportProcessingOptions): JobHandler {
  const { db, batchSize = 2_000 } = options;
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

      let counts: ImportCounts = { ...emptyCounts(), ...(found.summary as Partial<ImportCounts> | null) };
      let processed = found.processedRows;
      const resumeAfter = found.processedRows;
      let seen = 0;
      let batch: LearnerRow[] = [];
      const store = async (rows: LearnerRow[]) => {
        counts = await db.sql.transaction((conn) =>
          storeBatch(conn, rows, {
            importId,
            centreId: found.organisationId,
            centreName: found.organisation.name,
            processedBefore: processed,
            counts,
            mail: { publicUrl: options.publicUrl },
            seal,
          }),
        );
        processed += rows.length;
        await context.progress(processed, {
          total: found.totalRows,
          checkpoint: { processedRows: processed },
        });
      };
      // One batch is stored while the next is read and checked, so parsing overlaps the database's
      // work; batches still commit one after another, in file order.
      let storing: Promise<void> | null = null;
      const flush = async () => {
        const rows = batch;
        batch = [];
        if (storing) await storing;
        storing = store(rows);
        // Awaited before the next batch or at the end; handled now so a failure is never "unhandled".
        storing.catch(() => {});
      };
      for await (const row of readerFor(content, today)) {
        seen++;
        if (seen <= resumeAfter) continue;
        batch.push(withDuplicates(row, duplicates));
        if (batch.length >= batchSize) await flush();
      }
      if (batch.length > 0) await flush();
      if (storing) await storing;
      await completeImport(options, importId, counts);
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
  const reader = readerFor(content, today);
  for await (const _ of reader);
  return reader.duplicates();
}

/** Marks the import done, drops the stored file and emails the report to the uploader, in one transaction. */
async function completeImport(options: ImportProcessingOptions, importId: string, counts: ImportCounts) {
  const { prisma } = options.db;
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
    const rejected = await tx.importRow.findMany({
      where: { importId, outcome: 'REJECTED' },
      orderBy: { rowNumber: 'asc' },
      take: rejectedRowsShown,
      select: { rowNumber: true, message: true },
    });
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
          rejectedRows: rejected.map((r) => ({ row: r.rowNumber, reason: r.message ?? '' })),
        },
      },
      { publicUrl: options.publicUrl },
    );
  });
}
