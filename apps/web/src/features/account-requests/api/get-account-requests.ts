import type { AccountRequest } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type AccountRequestStatus = AccountRequest['status'];
export const ACCOUNT_REQUEST_STATUSES = [
  'PENDING',
  'APPROVED',
  'DECLINED',
] as const satisfies readonly AccountRequestStatus[];

/** `?status=APPROVED`; anything else is the Pending tab. */
export function parseAccountRequestStatus(search: URLSearchParams): AccountRequestStatus {
  const status = search.get('status');
  return ACCOUNT_REQUEST_STATUSES.includes(status as AccountRequestStatus)
    ? (status as AccountRequestStatus)
    : 'PENDING';
}

export const accountRequestKeys = {
  all: ['admin', 'account-requests'] as const,
  list: (status: AccountRequestStatus) => [...accountRequestKeys.all, 'list', status] as const,
};

/** `GET /api/v1/admin/account-requests?status=`. */
export function getAccountRequests(
  status: AccountRequestStatus,
  { signal }: { signal?: AbortSignal } = {},
): Promise<{ items: AccountRequest[] }> {
  return api.get<{ items: AccountRequest[] }>('/v1/admin/account-requests', { query: { status }, signal });
}

export const accountRequestsQueryOptions = (status: AccountRequestStatus) =>
  queryOptions({
    queryKey: accountRequestKeys.list(status),
    queryFn: ({ signal }) => getAccountRequests(status, { signal }),
    staleTime: 10_000,
  });

export function useAccountRequests(status: AccountRequestStatus) {
  return useQuery(accountRequestsQueryOptions(status));
}
