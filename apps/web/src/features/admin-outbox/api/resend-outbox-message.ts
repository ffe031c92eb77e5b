import type { OutboxMessageDetail } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { outboxKeys } from './get-outbox';

/** `POST /api/v1/admin/outbox/:id/resend`: puts a failed or sent message back in the queue. */
export function resendOutboxMessage(id: string): Promise<OutboxMessageDetail> {
  return api.post<OutboxMessageDetail>(`/v1/admin/outbox/${encodeURIComponent(id)}/resend`);
}

/**
 * On success the message's own query takes the answer at once; every outbox query (the lists,
 * whose counts change, and this message) is then refreshed. A 409 means the message is already
 * waiting, so its status on screen is out of date: that is refreshed too.
 */
export function useResendOutboxMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resendOutboxMessage(id),
    onSuccess: (message) => {
      queryClient.setQueryData(outboxKeys.message(id), message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
