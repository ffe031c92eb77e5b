import type { PermissionView } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { permissionKeys } from './keys';

/** `GET /api/v1/me/permissions`: every permission the learner has given, revoked and expired ones too. */
export const getPermissions = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<PermissionView[]>('/v1/me/permissions', { signal });

export const permissionsQueryOptions = () =>
  queryOptions({
    queryKey: permissionKeys.list(),
    queryFn: ({ signal }) => getPermissions({ signal }),
    staleTime: 10_000,
  });

export function usePermissions() {
  return useQuery(permissionsQueryOptions());
}
