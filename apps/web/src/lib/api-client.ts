/**
 * The one way the app talks to the API: JSON in and out, the session cookie sent along
 * (`credentials: 'same-origin'`), every failure turned into an `ApiError`, an expired session refreshed
 * once, and every 401 that remains reported to a single handler (the app clears the session with it).
 */

const API_BASE = '/api';

/** A failed call. `status` is 0 when the API could not be reached at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(options: { status: number; code: string; message: string; details?: unknown }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }
}

type UnauthorizedHandler = (error: ApiError) => void;
let unauthorizedHandler: UnauthorizedHandler | undefined;

/** Sets what happens when the API answers 401 (e.g. go to sign-in). Returns a function that unsets it. */
export function onUnauthorized(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = undefined;
  };
}

type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

function urlFor(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError({ status, code, message, details });
  }
  return new ApiError({
    status,
    code: `HTTP_${status}`,
    message: 'The service returned an unexpected response.',
  });
}

const REFRESH_PATH = '/v1/auth/refresh';

/** Sign-in, refresh and the other `/v1/auth/*` calls answer 401 for their own reasons: never refresh for them. */
const refreshes = (path: string) => !path.startsWith('/v1/auth/');

let refreshing: Promise<boolean> | undefined;

/**
 * Asks for a new access cookie with the refresh cookie. Calls that fail together share one refresh,
 * since the refresh cookie is rotated and may be used only once.
 */
function refreshSession(): Promise<boolean> {
  refreshing ??= send(REFRESH_PATH, { method: 'POST' })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(urlFor(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
}

/**
 * Calls `/api{path}` and resolves with the parsed JSON body, or rejects with an `ApiError`.
 * A 401 (the 15-minute access cookie has expired) is answered by one refresh and one retry; only
 * when that fails too is the 401 reported to the handler.
 */
async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await sendOrFail(path, options);
  if (response.status === 401 && refreshes(path) && (await refreshSession())) {
    response = await sendOrFail(path, options);
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const error = toApiError(response.status, payload);
  if (response.status === 401 && refreshes(path)) unauthorizedHandler?.(error);
  throw error;
}

async function sendOrFail(path: string, options: RequestOptions): Promise<Response> {
  try {
    return await send(path, options);
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The service could not be reached.' });
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
