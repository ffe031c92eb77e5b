import type { OrganisationSummary } from '@lar/shared/api';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `GET /api/v1/organisations/by-code/:code`: a centre or third party by its code; 404 when there is none. */
export const findOrganisation = (code: string) =>
  api.get<OrganisationSummary>(`/v1/organisations/by-code/${encodeURIComponent(code)}`);

/** A look-up the learner asks for with a button, so a mutation rather than a query. */
export function useFindOrganisation() {
  return useMutation({ mutationFn: findOrganisation });
}
