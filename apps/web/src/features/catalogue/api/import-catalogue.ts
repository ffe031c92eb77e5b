import type { CatalogueImportBody, CatalogueImportSummary } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogueKeys } from './keys';

/** The API's limit on a catalogue file; checked here too, so a big file fails before it is sent. */
export const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;

/**
 * `POST /api/v1/catalogue/imports`: the file's content, and for an administrator the awarding
 * organisation's code. 201 for an import, 200 with `alreadyImported` for content imported before.
 */
export const importCatalogue = (body: CatalogueImportBody) =>
  api.post<CatalogueImportSummary>('/v1/catalogue/imports', body);

/** Imports, then refreshes every catalogue page already loaded. */
export function useImportCatalogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCatalogue,
    onSuccess: (summary) => {
      if (!summary.alreadyImported) void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
}
