import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config';
import { PrismaClient } from '../generated/prisma/client';
import { migrate } from './migrate';
import { migrationsDir } from './schema-engine';
import { createPool, openPglite, pgliteClient, postgresClient, type SqlClient } from './sql-client';

export { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  sql: SqlClient;
  close(): Promise<void>;
}

/** Wraps an open connection source in Prisma Client and the raw SQL client, sharing it. */
export function databaseFrom(source: { pool: import('pg').Pool } | { pglite: PGlite }): Database {
  const [sql, prisma] =
    'pool' in source
      ? [postgresClient(source.pool), new PrismaClient({ adapter: new PrismaPg(source.pool) })]
      : [pgliteClient(source.pglite), new PrismaClient({ adapter: new PrismaPGlite(source.pglite) })];
  return {
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}

/**
 * PostgreSQL through a pool when `DATABASE_URL` is set; otherwise the embedded PGlite, migrated on
 * open (production PostgreSQL is migrated by `pnpm lar db migrate` as a deploy step).
 */
export async function openDatabase(
  config: Pick<Config, 'database'>,
  log: (line: string) => void = () => {},
): Promise<Database> {
  if (config.database.kind === 'postgres') {
    return databaseFrom({ pool: createPool(config.database.url, config.database.poolSize) });
  }
  const db = databaseFrom({ pglite: await openPglite(config.database.dir) });
  await migrate(db.sql, migrationsDir, log);
  return db;
}
