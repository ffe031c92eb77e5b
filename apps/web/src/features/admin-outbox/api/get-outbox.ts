import type { OutboxPage, OutboxStatus } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const OUTBOX_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const satisfies readonly OutboxStatus[];
export const OUTBOX_PAGE_SIZE = 50;

/** Which messages the list shows: a status (or all) and a page, as the query string says. */
export interface OutboxFilter {
  status?: OutboxStatus;
  page: number;
}

/** Reads `?status=FAILED&page=2`; anything unknown falls back to all messages, page 1. */
export function parseOutboxFilter(search: URLSearchParams): OutboxFilter {
  const status = search.get('status');
  const page = Number(search.get('page'));
  return {
    ...(OUTBOX_STATUSES.includes(status as OutboxStatus) && { status: status as OutboxStatus }),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Every outbox query key starts with `outboxKeys.all`, so one invalidation refreshes them all. */
export const outboxKeys = {
  all: ['admin', 'outbox'] as const,
  lists: () => [...outboxKeys.all, 'list'] as const,
  list: ({ status, page }: OutboxFilter) =>
    [...outboxKeys.lists(), { status: status ?? null, page }] as const,
  message: (id: string) => [...outboxKeys.all, 'message', id] as const,
};

/** `GET /api/v1/admin/outbox`: one page of messages, newest first, with counts by status. */
export function getOutbox(
  filter: OutboxFilter,
  { signal }: { signal?: AbortSignal } = {},
): Promise<OutboxPage> {
  return api.get<OutboxPage>('/v1/admin/outbox', {
    query: { status: filter.status, page: filter.page, pageSize: OUTBOX_PAGE_SIZE },
    signal,
  });
}

export const outboxQueryOptions = (filter: OutboxFilter) =>
  queryOptions({
    queryKey: outboxKeys.list(filter),
    queryFn: ({ signal }) => getOutbox(filter, { signal }),
    staleTime: 10_000,
  });

/** Keeps the previous page on screen while another filter or page loads. */
export function useOutbox(filter: OutboxFilter) {
  return useQuery({ ...outboxQueryOptions(filter), placeholderData: keepPreviousData });
}
