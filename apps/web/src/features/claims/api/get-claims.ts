import type { ClaimSort, ClaimStatus, ClaimsPage, Role } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { parsePage } from '@/components/ui/pagination';
import { api } from '@/lib/api-client';
import { type ClaimsFilter, claimKeys } from './keys';

export type { ClaimsFilter } from './keys';

export const CLAIMS_PAGE_SIZE = 50;

export const CLAIM_SORTS = [
  '-evaluatedAt',
  'evaluatedAt',
  'learner',
  '-learner',
  'qualification',
  '-qualification',
  'status',
  '-status',
] as const satisfies readonly ClaimSort[];

export const DEFAULT_CLAIM_SORT = '-evaluatedAt';

/**
 * The statuses each role can see, in the order the filter lists them. An awarding organisation sees a
 * claim once a centre has submitted it.
 */
export const claimStatusesFor = (role: Role | undefined): readonly ClaimStatus[] =>
  role === 'awarding_organisation'
    ? ['SUBMITTED', 'AWARDED', 'REJECTED', 'WITHDRAWN']
    : ['POSSIBLE', 'SUBMITTED', 'AWARDED', 'REJECTED', 'NO_LONGER_ACHIEVABLE', 'WITHDRAWN'];

/** What each role works on first: centres the possible claims, awarding organisations the submitted ones. */
export const defaultClaimStatus = (role: Role | undefined): ClaimStatus =>
  role === 'awarding_organisation' ? 'SUBMITTED' : 'POSSIBLE';

/**
 * Reads `?status=SUBMITTED&qualification=500/&learner=shah&sort=learner&page=2`. No status is the
 * role's default; `status=all` is every status; anything unknown falls back to the defaults.
 */
export function parseClaimsFilter(search: URLSearchParams, role: Role | undefined): ClaimsFilter {
  const status = search.get('status') ?? '';
  const sort = search.get('sort') ?? '';
  return {
    status:
      status === 'all'
        ? 'all'
        : (claimStatusesFor(role) as readonly string[]).includes(status)
          ? (status as ClaimStatus)
          : defaultClaimStatus(role),
    qualification: (search.get('qualification') ?? '').trim().slice(0, 100),
    learner: (search.get('learner') ?? '').trim().slice(0, 100),
    sort: (CLAIM_SORTS as readonly string[]).includes(sort) ? sort : DEFAULT_CLAIM_SORT,
    page: parsePage(search.get('page')),
  };
}

/** The API's query for a filter (without the page for the export). */
function claimsQuery(filter: ClaimsFilter) {
  return {
    status: filter.status === 'all' ? undefined : filter.status,
    qualification: filter.qualification || undefined,
    learner: filter.learner || undefined,
    sort: filter.sort,
  };
}

/** The address of the CSV of every claim matching the filter, which the browser downloads itself. */
export function claimsExportHref(filter: ClaimsFilter): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(claimsQuery(filter))) if (value) search.set(key, value);
  const qs = search.toString();
  return `/api/v1/claims/export.csv${qs ? `?${qs}` : ''}`;
}

/** `GET /api/v1/claims`: one page of claims, with the counts by status. */
export function getClaims(filter: ClaimsFilter, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<ClaimsPage>('/v1/claims', {
    query: { ...claimsQuery(filter), page: filter.page, pageSize: CLAIMS_PAGE_SIZE },
    signal,
  });
}

export const claimsQueryOptions = (filter: ClaimsFilter) =>
  queryOptions({
    queryKey: claimKeys.list(filter),
    queryFn: ({ signal }) => getClaims(filter, { signal }),
    staleTime: 10_000,
  });

/** Keeps the previous page on screen while another filter, order or page loads. */
export function useClaims(filter: ClaimsFilter) {
  return useQuery({ ...claimsQueryOptions(filter), placeholderData: keepPreviousData });
}
