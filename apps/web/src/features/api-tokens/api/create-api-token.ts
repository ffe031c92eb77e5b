import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type ApiToken, apiTokenKeys } from './get-api-tokens';

export interface NewApiToken extends ApiToken {
  /** The secret: in this answer only. */
  token: string;
}

/** `POST /api/v1/me/api-tokens`. */
export function createApiToken(input: { name: string }): Promise<NewApiToken> {
  return api.post<NewApiToken>('/v1/me/api-tokens', input);
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    // Not awaited: the row that asked may be gone from the refreshed list before its own callbacks run.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
  });
}
