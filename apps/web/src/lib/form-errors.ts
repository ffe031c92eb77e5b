import { ApiError } from './api-client';

/** What a form shows after a failed submit: messages by field name, and one for the whole form. */
export interface FormErrors {
  fields: Partial<Record<string, string>>;
  /** A problem that belongs to no one field (wrong password, locked account, service down). */
  general?: string;
}

export const noErrors: FormErrors = { fields: {} };

export const hasErrors = (errors: FormErrors) =>
  Boolean(errors.general) || Object.values(errors.fields).some(Boolean);

/** `body.email`, `/body/email` and `email` all name the input `email`. */
export function fieldName(field: string): string {
  return field.replace(/^\/?body[./]/, '').replace(/^\//, '');
}

function detailsList(details: unknown): { field: string; message: string }[] {
  const list = Array.isArray(details) ? details : details ? [details] : [];
  return list.filter(
    (d): d is { field: string; message: string } =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as { field?: unknown }).field === 'string' &&
      typeof (d as { message?: unknown }).message === 'string',
  );
}

/**
 * Turns an API failure into form errors. Field errors in `details` go to the inputs that `known`
 * lists (the first message for each); anything else becomes the form's general message.
 */
export function formErrorsFrom(
  error: unknown,
  known: readonly string[],
  messages: Partial<Record<string, string>> = {},
): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: SERVICE_PROBLEM };
  const fields: Partial<Record<string, string>> = {};
  for (const { field, message } of detailsList(error.details)) {
    const name = fieldName(field);
    if (known.includes(name) && !fields[name]) fields[name] = message;
  }
  if (Object.keys(fields).length > 0) return { fields };
  const own = messages[error.code];
  if (own) return { fields: {}, general: own };
  if (error.status >= 400 && error.status < 500) return { fields: {}, general: error.message };
  return { fields: {}, general: SERVICE_PROBLEM };
}

export const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';

/** Reads a submitted form's text fields, trimmed unless listed in `untrimmed` (passwords). */
export function readForm(form: HTMLFormElement, untrimmed: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string') values[key] = untrimmed.includes(key) ? value : value.trim();
  }
  return values;
}

/** Only addresses inside the app, so `?next=` cannot send anyone to another site. */
export function safeNext(next: string | null | undefined): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : undefined;
}

export const PASSWORD_HINT =
  'Your password must be at least 10 characters long. Do not use a common password, or your User ID or ULN.';

export const MEMORABLE_INFORMATION_HINT =
  'Between 6 and 50 characters: letters, numbers and spaces. When you reset your password we will ask you for 3 of its characters.';

/** The client-side password checks; the API checks common passwords. */
export function checkNewPassword(
  values: Record<string, string>,
  fields: Partial<Record<string, string>>,
  names = { password: 'newPassword', confirm: 'confirmPassword' },
) {
  const password = values[names.password] ?? '';
  if (!password) fields[names.password] = 'Enter a new password';
  else if (password.length < 10) fields[names.password] = 'Your password must be at least 10 characters long';
  if (password && !fields[names.password]) {
    if (!values[names.confirm]) fields[names.confirm] = 'Confirm your new password';
    else if (values[names.confirm] !== password) fields[names.confirm] = 'The passwords do not match';
  }
}

export function checkMemorableInformation(value: string | undefined): string | undefined {
  const text = value ?? '';
  if (!text) return 'Enter your memorable information';
  if (text.length < 6 || text.length > 50) return 'Memorable information must be between 6 and 50 characters';
  if (!/^[A-Za-z0-9 ]+$/.test(text))
    return 'Memorable information must only include letters, numbers and spaces';
  return undefined;
}
