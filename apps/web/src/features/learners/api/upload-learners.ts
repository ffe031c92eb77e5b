import type { LearnerImportUpload } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadProgress, uploadFile } from '@/lib/upload-file';
import { learnerKeys } from './keys';

export type { UploadProgress } from '@/lib/upload-file';

/** The API's limit on a learners file; checked here too, so a big file fails before it is sent. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 100_000;

/**
 * `POST /api/v1/learners/imports` with the file in the field `file`: 202 for a new file, 200 with
 * `alreadyProcessed` for a file this centre uploaded before. An expired session is refreshed once.
 */
export function uploadLearners(
  file: File,
  { onProgress, signal }: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<LearnerImportUpload> {
  return uploadFile<LearnerImportUpload>('/v1/learners/imports', file, {
    onProgress,
    signal,
    tooLargeMessage: 'The selected file must be smaller than 20 MB.',
  });
}

/** The upload, with what it answers put into the cache, and the list of uploads refreshed. */
export function useUploadLearners() {
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
    }) => uploadLearners(file, { onProgress, signal }),
    onSuccess: (upload) => {
      queryClient.setQueryData(learnerKeys.import(upload.import.id), upload.import);
      void queryClient.invalidateQueries({ queryKey: learnerKeys.importLists() });
    },
  });
}
