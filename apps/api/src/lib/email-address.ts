/**
 * An address a mail server could accept: one `@`, a dot in the domain, no spaces or characters
 * that only appear in display names. Deliberately loose: the mail server has the last word.
 */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(value.trim());
}
