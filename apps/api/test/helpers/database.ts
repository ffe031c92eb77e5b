import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, databaseFrom } from '../../src/db/database';
import { createPool, openPglite } from '../../src/db/sql-client';

export interface TestDatabase extends Database {
  /** The connection URL on PostgreSQL; undefined on PGlite. */
  url?: string;
}

/** True when the tests run against PostgreSQL (TEST_DATABASE_URL) rather than PGlite. */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** A new database of one's own; empty (not migrated) when `empty` is set. */
export async function createTestDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `lar_test_${randomBytes(6).toString('hex')}`;
    const admin = createPool(url, 1);
    const template = empty ? 'template0' : process.env.LAR_TEST_TEMPLATE;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = databaseFrom({ pool: createPool(target.toString(), 5) });
    return {
      ...db,
      url: target.toString(),
      async close() {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = empty ? process.env.LAR_TEST_PGLITE_EMPTY : process.env.LAR_TEST_PGLITE_DUMP;
  const pglite = await openPglite(undefined, dump ? new Blob([readFileSync(dump)]) : undefined);
  return databaseFrom({ pglite });
}
