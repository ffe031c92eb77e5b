import { Parser } from 'papaparse';
import { CsvFileError } from './errors';

export interface CsvFormat {
  delimiter: ',' | ';';
  newline: '\r\n' | '\n' | '\r';
}

/**
 * A valid row is well under a kilobyte; a record this long means an unclosed quote swallowing the
 * rest of the file, and re-scanning an ever-growing partial record on every chunk would cost quadratic time.
 */
export const MAX_RECORD_CHARS = 100_000;

/**
 * Splits decoded text into records with papaparse's parser, one chunk at a time, pulling the next chunk only
 * when the caller asks for more rows (backpressure). It yields the records of each chunk together: one
 * step of an async generator per record cost more than parsing it. We drive the parser ourselves rather
 * than through `parse(NODE_STREAM_INPUT)`, whose object stream of single rows made reading 100,000 rows
 * ten times slower.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  format: CsvFormat,
): AsyncGenerator<string[][]> {
  const parser = new Parser({ delimiter: format.delimiter, newline: format.newline, quoteChar: '"' });
  let partial = '';
  for await (const chunk of text) {
    const input = partial + chunk;
    // ignoreLastRow: the last record may continue in the next chunk; the cursor is where it starts.
    const result = parser.parse(input, 0, true) as ParsedChunk;
    partial = input.slice(result.meta.cursor);
    if (partial.length > MAX_RECORD_CHARS) {
      throw new CsvFileError(
        'CSV_MALFORMED',
        'A row is longer than 100,000 characters: a quote (") is probably not closed',
        { maxRecordChars: MAX_RECORD_CHARS },
      );
    }
    if (result.data.length > 0) yield result.data;
  }
  if (partial !== '') yield (parser.parse(partial, 0, false) as ParsedChunk).data;
}

interface ParsedChunk {
  data: string[][];
  meta: { cursor: number };
}

/**
 * The line break of the header line, used for the whole file; null until it can be told (a chunk ending
 * in `\r` may be half of `\r\n`). Old Mac spreadsheets end lines with `\r` alone.
 */
export function detectNewline(head: string, from = 0): CsvFormat['newline'] | null {
  const at = head.slice(from).search(/[\r\n]/);
  if (at < 0) return null;
  const i = from + at;
  if (head[i] === '\n') return '\n';
  if (i + 1 >= head.length) return null;
  return head[i + 1] === '\n' ? '\r\n' : '\r';
}
