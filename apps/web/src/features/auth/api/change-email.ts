import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `POST /api/v1/me/email`: emails a confirmation link to the new address; the email changes once it is followed. */
export function changeEmail(input: {
  currentPassword: string;
  newEmail: string;
}): Promise<{ message: string }> {
  return api.post<{ message: string }>('/v1/me/email', input);
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
