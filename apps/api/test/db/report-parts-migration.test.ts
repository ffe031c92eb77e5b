import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedOrganisation } from '../../../../prisma/seed/factories';
import { migrate } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/schema-engine';
import { reportRows } from '../../src/learners/imports/report-parts';
import { sealer } from '../../src/lib/secrets';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const PARTS_MIGRATION = '20261130051000_import_report_parts';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase({ empty: true });
});
afterEach(() => db.close());

it('moves the reports of earlier imports into parts of 1,000 rows, activation codes and all', async () => {
  // The database as it was before reports were stored in parts.
  const before = mkdtempSync(path.join(os.tmpdir(), 'lar-migrations-'));
  cpSync(migrationsDir, before, { recursive: true });
  for (const name of readdirSync(before)) {
    if (name >= PARTS_MIGRATION && name !== 'migration_lock.toml')
      rmSync(path.join(before, name), { recursive: true });
  }
  await migrate(db.sql, before);

  const centre = await seedOrganisation(db.prisma, { type: 'CENTRE', name: 'Old College', code: '10000777' });
  const [{ id: importId } = { id: '' }] = await db.sql.query<{ id: string }>(
    `INSERT INTO "Import" (id, kind, "organisationId", "fileName", "fileSha256", status, "totalRows",
                           "processedRows", "updatedAt")
     VALUES (gen_random_uuid(), 'LEARNERS', $1, 'old.csv', 'abc', 'COMPLETED', 1003, 1003, now()) RETURNING id`,
    [centre.id],
  );
  const { seal, open } = sealer('s'.repeat(40));
  const outcomes = ['CREATED', 'REGISTERED', 'ALREADY_REGISTERED', 'REJECTED'] as const;
  const rows = Array.from({ length: 1003 }, (_, i) => {
    const outcome = outcomes[i % 4] ?? 'CREATED';
    const withCode = i === 4 || i === 1002;
    return {
      n: i + 2,
      o: outcome,
      m: outcome === 'REJECTED' ? `row ${i + 2} is wrong` : null,
      d: {
        uln: `uln${i}`,
        givenName: `Given${i}`,
        familyName: 'Family',
        dateOfBirth: '2001-02-03',
        email: i % 2 ? `l${i}@example.org` : '',
      },
      a: withCode ? seal(`code-${i}`) : null,
    };
  });
  await db.sql.query(
    `INSERT INTO "ImportRow" ("importId", "rowNumber", outcome, message, data, "activationCode", "updatedAt")
     SELECT $1::uuid, n, o::"ImportRowOutcome", m, d, a, now()
       FROM jsonb_to_recordset($2::jsonb) AS r(n int, o text, m text, d jsonb, a text)`,
    [importId, JSON.stringify(rows)],
  );

  await migrate(db.sql, migrationsDir);

  const parts = await db.prisma.importReportPart.findMany({
    where: { importId },
    orderBy: { firstRow: 'asc' },
  });
  expect(parts.map((p) => [p.firstRow, p.created, p.registered, p.alreadyRegistered, p.rejected])).toEqual([
    [2, 250, 250, 250, 250],
    [1002, 1, 1, 1, 0],
  ]);
  const { rows: report, total } = await reportRows(db, { importId, offset: 0, limit: 2_000, open });
  expect(total).toBe(1003);
  expect(report[3]).toEqual({
    row: 5,
    uln: 'uln3',
    givenName: 'Given3',
    familyName: 'Family',
    dateOfBirth: '2001-02-03',
    email: 'l3@example.org',
    outcome: 'rejected',
    message: 'row 5 is wrong',
    activationCode: null,
  });
  // A row kept without a message gets its outcome's own.
  expect(report[0]).toMatchObject({ row: 2, outcome: 'created', email: null });
  expect(report[0]?.message).toMatch(/^Created without an email address/);
  expect(report[2]?.outcome).toBe('alreadyRegistered');
  expect(report.filter((r) => r.activationCode).map((r) => [r.row, r.activationCode])).toEqual([
    [6, 'code-4'],
    [1004, 'code-1002'],
  ]);
  expect(report[4]?.message).toContain('code-4');
  const rejected = await reportRows(db, { importId, outcome: 'rejected', offset: 249, limit: 5, open });
  expect(rejected).toEqual({ rows: [expect.objectContaining({ row: 1001 })], total: 250 });
});
