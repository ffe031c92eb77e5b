import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiTokenKeys } from './get-api-tokens';

/** `DELETE /api/v1/me/api-tokens/:id`: the token stops working at once. */
export function revokeApiToken(id: string): Promise<void> {
  return api.delete<void>(`/v1/me/api-tokens/${encodeURIComponent(id)}`);
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    // Not awaited: the row that asked may be gone from the refreshed list before its own callbacks run.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
  });
}
