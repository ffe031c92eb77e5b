import type { CentreLearnersPage, LearnerSort } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys, parsePage } from './keys';

export const LEARNERS_PAGE_SIZE = 50;

export const LEARNER_SORTS = [
  'familyName',
  '-familyName',
  'uln',
  '-uln',
  'registeredAt',
  '-registeredAt',
  'dateOfBirth',
  '-dateOfBirth',
] as const satisfies readonly LearnerSort[];

export const DEFAULT_LEARNER_SORT: LearnerSort = 'familyName';

/** What the list shows: a search, an order and a page, as the query string says. */
export interface LearnersFilter {
  q: string;
  sort: LearnerSort;
  page: number;
}

/** Reads `?q=shah&sort=-registeredAt&page=2`; anything unknown falls back to the defaults. */
export function parseLearnersFilter(search: URLSearchParams): LearnersFilter {
  const sort = search.get('sort');
  return {
    q: (search.get('q') ?? '').trim().slice(0, 100),
    sort: (LEARNER_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as LearnerSort)
      : DEFAULT_LEARNER_SORT,
    page: parsePage(search.get('page')),
  };
}

/** `GET /api/v1/learners`: one page of the centre's learners matching `q`, in the order `sort`. */
export function getLearners(
  filter: LearnersFilter,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CentreLearnersPage> {
  return api.get<CentreLearnersPage>('/v1/learners', {
    query: {
      q: filter.q || undefined,
      sort: filter.sort,
      page: filter.page,
      pageSize: LEARNERS_PAGE_SIZE,
    },
    signal,
  });
}

export const learnersQueryOptions = (filter: LearnersFilter) =>
  queryOptions({
    queryKey: learnerKeys.list(filter),
    queryFn: ({ signal }) => getLearners(filter, { signal }),
    staleTime: 10_000,
  });

/** Keeps the previous page on screen while another search, order or page loads. */
export function useLearners(filter: LearnersFilter) {
  return useQuery({ ...learnersQueryOptions(filter), placeholderData: keepPreviousData });
}
