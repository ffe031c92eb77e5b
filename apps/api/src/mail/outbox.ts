import { createHash } from 'node:crypto';
import type { SqlConnection } from '../db/sql-client';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import {
  isTemplateName,
  type MailContext,
  renderEmail,
  renderSubject,
  type TemplateData,
  type TemplateName,
} from './templates';

type Db = PrismaClient | Prisma.TransactionClient;

export interface EmailToSend<T extends TemplateName> {
  /** Names the event, e.g. `learner-welcome:<learnerId>`: one event yields one message, however often it runs. */
  idempotencyKey: string;
  to: string;
  template: T;
  data: TemplateData[T];
}

/** One email of bulk mail (one template, many recipients), before it is recorded. */
export interface BulkEmail<T extends TemplateName> {
  /** Names the event, as `EmailToSend`'s does. */
  idempotencyKey: string;
  to: string;
  data: TemplateData[T];
}

/**
 * Records an email in the outbox. Call it with the transaction that makes the change the email is
 * about, so both commit or neither does; the worker sends it after the commit. A second call with
 * the same idempotency key records nothing. Returns whether a message was recorded.
 */
export async function enqueueEmail<T extends TemplateName>(
  db: Db,
  email: EmailToSend<T>,
  context: MailContext,
): Promise<boolean> {
  const rendered = renderEmail(email.template, email.data, context);
  const { count } = await db.outboxMessage.createMany({
    data: [{ idempotencyKey: email.idempotencyKey, template: email.template, to: email.to, ...rendered }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * Records many emails of one template as one outbox batch, in the caller's transaction: for bulk mail
 * written in a large transaction (an import's welcome emails). The mail worker turns the batch into
 * messages (`queueBatchedMail`), each rendered only when sent; the subject is worked out now, for the
 * outbox list. Returns how many emails the batch holds.
 */
export async function enqueueBatchedEmails<T extends TemplateName>(
  sql: SqlConnection,
  template: T,
  emails: BulkEmail<T>[],
  context: MailContext,
): Promise<number> {
  if (emails.length === 0) return 0;
  const insert = deferredEmailsInsert('batch', template, emails, context);
  await sql.query(insert.text, insert.params);
  return emails.length;
}

/** Below this many waiting messages, the mail worker queues the next outbox batch. */
export const BATCHED_MAIL_QUEUED_BELOW = 1_000;

/**
 * Turns the oldest outbox batch into outbox messages, in one statement (so a batch is queued whole or
 * not at all, and never twice: a message whose idempotency key is already recorded is skipped), unless
 * `BATCHED_MAIL_QUEUED_BELOW` messages or more are waiting already. Returns whether a batch was taken.
 */
export async function queueBatchedMail(sql: SqlConnection): Promise<boolean> {
  const [result] = await sql.query<{ taken: number }>(
    `WITH batch AS (
       DELETE FROM "OutboxBatch" WHERE id = (
         SELECT id FROM "OutboxBatch"
          WHERE (SELECT count(*) FROM (SELECT 1 FROM "OutboxMessage" WHERE status = 'PENDING' LIMIT $1) w) < $1
          ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING template, emails),
     queued AS (
       INSERT INTO "OutboxMessage" (id, "idempotencyKey", template, "to", subject, data, "updatedAt")
       SELECT gen_random_uuid(), e.k, b.template, e.t, e.s, e.d, now()
         FROM batch b, jsonb_to_recordset(b.emails::jsonb) AS e(k text, t text, s text, d jsonb)
       ON CONFLICT ("idempotencyKey") DO NOTHING)
     SELECT count(*)::int AS taken FROM batch`,
    [BATCHED_MAIL_QUEUED_BELOW],
  );
  return (result?.taken ?? 0) > 0;
}

/** Emails of one template as stored for rendering when sent: key, recipient, subject and data. */
function deferredEmails<T extends TemplateName>(template: T, emails: BulkEmail<T>[], context: MailContext) {
  return emails.map((e) => ({
    k: e.idempotencyKey,
    t: e.to,
    s: renderSubject(template, e.data, context),
    d: e.data,
  }));
}

/**
 * A statement recording emails of one template, each rendered only when sent (the subject is stored
 * now, for the outbox list), with its parameters numbered from `first`: as outbox messages, one each,
 * or as one outbox batch for them all (`enqueueBatchedEmails`). It is for a caller that records the
 * emails in the same statement as the change they are about (after a data-modifying `WITH`), which is
 * atomic without a transaction's extra round trips. Messages whose idempotency key is already
 * recorded are skipped (a batch's, when the worker queues it).
 */
export function deferredEmailsInsert<T extends TemplateName>(
  into: 'messages' | 'batch',
  template: T,
  emails: BulkEmail<T>[],
  context: MailContext,
  first = 1,
): { text: string; params: unknown[] } {
  // The rows as one JSON document: cheaper to send and to read than one array parameter per column.
  const params = [template, JSON.stringify(deferredEmails(template, emails, context))];
  if (into === 'batch') {
    return {
      text: `INSERT INTO "OutboxBatch" (id, template, emails, size)
             VALUES (gen_random_uuid(), $${first}, $${first + 1}, $${first + 2}::int)`,
      params: [...params, emails.length],
    };
  }
  return {
    text: `INSERT INTO "OutboxMessage" (id, "idempotencyKey", template, "to", subject, data, "updatedAt")
     SELECT gen_random_uuid(), k, $${first}, t, s, d, now()
       FROM jsonb_to_recordset($${first + 1}::jsonb) AS e(k text, t text, s text, d jsonb)
     ON CONFLICT ("idempotencyKey") DO NOTHING`,
    params,
  };
}

/** A stored message's body: as stored, or rendered now from its template and data when deferred. */
export function messageBody(
  message: { template: string; subject: string; text: string | null; html: string | null; data: unknown },
  context: MailContext,
): { text: string; html: string } {
  if (message.text !== null && message.html !== null) return { text: message.text, html: message.html };
  if (!isTemplateName(message.template) || message.data === null || message.data === undefined) {
    throw new Error(`outbox message (${message.template}) has neither a body nor the data to render one`);
  }
  const { text, html } = renderEmail(message.template, message.data as never, context);
  return { text, html };
}

/** The Message-ID of an outbox message: the same for every attempt, derived from its idempotency key. */
export function messageIdFor(idempotencyKey: string, publicUrl: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(publicUrl).hostname}>`;
}
