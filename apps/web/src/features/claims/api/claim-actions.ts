import type { ClaimView } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { claimKeys } from './keys';

/** Centres submit and withdraw; awarding organisations award and reject (with a reason). */
export type ClaimAction = 'submit' | 'withdraw' | 'award' | 'reject';

/** `POST /api/v1/claims/:id/{action}`: 200 with the claim in its new status, 409 when the status no longer allows it. */
export function moveClaim({
  id,
  action,
  reason,
}: {
  id: string;
  action: ClaimAction;
  reason?: string;
}): Promise<ClaimView> {
  const path = `/v1/claims/${encodeURIComponent(id)}/${action}`;
  return action === 'reject' ? api.post<ClaimView>(path, { reason }) : api.post<ClaimView>(path);
}

/**
 * The action, with the claim's new state put into the cache; the lists (and their counts) are
 * refreshed, and after a failure the claim too, since a 409 means the page was out of date.
 */
export function useClaimAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveClaim,
    onSuccess: (claim) => {
      queryClient.setQueryData(claimKeys.claim(claim.id), claim);
    },
    onError: (_error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.claim(id) });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.lists() });
    },
  });
}
