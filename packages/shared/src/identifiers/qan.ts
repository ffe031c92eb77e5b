import { type IdentifierResult, invalid, show, valid } from './result';

const QAN_PATTERN = /^(\d{3})\/(\d{4})\/([\dX])$/;

/** Mod-11 check digit of a QAN's seven digits (weights 8..2), 10 written `X`. */
export function qanCheckDigit(sevenDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (8 - i) * (sevenDigits.charCodeAt(i) - 48);
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

/** Format only: a check digit mismatch is a warning (see `checkQanCheckDigit`), not an error. */
export function validateQan(value: unknown): IdentifierResult {
  if (typeof value !== 'string' || !QAN_PATTERN.test(value)) {
    return invalid('QAN_FORMAT', `QAN must look like 500/9466/X (DDD/DDDD/C), got ${show(value)}`);
  }
  return valid(value);
}

/**
 * Real QANs fit the mod-11 check digit, but the contract only warns on a mismatch, so callers show
 * this result as a warning. A malformed QAN reports QAN_FORMAT.
 */
export function checkQanCheckDigit(value: unknown): IdentifierResult {
  const format = validateQan(value);
  if (!format.ok) return format;
  const qan = format.value;
  const expected = qanCheckDigit(qan.slice(0, 3) + qan.slice(4, 8));
  const actual = qan.slice(9);
  if (actual !== expected) {
    return invalid('QAN_CHECK_DIGIT', `QAN check digit should be ${expected}, not ${actual}`);
  }
  return valid(qan);
}
