import { validateUln } from '@lar/shared/identifiers';
import { checkDateOfBirth, quote } from './date-of-birth';
import type { LearnerColumn } from './header';

export interface Learner {
  uln: string;
  givenName: string;
  familyName: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  /** null when the cell is empty: the report then carries an activation code instead. */
  email: string | null;
}

export interface FieldError {
  /** A column name, or `row` for problems with the row as a whole. */
  field: LearnerColumn | 'row';
  message: string;
}

export type RowResult = { ok: true; learner: Learner } | { ok: false; errors: FieldError[] };

export const MAX_NAME_LENGTH = 100;

/** Control characters (tabs, line breaks, NUL…) in a name break emails, letters and certificates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Validates one row's cells (keyed by column, untrimmed). Duplicate ULNs are checked afterwards. */
export function validateLearnerRow(cells: Record<LearnerColumn, string>, today: Date): RowResult {
  const errors: FieldError[] = [];
  const fail = (field: LearnerColumn, message: string) => errors.push({ field, message });

  const uln = cells.ULN.trim();
  const ulnCheck = uln === '' ? null : validateUln(uln);
  if (ulnCheck === null) fail('ULN', 'ULN is required');
  else if (!ulnCheck.ok) fail('ULN', ulnCheck.message);

  const givenName = checkName('GivenName', cells.GivenName, fail);
  const familyName = checkName('FamilyName', cells.FamilyName, fail);

  const dobText = cells.DateOfBirth.trim();
  const dob = dobText === '' ? null : checkDateOfBirth(dobText, today);
  if (dob === null) fail('DateOfBirth', 'DateOfBirth is required');
  else if (!dob.ok) fail('DateOfBirth', dob.message);

  const email = cells.Email.trim();
  if (email !== '' && !isPlausibleEmail(email))
    fail('Email', `Email ${quote(email)} is not a valid email address`);

  if (errors.length > 0 || !dob?.ok) return { ok: false, errors };
  return { ok: true, learner: { uln, givenName, familyName, dateOfBirth: dob.value, email: email || null } };
}

function checkName(field: LearnerColumn, raw: string, fail: (field: LearnerColumn, message: string) => void) {
  const name = raw.trim();
  // Code points, so an emoji or a non-BMP letter counts once; only worth counting for long names.
  const length = name.length <= MAX_NAME_LENGTH ? name.length : [...name].length;
  if (length === 0) fail(field, `${field} is required`);
  else if (length > MAX_NAME_LENGTH) {
    fail(field, `${field} must be at most ${MAX_NAME_LENGTH} characters, not ${length}`);
  }
  const control = CONTROL.exec(name);
  if (control) {
    const code = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    fail(field, `${field} contains a control character (U+${code})`);
  }
  return name;
}

/**
 * Syntax only (one @, a dotted domain, no spaces): whether the address exists is learnt when the welcome
 * email bounces, and stricter rules reject real addresses.
 */
export function isPlausibleEmail(email: string): boolean {
  if (email.length > 254 || /\s/.test(email)) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;
  if (local === '' || local.length > 64) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => label !== '');
}
