import { Command } from 'commander';
import { claimsCommand } from './claims';
import { dbCommand } from './db';
import { rocCommand } from './roc';
import { workerCommand } from './worker';

/** `pnpm lar <command>`: LAR's command line. Every command has `--help`. */
const program = new Command('lar')
  .description('LAR: the Learner Achievement Record service')
  .showHelpAfterError()
  .addCommand(dbCommand())
  .addCommand(claimsCommand())
  .addCommand(rocCommand())
  .addCommand(workerCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`lar: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
