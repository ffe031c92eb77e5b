import type { RecordedAchievementsPage } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { parsePage } from '@/components/ui/pagination';
import { api } from '@/lib/api-client';
import { achievementKeys } from './keys';

export const ACHIEVEMENTS_PAGE_SIZE = 50;

/** What the list shows: a ULN and a URN (or their starts) and a page, as the query string says. */
export interface AchievementsFilter {
  uln: string;
  urn: string;
  page: number;
}

/** Reads `?uln=9276&urn=F/601&page=2`; the API takes at most 10 characters of each. */
export function parseAchievementsFilter(search: URLSearchParams): AchievementsFilter {
  return {
    uln: (search.get('uln') ?? '').replace(/\s+/g, '').slice(0, 10),
    urn: (search.get('urn') ?? '').replace(/\s+/g, '').toUpperCase().slice(0, 10),
    page: parsePage(search.get('page')),
  };
}

/** `GET /api/v1/achievements`: the achievements the organisation recorded, newest first. */
export function getAchievements(filter: AchievementsFilter, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<RecordedAchievementsPage>('/v1/achievements', {
    query: {
      uln: filter.uln || undefined,
      urn: filter.urn || undefined,
      page: filter.page,
      pageSize: ACHIEVEMENTS_PAGE_SIZE,
    },
    signal,
  });
}

export const achievementsQueryOptions = (filter: AchievementsFilter) =>
  queryOptions({
    queryKey: achievementKeys.list(filter),
    queryFn: ({ signal }) => getAchievements(filter, { signal }),
    staleTime: 10_000,
  });

/** Keeps the previous page on screen while another search or page loads. */
export function useAchievements(filter: AchievementsFilter) {
  return useQuery({ ...achievementsQueryOptions(filter), placeholderData: keepPreviousData });
}
