import type { FieldError } from '@lar/shared/api';
import commonPasswords from 'fxa-common-password-list';

/**
 * The password rules: at least 10 characters, not a common password (Mozilla's list from the
 * 10-million-password corpus), and not the person's User ID or ULN. Returns the problem, if any.
 */
export function passwordProblem(password: string, signInId: string): string | undefined {
  if (password.length < 10) return 'Password must be at least 10 characters';
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  const lower = password.toLowerCase();
  if (lower.includes(signInId.toLowerCase())) return 'Password must not contain your User ID or ULN';
  if (commonPasswords.test(password) || commonPasswords.test(lower)) {
    return 'Password is too common: choose one that other people are unlikely to use';
  }
  return undefined;
}

/** Memorable information: 6–50 letters, digits or spaces, so any 3 positions can be asked back. */
export function memorableInformationProblem(value: string): string | undefined {
  if (!/^[A-Za-z0-9 ]{6,50}$/.test(value)) {
    return 'Memorable information must be 6 to 50 letters, digits or spaces';
  }
  return undefined;
}

export const fieldError = (field: string, message: string): FieldError[] => [{ field, message }];
