import fp from 'fastify-plugin';
import { jobHandlers } from '../../jobs/handlers';
import { startJobWorker } from '../../jobs/worker';
import type { BusyPollLoop, PollLoop } from '../../lib/poll-loop';
import { createMailTransport } from '../../mail/transport';
import { startMailWorker } from '../../mail/worker';

declare module 'fastify' {
  interface FastifyInstance {
    workers: {
      /** Sends newly committed mail now rather than at the next poll. */
      wakeMail(): void;
      wakeJobs(): void;
    };
  }
}

/**
 * Every API process also runs the mail and job workers (unless `runWorkers` is off): work is claimed
 * row by row, so any number of processes share it safely. They stop before the database closes.
 */
export default fp(
  async (app) => {
    const loops: { mail?: PollLoop; jobs?: BusyPollLoop } = {};
    app.decorate('workers', {
      wakeMail: () => loops.mail?.wake(),
      wakeJobs: () => loops.jobs?.wake(),
    });
    if (!app.config.runWorkers) return;
    const transport = createMailTransport(app.config.mail);
    app.addHook('onReady', async () => {
      const log = app.log.child({ worker: 'mail' });
      loops.mail = startMailWorker({
        sql: app.db.sql,
        transport,
        from: app.config.mail.from,
        publicUrl: app.config.publicUrl,
        // Bulk mail (an import's welcome emails) waits its turn while a job runs in this process.
        yieldWhile: () => loops.jobs?.busy() ?? false,
        log,
      });
      loops.jobs = startJobWorker({
        sql: app.db.sql,
        handlers: jobHandlers({ db: app.db, config: app.config }),
        log: app.log.child({ worker: 'jobs' }),
      });
    });
    app.addHook('onClose', async () => {
      await Promise.all([loops.mail?.stop(), loops.jobs?.stop()]);
      transport.close();
    });
  },
  { name: 'lar-workers', dependencies: ['lar-database'] },
);
