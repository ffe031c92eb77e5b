import { ApiError, api } from './api-client';

/** How much of the file has been sent: `loaded` of `total` bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** What a 413 without the API's own error body says (a proxy may answer before the API does). */
  tooLargeMessage?: string;
}

interface XhrResult {
  status: number;
  body: unknown;
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One `POST` of the file as `multipart/form-data` (field `file`), through XMLHttpRequest: unlike fetch,
 * it reports how much of the request body has been sent. The session cookie goes along (same origin).
 */
function send(
  url: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal | undefined,
): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, body: parse(xhr.responseText) });
    };
    xhr.onerror = () => {
      done();
      reject(
        new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The service could not be reached.' }),
      );
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException('The upload was cancelled.', 'AbortError'));
    };
    xhr.send(body);
  });
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

function toApiError(result: XhrResult, tooLargeMessage: string): ApiError {
  if (isErrorBody(result.body)) return new ApiError({ status: result.status, ...result.body.error });
  if (result.status === 413) {
    return new ApiError({ status: 413, code: 'FILE_TOO_LARGE', message: tooLargeMessage });
  }
  return new ApiError({
    status: result.status,
    code: `HTTP_${result.status}`,
    message: 'The service returned an unexpected response.',
  });
}

/**
 * Uploads `file` to `/api{path}` and resolves with the parsed JSON answer, or rejects with an
 * `ApiError`. A 401 (the access cookie has expired) is answered as the API client answers it:
 * `GET /v1/me` through the client refreshes the session once (sharing a refresh already under way, and
 * ending the session in the app when it cannot), then the upload is tried once more.
 */
export async function uploadFile<T>(
  path: string,
  file: File,
  { onProgress = () => {}, signal, tooLargeMessage = 'The selected file is too large.' }: UploadOptions = {},
): Promise<T> {
  const url = `/api${path}`;
  let result = await send(url, file, onProgress, signal);
  if (result.status === 401) {
    const signedIn = await api.get<unknown>('/v1/me', { signal }).then(
      () => true,
      () => false,
    );
    if (signedIn) {
      onProgress({ loaded: 0, total: file.size });
      result = await send(url, file, onProgress, signal);
    }
  }
  if (result.status >= 200 && result.status < 300) return result.body as T;
  throw toApiError(result, tooLargeMessage);
}
