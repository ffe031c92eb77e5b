import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `GET /api/health`: whether the service and its database are up. */
export interface Health {
  status: 'ok' | 'degraded';
  database: { reachable: boolean; latencyMs: number };
  version: string;
}

export function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<Health> {
  return api.get<Health>('/health', { signal });
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth({ signal }),
    staleTime: 30_000,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
