import type { CatalogueUnitDetail } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogueKeys } from './keys';

/** `GET /api/v1/catalogue/units/:id`: the unit and the qualifications whose current rules use it. */
export const getCatalogueUnit = (id: string, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<CatalogueUnitDetail>(`/v1/catalogue/units/${encodeURIComponent(id)}`, { signal });

export const catalogueUnitQueryOptions = (id: string) =>
  queryOptions({
    queryKey: catalogueKeys.unit(id),
    queryFn: ({ signal }) => getCatalogueUnit(id, { signal }),
    staleTime: 60_000,
  });

export function useCatalogueUnit(id: string) {
  return useQuery(catalogueUnitQueryOptions(id));
}
