import { CLAIMS_DETECT_QUEUE, claimsDetectionHandler } from '../claims/detect';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { LEARNERS_IMPORT_QUEUE, learnersImportHandler } from '../learners/imports/process-import';
import type { JobHandler } from './worker';

export interface JobDependencies {
  db: Database;
  config: Config;
  /** Rows per transaction of a learners import (tests make it small to stop between batches). */
  importBatchSize?: number;
}

/**
 * The handler of every background queue, shared by the API processes and `pnpm lar worker`, so
 * either can run any job. Features (imports, claims detection, rescans) add theirs here.
 */
export function jobHandlers({ db, config, importBatchSize }: JobDependencies): Record<string, JobHandler> {
  return {
    [LEARNERS_IMPORT_QUEUE]: learnersImportHandler({
      db,
      publicUrl: config.publicUrl,
      jwtSecret: config.jwtSecret,
      batchSize: importBatchSize,
    }),
    [CLAIMS_DETECT_QUEUE]: claimsDetectionHandler({ db, publicUrl: config.publicUrl }),
  };
}
