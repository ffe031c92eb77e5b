import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { type MailContext, renderEmail, type TemplateData, type TemplateName } from './templates';

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

/** The Message-ID of an outbox message: the same for every attempt, derived from its idempotency key. */
export function messageIdFor(idempotencyKey: string, publicUrl: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(publicUrl).hostname}>`;
}
