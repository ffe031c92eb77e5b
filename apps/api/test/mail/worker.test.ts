import { databaseFrom } from '../../src/db/database';
import { createPool } from '../../src/db/sql-client';
import { enqueueBatchedEmails, enqueueEmail, messageIdFor, queueBatchedMail } from '../../src/mail/outbox';
import { renderEmail } from '../../src/mail/templates';
import { samples } from '../../src/mail/templates/samples';
import { createMailTransport, type MailTransport } from '../../src/mail/transport';
import {
  claimDueMessages,
  deliverDueMail,
  type MailWorkerOptions,
  startMailWorker,
} from '../../src/mail/worker';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp';

const context = { publicUrl: 'https://lar.example.org' };

describe('the mail outbox and worker', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let transport: MailTransport;
  beforeEach(async () => {
    db = await createTestDatabase();
    smtp = await startTestSmtp();
    transport = createMailTransport({ smtpUrl: smtp.url, dropDir: '/nonexistent' });
  });
  afterEach(async () => {
    transport.close();
    await smtp.stop();
    await db.close();
  });

  const options = (overrides: Partial<MailWorkerOptions> = {}): MailWorkerOptions => ({
    sql: db.sql,
    transport,
    from: 'LAR <no-reply@lar.example.org>',
    publicUrl: context.publicUrl,
    backoff: () => 100,
    pollMs: 50,
    ...overrides,
  });

  async function welcome(key: string, to = 'amelia@example.org') {
    return enqueueEmail(
      db.prisma,
      { idempotencyKey: key, to, template: 'learner-welcome', data: samples['learner-welcome'] },
      context,
    );
  }

  it('delivers a message with its content and absolute links, and marks it sent', async () => {
    await welcome('learner-welcome:1');
    const worker = startMailWorker(options());
    try {
      const [mail] = await smtp.waitFor(1);
      expect(mail?.subject).toBe(renderEmail('learner-welcome', samples['learner-welcome'], context).subject);
      expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('amelia@example.org');
      expect(mail?.text).toContain(samples['learner-welcome'].uln);
      expect(mail?.text).toContain('https://lar.example.org/');
      expect(mail?.html).toContain('https://lar.example.org/');
      expect(mail?.messageId).toBe(messageIdFor('learner-welcome:1', context.publicUrl));
    } finally {
      await worker.stop();
    }
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
    // The welcome carried a password: once sent, the outbox no longer holds it.
    expect(row.text).not.toContain(samples['learner-welcome'].password);
    expect(row.html).not.toContain(samples['learner-welcome'].password);
  });

  it('sends each email of an outbox batch, rendered at sending exactly as one rendered at once', async () => {
    const data = samples['learner-welcome'];
    const emails = [1, 2, 3].map((n) => ({
      idempotencyKey: `batched:${n}`,
      to: `d${n}@example.org`,
      data: { ...data, uln: `${n}`.repeat(10) },
    }));
    const recorded = await db.sql.transaction((conn) =>
      enqueueBatchedEmails(conn, 'learner-welcome', emails, context),
    );
    expect(recorded).toBe(3);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    expect(await db.prisma.outboxBatch.count()).toBe(1);
    const now = renderEmail('learner-welcome', emails[1]?.data ?? data, context);
    const worker = startMailWorker(options());
    try {
      const mails = await smtp.waitFor(3);
      const second = mails.find((m) => m.to && 'text' in m.to && m.to.text === 'd2@example.org');
      expect(second?.subject).toBe(now.subject);
      expect(second?.text?.trim()).toBe(now.text.trim());
      expect(second?.text).toContain(data.password);
    } finally {
      await worker.stop();
    }
    // Queued, then sent: the batch is gone, and the data carrying the password goes with each body.
    expect(await db.prisma.outboxBatch.count()).toBe(0);
    const sent = await db.prisma.outboxMessage.findMany({ orderBy: { idempotencyKey: 'asc' } });
    expect(sent.map((m) => [m.idempotencyKey, m.to, m.subject, m.status, m.data])).toEqual(
      emails.map((e) => [e.idempotencyKey, e.to, now.subject, 'SENT', null]),
    );
    expect(sent[0]?.text).not.toContain(data.password);
    // A batch holding a key already recorded queues only the others.
    const fourth = { idempotencyKey: 'batched:4', to: 'd4@example.org', data };
    await enqueueBatchedEmails(db.sql, 'learner-welcome', [...emails, fourth], context);
    expect(await queueBatchedMail(db.sql)).toBe(true);
    expect(await db.prisma.outboxMessage.count()).toBe(4);
    expect(await queueBatchedMail(db.sql)).toBe(false);
  });

  it('queues batched mail only while fewer than 1,000 messages wait, so single emails go first', async () => {
    const email = (n: number) => ({
      idempotencyKey: `many:${n}`,
      to: `m${n}@example.org`,
      data: samples['learner-welcome'],
    });
    for (let first = 0; first < 1_500; first += 500) {
      await enqueueBatchedEmails(
        db.sql,
        'learner-welcome',
        Array.from({ length: 500 }, (_, i) => email(first + i)),
        context,
      );
    }
    expect(await queueBatchedMail(db.sql)).toBe(true);
    expect(await queueBatchedMail(db.sql)).toBe(true);
    // 1,000 waiting: the third batch waits for them to drain.
    expect(await queueBatchedMail(db.sql)).toBe(false);
    expect(await db.prisma.outboxMessage.count()).toBe(1_000);
    // The first batch's messages were queued first.
    const [oldest] = await claimDueMessages(db.sql, { batchSize: 1 });
    expect(Number(oldest?.idempotencyKey.split(':')[1])).toBeLessThan(500);
    await db.sql.query(
      `UPDATE "OutboxMessage" SET status = 'SENT' WHERE "idempotencyKey" = ANY($1::text[])`,
      [Array.from({ length: 500 }, (_, i) => `many:${i}`)],
    );
    expect(await queueBatchedMail(db.sql)).toBe(true);
    expect(await db.prisma.outboxBatch.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { status: 'PENDING' } })).toBe(1_000);
  });

  it('records one message per event however often the enqueueing code runs', async () => {
    expect(await welcome('learner-welcome:2')).toBe(true);
    expect(await welcome('learner-welcome:2')).toBe(false);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('records nothing when the transaction that caused the email rolls back', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueEmail(
          tx,
          {
            idempotencyKey: 'k',
            to: 'a@example.org',
            template: 'learner-welcome',
            data: samples['learner-welcome'],
          },
          context,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('keeps a message while the mail server is down, retries, and delivers it once when it returns', async () => {
    await smtp.stop();
    await welcome('learner-welcome:3');
    const worker = startMailWorker(options());
    try {
      await waitUntil(async () => (await db.prisma.outboxMessage.findFirstOrThrow()).attempts >= 2);
      const waiting = await db.prisma.outboxMessage.findFirstOrThrow();
      expect(waiting.status).toBe('PENDING');
      expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
      await smtp.start();
      await smtp.waitFor(1);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await worker.stop();
    }
    expect(smtp.received).toHaveLength(1);
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({
      status: 'SENT',
      lastError: null,
    });
  });

  it('delivers, after a restart, a message whose worker died after claiming it', async () => {
    await welcome('learner-welcome:4');
    // The first worker claims the message, then its process dies before sending.
    const claimed = await claimDueMessages(db.sql, { leaseMs: 300 });
    expect(claimed).toHaveLength(1);
    expect(await deliverDueMail(options())).toBe(0); // still held by the dead worker's lease
    await new Promise((r) => setTimeout(r, 400));
    const worker = startMailWorker(options());
    try {
      await smtp.waitFor(1);
    } finally {
      await worker.stop();
    }
    expect(smtp.received).toHaveLength(1);
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('never lets two workers send the same message', async () => {
    for (let i = 0; i < 40; i++) await welcome(`learner-welcome:bulk-${i}`, `learner${i}@example.org`);
    // On PostgreSQL the second worker has its own pool, as a second process would.
    const other = onPostgres && db.url ? databaseFrom({ pool: createPool(db.url, 3) }) : db;
    const workers = [
      startMailWorker(options({ batchSize: 5 })),
      startMailWorker(options({ sql: other.sql, batchSize: 5 })),
    ];
    try {
      await smtp.waitFor(40);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      if (other !== db) await other.close();
    }
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await db.prisma.outboxMessage.count({ where: { status: 'SENT', attempts: 1 } })).toBe(40);
  });

  it('fails a message with a malformed address alone, with a clear error', async () => {
    await welcome('learner-welcome:bad', 'amelia at example dot org');
    await welcome('learner-welcome:good', 'oliver@example.org');
    const worker = startMailWorker(options());
    try {
      await smtp.waitFor(1);
      await waitUntil(
        async () => (await db.prisma.outboxMessage.count({ where: { status: 'FAILED' } })) === 1,
      );
    } finally {
      await worker.stop();
    }
    const bad = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'learner-welcome:bad' },
    });
    expect(bad).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(bad.lastError).toBe(
      'Invalid recipient address "amelia at example dot org": it must look like name@example.org',
    );
    expect(smtp.received.map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual([
      'oliver@example.org',
    ]);
  });

  it('sends a batch a second while told to yield (a job is running), and at once when woken', async () => {
    for (let n = 0; n < 45; n++) await welcome(`yield:${n}`, `y${n}@example.org`);
    let yielding = true;
    const worker = startMailWorker(options({ yieldWhile: () => yielding }));
    try {
      await smtp.waitFor(20);
      await new Promise((r) => setTimeout(r, 500));
      // One pass of 20, then a gap of a second.
      expect(smtp.received).toHaveLength(20);
      worker.wake();
      await smtp.waitFor(40, 900);
      yielding = false;
      await smtp.waitFor(45, 2_000);
    } finally {
      await worker.stop();
    }
  });

  it('gives up after the last attempt and keeps the last error', async () => {
    await smtp.stop();
    await welcome('learner-welcome:5');
    const worker = startMailWorker(options({ maxAttempts: 3 }));
    try {
      await waitUntil(async () => (await db.prisma.outboxMessage.findFirstOrThrow()).status === 'FAILED');
    } finally {
      await worker.stop();
    }
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
