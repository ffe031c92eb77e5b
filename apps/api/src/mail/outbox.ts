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
 * Records many emails of one template, rendered only when sent: for bulk mail written in a large
 * transaction (an import's welcome emails), where rendering and storing each body now would cost
 * tens of microseconds and kilobytes per message. The subject is stored now, for the outbox list.
 * Messages whose idempotency key is already recorded are skipped. Returns how many were recorded.
 */
export async function enqueueDeferredEmails<T extends TemplateName>(
  sql: SqlConnection,
  template: T,
  emails: { idempotencyKey: string; to: string; data: TemplateData[T] }[],
  context: MailContext,
): Promise<number> {
  if (emails.length === 0) return 0;
  const insert = deferredEmailsInsert(template, emails, context);
  return (await sql.query<{ id: string }>(`${insert.text} RETURNING id`, insert.params)).length;
}

/**
 * The statement `enqueueDeferredEmails` runs, with its parameters numbered from `first`, for a caller
 * that records the emails in the same statement as the change they are about (after a data-modifying
 * `WITH`), which is atomic without a transaction's extra round trips.
 */
export function deferredEmailsInsert<T extends TemplateName>(
  template: T,
  emails: { idempotencyKey: string; to: string; data: TemplateData[T] }[],
  context: MailContext,
  first = 1,
): { text: string; params: unknown[] } {
  // The rows as one JSON document: cheaper to send and to read than one array parameter per column.
  return {
    text: `INSERT INTO "OutboxMessage" (id, "idempotencyKey", template, "to", subject, data, "updatedAt")
     SELECT gen_random_uuid(), k, $${first}, t, s, d, now()
       FROM jsonb_to_recordset($${first + 1}::jsonb) AS e(k text, t text, s text, d jsonb)
     ON CONFLICT ("idempotencyKey") DO NOTHING`,
    params: [
      template,
      JSON.stringify(
        emails.map((e) => ({
          k: e.idempotencyKey,
          t: e.to,
          s: renderSubject(template, e.data, context),
          d: e.data,
        })),
      ),
    ],
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
