import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { type Database, openDatabase } from '../../db/database';
import { RecordCache } from '../../record/record-cache';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    /** Computed learner records, shared by My record and Select LAR. */
    recordCache: RecordCache;
  }
}

export interface DatabasePluginOptions {
  config: Config;
  /** An already open database (tests, the CLI); the app then leaves closing it to the owner. */
  database?: Database;
}

/** Decorates the app with its configuration, database (Prisma Client and raw SQL) and record cache. */
export default fp<DatabasePluginOptions>(
  async (app, { config, database }) => {
    const db = database ?? (await openDatabase(config, (line) => app.log.info(line)));
    app.decorate('config', config);
    app.decorate('db', db);
    app.decorate('recordCache', new RecordCache(config.recordCacheBytes));
    if (!database) app.addHook('onClose', async () => db.close());
  },
  { name: 'lar-database' },
);
