import type { CatalogueQualificationDetail } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogueKeys } from './keys';

/** `GET /api/v1/catalogue/qualifications/:id`: the qualification, its current rules, their units and versions. */
export const getCatalogueQualification = (id: string, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<CatalogueQualificationDetail>(`/v1/catalogue/qualifications/${encodeURIComponent(id)}`, { signal });

export const catalogueQualificationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: catalogueKeys.qualification(id),
    queryFn: ({ signal }) => getCatalogueQualification(id, { signal }),
    staleTime: 60_000,
  });

export function useCatalogueQualification(id: string) {
  return useQuery(catalogueQualificationQueryOptions(id));
}
