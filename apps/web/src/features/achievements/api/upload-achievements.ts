import type { AchievementsReport } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadProgress, uploadFile } from '@/lib/upload-file';
import { achievementKeys } from './keys';

/** The API's limits on an Achievements CSV; the size is checked here too, before anything is sent. */
export const MAX_ACHIEVEMENTS_BYTES = 20 * 1024 * 1024;
export const MAX_ACHIEVEMENTS_ROWS = 10_000;

/**
 * `POST /api/v1/achievements/upload` with the file in the field `file`: 200 with a report of every
 * row, recorded or rejected. An expired session is refreshed once.
 */
export function uploadAchievements(
  file: File,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<AchievementsReport> {
  return uploadFile<AchievementsReport>('/v1/achievements/upload', file, {
    ...options,
    tooLargeMessage: 'The selected file must be smaller than 20 MB.',
  });
}

/** The upload; the list of recorded achievements is refreshed when something was recorded. */
export function useUploadAchievements() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      onProgress,
      signal,
    }: {
      file: File;
      onProgress?: (progress: UploadProgress) => void;
      signal?: AbortSignal;
    }) => uploadAchievements(file, { onProgress, signal }),
    onSuccess: (report) => {
      if (report.recorded > 0) void queryClient.invalidateQueries({ queryKey: achievementKeys.lists() });
    },
  });
}
