import { AppError } from '../lib/errors';

/**
 * Errors that reject a whole CSV file (as opposed to one row). The upload route answers them with
 * 400 (or 413 for CSV_TOO_MANY_ROWS) and records nothing, so each message must tell the centre what to fix.
 */
export type CsvFileErrorCode =
  | 'CSV_EMPTY'
  | 'CSV_NO_ROWS'
  | 'CSV_HEADER'
  | 'CSV_ENCODING'
  | 'CSV_TOO_MANY_ROWS'
  | 'CSV_MALFORMED';

export interface CsvFileErrorInfo {
  code: CsvFileErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export class CsvFileError extends Error implements CsvFileErrorInfo {
  override readonly name = 'CsvFileError';

  constructor(
    readonly code: CsvFileErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON(): CsvFileErrorInfo {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export const emptyFile = () => new CsvFileError('CSV_EMPTY', 'The file is empty');

/** `rows` names what the file's rows are, e.g. "learners", "achievements". */
export const headerOnly = (rows: string) =>
  new CsvFileError('CSV_NO_ROWS', `The file has a header but no ${rows}`);

export const tooManyRows = (maxRows: number, rows: string) =>
  new CsvFileError(
    'CSV_TOO_MANY_ROWS',
    `The file has more than ${maxRows} ${rows}; split it into files of at most ${maxRows} rows`,
    { maxRows },
  );

export const badEncoding = (line: number) =>
  new CsvFileError(
    'CSV_ENCODING',
    `The file is not valid UTF-8 (first bad byte on line ${line}); save it as "CSV UTF-8" and upload it again`,
    { line },
  );

/** The HTTP error for a refused file: 413 for too many rows, else 400, with the same code and message. */
export function refusedFile(error: CsvFileError): AppError {
  const status = error.code === 'CSV_TOO_MANY_ROWS' ? { statusCode: 413 } : {};
  return Object.assign(new AppError(error.code, error.message, error.details), status);
}
