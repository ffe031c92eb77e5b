import type { OutboxMessageDetail } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { outboxKeys } from './get-outbox';

/** `GET /api/v1/admin/outbox/:id`: one message with its plain-text and HTML parts. */
export function getOutboxMessage(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<OutboxMessageDetail> {
  return api.get<OutboxMessageDetail>(`/v1/admin/outbox/${encodeURIComponent(id)}`, { signal });
}

export const outboxMessageQueryOptions = (id: string) =>
  queryOptions({
    queryKey: outboxKeys.message(id),
    queryFn: ({ signal }) => getOutboxMessage(id, { signal }),
    staleTime: 10_000,
  });

export function useOutboxMessage(id: string) {
  return useQuery(outboxMessageQueryOptions(id));
}
