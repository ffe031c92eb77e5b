import type { Me } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';

export const authKeys = {
  me: ['me'] as const,
  resetChallenge: (token: string) => ['password-reset', 'challenge', token] as const,
  emailConfirmation: (token: string) => ['me', 'email', 'confirm', token] as const,
};

const isMe = (value: unknown): value is Me =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { role?: unknown }).role === 'string' &&
  typeof (value as { name?: unknown }).name === 'string';

/** `GET /api/v1/me`: who is signed in, or `null` when no one is (a 401 is an answer, not an error). */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me | null> {
  try {
    const me = await api.get<unknown>('/v1/me', { signal });
    return isMe(me) ? me : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
