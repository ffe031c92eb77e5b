import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/schema-engine';
import { createPool, openPglite, pgliteClient, postgresClient } from '../../src/db/sql-client';

/**
 * Migrates once per run: into a template database on PostgreSQL (TEST_DATABASE_URL), or into a
 * PGlite whose data directory is dumped to a file. Each test file then starts from a copy.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `lar_template_${process.pid}`;
    const admin = createPool(url, 1);
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${template}`;
    const client = postgresClient(createPool(target.toString(), 1));
    await migrate(client, migrationsDir);
    await client.close();
    process.env.LAR_TEST_TEMPLATE = template;
    return;
  }
  // initdb is the slow part of a new PGlite (seconds): do it once, and dump before and after migrating.
  const pglite = await openPglite(undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lar-test-'));
  const dump = async (name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    return file;
  };
  process.env.LAR_TEST_PGLITE_EMPTY = await dump('empty.tar');
  const client = pgliteClient(pglite);
  await migrate(client, migrationsDir);
  process.env.LAR_TEST_PGLITE_DUMP = await dump('migrated.tar');
  await client.close();
}
