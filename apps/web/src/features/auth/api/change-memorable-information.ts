import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './get-me';

/** `PUT /api/v1/me/memorable-information`. */
export function changeMemorableInformation(input: {
  currentPassword: string;
  memorableInformation: string;
}): Promise<void> {
  return api.put<void>('/v1/me/memorable-information', input);
}

/** `hasMemorableInformation` may change, so `me` is refreshed. */
export function useChangeMemorableInformation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMemorableInformation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
