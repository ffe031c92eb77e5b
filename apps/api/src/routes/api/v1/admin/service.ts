import type { JobsPage, OutboxMessageDetail, OutboxPage, OutboxQuery, OutboxStatus } from '@lar/shared/api';
import type { PrismaClient } from '../../../../generated/prisma/client';
import { AppError } from '../../../../lib/errors';
import { messageBody } from '../../../../mail/outbox';
import { type MailContext, REDACTED_BODY, sensitiveTemplates } from '../../../../mail/templates';

type OutboxRow = Awaited<ReturnType<PrismaClient['outboxMessage']['findFirstOrThrow']>>;

const summary = (m: OutboxRow) => ({
  id: m.id,
  template: m.template,
  to: m.to,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  nextAttemptAt: m.nextAttemptAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

/** The mail outbox, newest first, with counts by status for the filter. */
export async function listOutbox(prisma: PrismaClient, query: OutboxQuery): Promise<OutboxPage> {
  const where = query.status ? { status: query.status } : {};
  const [rows, total, grouped, batches] = await Promise.all([
    prisma.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.outboxMessage.count({ where }),
    prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
    prisma.outboxBatch.aggregate({ _sum: { size: true } }),
  ]);
  const counts: Record<OutboxStatus, number> = { PENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  const batched = batches._sum.size ?? 0;
  return { items: rows.map(summary), total, page: query.page, pageSize: query.pageSize, counts, batched };
}

export async function outboxMessage(
  prisma: PrismaClient,
  id: string,
  context: MailContext,
): Promise<OutboxMessageDetail> {
  const m = await prisma.outboxMessage.findUnique({ where: { id } });
  if (!m) throw new AppError('NOT_FOUND', 'No such message in the outbox.');
  // Administrators never read another person's password or reset link.
  const hidden = sensitiveTemplates.has(m.template);
  const body = hidden ? { text: REDACTED_BODY, html: `<p>${REDACTED_BODY}</p>` } : messageBody(m, context);
  return { ...summary(m), idempotencyKey: m.idempotencyKey, ...body };
}

/**
 * Puts a failed (or already sent) message back in the queue with a fresh set of attempts, and
 * records who did it. A message still waiting is left alone.
 */
export async function resendOutboxMessage(
  prisma: PrismaClient,
  { id, actor }: { id: string; actor: string },
  context: MailContext,
): Promise<OutboxMessageDetail> {
  await prisma.$transaction(async (tx) => {
    const m = await tx.outboxMessage.findUnique({ where: { id } });
    if (!m) throw new AppError('NOT_FOUND', 'No such message in the outbox.');
    if (m.status === 'PENDING') throw new AppError('CONFLICT', 'This message is already waiting to be sent.');
    if (m.status === 'SENT' && sensitiveTemplates.has(m.template)) {
      throw new AppError(
        'CONFLICT',
        'This email carried a password or single-use link that is not kept once sent: issue a new one instead.',
      );
    }
    await tx.outboxMessage.update({
      where: { id },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, lastError: null },
    });
    await tx.auditEvent.create({
      data: {
        action: 'outbox.resend',
        actor,
        subjectType: 'OutboxMessage',
        subjectId: id,
        details: { previousStatus: m.status, attempts: m.attempts, lastError: m.lastError },
      },
    });
  });
  return outboxMessage(prisma, id, context);
}

export async function listJobs(
  prisma: PrismaClient,
  query: { page: number; pageSize: number; status?: string; queue?: string },
): Promise<JobsPage> {
  const where = {
    ...(query.status ? { status: query.status as never } : {}),
    ...(query.queue ? { queue: query.queue } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.job.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.job.count({ where }),
  ]);
  const items = rows.map((j) => ({
    id: j.id,
    queue: j.queue,
    status: j.status,
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    progressDone: j.progressDone,
    progressTotal: j.progressTotal,
    lastError: j.lastError,
    runAt: j.runAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
    createdAt: j.createdAt.toISOString(),
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
