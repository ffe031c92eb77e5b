import type { RecordedAchievement } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { achievementKeys } from './keys';

/** `POST /api/v1/achievements/:id/withdraw` with the reason, kept in the achievement's history. */
export const withdrawAchievement = ({ id, reason }: { id: string; reason: string }) =>
  api.post<RecordedAchievement>(`/v1/achievements/${encodeURIComponent(id)}/withdraw`, { reason });

/** Withdraws, then refreshes the lists (a 409 means the row on screen was out of date, so then too). */
export function useWithdrawAchievement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawAchievement,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: achievementKeys.lists() });
    },
  });
}
