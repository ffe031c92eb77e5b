import type { Me } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './get-me';

export type SignInInput =
  | { kind: 'user'; userId: string; password: string }
  | { kind: 'learner'; uln: string; password: string };

/** `POST /api/v1/auth/sign-in` or `/learner-sign-in`: sets the session cookies and answers `Me`. */
export function signIn(input: SignInInput): Promise<Me> {
  if (input.kind === 'learner') {
    return api.post<Me>('/v1/auth/learner-sign-in', { uln: input.uln, password: input.password });
  }
  return api.post<Me>('/v1/auth/sign-in', { userId: input.userId, password: input.password });
}

/** On success everything cached for the previous visitor is dropped and `me` is the new session. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}
