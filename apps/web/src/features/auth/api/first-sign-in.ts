import type { Me } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './get-me';

/** `POST /api/v1/me/first-sign-in`: replaces the system-generated password and sets memorable information. */
export function completeFirstSignIn(input: {
  newPassword: string;
  memorableInformation: string;
}): Promise<Me> {
  return api.post<Me>('/v1/me/first-sign-in', input);
}

export function useFirstSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeFirstSignIn,
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me, me);
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}
