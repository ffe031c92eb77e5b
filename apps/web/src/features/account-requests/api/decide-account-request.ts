import type { AccountRequest } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { accountRequestKeys } from './get-account-requests';

/** `POST /api/v1/admin/account-requests/:id/approve`: creates the account and emails its User ID and password. */
export function approveAccountRequest(id: string): Promise<AccountRequest> {
  return api.post<AccountRequest>(`/v1/admin/account-requests/${encodeURIComponent(id)}/approve`);
}

/** `POST /api/v1/admin/account-requests/:id/decline` with the reason, which is emailed to the requester. */
export function declineAccountRequest({
  id,
  reason,
}: {
  id: string;
  reason: string;
}): Promise<AccountRequest> {
  return api.post<AccountRequest>(`/v1/admin/account-requests/${encodeURIComponent(id)}/decline`, { reason });
}

/** Every tab's list changes (and a 409 means the list on screen is out of date), so all are refreshed. */
export function useApproveAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveAccountRequest,
    // Not awaited: the row that asked may be gone from the refreshed list before its own callbacks run.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: accountRequestKeys.all });
    },
  });
}

export function useDeclineAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineAccountRequest,
    // Not awaited: the row that asked may be gone from the refreshed list before its own callbacks run.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: accountRequestKeys.all });
    },
  });
}
