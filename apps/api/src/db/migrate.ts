import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SqlClient, SqlConnection } from './sql-client';

/** Same lock key for every LAR process, so concurrent starters apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_274_613_301;

/** Prisma's own bookkeeping table, column for column, so `prisma migrate status|deploy` agree. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {}

export interface MigrationFile {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Each migration folder's `migration.sql`, in name order (names start with a timestamp). */
export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      const sql = readFileSync(file, 'utf8');
      return { name, file, sql, checksum: sha256(sql) };
    });
}

/** Prisma accepts a file whose only change is its line endings (a Windows checkout), and so do we. */
function sameScript(recorded: string, migration: MigrationFile): boolean {
  return [migration.sql, migration.sql.replace(/\r\n/g, '\n'), migration.sql.replace(/(?<!\r)\n/g, '\r\n')]
    .map(sha256)
    .includes(recorded);
}

/**
 * Applies pending migrations in name order, each in its own transaction, under an advisory lock.
 * Refuses to run when an applied migration's file has changed or a migration is recorded as failed.
 */
export async function migrate(
  client: SqlClient,
  migrationsDir: string,
  log: (line: string) => void = () => {},
): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsDir);
  return client.withConnection(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await conn.exec(CREATE_MIGRATIONS_TABLE);
      const applied = await appliedMigrations(conn);
      verifyHistory(applied, migrations);
      const pending = migrations.filter((m) => !applied.has(m.name));
      for (const migration of pending) {
        await applyOne(conn, migration);
        log(`applied ${migration.name}`);
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function appliedMigrations(conn: SqlConnection): Promise<Map<string, AppliedRow>> {
  const rows = await conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function verifyHistory(applied: Map<string, AppliedRow>, migrations: MigrationFile[]): void {
  for (const migration of migrations) {
    const row = applied.get(migration.name);
    if (!row) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${migration.name} is recorded as started but not finished; resolve it (prisma migrate resolve) before migrating again.`,
      );
    }
    if (!sameScript(row.checksum, migration)) {
      throw new MigrationError(
        `Migration ${path.relative(process.cwd(), migration.file)} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… recorded, ${migration.checksum.slice(0, 12)}… now). Restore the file and put the change in a new migration.`,
      );
    }
  }
}

async function applyOne(conn: SqlConnection, migration: MigrationFile): Promise<void> {
  await conn.exec('BEGIN');
  try {
    await conn.exec(migration.sql);
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
