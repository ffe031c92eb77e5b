import type { QueryClient } from '@tanstack/react-query';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './get-me';

/** `POST /api/v1/me/email/confirm`: the link from the email; works signed in or not. */
export function confirmEmail(token: string): Promise<void> {
  return api.post<void>('/v1/me/email/confirm', { token });
}

/**
 * A query rather than a mutation: the page confirms on load, exactly once per token, however
 * often it renders. Once confirmed, `me` is refreshed to show the new address.
 */
export const confirmEmailQueryOptions = (token: string, queryClient: QueryClient) =>
  queryOptions({
    queryKey: authKeys.emailConfirmation(token),
    queryFn: async () => {
      await confirmEmail(token);
      void queryClient.invalidateQueries({ queryKey: authKeys.me, exact: true });
      return true;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export function useConfirmEmail(token: string) {
  const queryClient = useQueryClient();
  return useQuery({ ...confirmEmailQueryOptions(token, queryClient), enabled: token !== '' });
}
