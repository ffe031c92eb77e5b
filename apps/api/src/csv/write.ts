/**
 * Spreadsheets run a cell beginning with one of these as a formula (CSV injection); OWASP adds tab and
 * carriage return, which some spreadsheets strip before looking at the first character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell of a CSV file LAR writes, safe to open in a spreadsheet: formulas defused with `'`, quoted per RFC 4180 when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
