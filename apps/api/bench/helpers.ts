import { type Database, databaseFrom } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { migrationsDir } from '../src/db/schema-engine';
import { createPool } from '../src/db/sql-client';

/** A fresh, migrated PostgreSQL database named `name` on BENCH_DATABASE_URL's server. */
export async function benchDatabase(name: string, poolSize = 10): Promise<Database & { url: string }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server)
    throw new Error('BENCH_DATABASE_URL is not set: run through pnpm bench:* (scripts/with-postgres.sh)');
  const admin = createPool(server, 1);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = databaseFrom({ pool: createPool(url.toString(), poolSize) });
  await migrate(db.sql, migrationsDir);
  return { ...db, url: url.toString() };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const median = (values: number[]) => percentile(values, 50);

export function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length))) ?? [];
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}
