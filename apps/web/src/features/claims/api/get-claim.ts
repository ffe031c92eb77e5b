import type { ClaimView } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { claimKeys } from './keys';

/** `GET /api/v1/claims/:id`: one claim with the units that achieve it (404 for one the user may not see). */
export const getClaim = (id: string, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<ClaimView>(`/v1/claims/${encodeURIComponent(id)}`, { signal });

export const claimQueryOptions = (id: string) =>
  queryOptions({
    queryKey: claimKeys.claim(id),
    queryFn: ({ signal }) => getClaim(id, { signal }),
    staleTime: 5_000,
  });

export function useClaim(id: string) {
  return useQuery(claimQueryOptions(id));
}
