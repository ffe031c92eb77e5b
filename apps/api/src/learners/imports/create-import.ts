import { inPieces } from '../../csv/decode-utf8';
import { CsvFileError, refusedFile } from '../../csv/errors';
import type { Database } from '../../db/database';
import type { UploadedFile } from '../../lib/upload';
import { scanLearnersCsv } from '../csv/read-learners';
import { LEARNERS_IMPORT_QUEUE } from './process-import';

/**
 * Reads the whole file once to reject a broken one before anything is recorded; returns how many rows
 * it has and the ULNs that repeat in it (which processing needs before its first row).
 */
async function checkFile(bytes: Buffer, maxRows: number) {
  try {
    return await scanLearnersCsv(inPieces(bytes), { maxRows });
  } catch (error) {
    if (error instanceof CsvFileError) throw refusedFile(error);
    throw error;
  }
}

export interface AcceptedImport {
  importId: string;
  alreadyProcessed: boolean;
}

/**
 * Accepts a learners file for a centre: the same bytes uploaded before are "already processed" and
 * change nothing; otherwise the file, its import and its job are recorded in one transaction, so an
 * accepted upload is never lost and never processed without being recorded.
 */
export async function acceptLearnersFile(
  db: Database,
  input: {
    file: UploadedFile;
    centreId: string;
    uploaderId: string;
    maxRows: number;
    /** The upload's time: rows are judged as of its day (dates of birth, ages). */
    now?: Date;
  },
): Promise<AcceptedImport> {
  const { file, centreId } = input;
  const key = { organisationId: centreId, kind: 'LEARNERS' as const, fileSha256: file.sha256 };
  const before = await db.prisma.import.findUnique({ where: { organisationId_kind_fileSha256: key } });
  if (before) return { importId: before.id, alreadyProcessed: true };

  const now = input.now ?? new Date();
  const { rows: totalRows, repeatedUlns } = await checkFile(file.bytes, input.maxRows);
  try {
    // Raw SQL rather than the models: Prisma's query engine would copy the file's bytes into its own
    // memory (tens of MB for a large file, never given back), which `pnpm bench:import` showed.
    const importId = await db.sql.transaction(async (conn) => {
      const [row] = await conn.query<{ id: string }>(
        `INSERT INTO "Import" (id, kind, "organisationId", "uploadedById", "fileName", "fileSha256", "totalRows",
                               content, "repeatedUlns", "createdAt", "updatedAt")
         VALUES (gen_random_uuid(), 'LEARNERS', $1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8) RETURNING id`,
        [
          centreId,
          input.uploaderId,
          file.fileName,
          file.sha256,
          totalRows,
          file.bytes,
          JSON.stringify(repeatedUlns),
          now,
        ],
      );
      const id = row?.id ?? '';
      await conn.query(
        `INSERT INTO "Job" (id, queue, payload, "idempotencyKey", "maxAttempts", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2::jsonb, $3, 10, now())`,
        [LEARNERS_IMPORT_QUEUE, JSON.stringify({ importId: id }), `${LEARNERS_IMPORT_QUEUE}:${id}`],
      );
      await conn.query(
        `INSERT INTO "AuditEvent" (id, action, actor, "subjectType", "subjectId", details, "updatedAt")
         VALUES (gen_random_uuid(), 'learners_import.uploaded', $1, 'Import', $2, $3::jsonb, now())`,
        [
          `user:${input.uploaderId}`,
          id,
          JSON.stringify({
            fileName: file.fileName,
            rows: totalRows,
            bytes: file.bytes.length,
            sha256: file.sha256,
          }),
        ],
      );
      return id;
    });
    return { importId, alreadyProcessed: false };
  } catch (error) {
    // The same file sent twice at once: the other request recorded it.
    if ((error as { code?: string }).code === '23505') {
      const winner = await db.prisma.import.findUnique({ where: { organisationId_kind_fileSha256: key } });
      if (winner) return { importId: winner.id, alreadyProcessed: true };
    }
    throw error;
  }
}
