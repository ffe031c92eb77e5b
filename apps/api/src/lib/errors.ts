/**
 * The one error type services throw. The error handler maps `code` to an HTTP status; the message
 * is for people and is returned as is (so it must never carry secrets or internals).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** HTTP status for each error code; codes not listed are 400. */
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  INVALID_CREDENTIALS: 401,
  SIGN_IN_LOCKED: 401,
  CURRENT_PASSWORD_WRONG: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_PROCESSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  CSV_TOO_MANY_ROWS: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}
