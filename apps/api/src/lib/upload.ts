import { createHash } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

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
