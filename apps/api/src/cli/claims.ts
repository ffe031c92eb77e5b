import { Command } from 'commander';
import { openRescan, type RescanProgress, runRescan } from '../claims/rescan';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';

const number = (n: number) => n.toLocaleString('en-GB');

function line(progress: RescanProgress, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const percent = progress.total > 0 ? Math.floor((progress.learners / progress.total) * 100) : 100;
  const rate = seconds > 0 ? Math.round(progress.evaluations / seconds) : 0;
  return (
    `${number(progress.learners)} of ${number(progress.total)} learners (${percent}%), ` +
    `${number(progress.evaluations)} evaluations (${number(rate)}/s), ${number(progress.newClaims)} new claims`
  );
}

/** `pnpm lar claims rescan`: re-evaluate every learner's possible claims, stoppable and resumable. */
export function claimsCommand(): Command {
  const claims = new Command('claims').description('possible claims');
  claims
    .command('rescan')
    .description(
      're-evaluate every learner against every qualification listing one of their units; Ctrl-C stops ' +
        'after the current batch, and running it again resumes where it stopped',
    )
    .option('--batch <learners>', 'learners per transaction', '200')
    .option('--restart', 'start again from the first learner instead of resuming')
    .action(async (options: { batch: string; restart?: boolean }) => {
      const batchSize = Number(options.batch);
      if (!(Number.isInteger(batchSize) && batchSize > 0))
        throw new Error('--batch must be a positive whole number');
      const config = loadConfig();
      const db = await openDatabase(config);
      let stop = false;
      const onSignal = () => {
        stop = true;
        process.stderr.write('\nstopping after the current batch…\n');
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const opened = await openRescan(db, { restart: options.restart });
        const startedAt = Date.now();
        process.stdout.write(
          opened.resumed
            ? `resuming the rescan after ${number(opened.checkpoint.learners)} learners\n`
            : 'rescanning every learner\n',
        );
        const tty = process.stdout.isTTY;
        const { finished, progress } = await runRescan(db, {
          jobId: opened.jobId,
          checkpoint: opened.checkpoint,
          publicUrl: config.publicUrl,
          batchSize,
          shouldStop: () => stop,
          onProgress: (p) =>
            process.stdout.write(tty ? `\r${line(p, startedAt)}` : `${line(p, startedAt)}\n`),
        });
        if (tty) process.stdout.write('\n');
        process.stdout.write(
          finished
            ? `done: ${line(progress, startedAt)}\n`
            : `stopped after ${number(progress.learners)} learners; run \`pnpm lar claims rescan\` again to resume\n`,
        );
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await db.close();
      }
    });
  return claims;
}
