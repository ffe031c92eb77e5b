import { createPool } from '../../src/db/sql-client';

/** Drops the run's template database (PostgreSQL only). */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env.LAR_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = createPool(url, 1);
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.end();
}
