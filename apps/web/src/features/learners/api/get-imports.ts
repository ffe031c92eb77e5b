import type { ImportReportPage, ImportRowOutcome, LearnerImport, LearnerImportsPage } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys, parsePage } from './keys';

export const IMPORTS_PAGE_SIZE = 20;
export const REPORT_PAGE_SIZE = 50;
/** How often a running import is asked about: often enough for a smooth progress bar. */
export const POLL_INTERVAL_MS = 1_000;

export const IMPORT_ROW_OUTCOMES = [
  'created',
  'registered',
  'alreadyRegistered',
  'rejected',
] as const satisfies readonly ImportRowOutcome[];

/** Still to finish: the page asks again until it has. */
export const isRunning = (learnerImport: LearnerImport | undefined) =>
  learnerImport?.status === 'QUEUED' || learnerImport?.status === 'PROCESSING';

const importPath = (importId: string) => `/v1/learners/imports/${encodeURIComponent(importId)}`;

/** `GET /api/v1/learners/imports`: the centre's uploads, newest first. */
export function getImports(page: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<LearnerImportsPage>('/v1/learners/imports', {
    query: { page, pageSize: IMPORTS_PAGE_SIZE },
    signal,
  });
}

export const importsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: learnerKeys.importList(page),
    queryFn: ({ signal }) => getImports(page, { signal }),
    staleTime: 5_000,
  });

/** The list of uploads; asked again every few seconds while one of them is still running. */
export function useImports(page: number) {
  return useQuery({
    ...importsQueryOptions(page),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? POLL_INTERVAL_MS * 3 : false),
  });
}

/** `GET /api/v1/learners/imports/:importId`: one upload, with its progress and counts. */
export function getImport(importId: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<LearnerImport>(importPath(importId), { signal });
}

export const importQueryOptions = (importId: string) =>
  queryOptions({
    queryKey: learnerKeys.import(importId),
    queryFn: ({ signal }) => getImport(importId, { signal }),
    staleTime: 1_000,
  });

/** One upload, polled about every second while it is queued or processing. */
export function useImport(importId: string) {
  return useQuery({
    ...importQueryOptions(importId),
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_INTERVAL_MS : false),
    // A background tab still finishes: the person comes back to the report, not a stale bar.
    refetchIntervalInBackground: true,
  });
}

/** Which report rows the page shows: an outcome (or all) and a page, as the query string says. */
export interface ReportFilter {
  outcome?: ImportRowOutcome;
  page: number;
}

/** Reads `?outcome=rejected&page=2`; anything unknown falls back to all rows, page 1. */
export function parseReportFilter(search: URLSearchParams): ReportFilter {
  const outcome = search.get('outcome');
  return {
    ...((IMPORT_ROW_OUTCOMES as readonly string[]).includes(outcome ?? '') && {
      outcome: outcome as ImportRowOutcome,
    }),
    page: parsePage(search.get('page')),
  };
}

/** `GET /api/v1/learners/imports/:importId/report`: what happened to each row, in file order. */
export function getImportReport(
  importId: string,
  filter: ReportFilter,
  { signal }: { signal?: AbortSignal } = {},
) {
  return api.get<ImportReportPage>(`${importPath(importId)}/report`, {
    query: { page: filter.page, pageSize: REPORT_PAGE_SIZE, outcome: filter.outcome },
    signal,
  });
}

export const importReportQueryOptions = (importId: string, filter: ReportFilter) =>
  queryOptions({
    queryKey: learnerKeys.report(importId, filter),
    queryFn: ({ signal }) => getImportReport(importId, filter, { signal }),
    // A finished report never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useImportReport(importId: string, filter: ReportFilter, { enabled }: { enabled: boolean }) {
  return useQuery({
    ...importReportQueryOptions(importId, filter),
    // The previous page or filter stays on screen while the next loads, but never another upload's rows.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[3] === importId ? keepPreviousData(previous) : undefined,
    enabled,
  });
}
