import type { ImportReportRow, ImportRowOutcome } from '@lar/shared/api';
import type { Database } from '../../db/database';
import { activationMessage, outcomeMessage } from './outcomes';

/**
 * A learners import's report is kept one part per batch of rows (prisma `ImportReportPart`): the
 * batch's rows as one JSON array, with how many rows had each outcome. A part's row, as stored:
 * [row, outcome, message, uln, givenName, familyName, dateOfBirth, email | null, sealed code?]. The
 * message is empty when it follows from the outcome (`outcomeMessage`): only rejections have their own.
 * The activation codes of a part written by an import are sealed together in the part's
 * `activationCodes`; parts kept from before then carry each row's own sealed code as the last element.
 */
type StoredPartRow = [
  row: number,
  outcome: ImportRowOutcome,
  message: string,
  uln: string,
  givenName: string,
  familyName: string,
  dateOfBirth: string,
  email: string | null,
  sealedCode?: string | null,
];

type OutcomeCounts = Record<ImportRowOutcome, number>;

const countsOf = (rows: { outcome: ImportRowOutcome }[]): OutcomeCounts => {
  const counts: OutcomeCounts = { created: 0, registered: 0, alreadyRegistered: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome]++;
  return counts;
};

/**
 * The statement storing a batch's rows (in file order) as one part of the import's report, their
 * activation codes (given plain, and not in the messages) sealed together, with its parameters numbered
 * from `first`. A part already stored for the same first row (a batch stored again) is kept.
 */
export function reportPartInsert(
  importId: string,
  rows: ImportReportRow[],
  seal: (plain: string) => string,
  first = 1,
): { text: string; params: unknown[] } {
  const stored = rows.map(
    (r): StoredPartRow => [
      r.row,
      r.outcome,
      r.outcome === 'rejected' ? r.message : '',
      r.uln,
      r.givenName,
      r.familyName,
      r.dateOfBirth,
      r.email,
    ],
  );
  const codes = rows.filter((r) => r.activationCode).map((r) => [r.row, r.activationCode]);
  const counts = countsOf(rows);
  const $ = (n: number) => `$${first + n}`;
  return {
    text: `INSERT INTO "ImportReportPart" ("importId", "firstRow", created, registered, "alreadyRegistered",
                                        rejected, rows, "activationCodes")
           VALUES (${$(0)}::uuid, ${$(1)}::int, ${$(2)}::int, ${$(3)}::int, ${$(4)}::int, ${$(5)}::int, ${$(6)},
                   ${$(7)})
           ON CONFLICT ("importId", "firstRow") DO NOTHING`,
    params: [
      importId,
      rows[0]?.row ?? 0,
      counts.created,
      counts.registered,
      counts.alreadyRegistered,
      counts.rejected,
      JSON.stringify(stored),
      codes.length > 0 ? seal(JSON.stringify(codes)) : null,
    ],
  };
}

interface StoredPart {
  rows: string;
  activationCodes: string | null;
}

/** A stored part's rows as the report shows them, each activation code opened and put in its message. */
export function readReportPart(part: StoredPart, open: (sealed: string) => string): ImportReportRow[] {
  const codes = new Map<number, string>(
    part.activationCodes ? (JSON.parse(open(part.activationCodes)) as [number, string][]) : [],
  );
  return (JSON.parse(part.rows) as StoredPartRow[]).map(
    ([row, outcome, message, uln, givenName, familyName, dateOfBirth, email, sealedCode]) => {
      const activationCode = codes.get(row) ?? (sealedCode ? open(sealedCode) : null);
      return {
        row,
        uln,
        givenName,
        familyName,
        dateOfBirth,
        email: email || null,
        outcome,
        message: activationCode
          ? activationMessage(activationCode)
          : message || (outcome === 'rejected' ? '' : outcomeMessage(outcome, email || null)),
        activationCode,
      };
    },
  );
}

const partsOf = (db: Database, importId: string, firstRows: number[]) =>
  db.prisma.importReportPart.findMany({
    where: { importId, firstRow: { in: firstRows } },
    orderBy: { firstRow: 'asc' },
    select: { rows: true, activationCodes: true },
  });

/**
 * Rows `offset` to `offset + limit` (in file order) of an import's report, of one outcome or of all,
 * with how many there are: reads each part's counts, then only the parts that hold those rows.
 */
export async function reportRows(
  db: Database,
  input: {
    importId: string;
    outcome?: ImportRowOutcome;
    offset: number;
    limit: number;
    open: (sealed: string) => string;
  },
): Promise<{ rows: ImportReportRow[]; total: number }> {
  const { outcome } = input;
  const parts = await db.prisma.importReportPart.findMany({
    where: { importId: input.importId, ...(outcome ? { [outcome]: { gt: 0 } } : {}) },
    orderBy: { firstRow: 'asc' },
    select: { firstRow: true, created: true, registered: true, alreadyRegistered: true, rejected: true },
  });
  let total = 0;
  let skip = 0;
  const needed: number[] = [];
  for (const part of parts) {
    const count = outcome
      ? part[outcome]
      : part.created + part.registered + part.alreadyRegistered + part.rejected;
    if (total + count > input.offset && total < input.offset + input.limit) {
      if (needed.length === 0) skip = input.offset - total;
      needed.push(part.firstRow);
    }
    total += count;
  }
  if (needed.length === 0) return { rows: [], total };
  const rows = (await partsOf(db, input.importId, needed))
    .flatMap((part) => readReportPart(part, input.open))
    .filter((r) => !outcome || r.outcome === outcome);
  return { rows: rows.slice(skip, skip + input.limit), total };
}

/** Every row of an import's report in file order, a few parts at a time (constant memory). */
export async function* allReportRows(
  db: Database,
  input: { importId: string; open: (sealed: string) => string },
): AsyncGenerator<ImportReportRow[]> {
  let after = -1;
  for (;;) {
    const parts = await db.prisma.importReportPart.findMany({
      where: { importId: input.importId, firstRow: { gt: after } },
      orderBy: { firstRow: 'asc' },
      take: 5,
      select: { firstRow: true, rows: true, activationCodes: true },
    });
    for (const part of parts) yield readReportPart(part, input.open);
    const last = parts.at(-1);
    if (!last || parts.length < 5) return;
    after = last.firstRow;
  }
}
