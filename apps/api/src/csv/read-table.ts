import { csvRecords, detectNewline } from './csv-records';
import { type ByteSource, decodeUtf8 } from './decode-utf8';
import { emptyFile, headerOnly, tooManyRows } from './errors';
import { checkHeader, detectDelimiter, type HeaderSpec } from './header';

export interface TableOptions<C extends string> {
  header: HeaderSpec<C>;
  /** More data rows than this fail the file with CSV_TOO_MANY_ROWS, read no further. */
  maxRows: number;
  /** What the rows are, for messages: "learners", "achievements". */
  rows: string;
}

export interface TableRow<C extends string> {
  /** The spreadsheet row: the header is row 1; blank rows count but are not returned. */
  rowNumber: number;
  /** The row's cells by column name, as written (an optional column left out is absent). */
  raw: Partial<Record<C, string>>;
  /** Set when the row has more or fewer fields than the header: its cells cannot be trusted. */
  fieldCountError?: string;
}

/**
 * Streams a CSV file's data rows by column name, the rows of each chunk of the file together (with
 * backpressure: the file is read as fast as rows are consumed): strict UTF-8 (a BOM is dropped), `,`
 * or `;` as the header shows, CRLF, LF or CR line ends, quoted fields. File-level problems (empty,
 * header only, wrong columns, too many rows, bad encoding) are thrown as CsvFileError from the iteration.
 */
export async function* readCsvTable<C extends string>(
  input: ByteSource,
  options: TableOptions<C>,
): AsyncGenerator<TableRow<C>[]> {
  const text = decodeUtf8(input);
  const { head, newline } = await readFirstLine(text);
  const headerLine = head.split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  if (headerLine === undefined) throw emptyFile();
  const format = { delimiter: detectDelimiter(headerLine), newline: newline ?? '\n' } as const;
  let columns: C[] | null = null;
  let rowNumber = 0;
  let dataRows = 0;
  // Leaving this loop early (an error, or the caller stopping) closes the upload stream too.
  for await (const records of csvRecords(prepend(head, text), format)) {
    const rows: TableRow<C>[] = [];
    for (const fields of records) {
      rowNumber++;
      // Spreadsheets save trailing empty rows as blank lines or as `,,,,`.
      if (fields.every((field) => field.trim() === '')) continue;
      if (columns === null) {
        columns = checkHeader(fields, options.header);
        continue;
      }
      if (++dataRows > options.maxRows) throw tooManyRows(options.maxRows, options.rows);
      const raw: Partial<Record<C, string>> = {};
      for (let i = 0; i < columns.length; i++) raw[columns[i] as C] = fields[i] ?? '';
      if (fields.length === columns.length) rows.push({ rowNumber, raw });
      else {
        // A line break inside a cell with too few fields usually means a quote that is never closed.
        const hint = fields.some((f) => /[\r\n]/.test(f)) ? ' (is a quote (") not closed?)' : '';
        rows.push({
          rowNumber,
          raw,
          fieldCountError: `The row has ${fields.length} fields but the header has ${columns.length}${hint}`,
        });
      }
    }
    if (rows.length > 0) yield rows;
  }
  if (dataRows === 0) throw headerOnly(options.rows);
}

/** Reads until the first line with content has ended (or the file has), to tell its delimiter and newline. */
async function readFirstLine(text: AsyncIterator<string>) {
  let head = '';
  let content = -1;
  for (;;) {
    const next = await text.next();
    if (next.done) return { head, newline: detectNewline(head, Math.max(content, 0)) ?? undefined };
    head += next.value;
    if (content < 0) content = head.search(/\S/);
    const newline = content < 0 ? null : detectNewline(head, content);
    if (newline !== null) return { head, newline };
  }
}

async function* prepend(head: string, rest: AsyncGenerator<string>) {
  yield head;
  yield* rest;
}
