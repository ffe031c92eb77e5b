import type { AccountRequest, AccountRequestInput } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { accountRequestKeys } from './get-account-requests';

/** `POST /api/v1/account-requests`: the public "request access" form. */
export function createAccountRequest(input: AccountRequestInput): Promise<AccountRequest> {
  return api.post<AccountRequest>('/v1/account-requests', input);
}

export function useCreateAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccountRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountRequestKeys.all }),
  });
}
