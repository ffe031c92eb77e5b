import type { LearnerImportUpload } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';
import { learnerKeys } from './keys';

const UPLOAD_URL = '/api/v1/learners/imports';

/** The API's limit on a learners file; checked here too, so a big file fails before it is sent. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 100_000;

/** How much of the file has been sent: `loaded` of `total` bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
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
 * One `POST` of the file as `multipart/form-data`, through XMLHttpRequest: unlike fetch, it reports
 * how much of the request body has been sent. The session cookie goes along (same origin).
 */
function send(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal | undefined,
): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.open('POST', UPLOAD_URL);
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

function toApiError(result: XhrResult): ApiError {
  if (isErrorBody(result.body)) return new ApiError({ status: result.status, ...result.body.error });
  if (result.status === 413) {
    return new ApiError({
      status: 413,
      code: 'FILE_TOO_LARGE',
      message: 'The selected file must be smaller than 20 MB.',
    });
  }
  return new ApiError({
    status: result.status,
    code: `HTTP_${result.status}`,
    message: 'The service returned an unexpected response.',
  });
}

/**
 * `POST /api/v1/learners/imports` with the file in the field `file`: 202 for a new file, 200 with
 * `alreadyProcessed` for a file this centre uploaded before. A 401 (the access cookie has expired) is
 * answered as the API client answers it: `GET /v1/me` through the client refreshes the session once
 * (sharing a refresh already under way, and ending the session in the app when it cannot), then the
 * upload is tried once more.
 */
export async function uploadLearners(
  file: File,
  {
    onProgress = () => {},
    signal,
  }: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<LearnerImportUpload> {
  let result = await send(file, onProgress, signal);
  if (result.status === 401) {
    const signedIn = await api.get<unknown>('/v1/me', { signal }).then(
      () => true,
      () => false,
    );
    if (signedIn) {
      onProgress({ loaded: 0, total: file.size });
      result = await send(file, onProgress, signal);
    }
  }
  if (result.status >= 200 && result.status < 300) return result.body as LearnerImportUpload;
  throw toApiError(result);
}

/** The upload, with what it answers put into the cache, and the list of uploads refreshed. */
export function useUploadLearners() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      onProgress,
      signal,
    }: {
      file: File;
      onProgress?: (progress: UploadProgress) => void;
      signal?: AbortSignal;
    }) => uploadLearners(file, { onProgress, signal }),
    onSuccess: (upload) => {
      queryClient.setQueryData(learnerKeys.import(upload.import.id), upload.import);
      void queryClient.invalidateQueries({ queryKey: learnerKeys.importLists() });
    },
  });
}
