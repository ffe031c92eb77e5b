import { SMTPServer } from 'smtp-server';
import { enqueueEmail } from '../../src/mail/outbox';
import { samples } from '../../src/mail/templates/samples';
import { createMailTransport } from '../../src/mail/transport';
import { startMailWorker } from '../../src/mail/worker';
import { startLar } from '../helpers/cli';
import { createTestDatabase, onPostgres } from '../helpers/database';
import { freePort, startTestSmtp } from '../helpers/smtp';

// Two processes cannot share the embedded database, so this runs on PostgreSQL only (as in CI).
(onPostgres ? describe : describe.skip)('pnpm lar worker', () => {
  it('delivers, once, a message whose worker process was killed mid-send', async () => {
    const db = await createTestDatabase();
    const stallPort = await freePort();
    let dataStarted = false;
    // A mail server that accepts the message's data and never answers: the worker is mid-send.
    const stalling = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream) {
        dataStarted = true;
        stream.resume();
      },
    });
    // The killed worker's connection resets; that is the point of the test, not an error of it.
    stalling.on('error', () => {});
    await new Promise<void>((resolve) => stalling.listen(stallPort, '127.0.0.1', resolve));
    const good = await startTestSmtp();
    let child: ReturnType<typeof startLar> | undefined;
    try {
      const context = { publicUrl: 'https://lar.example.org' };
      const data = samples['learner-welcome'];
      await enqueueEmail(
        db.prisma,
        { idempotencyKey: 'kill:1', to: 'a@example.org', template: 'learner-welcome', data },
        context,
      );
      child = startLar(['worker', '--poll', '100', '--lease', '1500'], {
        DATABASE_URL: db.url ?? '',
        SMTP_URL: `smtp://127.0.0.1:${stallPort}`,
        LOG_LEVEL: 'silent',
      });
      const worker = child;
      const deadline = Date.now() + 30_000;
      while (!dataStarted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(dataStarted).toBe(true);
      const exited = new Promise((r) => worker.once('exit', r));
      worker.kill('SIGKILL');
      await exited;
      expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({
        status: 'PENDING',
        attempts: 1,
      });

      const transport = createMailTransport({ smtpUrl: good.url, dropDir: '' });
      const restarted = startMailWorker({
        sql: db.sql,
        transport,
        from: 'LAR <x@lar.example.org>',
        publicUrl: context.publicUrl,
        pollMs: 100,
      });
      try {
        await good.waitFor(1);
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        await restarted.stop();
        transport.close();
      }
      expect(good.received).toHaveLength(1);
      expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 2 });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await good.stop();
      await new Promise<void>((resolve) => stalling.close(() => resolve()));
      await db.close();
    }
  });
});
