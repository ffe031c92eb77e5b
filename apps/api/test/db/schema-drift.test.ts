import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareDescriptions, describeSchema, type SchemaDifference } from '../../src/db/catalogue';
import { migrate, readMigrations } from '../../src/db/migrate';
import { migrationsDir, schemaSqlFromEmpty } from '../../src/db/schema-engine';
import type { SqlClient } from '../../src/db/sql-client';
import { createTestDatabase } from '../helpers/database';

/** Builds, in a schema of its own, the database Prisma's schema engine makes from schema.prisma. */
async function expectedSchema(sql: SqlClient, schema: string): Promise<string[]> {
  const script = await schemaSqlFromEmpty();
  return sql.withConnection(async (conn) => {
    await conn.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
    try {
      await conn.exec(script.replace('CREATE SCHEMA IF NOT EXISTS "public";', ''));
      return await describeSchema(conn, schema);
    } finally {
      await conn.exec('SET search_path TO public');
    }
  });
}

let expected: Promise<string[]> | undefined;

/** What schema.prisma describes, built once per run. */
function expectedDescription(): Promise<string[]> {
  expected ??= (async () => {
    const db = await createTestDatabase({ empty: true });
    try {
      return await expectedSchema(db.sql, 'expected_by_schema');
    } finally {
      await db.close();
    }
  })();
  return expected;
}

/** Migrates a fresh database with `dir` and compares it with schema.prisma. */
async function driftOf(dir: string): Promise<SchemaDifference> {
  const db = await createTestDatabase({ empty: true });
  try {
    await migrate(db.sql, dir);
    const actual = await db.sql.withConnection((conn) => describeSchema(conn, 'public'));
    return compareDescriptions(await expectedDescription(), actual);
  } finally {
    await db.close();
  }
}

function alteredMigrations(edit: (sql: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lar-drift-'));
  cpSync(migrationsDir, dir, { recursive: true });
  const [first] = readMigrations(dir);
  if (!first) throw new Error('no migrations');
  writeFileSync(first.file, edit(first.sql));
  return dir;
}

describe('prisma/schema.prisma and the migrated database', () => {
  it('agree: tables, columns (type, nullability, default), constraints, indexes, foreign keys, enums', async () => {
    const drift = await driftOf(migrationsDir);
    expect(drift).toEqual({ onlyExpected: [], onlyActual: [] });
  });

  describe('a deliberately wrong migration is caught', () => {
    it.each([
      [
        'a missing index',
        (s: string) => s.replace(/CREATE INDEX "Learner_familyName_givenName_idx"[^;]*;/, ''),
        /index .*Learner_familyName_givenName_idx/,
      ],
      [
        'a column that should be NOT NULL',
        (s: string) => s.replace('"fullName" TEXT NOT NULL', '"fullName" TEXT'),
        /column User\.fullName text NOT NULL/,
      ],
      [
        'a wrong default',
        (s: string) =>
          s.replace(
            '"notifyOnView" BOOLEAN NOT NULL DEFAULT true',
            '"notifyOnView" BOOLEAN NOT NULL DEFAULT false',
          ),
        /column Learner\.notifyOnView boolean NOT NULL default=true/,
      ],
      [
        'a wrong column type',
        (s: string) => s.replace('"credits" INTEGER NOT NULL,', '"credits" BIGINT NOT NULL,'),
        /column Unit\.credits integer/,
      ],
      [
        'a missing unique constraint',
        (s: string) => s.replace(/CREATE UNIQUE INDEX "Learner_uln_key"[^;]*;/, ''),
        /Learner_uln_key/,
      ],
      [
        'a foreign key with the wrong action',
        (s: string) =>
          s.replace(/("Registration_learnerId_fkey"[^;]*)ON DELETE CASCADE/, '$1ON DELETE RESTRICT'),
        /Registration_learnerId_fkey .*ON DELETE CASCADE/,
      ],
      [
        'an extra table',
        (s: string) => `${s}\nCREATE TABLE "Stray" ("id" TEXT PRIMARY KEY);\n`,
        /table Stray/,
      ],
    ])('%s', async (_what, edit, reported) => {
      const drift = await driftOf(alteredMigrations(edit));
      const lines = [...drift.onlyExpected, ...drift.onlyActual];
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).toMatch(reported);
    });
  });
});
