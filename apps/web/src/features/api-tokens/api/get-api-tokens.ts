import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** A token as listed: never its secret, which is shown once, when it is created. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const apiTokenKeys = {
  all: ['me', 'api-tokens'] as const,
};

/** `GET /api/v1/me/api-tokens`. */
export function getApiTokens({ signal }: { signal?: AbortSignal } = {}): Promise<ApiToken[]> {
  return api.get<ApiToken[]>('/v1/me/api-tokens', { signal });
}

export const apiTokensQueryOptions = () =>
  queryOptions({
    queryKey: apiTokenKeys.all,
    queryFn: ({ signal }) => getApiTokens({ signal }),
  });

export function useApiTokens() {
  return useQuery(apiTokensQueryOptions());
}
