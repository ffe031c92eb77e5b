import { CsvFileError } from './errors';

/** The columns a CSV file must have (any order), and those it may leave out. */
export interface HeaderSpec<C extends string> {
  columns: readonly C[];
  optional?: readonly C[];
}

/** Spreadsheets and people write `given_name`, `Given Name` or `GIVENNAME`; all mean GivenName. */
export function normalizeHeaderName(name: string): string {
  return name.replace(/[\s_]/g, '').toLowerCase();
}

/**
 * The delimiter of the header line: `;` when it has more semicolons than commas (European spreadsheets
 * save "CSV" that way), else `,`. Decided from the header alone because the header has no quoted names
 * with delimiters in them, unlike data rows, where guessing from counts can be fooled.
 */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Checks the header: every required column present exactly once and nothing else. Unknown columns reject
 * the file rather than being ignored, because they usually mean a misnamed column (e.g. `Surname`) whose
 * data would otherwise be silently dropped. Returns, for each field position, the column it holds.
 */
export function checkHeader<C extends string>(fields: string[], spec: HeaderSpec<C>): C[] {
  const byNormalized = new Map<string, C>(spec.columns.map((c) => [normalizeHeaderName(c), c]));
  const columns: C[] = [];
  const unknown: string[] = [];
  const duplicated: string[] = [];
  for (const [i, field] of fields.entries()) {
    const column = byNormalized.get(normalizeHeaderName(field));
    if (column === undefined) unknown.push(field.trim() === '' ? `(blank column ${i + 1})` : field.trim());
    else if (columns.includes(column)) duplicated.push(column);
    else columns.push(column);
  }
  const missing = spec.columns.filter((c) => !columns.includes(c) && !spec.optional?.includes(c));
  if (missing.length === 0 && unknown.length === 0 && duplicated.length === 0) return columns;
  const problems = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
    duplicated.length > 0 ? `repeated ${duplicated.join(', ')}` : '',
  ].filter((p) => p !== '');
  throw new CsvFileError(
    'CSV_HEADER',
    `The header's columns are wrong (${problems.join('; ')}); it must be ${spec.columns.join(',')}`,
    { missing, unknown, duplicated, expected: [...spec.columns] },
  );
}
