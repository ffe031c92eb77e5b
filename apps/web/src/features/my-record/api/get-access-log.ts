import type { AccessLogView } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myRecordKeys } from './keys';

export const ACCESS_LOG_PAGE_SIZE = 20;

export interface AccessLogPage {
  items: AccessLogView[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /api/v1/me/access-log`: who viewed the learner's record, newest first, a page at a time. */
export const getAccessLog = ({ page, signal }: { page: number; signal?: AbortSignal }) =>
  api.get<AccessLogPage>('/v1/me/access-log', { query: { page, pageSize: ACCESS_LOG_PAGE_SIZE }, signal });

export const accessLogQueryOptions = (page: number) =>
  queryOptions({
    queryKey: myRecordKeys.accessLog(page),
    queryFn: ({ signal }) => getAccessLog({ page, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export function useAccessLog(page: number) {
  return useQuery(accessLogQueryOptions(page));
}
