import type { Config } from '../config';
import type { Database } from '../db/database';
import type { JobHandler } from './worker';

export interface JobDependencies {
  db: Database;
  config: Config;
}

/**
 * The handler of every background queue, shared by the API processes and `pnpm lar worker`, so
 * either can run any job. Features (imports, claims detection, rescans) add theirs here.
 */
export function jobHandlers(_deps: JobDependencies): Record<string, JobHandler> {
  return {};
}
