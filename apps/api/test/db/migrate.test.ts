import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFrom } from '../../src/db/database';
import { MigrationError, migrate, readMigrations, sha256 } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/schema-engine';
import { createPool } from '../../src/db/sql-client';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database';

/** A copy of the real migrations folder that a test may change. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lar-migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe('lar db migrate', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterEach(async () => db.close());

  it('records one _prisma_migrations row per migration with the sha256 of its file', async () => {
    const result = await migrate(db.sql, migrationsDir);
    const files = readMigrations(migrationsDir);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
      files.map((f) => [f.name, sha256(readFileSync(f.file, 'utf8'))]),
    );
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it('applies nothing on a second run', async () => {
    await migrate(db.sql, migrationsDir);
    const again = await migrate(db.sql, migrationsDir);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations(migrationsDir).length);
    const [count] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(count?.n).toBe(readMigrations(migrationsDir).length);
  });

  it('lets two runs started together both succeed, applying each migration once', async () => {
    // On PostgreSQL the second run has its own pool, as a second process would.
    const other = onPostgres && db.url ? databaseFrom({ pool: createPool(db.url, 2) }) : db;
    try {
      const [a, b] = await Promise.all([migrate(db.sql, migrationsDir), migrate(other.sql, migrationsDir)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations(migrationsDir).map((m) => m.name));
      const [count] = await db.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "_prisma_migrations"',
      );
      expect(count?.n).toBe(readMigrations(migrationsDir).length);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('refuses to run, naming the file, when an applied migration has changed', async () => {
    const dir = copyOfMigrations();
    await migrate(db.sql, dir);
    const [first] = readMigrations(dir);
    if (!first) throw new Error('no migrations');
    writeFileSync(first.file, `${first.sql}\n-- an edit after shipping\n`);
    await expect(migrate(db.sql, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, dir)).rejects.toThrow(
      `${first.name}/migration.sql was changed after it was applied`,
    );
  });

  it('accepts a file whose only change is CRLF line endings, as Prisma does', async () => {
    const dir = copyOfMigrations();
    await migrate(db.sql, dir);
    const [first] = readMigrations(dir);
    if (!first) throw new Error('no migrations');
    writeFileSync(first.file, first.sql.replace(/\n/g, '\r\n'));
    await expect(migrate(db.sql, dir)).resolves.toEqual({
      applied: [],
      alreadyApplied: readMigrations(dir).length,
    });
  });

  it('rolls back a failing migration entirely and names it', async () => {
    const dir = copyOfMigrations();
    await migrate(db.sql, dir);
    const bad = path.join(dir, '29990101000000_broken');
    cpSync(path.join(dir, readMigrations(dir)[0]?.name ?? ''), bad, { recursive: true });
    writeFileSync(
      path.join(bad, 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n',
    );
    await expect(migrate(db.sql, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const tables = await db.sql.query("SELECT 1 FROM pg_tables WHERE tablename = 'Half'");
    expect(tables).toHaveLength(0);
    const rows = await db.sql.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(rows).toHaveLength(0);
  });
});
