import type { CatalogueQualificationsPage, CatalogueUnitsPage } from '@lar/shared/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogueKeys, isLevel } from './keys';

export const CATALOGUE_PAGE_SIZE = 50;

export type CatalogueTab = 'qualifications' | 'units';

/** What the catalogue page shows: qualifications or units, a search, a level and a page. */
export interface CatalogueFilter {
  tab: CatalogueTab;
  q: string;
  /** A level (`E1` … `8`), or '' for every level. */
  level: string;
  page: number;
}

/** A positive whole page number from the query string; anything else is page 1. */
function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Reads `?tab=units&q=business&level=2&page=2`; anything unknown falls back to the defaults. */
export function parseCatalogueFilter(search: URLSearchParams): CatalogueFilter {
  const level = search.get('level');
  return {
    tab: search.get('tab') === 'units' ? 'units' : 'qualifications',
    q: (search.get('q') ?? '').trim().slice(0, 100),
    level: isLevel(level) ? level : '',
    page: parsePage(search.get('page')),
  };
}

const query = (filter: CatalogueFilter) => ({
  q: filter.q || undefined,
  level: filter.level || undefined,
  page: filter.page,
  pageSize: CATALOGUE_PAGE_SIZE,
});

/** `GET /api/v1/catalogue/qualifications`: one page of the qualifications matching the filter. */
export const getCatalogueQualifications = (
  filter: CatalogueFilter,
  { signal }: { signal?: AbortSignal } = {},
) => api.get<CatalogueQualificationsPage>('/v1/catalogue/qualifications', { query: query(filter), signal });

/** `GET /api/v1/catalogue/units`: one page of the units matching the filter. */
export const getCatalogueUnits = (filter: CatalogueFilter, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<CatalogueUnitsPage>('/v1/catalogue/units', { query: query(filter), signal });

const listKey = ({ q, level, page }: CatalogueFilter) => ({ q, level, page });

export const catalogueQualificationsQueryOptions = (filter: CatalogueFilter) =>
  queryOptions({
    queryKey: catalogueKeys.qualificationList(listKey(filter)),
    queryFn: ({ signal }) => getCatalogueQualifications(filter, { signal }),
    staleTime: 60_000,
  });

export const catalogueUnitsQueryOptions = (filter: CatalogueFilter) =>
  queryOptions({
    queryKey: catalogueKeys.unitList(listKey(filter)),
    queryFn: ({ signal }) => getCatalogueUnits(filter, { signal }),
    staleTime: 60_000,
  });

/** Keeps the previous page on screen while another search, level or page loads. */
export function useCatalogueQualifications(filter: CatalogueFilter, enabled = true) {
  return useQuery({
    ...catalogueQualificationsQueryOptions(filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCatalogueUnits(filter: CatalogueFilter, enabled = true) {
  return useQuery({ ...catalogueUnitsQueryOptions(filter), placeholderData: keepPreviousData, enabled });
}
