import type { GrantPermissionBody, PermissionView } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { permissionKeys } from './keys';

/** `POST /api/v1/me/permissions`: one permission per section (an existing one gets the new expiry). */
export const grantPermissions = (body: GrantPermissionBody) =>
  api.post<PermissionView[]>('/v1/me/permissions', body);

/** `PATCH /api/v1/me/permissions/:id`: a new last day of access. */
export const changePermissionExpiry = ({ id, expiresOn }: { id: string; expiresOn: string }) =>
  api.patch<PermissionView>(`/v1/me/permissions/${encodeURIComponent(id)}`, { expiresOn });

/** `DELETE /api/v1/me/permissions/:id`: 204; the permission stays in the list as revoked. */
export const revokePermission = (id: string) =>
  api.delete<void>(`/v1/me/permissions/${encodeURIComponent(id)}`);

function useRefreshingMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: permissionKeys.list() }),
  });
}

export const useGrantPermissions = () => useRefreshingMutation(grantPermissions);
export const useChangePermissionExpiry = () => useRefreshingMutation(changePermissionExpiry);
export const useRevokePermission = () => useRefreshingMutation(revokePermission);
