import type { SelectLarBody, SelectLarResponse } from '@lar/shared/api';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';

/** The 401s that are about the password entered on the form, not about the session. */
const PASSWORD_PROBLEMS = new Set(['INVALID_CREDENTIALS', 'SIGN_IN_LOCKED']);

async function post(body: SelectLarBody): Promise<Response> {
  try {
    return await fetch('/api/v1/select-lar', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The service could not be reached.' });
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => undefined)) as
    | { error?: { code?: unknown; message?: unknown; details?: unknown } }
    | undefined;
  const error = payload?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      status: response.status,
      code: error.code,
      message: error.message,
      details: error.details,
    });
  }
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: 'The service returned an unexpected response.',
  });
}

/**
 * `POST /api/v1/select-lar`: the sections of a learner's record the learner lets the viewer's
 * organisation see. The viewer's password is sent again, so this does not go through `api.post`: its
 * refresh-and-retry on a 401 would send a wrong password twice (each counts toward the lock) and end
 * the session. Only a 401 about the session (an expired access cookie) is refreshed and retried.
 */
export async function selectLar(body: SelectLarBody): Promise<SelectLarResponse> {
  let response = await post(body);
  if (response.status === 401) {
    const error = await errorFrom(response.clone());
    if (PASSWORD_PROBLEMS.has(error.code)) throw error;
    const refreshed = await api.post('/v1/auth/refresh').then(
      () => true,
      () => false,
    );
    if (!refreshed) throw error;
    response = await post(body);
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as SelectLarResponse;
}

/** The answer is never cached: each look is a new view, recorded in the learner's access log. */
export function useSelectLar() {
  return useMutation({ mutationFn: selectLar });
}
