import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFrom } from '../../src/db/database';
import { readMigrations } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/schema-engine';
import { createPool, openPglite } from '../../src/db/sql-client';
import { lar } from '../helpers/cli';
import { createTestDatabase, onPostgres } from '../helpers/database';

const migrationCount = readMigrations(migrationsDir).length;

describe('pnpm lar db migrate', () => {
  it('migrates an empty database, then reports it up to date', async () => {
    const db = onPostgres ? await createTestDatabase({ empty: true }) : undefined;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lar-cli-'));
    const env: Record<string, string> = db?.url ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir };
    try {
      const first = await lar(['db', 'migrate'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`Applied ${migrationCount} migration(s).`);
      const second = await lar(['db', 'migrate'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`Database is up to date (${migrationCount} migrations applied).`);
      const check = db ?? databaseFrom({ pglite: await openPglite(path.join(dataDir, 'pglite')) });
      const rows = await check.sql.query('SELECT migration_name FROM "_prisma_migrations"');
      expect(rows).toHaveLength(migrationCount);
      if (!db) await check.close();
    } finally {
      await db?.close();
    }
  });

  (onPostgres ? it : it.skip)('lets two processes started together both succeed (PostgreSQL)', async () => {
    const db = await createTestDatabase({ empty: true });
    try {
      const env = { DATABASE_URL: db.url ?? '' };
      const [a, b] = await Promise.all([lar(['db', 'migrate'], env), lar(['db', 'migrate'], env)]);
      expect([a.code, b.code]).toEqual([0, 0]);
      expect([a.stdout, b.stdout].join('\n')).toContain(`Applied ${migrationCount} migration(s).`);
      const pool = createPool(db.url ?? '', 1);
      const { rows } = await pool.query('SELECT migration_name FROM "_prisma_migrations"');
      await pool.end();
      expect(rows).toHaveLength(migrationCount);
    } finally {
      await db.close();
    }
  });

  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['db', '--help'],
      ['db', 'migrate', '--help'],
      ['db', 'seed', '--help'],
      ['db', 'diff', '--help'],
    ]) {
      const result = await lar(args, {});
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage: lar/);
    }
  });
});
