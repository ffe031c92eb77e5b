/**
 * Every identifier check returns a result rather than throwing, so forms and importers can show the
 * learner-facing message next to the field and branch on a stable code.
 */
export type IdentifierCode =
  | 'ULN_FORMAT'
  | 'ULN_FIRST_DIGIT'
  | 'ULN_NO_CHECK_DIGIT'
  | 'ULN_CHECK_DIGIT'
  | 'QAN_FORMAT'
  | 'QAN_CHECK_DIGIT'
  | 'URN_FORMAT'
  | 'UKPRN_FORMAT'
  | 'UKPRN_RANGE';

export type IdentifierResult =
  | { ok: true; value: string }
  | { ok: false; code: IdentifierCode; message: string };

export function valid(value: string): IdentifierResult {
  return { ok: true, value };
}

export function invalid(code: IdentifierCode, message: string): IdentifierResult {
  return { ok: false, code, message };
}

/** Quote user input in messages without letting a huge paste flood a log line. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
