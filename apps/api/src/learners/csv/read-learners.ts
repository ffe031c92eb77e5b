import type { Readable } from 'node:stream';
import { validateUln } from '@lar/shared/identifiers';
import type { ByteSource } from '../../csv/decode-utf8';
import { CsvFileError, type CsvFileErrorInfo } from '../../csv/errors';
import { readCsvTable, type TableRow } from '../../csv/read-table';
import { LEARNERS_HEADER, type LearnerColumn } from './header';
import { type FieldError, type RowResult, validateLearnerRow } from './validate-row';

export interface ReadLearnersOptions {
  /** More data rows than this fail the file with CSV_TOO_MANY_ROWS, read no further. */
  maxRows: number;
  /** Ages and "not in the future" are judged on this day (its UTC date). */
  today: Date;
  /**
   * Whether to note each row's ULN for `duplicates()` (on unless given): off for a reader of a file
   * whose repeated ULNs are known already, which saves keeping every ULN of the file.
   */
  findRepeats?: boolean;
}

export interface LearnerRow {
  /** The spreadsheet row: the header is row 1; blank rows count but are not returned. */
  rowNumber: number;
  /** The row's cells by column name (ULN, GivenName…), as written. */
  raw: Record<string, string>;
  result: RowResult;
}

/** Each ULN that appears on more than one row of a file, with those rows (spreadsheet numbers). */
export type RepeatedUlns = [uln: string, rows: number[]][];

export interface LearnersCsvReader extends AsyncIterable<LearnerRow> {
  /** The rows as they are read, those of each chunk of the file together (iterate this or the reader). */
  chunks(): AsyncIterable<LearnerRow[]>;
  /** Once iteration has finished: for every row whose ULN repeats in the file, its error. */
  duplicates(): Map<number, FieldError>;
  /** Once iteration has finished: the ULNs that repeat, to be kept and turned into errors later. */
  repeatedUlns(): RepeatedUlns;
}

/**
 * Streams a Learners CSV row by row (with backpressure: the file is read as fast as rows are consumed).
 * File-level problems are thrown as CsvFileError from the iteration; row problems are in each row's result.
 * Iterate once.
 */
export function readLearnersCsv(
  input: NodeJS.ReadableStream | Readable | ByteSource,
  options: ReadLearnersOptions,
): LearnersCsvReader {
  const ulns = options.findRepeats === false ? undefined : new UlnRows();
  const chunks = () => readChunks(input as ByteSource, options, ulns);
  return {
    chunks: () => ({ [Symbol.asyncIterator]: chunks }),
    async *[Symbol.asyncIterator]() {
      for await (const chunk of chunks()) yield* chunk;
    },
    duplicates: () => duplicateErrors(ulns?.repeated() ?? []),
    repeatedUlns: () => ulns?.repeated() ?? [],
  };
}

/** The row with its duplicate-ULN error added, if it has one. */
export function withDuplicates(row: LearnerRow, duplicates: Map<number, FieldError>): LearnerRow {
  const duplicate = duplicates.get(row.rowNumber);
  if (duplicate === undefined) return row;
  const errors = row.result.ok ? [duplicate] : [duplicate, ...row.result.errors];
  return { ...row, result: { ok: false, errors } };
}

export type ReadAllResult = { ok: true; rows: LearnerRow[] } | { ok: false; error: CsvFileErrorInfo };

/**
 * Reads a whole Learners CSV into memory with duplicate ULNs applied: for small files, tests and tools.
 * The import job streams with readLearnersCsv instead and applies duplicates() after storing the rows.
 */
export async function readAllLearners(
  input: NodeJS.ReadableStream | Readable | ByteSource,
  options: ReadLearnersOptions,
): Promise<ReadAllResult> {
  const reader = readLearnersCsv(input, options);
  const rows: LearnerRow[] = [];
  try {
    for await (const row of reader) rows.push(row);
  } catch (error) {
    if (error instanceof CsvFileError) return { ok: false, error: error.toJSON() };
    throw error;
  }
  const duplicates = reader.duplicates();
  return { ok: true, rows: rows.map((row) => withDuplicates(row, duplicates)) };
}

