import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database';
import { Prisma } from '../../generated/prisma/client';
import { enqueueJob } from '../../jobs/queue';
import { audit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import { CsvFileError } from '../csv/errors';
import { readLearnersCsv } from '../csv/read-learners';
import { LEARNERS_IMPORT_QUEUE } from './process-import';

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads the one file of a multipart upload into memory (at most `maxBytes`, so at most 20 MB by
 * default), hashing it on the way. Over the limit is a 413 and nothing is kept.
 */
export async function receiveFile(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data, in a field named "file"',
    );
  }
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (error) {
    throw multipartError(error, maxBytes);
  }
  if (part?.fieldname !== 'file') {
    throw new AppError('FILE_REQUIRED', 'Choose a CSV file to upload (form field "file")', {
      field: 'file',
    });
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      hash.update(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    throw multipartError(error, maxBytes);
  }
  if (part.file.truncated) throw fileTooLarge(maxBytes);
  const fileName = (part.filename || 'learners.csv').slice(0, 255);
  return { fileName, bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
}

const fileTooLarge = (maxBytes: number) =>
  new AppError(
    'FILE_TOO_LARGE',
    `The file is larger than ${megabytes(maxBytes)}: split it into smaller files and upload each`,
    { maxBytes },
  );

function multipartError(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') return new AppError('VALIDATION_FAILED', 'Upload one file at a time');
  return error;
}

/** Reads the whole file once to reject a broken one before anything is recorded; returns its rows. */
async function countRows(bytes: Buffer, maxRows: number, today: Date): Promise<number> {
  let rows = 0;
  try {
    for await (const _ of readLearnersCsv(Readable.from([bytes]), { maxRows, today })) rows++;
  } catch (error) {
    if (error instanceof CsvFileError) {
      const status = error.code === 'CSV_TOO_MANY_ROWS' ? { statusCode: 413 } : {};
      throw Object.assign(new AppError(error.code, error.message, error.details), status);
    }
    throw error;
  }
  return rows;
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
  input: { file: UploadedFile; centreId: string; uploaderId: string; maxRows: number },
): Promise<AcceptedImport> {
  const { file, centreId } = input;
  const key = { organisationId: centreId, kind: 'LEARNERS' as const, fileSha256: file.sha256 };
  const before = await db.prisma.import.findUnique({ where: { organisationId_kind_fileSha256: key } });
  if (before) return { importId: before.id, alreadyProcessed: true };

  const now = new Date();
  const totalRows = await countRows(file.bytes, input.maxRows, now);
  try {
    const created = await db.prisma.$transaction(async (tx) => {
      const row = await tx.import.create({
        data: {
          ...key,
          uploadedById: input.uploaderId,
          fileName: file.fileName,
          totalRows,
          content: new Uint8Array(file.bytes),
          createdAt: now,
        },
        select: { id: true },
      });
      await enqueueJob(tx, {
        queue: LEARNERS_IMPORT_QUEUE,
        payload: { importId: row.id },
        idempotencyKey: `${LEARNERS_IMPORT_QUEUE}:${row.id}`,
        maxAttempts: 10,
      });
      await audit(tx, {
        action: 'learners_import.uploaded',
        actor: `user:${input.uploaderId}`,
        subjectType: 'Import',
        subjectId: row.id,
        details: { fileName: file.fileName, rows: totalRows, bytes: file.bytes.length, sha256: file.sha256 },
      });
      return row;
    });
    return { importId: created.id, alreadyProcessed: false };
  } catch (error) {
    // The same file sent twice at once: the other request recorded it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await db.prisma.import.findUnique({ where: { organisationId_kind_fileSha256: key } });
      if (winner) return { importId: winner.id, alreadyProcessed: true };
    }
    throw error;
  }
}
