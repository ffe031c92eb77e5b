import type { Account } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const accountKeys = {
  all: ['admin', 'accounts'] as const,
  list: (query: string) => [...accountKeys.all, 'list', query] as const,
};

/** `GET /api/v1/admin/accounts?query=`: organisation accounts matching the search (all when empty). */
export function getAccounts(
  query: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<{ items: Account[] }> {
  return api.get<{ items: Account[] }>('/v1/admin/accounts', {
    query: { query: query || undefined },
    signal,
  });
}

export const accountsQueryOptions = (query: string) =>
  queryOptions({
    queryKey: accountKeys.list(query),
    queryFn: ({ signal }) => getAccounts(query, { signal }),
    staleTime: 10_000,
  });

export function useAccounts(query: string) {
  return useQuery({ ...accountsQueryOptions(query), placeholderData: keepPreviousData });
}
