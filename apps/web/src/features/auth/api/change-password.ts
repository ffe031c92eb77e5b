import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `POST /api/v1/me/password`. */
export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/v1/me/password', input);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
