/** A minimal `lar` with only `roc`, for the CLI tests to spawn (the real entry is index.ts). */
import { Command } from 'commander';
import { rocCommand } from './roc';

new Command('lar').addCommand(rocCommand()).parse(process.argv);