/**
 * What an upload needs to know before anything is recorded, without checking each row's cells: the
 * file-level problems (thrown as CsvFileError, as readLearnersCsv throws them), how many data rows it
 * has and the ULNs that repeat (the same as readLearnersCsv finds). The rows are checked when processed.
 */
export async function scanLearnersCsv(
  input: NodeJS.ReadableStream | Readable | ByteSource,
  options: Pick<ReadLearnersOptions, 'maxRows'>,
): Promise<{ rows: number; repeatedUlns: RepeatedUlns }> {
  const ulns = new UlnRows();
  const table = readCsvTable(input as ByteSource, {
    header: LEARNERS_HEADER,
    maxRows: options.maxRows,
    rows: 'learners',
  });
  let rows = 0;
  for await (const chunk of table) {
    rows += chunk.length;
    for (const row of chunk) if (!row.fieldCountError) trackUln(row.raw.ULN, row.rowNumber, ulns);
  }
  return { rows, repeatedUlns: ulns.repeated() };
}

/** A row's ULN counts towards duplicates when it is valid, whatever the row's other cells hold. */
function trackUln(cell: string | undefined, rowNumber: number, ulns: UlnRows) {
  const uln = cell?.trim() ?? '';
  if (uln !== '' && validateUln(uln).ok) ulns.add(uln, rowNumber);
}

async function* readChunks(input: ByteSource, options: ReadLearnersOptions, ulns: UlnRows | undefined) {
  const table = readCsvTable(input, { header: LEARNERS_HEADER, maxRows: options.maxRows, rows: 'learners' });
  for await (const chunk of table) yield chunk.map((row) => toRow(row, options.today, ulns));
}

function toRow(row: TableRow<LearnerColumn>, today: Date, ulns: UlnRows | undefined): LearnerRow {
  const { rowNumber, raw } = row;
  if (row.fieldCountError) {
    return {
      rowNumber,
      raw,
      result: { ok: false, errors: [{ field: 'row', message: row.fieldCountError }] },
    };
  }
  const result = validateLearnerRow(raw as Record<LearnerColumn, string>, today);
  // A valid ULN counts towards duplicates even when another cell is wrong: both rows need fixing anyway.
  if (ulns) trackUln(raw.ULN, rowNumber, ulns);
  return { rowNumber, raw, result };
}

/**
 * Remembers which rows carry each ULN while the file streams past, keeping only row numbers (not rows)
 * so 100,000 rows cost a few megabytes. A duplicate can only be known once the whole file has been read,
 * hence the second pass: `duplicateErrors` names every row of each repeated ULN, because we cannot
 * tell which of them the centre meant. The upload's check of the file records the repeated ULNs with
 * the import, so the import job reads the file once.
 */
export class UlnRows {
  // One number for the usual single row; an array only once a ULN repeats.
  private readonly rows = new Map<string, number | number[]>();

  add(uln: string, rowNumber: number): void {
    const seen = this.rows.get(uln);
    if (seen === undefined) this.rows.set(uln, rowNumber);
    else if (typeof seen === 'number') this.rows.set(uln, [seen, rowNumber]);
    else seen.push(rowNumber);
  }

  /** The ULNs seen on more than one row, in the order first seen. */
  repeated(): RepeatedUlns {
    const repeated: RepeatedUlns = [];
    for (const [uln, seen] of this.rows) if (typeof seen !== 'number') repeated.push([uln, seen]);
    return repeated;
  }
}

/** For each row whose ULN is repeated in the file, the error to add to it. */
export function duplicateErrors(repeated: RepeatedUlns): Map<number, FieldError> {
  const errors = new Map<number, FieldError>();
  for (const [uln, rows] of repeated) {
    const message = `ULN ${uln} appears on ${listRows(rows)}`;
    for (const row of rows) errors.set(row, { field: 'ULN', message });
  }
  return errors;
}

/** Rows named in a duplicate message; a file with one ULN on every row must not get a megabyte message. */
const LISTED_ROWS = 10;

/** `rows 3 and 7`, `rows 3, 5 and 7`, `250 rows, including 3, 5, … and 21` */
function listRows(rows: number[]): string {
  const shown = rows.slice(0, LISTED_ROWS);
  const list = `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return rows.length > LISTED_ROWS ? `${rows.length} rows, including ${list}` : `rows ${list}`;
}
