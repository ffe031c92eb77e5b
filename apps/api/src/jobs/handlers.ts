import { CLAIMS_DETECT_QUEUE, claimsDetectionHandler } from '../claims/detect';
import type { Config } from '../config';
import type { Database } from '../db/database';
import {
  type ImportProcessingOptions,
  LEARNERS_IMPORT_QUEUE,
  learnersImportHandler,
} from '../learners/imports/process-import';
import type { JobHandler } from './worker';

export interface JobDependencies {
  db: Database;
  config: Config;
  /** How a learners import batches its rows (tests make batches small to stop between them). */
  importOptions?: Pick<ImportProcessingOptions, 'batchSize' | 'batchesInFlight' | 'lockTimeoutMs'>;
}

/**
 * The handler of every background queue, shared by the API processes and `pnpm lar worker`, so
 * either can run any job. Features (imports, claims detection, rescans) add theirs here.
 */
export function jobHandlers({ db, config, importOptions }: JobDependencies): Record<string, JobHandler> {
  return {
    [LEARNERS_IMPORT_QUEUE]: learnersImportHandler({
      db,
      publicUrl: config.publicUrl,
      jwtSecret: config.jwtSecret,
      // Two batches at once when the pool has room for both, the first's progress report (which the
      // second waits for, holding its connection) and the process's other work; the embedded
      // database has one connection.
      batchesInFlight: db.sql.connections >= 4 ? 2 : 1,
      ...importOptions,
    }),
    [CLAIMS_DETECT_QUEUE]: claimsDetectionHandler({ db, publicUrl: config.publicUrl }),
  };
}
