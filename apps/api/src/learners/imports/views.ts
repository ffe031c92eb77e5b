import type {
  ImportCounts,
  ImportReportPage,
  ImportReportQuery,
  ImportReportRow,
  ImportRowOutcome,
  LearnerImport,
  LearnerImportsPage,
} from '@lar/shared/api';
import { csvLine } from '../../csv/write';
import type { Database } from '../../db/database';
import type { Prisma, ImportRowOutcome as StoredOutcome } from '../../generated/prisma/client';
import { AppError } from '../../lib/errors';
import { REPORT_HEADER, reportCsvLine } from '../csv/write-report';
import { activationMessage, emptyCounts } from './outcomes';

const OUTCOME_NAMES: Record<StoredOutcome, ImportRowOutcome> = {
  CREATED: 'created',
  REGISTERED: 'registered',
  ALREADY_REGISTERED: 'alreadyRegistered',
  RECORDED: 'created',
  REJECTED: 'rejected',
};
const STORED_OUTCOMES: Record<ImportRowOutcome, StoredOutcome> = {
  created: 'CREATED',
  registered: 'REGISTERED',
  alreadyRegistered: 'ALREADY_REGISTERED',
  rejected: 'REJECTED',
};

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

type StoredRow = {
  rowNumber: number;
  outcome: StoredOutcome;
  message: string | null;
  data: Prisma.JsonValue;
  activationCode: string | null;
};

function reportRow(row: StoredRow, open: (sealed: string) => string): ImportReportRow {
  const data = (row.data ?? {}) as Record<string, string | null>;
  const activationCode = row.activationCode ? open(row.activationCode) : null;
  return {
    row: row.rowNumber,
    uln: data.uln ?? '',
    givenName: data.givenName ?? '',
    familyName: data.familyName ?? '',
    dateOfBirth: data.dateOfBirth ?? '',
    email: data.email || null,
    outcome: OUTCOME_NAMES[row.outcome],
    message: activationCode ? activationMessage(activationCode) : (row.message ?? ''),
    activationCode,
  };
}

const rowSelect = {
  rowNumber: true,
  outcome: true,
  message: true,
  data: true,
  activationCode: true,
} as const;

/** One page of an import's report, in file order, optionally of one outcome. */
export async function importReport(
  db: Database,
  input: { centreId: string; importId: string; query: ImportReportQuery; open: (sealed: string) => string },
): Promise<ImportReportPage> {
  const { query } = input;
  await centreImport(db, input.centreId, input.importId);
  const where = {
    importId: input.importId,
    ...(query.outcome ? { outcome: STORED_OUTCOMES[query.outcome] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.importRow.findMany({
      where,
      orderBy: { rowNumber: 'asc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: rowSelect,
    }),
    db.prisma.importRow.count({ where }),
  ]);
  return {
    items: rows.map((r) => reportRow(r, input.open)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The whole report as CSV lines, read 5,000 rows at a time by row number, so a 100,000-row report
 * streams in constant memory. Cells are formula-safe (write-report).
 */
export async function* importReportCsv(
  db: Database,
  input: { importId: string; open: (sealed: string) => string },
): AsyncGenerator<string> {
  yield csvLine([...REPORT_HEADER]);
  let after = 0;
  for (;;) {
    const rows = await db.prisma.importRow.findMany({
      where: { importId: input.importId, rowNumber: { gt: after } },
      orderBy: { rowNumber: 'asc' },
      take: 5_000,
      select: rowSelect,
    });
    yield rows.map((r) => reportCsvLine(reportRow(r, input.open))).join('');
    const last = rows.at(-1);
    if (!last || rows.length < 5_000) return;
    after = last.rowNumber;
  }
}
