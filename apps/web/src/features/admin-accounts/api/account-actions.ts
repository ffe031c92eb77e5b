import type { Account } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { accountKeys } from './get-accounts';

export type AccountAction = 'disable' | 'enable' | 'reset-password';

/**
 * `POST /api/v1/admin/accounts/:id/disable`, `/enable` or `/reset-password` (which emails a new
 * system-generated password). Each answers the account as it now is.
 */
export function runAccountAction({ id, action }: { id: string; action: AccountAction }): Promise<Account> {
  return api.post<Account>(`/v1/admin/accounts/${encodeURIComponent(id)}/${action}`);
}

export function useAccountAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runAccountAction,
    // Not awaited: the row that asked may be gone from the refreshed list before its own callbacks run.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
