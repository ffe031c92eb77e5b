import type {
  ImportCounts,
  ImportReportPage,
  ImportReportQuery,
  LearnerImport,
  LearnerImportsPage,
} from '@lar/shared/api';
import { csvLine } from '../../csv/write';
import type { Database } from '../../db/database';
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../../lib/errors';
import { REPORT_HEADER, reportCsvLine } from '../csv/write-report';
import { emptyCounts } from './outcomes';
import { allReportRows, reportRows } from './report-parts';

type ImportWithUploader = Prisma.ImportGetPayload<{
  omit: { content: true };
  include: { uploadedBy: { select: { fullName: true } } };
}>;

const importQuery = {
  omit: { content: true },
  include: { uploadedBy: { select: { fullName: true } } },
} as const;

function importView(row: ImportWithUploader): LearnerImport {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    counts: { ...emptyCounts(), ...(row.summary as Partial<ImportCounts> | null) },
    uploadedBy: row.uploadedBy?.fullName ?? null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** A learners import of this centre; another centre's is "not found", as if it did not exist. */
export async function centreImport(db: Database, centreId: string, importId: string): Promise<LearnerImport> {
  const row = await db.prisma.import.findFirst({
    where: { id: importId, organisationId: centreId, kind: 'LEARNERS' },
    ...importQuery,
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such upload for your centre.');
  return importView(row);
}

export async function centreImports(
  db: Database,
  centreId: string,
  paging: { page: number; pageSize: number },
): Promise<LearnerImportsPage> {
  const where = { organisationId: centreId, kind: 'LEARNERS' as const };
  const [rows, total] = await Promise.all([
    db.prisma.import.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
      ...importQuery,
    }),
    db.prisma.import.count({ where }),
  ]);
  return { items: rows.map(importView), total, ...paging };
}

/** One page of an import's report, in file order, optionally of one outcome. */
export async function importReport(
  db: Database,
  input: { centreId: string; importId: string; query: ImportReportQuery; open: (sealed: string) => string },
): Promise<ImportReportPage> {
  const { query } = input;
  await centreImport(db, input.centreId, input.importId);
  const { rows, total } = await reportRows(db, {
    importId: input.importId,
    outcome: query.outcome,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    open: input.open,
  });
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/**
 * The whole report as CSV lines, read a few parts (of up to 1,000 rows) at a time, so a 100,000-row
 * report streams in constant memory. Cells are formula-safe (write-report).
 */
export async function* importReportCsv(
  db: Database,
  input: { importId: string; open: (sealed: string) => string },
): AsyncGenerator<string> {
  yield csvLine([...REPORT_HEADER]);
  for await (const rows of allReportRows(db, input)) yield rows.map(reportCsvLine).join('');
}
