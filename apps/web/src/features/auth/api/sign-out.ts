import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './get-me';

/** `POST /api/v1/auth/sign-out`: clears the session cookies. */
export function signOut(): Promise<void> {
  return api.post<void>('/v1/auth/sign-out');
}

/** Signed out locally even if the call fails: nothing of the session stays on screen. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}
