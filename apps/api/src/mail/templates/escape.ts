/**
 * Every value interpolated into the HTML part goes through `escapeHtml`, whether it came from a user
 * (names, organisation names, reasons, file names) or from us, so no caller has to decide which is safe.
 * Quotes are escaped too because the same function serves attribute values such as `href`.
 */
const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/**
 * Collapses line breaks, tabs and runs of spaces into single spaces. Applied to every interpolated
 * value: a name containing a newline must not break a subject header or the layout of the text part.
 * No-break spaces survive: they hold "1 July 2026" and "ULN 4829301756" together when text wraps.
 */
export function singleLine(value: string): string {
  return value.replace(/[^\S\u00a0]+/g, ' ').trim();
}
