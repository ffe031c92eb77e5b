import { csvLine } from '../../csv/write';
import type { LearnerRow } from './read-learners';

/** The columns of the import report CSV that centres download. */
export const REPORT_HEADER = [
  'Row',
  'ULN',
  'GivenName',
  'FamilyName',
  'DateOfBirth',
  'Email',
  'Outcome',
  'Message',
] as const;

export interface ReportRow {
  row: number;
  uln: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string | null;
  /** e.g. created, registered, rejected */
  outcome: string;
  message: string;
}

/** The report line by line (CRLF endings, as RFC 4180 says), for streaming a large report. */
export function* reportCsvLines(rows: Iterable<ReportRow>): Generator<string> {
  yield csvLine([...REPORT_HEADER]);
  for (const r of rows) yield reportCsvLine(r);
}

export function reportCsvLine(r: ReportRow): string {
  return csvLine([r.row, r.uln, r.givenName, r.familyName, r.dateOfBirth, r.email, r.outcome, r.message]);
}

export function reportCsv(rows: Iterable<ReportRow>): string {
  return [...reportCsvLines(rows)].join('');
}

/**
 * A read row as a report row. A valid row's outcome is decided when it is stored (created or registered),
 * so the caller passes it; a rejected row shows its cells as written and every error.
 */
export function reportRowFor(row: LearnerRow, outcome: string, message = ''): ReportRow {
  if (row.result.ok) {
    const { uln, givenName, familyName, dateOfBirth, email } = row.result.learner;
    return { row: row.rowNumber, uln, givenName, familyName, dateOfBirth, email, outcome, message };
  }
  const cell = (column: string) => row.raw[column] ?? '';
  return {
    row: row.rowNumber,
    uln: cell('ULN'),
    givenName: cell('GivenName'),
    familyName: cell('FamilyName'),
    dateOfBirth: cell('DateOfBirth'),
    email: cell('Email'),
    outcome: 'rejected',
    message: row.result.errors.map((e) => e.message).join('; '),
  };
}
