import { randomInt } from 'node:crypto';
import { generateUln } from '@lar/shared/identifiers';
import type { FastifyInstance } from 'fastify';
import type { SqlConnection } from '../../src/db/sql-client';
import type { PrismaClient } from '../../src/generated/prisma/client';
import { type JobDependencies, jobHandlers } from '../../src/jobs/handlers';
import { runOneJob } from '../../src/jobs/worker';
import { queueBatchedMail } from '../../src/mail/outbox';

/** A valid ULN no other test is likely to use. */
export const freshUln = () => generateUln(randomInt(2 ** 31)) ?? '';

/** A ULN with its check digit changed, so that only the check digit is wrong. */
export function badCheckDigit(uln: string): string {
  const last = Number(uln.at(-1));
  return `${uln.slice(0, -1)}${(last + 1) % 10}`;
}

export interface CsvLearner {
  uln: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  email?: string;
}

export function learnersCsv(
  rows: CsvLearner[],
  header = 'ULN,GivenName,FamilyName,DateOfBirth,Email',
): string {
  const lines = rows.map((r) =>
    [r.uln, r.givenName ?? 'Ann', r.familyName ?? 'Smith', r.dateOfBirth ?? '2001-02-03', r.email ?? ''].join(
      ',',
    ),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** A multipart/form-data body with one file, as a browser's form would send it. */
export function multipart(content: string | Buffer, fileName = 'learners.csv', field = 'file') {
  const boundary = `----lar${randomInt(1e9)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(
  app: FastifyInstance,
  headers: { cookie: string },
  content: string | Buffer,
  fileName = 'learners.csv',
) {
  const body = multipart(content, fileName);
  return app.inject({
    method: 'POST',
    url: '/api/v1/learners/imports',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

/** Runs background jobs in this process until none is due, as the API's worker would. */
export async function runJobs(app: FastifyInstance, importOptions: JobDependencies['importOptions'] = {}) {
  const handlers = jobHandlers({ db: app.db, config: app.config, importOptions });
  let ran = 0;
  while ((await runOneJob({ sql: app.db.sql, handlers, backoff: () => 0 }, 'test')) === 1) ran++;
  return ran;
}

/** How many rows of an import's report are stored, as its report parts count them. */
export async function reportRowsStored(prisma: PrismaClient, importId: string): Promise<number> {
  const { _sum: sum } = await prisma.importReportPart.aggregate({
    where: { importId },
    _sum: { created: true, registered: true, alreadyRegistered: true, rejected: true },
  });
  return (sum.created ?? 0) + (sum.registered ?? 0) + (sum.alreadyRegistered ?? 0) + (sum.rejected ?? 0);
}

/** Queues the outbox batches (an import's welcome emails) as outbox messages, as the mail worker does. */
export async function queueBatches(sql: SqlConnection): Promise<void> {
  while (await queueBatchedMail(sql));
}
