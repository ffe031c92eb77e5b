// `pnpm bench:mail`: outbox → local SMTP server on PostgreSQL. Messages per second with one and two
// workers, beside plain nodemailer sends of the same messages (no outbox) as the baseline; and the
// delay from commit to delivery, both when the committing process wakes its worker (as the API does)
// and when a separate worker only polls.
import os from 'node:os';
import { databaseFrom } from '../src/db/database';
import { createPool } from '../src/db/sql-client';
import { enqueueEmail } from '../src/mail/outbox';
import { renderEmail } from '../src/mail/templates';
import { samples } from '../src/mail/templates/samples';
import { createMailTransport, type MailTransport } from '../src/mail/transport';
import { startMailWorker } from '../src/mail/worker';
import { startTestSmtp } from '../test/helpers/smtp';
import { benchDatabase, percentile, table } from './helpers';

const N = Number(process.env.MESSAGES ?? 2000);
const context = { publicUrl: 'https://lar.example.org' };
const rendered = renderEmail('learner-welcome', samples['learner-welcome'], context);

async function main() {
  const db = await benchDatabase('lar_bench_mail');
  const smtp = await startTestSmtp();
  const from = 'LAR <no-reply@lar.example.org>';

  async function fill(prefix: string) {
    await db.prisma.outboxMessage.deleteMany();
    smtp.received.length = 0;
    const data = Array.from({ length: N }, (_, i) => ({
      idempotencyKey: `${prefix}:${i}`,
      template: 'learner-welcome',
      to: `learner${i}@example.org`,
      ...rendered,
    }));
    for (let i = 0; i < N; i += 1000)
      await db.prisma.outboxMessage.createMany({ data: data.slice(i, i + 1000) });
  }

  async function throughput(workers: number): Promise<number> {
    await fill(`w${workers}`);
    const pools = Array.from({ length: workers }, () => databaseFrom({ pool: createPool(db.url, 4) }));
    const transports = pools.map(() => createMailTransport({ smtpUrl: smtp.url, dropDir: '' }));
    const started = performance.now();
    const loops = pools.map((p, i) =>
      startMailWorker({
        sql: p.sql,
        transport: transports[i] as MailTransport,
        from,
        publicUrl: context.publicUrl,
        pollMs: 50,
      }),
    );
    await smtp.waitFor(N, 600_000);
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(loops.map((l) => l.stop()));
    for (const t of transports) t.close();
    await Promise.all(pools.map((p) => p.close()));
    return N / seconds;
  }

  async function baseline(): Promise<number> {
    smtp.received.length = 0;
    const transport = createMailTransport({ smtpUrl: smtp.url, dropDir: '' });
    const started = performance.now();
    for (let i = 0; i < N; i += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, N - i) }, (_, j) =>
          transport.send({
            from,
            to: `learner${i + j}@example.org`,
            ...rendered,
            messageId: `<b${i + j}@bench>`,
          }),
        ),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    transport.close();
    return N / seconds;
  }

  async function commitToDelivery(wake: boolean, count = 200): Promise<number[]> {
    await db.prisma.outboxMessage.deleteMany();
    smtp.received.length = 0;
    const worker = databaseFrom({ pool: createPool(db.url, 2) });
    const transport = createMailTransport({ smtpUrl: smtp.url, dropDir: '' });
    const loop = startMailWorker({
      sql: worker.sql,
      transport,
      from,
      publicUrl: context.publicUrl,
      pollMs: 1000,
    });
    const committedAt = new Map<string, number>();
    const deliveredAt = new Map<string, number>();
    const onArrival = setInterval(() => {
      for (const m of smtp.received)
        if (m.to && 'text' in m.to && !deliveredAt.has(m.to.text))
          deliveredAt.set(m.to.text, performance.now());
    }, 1);
    for (let i = 0; i < count; i++) {
      const to = `latency${i}@example.org`;
      await db.prisma.$transaction((tx) =>
        enqueueEmail(
          tx,
          {
            idempotencyKey: `lat:${wake}:${i}`,
            to,
            template: 'learner-welcome',
            data: samples['learner-welcome'],
          },
          context,
        ),
      );
      committedAt.set(to, performance.now());
      if (wake) loop.wake();
      await new Promise((r) => setTimeout(r, 15));
    }
    await smtp.waitFor(count, 60_000);
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(onArrival);
    await loop.stop();
    transport.close();
    await worker.close();
    return [...committedAt].map(([to, at]) => (deliveredAt.get(to) ?? Number.NaN) - at);
  }

  const one = await throughput(1);
  const two = await throughput(2);
  const base = await baseline();
  const woken = await commitToDelivery(true);
  const polled = await commitToDelivery(false);
  await smtp.stop();
  await db.close();

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `pnpm bench:mail: ${N} messages, PostgreSQL, in-process SMTP server, ${os.cpus().length} cores, Node ${process.version}\n`,
  );
  console.log(
    table([
      ['case', 'messages/s', 'vs baseline'],
      ['baseline: nodemailer sends, 20 at a time, no outbox', base.toFixed(0), '1.00'],
      ['outbox, one worker', one.toFixed(0), (one / base).toFixed(2)],
      ['outbox, two workers (two pools)', two.toFixed(0), (two / base).toFixed(2)],
    ]),
  );
  console.log('');
  console.log(
    table([
      ['commit → delivered (200 messages)', 'p50', 'p99', 'max'],
      [
        'worker woken after commit (API process)',
        ms(percentile(woken, 50)),
        ms(percentile(woken, 99)),
        ms(Math.max(...woken)),
      ],
      [
        'separate worker polling every 1 s',
        ms(percentile(polled, 50)),
        ms(percentile(polled, 99)),
        ms(Math.max(...polled)),
      ],
    ]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
