import { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { jobHandlers } from '../jobs/handlers';
import { startJobWorker } from '../jobs/worker';
import { createMailTransport } from '../mail/transport';
import { startMailWorker } from '../mail/worker';

/** `pnpm lar worker`: the mail and job workers without the HTTP server, until SIGINT/SIGTERM. */
export function workerCommand(): Command {
  return new Command('worker')
    .description('run the mail and background-job workers alone (any number, beside the API processes)')
    .option('--poll <ms>', 'how often to look for due work when idle', '1000')
    .option('--lease <ms>', 'how long a claim holds before another worker may take the work over', '60000')
    .action(async (options: { poll: string; lease: string }) => {
      const config = loadConfig();
      const log = pino({ level: config.logLevel });
      if (config.database.kind === 'pglite') {
        log.warn('the embedded database belongs to one process: with it, the API already runs the workers');
      }
      const db = await openDatabase(config, (line) => log.info(line));
      const transport = createMailTransport(config.mail);
      const pollMs = Number(options.poll);
      const leaseMs = Number(options.lease);
      if (!(pollMs > 0 && leaseMs > 0))
        throw new Error('--poll and --lease must be positive numbers of milliseconds');
      const { from } = config.mail;
      const jobs = startJobWorker({
        sql: db.sql,
        handlers: jobHandlers({ db, config }),
        pollMs,
        leaseMs,
        log,
      });
      const mail = startMailWorker({
        sql: db.sql,
        transport,
        from,
        publicUrl: config.publicUrl,
        pollMs,
        leaseMs,
        // As in the API process: bulk mail waits its turn while a job runs.
        yieldWhile: () => jobs.busy(),
        log,
      });
      const loops = [mail, jobs];
      log.info({ pollMs }, 'worker running');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      log.info('worker stopping');
      await Promise.all(loops.map((loop) => loop.stop()));
      transport.close();
      await db.close();
    });
}
